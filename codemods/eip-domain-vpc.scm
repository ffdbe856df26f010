; Constructions of pulumi_aws classes; the Rust side keeps aws.ec2.Eip and EipArgs calls with
; a `vpc=` keyword.
(call
  function: [(identifier) (attribute)]
  arguments: (argument_list)) @call
