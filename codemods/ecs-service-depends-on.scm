; Every call with an argument list; the Rust side keeps aws.ecs.Service.
(call
  function: [(identifier) (attribute)]
  arguments: (argument_list)) @call
