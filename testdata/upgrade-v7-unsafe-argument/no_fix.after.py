import pulumi_aws as aws

reset = True
by_variable = aws.apigateway.Account("by-variable", reset_on_delete=reset)
# The options belong to the resource this object is given to, written elsewhere.
by_args = aws.apigateway.AccountArgs(reset_on_delete=False)
# Both: which instances the association targets is a person's call.
both = aws.ssm.Association(
    "both", name="AWS-RunPatchBaseline", instance_id="i-1", targets=[{"key": "tag:Patch", "values": ["yes"]}]
)
