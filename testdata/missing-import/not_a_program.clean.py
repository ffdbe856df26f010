# No pulumi_aws program: `pulumi` and `json` are not ours to judge, `aws.client` is no module.
result = json.dumps({"a": 1})
session = aws.client("s3")
