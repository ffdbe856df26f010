import pulumi
import pulumi_aws as aws

resets = aws.apigateway.Account("resets", cloudwatch_role_arn="arn:aws:iam::123456789012:role/apigw")
keeps = aws.apigateway.Account(
    "keeps",
    cloudwatch_role_arn="arn:aws:iam::123456789012:role/apigw",
    opts=pulumi.ResourceOptions(retain_on_delete=True),
)
keeps_with_options = aws.apigateway.Account(
    "keeps-with-options",
    opts=pulumi.ResourceOptions(protect=True, retain_on_delete=True),
)
left_out = aws.apigateway.Account("left-out", cloudwatch_role_arn="arn:aws:iam::123456789012:role/apigw")
options = None
by_options = aws.apigateway.Account(
    "by-options",
    opts=pulumi.ResourceOptions.merge(
        options,
        pulumi.ResourceOptions(retain_on_delete=True),
    ),
)
retained = aws.apigateway.Account("retained", opts=pulumi.ResourceOptions(retain_on_delete=True))
restored = aws.rds.Instance(
    "restored",
    instance_class="db.t3.micro",
    snapshot_identifier="snap-1",
)
created = aws.rds.Instance("created", instance_class="db.t3.micro", engine="oracle-se2", character_set_name="AL32UTF8")
association = aws.ssm.Association("patch", name="AWS-RunPatchBaseline", targets=[{"key": "InstanceIds", "values": ["i-0123456789abcdef0"]}])
