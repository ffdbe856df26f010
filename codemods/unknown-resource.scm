; Every call with an argument list; the Rust side keeps `pulumi_aws.<module>.<Class>` calls.
(call
  function: [(identifier) (attribute)]
  arguments: (argument_list)) @call
