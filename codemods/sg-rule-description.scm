; Every call with an argument list; the Rust side keeps security group rules and groups with
; inline ingress / egress rules.
(call
  function: [(identifier) (attribute)]
  arguments: (argument_list)) @call
