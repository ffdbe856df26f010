; The whole file, once: the Rust side looks for `aws`, `pulumi_aws`, `pulumi` and `json` used
; as `name.<attribute>` with nothing in the file binding them.
(module) @module
