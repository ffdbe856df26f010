; Every call with an argument list; the Rust side keeps aws.rds.Instance and aws.rds.Cluster.
(call
  function: [(identifier) (attribute)]
  arguments: (argument_list)) @call
