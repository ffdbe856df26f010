; Calls the upgrade to 6 leaves to a person (pulumi::upgrade): the classes 6 removed (the
; EC2-Classic security groups, Macie Classic) and their Args, and the classes whose
; EC2-Classic arguments 6 removed. The names are the codemod's trigger words; the Rust side
; resolves the callee.
(call
  function: [
    (identifier) @name
    (attribute attribute: (identifier) @name)
  ]
  arguments: (argument_list)
  (#any-of? @name
    "SecurityGroup" "SecurityGroupArgs" "SecurityGroupIngressArgs"
    "MemberAccountAssociation" "MemberAccountAssociationArgs"
    "S3BucketAssociation" "S3BucketAssociationArgs" "S3BucketAssociationClassificationTypeArgs"
    "Vpc" "VpcArgs" "DefaultVpc" "DefaultVpcArgs" "LaunchConfiguration" "LaunchConfigurationArgs"
    "Cluster" "ClusterArgs" "Instance" "InstanceArgs")) @call
