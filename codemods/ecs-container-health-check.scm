; Every call with an argument list; the Rust side keeps the aws.ecs.TaskDefinition ones.
(call
  function: [(identifier) (attribute)]
  arguments: (argument_list)) @call
