; Calls of the pulumi-aws data-source functions whose arguments or results 7 changed
; (pulumi::upgrade); the list is the codemod's trigger words, and a test keeps them in step.
(call
  function: [
    (identifier) @name
    (attribute attribute: (identifier) @name)
  ]
  arguments: (argument_list)
  (#any-of? @name
    "get_region" "get_region_output"
    "get_compute_environment" "get_compute_environment_output"
    "get_accelerator" "get_accelerator_output"
    "get_templates" "get_templates_output"
    "get_bucket" "get_bucket_output"
    "get_group" "get_group_output" "get_user" "get_user_output"
    "get_data_set" "get_data_set_output" "get_service" "get_service_output")) @call
