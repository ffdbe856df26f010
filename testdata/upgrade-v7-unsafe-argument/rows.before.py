import pulumi
import pulumi_aws as aws

resets = aws.apigateway.Account("resets", cloudwatch_role_arn="arn:aws:iam::123456789012:role/apigw", reset_on_delete=True)
keeps = aws.apigateway.Account(
    "keeps",
    cloudwatch_role_arn="arn:aws:iam::123456789012:role/apigw",
    reset_on_delete=False,
)
keeps_with_options = aws.apigateway.Account(
    "keeps-with-options",
    reset_on_delete=False,
    opts=pulumi.ResourceOptions(protect=True),
)
left_out = aws.apigateway.Account("left-out", cloudwatch_role_arn="arn:aws:iam::123456789012:role/apigw")
options = None
by_options = aws.apigateway.Account("by-options", reset_on_delete=False, opts=options)
retained = aws.apigateway.Account("retained", opts=pulumi.ResourceOptions(retain_on_delete=True))
restored = aws.rds.Instance(
    "restored",
    instance_class="db.t3.micro",
    snapshot_identifier="snap-1",
    character_set_name="AL32UTF8",
)
created = aws.rds.Instance("created", instance_class="db.t3.micro", engine="oracle-se2", character_set_name="AL32UTF8")
association = aws.ssm.Association("patch", name="AWS-RunPatchBaseline", instance_id="i-0123456789abcdef0")
