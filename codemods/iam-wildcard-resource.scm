; `json.dumps(<document>)`, `dumps(<document>)`, `Output.json_dumps(<document>)`; the Rust side
; checks the callee and reads the IAM policy document it serializes.
(call
  function: [
    (attribute attribute: (identifier) @function)
    (identifier) @function
  ]
  arguments: (argument_list . (_))
  (#match? @function "^(json_)?dumps$")) @dumps

; `<output>.apply(json.dumps)`: the document is the output's value.
(call
  function: (attribute attribute: (identifier) @apply)
  arguments: (argument_list .
    [
      (attribute attribute: (identifier) @serializer)
      (identifier) @serializer
    ] .)
  (#eq? @apply "apply")
  (#eq? @serializer "dumps")) @applied

; `policy=<document>`: pulumi-aws takes a policy document as a dict too.
(keyword_argument
  name: (identifier) @keyword
  value: (_) @policy
  (#eq? @keyword "policy"))
