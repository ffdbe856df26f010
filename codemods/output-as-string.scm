; Constructions of pulumi_aws classes; the Rust side keeps resources and follows the outputs the
; program reads from them.
(call
  function: [(identifier) (attribute)]
  arguments: (argument_list)) @call
