; `<receiver>.split` / `.rsplit`; the Rust side checks that it is called with `":"` and indexed
; `[0]` (`<receiver>.split(":")[0]`, `.rsplit(":", 1)[0]`) and that the receiver is an RDS
; instance's `endpoint` (directly or through an apply callback's parameter). The pattern stops at
; the method: the call and the subscript around it, written out, cost tree-sitter's analysis of
; the grammar 63 million instructions to compile, against 23 million.
(attribute
  object: (_) @receiver
  attribute: (identifier) @method
  (#match? @method "^r?split$"))
