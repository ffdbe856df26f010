; Calls the upgrade to 6 renames (pulumi::upgrade): into a removed module
; (elasticloadbalancingv2, applicationloadbalancing, elasticloadbalancing), or by name (the
; renamed classes and functions, `get_subnet_ids`, the classes whose arguments were renamed
; or replaced). The names are the codemod's trigger words; the Rust side resolves the callee.
(call
  function: [
    (identifier) @name
    (attribute attribute: (identifier) @name)
  ]
  arguments: (argument_list)
  (#any-of? @name
    "TransitGatewayPeeringAttachmentAccepter" "ConfgurationSet"
    "get_ami" "get_ami_output" "get_ami_ids" "get_ami_ids_output"
    "get_autoscaling_groups" "get_autoscaling_groups_output"
    "get_canonical_user_id" "get_elastic_ip" "get_elastic_ip_output"
    "get_prefix_list" "get_prefix_list_output" "get_function" "get_function_output"
    "get_openid_connect_provider" "get_openid_connect_provider_output"
    "Attachment" "AttachmentArgs" "ReplicationGroup" "ReplicationGroupArgs"
    "Instance" "InstanceArgs" "get_subnet_ids" "get_subnet_ids_output"
    "Route" "RouteArgs" "RouteTableRouteArgs" "RestApi" "RestApiArgs")) @call

(call
  function: (attribute
    object: [
      (identifier) @module
      (attribute attribute: (identifier) @module)
    ])
  arguments: (argument_list)
  (#any-of? @module "elasticloadbalancingv2" "applicationloadbalancing" "elasticloadbalancing")) @call

; Imports of a removed module: `from pulumi_aws import elasticloadbalancingv2 as elbv2`,
; `from pulumi_aws.elasticloadbalancingv2 import LoadBalancer`,
; `import pulumi_aws.elasticloadbalancingv2 as elbv2`.
(import_from_statement
  [
    module_name: (dotted_name (identifier) @module)
    name: (dotted_name (identifier) @module)
    name: (aliased_import name: (dotted_name (identifier) @module))
  ]
  (#any-of? @module "elasticloadbalancingv2" "applicationloadbalancing" "elasticloadbalancing")) @import

(import_statement
  name: [
    (dotted_name (identifier) @module)
    (aliased_import name: (dotted_name (identifier) @module))
  ]
  (#any-of? @module "elasticloadbalancingv2" "applicationloadbalancing" "elasticloadbalancing")) @import
