; Every call with an argument list; the Rust side keeps aws.ec2.Eip, NatGateway and Route.
(call
  function: [(identifier) (attribute)]
  arguments: (argument_list)) @call
