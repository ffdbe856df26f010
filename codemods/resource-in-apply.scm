; `<output>.apply(<callback>)`; the Rust side looks for resources built in the callback.
(call
  function: (attribute
    attribute: (identifier) @method)
  arguments: (argument_list)
  (#eq? @method "apply")) @apply
