; Constructions of pulumi_aws classes; the Rust side keeps those whose arguments pulumi-aws 7
; changed (pulumi::upgrade::V7_ARGUMENTS).
(call
  function: [(identifier) (attribute)]
  arguments: (argument_list)) @call
