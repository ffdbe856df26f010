; `dumps` and `json_dumps`, called (`json.dumps(<document>)`, `dumps(<document>)`,
; `Output.json_dumps(<document>)`) or given to an output (`<output>.apply(json.dumps)`): the
; Rust side tells the two apart and resolves the name. The patterns stop at the name: each level
; of nesting around it (the call, its arguments) multiplies what tree-sitter's analysis of the
; grammar costs to compile the query (64 million instructions with them, 23 million without).
([
  (attribute attribute: (identifier) @name)
  (identifier) @name
] @dumps
  (#match? @name "^(json_)?dumps$"))

; `policy=<document>`: pulumi-aws takes a policy document as a dict too.
(keyword_argument
  name: (identifier) @keyword
  value: (_) @policy
  (#eq? @keyword "policy"))
