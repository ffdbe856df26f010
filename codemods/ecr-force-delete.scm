; Every call with an argument list; the Rust side keeps the aws.ecr.Repository ones.
(call
  function: [(identifier) (attribute)]
  arguments: (argument_list)) @call
