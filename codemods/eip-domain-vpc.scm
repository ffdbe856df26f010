; Calls with a `vpc=` keyword argument; the Rust side checks that the call is an aws.ec2.Eip.
(call
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @keyword
      (#eq? @keyword "vpc")) @argument)) @call
