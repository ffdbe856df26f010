; Reads of members of the pulumi-aws enums some of whose members 7 dropped
; (pulumi::upgrade::v7_removed_enum_member); the class names are the codemod's trigger words,
; and a test keeps them in step with the data.
(attribute
  object: [
    (identifier) @class
    (attribute attribute: (identifier) @class)
  ]
  attribute: (identifier) @member
  (#any-of? @class "InstanceType" "ManagedPolicy")) @read
