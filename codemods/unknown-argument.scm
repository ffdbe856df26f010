; Every call with an argument list; the Rust side keeps pulumi_aws classes the tables know.
(call
  function: [(identifier) (attribute)]
  arguments: (argument_list)) @call
