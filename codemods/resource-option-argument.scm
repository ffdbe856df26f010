; Keyword arguments named like a resource option (the parameters of pulumi.ResourceOptions,
; and `depends_on_`); the Rust side keeps those of pulumi_aws resource constructions whose
; class has no such argument, and those of pulumi.InvokeOptions / InvokeOutputOptions.
((keyword_argument
  name: (identifier) @name) @argument
  (#any-of? @name
    "parent" "depends_on" "protect" "provider" "providers" "delete_before_replace"
    "ignore_changes" "version" "aliases" "additional_secret_outputs" "id" "import_"
    "custom_timeouts" "transformations" "transforms" "hooks" "urn"
    "replace_on_changes" "replacement_trigger" "plugin_download_url" "retain_on_delete"
    "deleted_with" "replace_with" "hide_diffs" "env_var_mappings" "state_migrations"
    "depends_on_"))
