; Calls the upgrade to 7 leaves to a person (pulumi::upgrade): by name (Deployment, get_ami,
; get_service_account, the classes with a manual argument, a changed output, import ID or
; website routing rules, or of
; a deprecated service) or into a removed module (opsworks, simpledb, worklink). The names are
; the codemod's trigger words; the Rust side resolves the callee.
(call
  function: [
    (identifier) @name
    (attribute attribute: (identifier) @name)
  ]
  arguments: (argument_list)
  (#any-of? @name
    "Deployment" "get_ami" "get_ami_output"
    "get_service_account" "get_service_account_output"
    "Endpoint" "EndpointArgs" "Cluster" "ClusterArgs" "Detector" "DetectorArgs"
    "Pipeline" "Preset" "Feature" "Launch" "Project" "Segment" "Container"
    "ContainerPolicy" "AnalyticsApplication" "Addon" "AddonArgs" "FlowLog" "FlowLogArgs"
    "OrganizationConfiguration" "OrganizationConfigurationArgs" "Domain" "get_domain"
    "get_domain_output" "get_task_definition" "get_task_definition_output"
    "get_launch_template" "get_launch_template_output"
    "get_serverless_security_config" "get_serverless_security_config_output" "Key"
    "ConnectorProfile" "Flow" "UserInGroup" "ImageVersion" "Bucket" "BucketWebsiteArgs")) @call

(call
  function: (attribute
    object: [
      (identifier) @module
      (attribute attribute: (identifier) @module)
    ])
  arguments: (argument_list)
  (#any-of? @module "opsworks" "simpledb" "worklink")) @call
