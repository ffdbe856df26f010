; `json.dumps(<document>)`, `dumps(<document>)`, `Output.json_dumps(<document>)`; the Rust side
; checks the callee and reads the IAM policy document it serializes.
(call
  function: [
    (attribute attribute: (identifier) @function)
    (identifier) @function
  ]
  arguments: (argument_list . (_))
  (#match? @function "^(json_)?dumps$")) @dumps
