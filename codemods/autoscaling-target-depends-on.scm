; Every call with an argument list; the Rust side keeps aws.appautoscaling.Target.
(call
  function: [(identifier) (attribute)]
  arguments: (argument_list)) @call
