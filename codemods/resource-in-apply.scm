; `<output>.apply`; the Rust side takes the call of it and looks for resources built in its
; callback. The pattern stops at the method: with the call around it written out, tree-sitter's
; analysis of the grammar costs 32 million instructions to compile it, against 23 million.
(attribute
  attribute: (identifier) @method
  (#eq? @method "apply")) @apply
