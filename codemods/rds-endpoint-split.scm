; `<receiver>.split(":")[0]` / `.rsplit(":", 1)[0]`; the Rust side checks that the receiver is
; an RDS instance's `endpoint` (directly or through an apply callback's parameter).
(subscript
  value: (call
    function: (attribute
      object: (_) @receiver
      attribute: (identifier) @method)
    arguments: (argument_list . (string) @separator))
  subscript: (integer) @index
  (#match? @method "^r?split$")
  (#eq? @index "0")) @split
