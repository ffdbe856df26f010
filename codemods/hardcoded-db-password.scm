; Every call with an argument list; the Rust side keeps the aws.rds.Instance and aws.rds.Cluster ones.
(call
  function: [(identifier) (attribute)]
  arguments: (argument_list)) @call
