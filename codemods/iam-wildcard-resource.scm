; `json.dumps(<document>)` / `dumps(<document>)`; the Rust side checks that the callee is
; `json.dumps` and reads the IAM policy document it serializes.
(call
  function: [
    (attribute attribute: (identifier) @function)
    (identifier) @function
  ]
  arguments: (argument_list . (_))
  (#eq? @function "dumps")) @dumps
