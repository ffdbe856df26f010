import pulumi_aws as aws

# Each unused id goes; what else the comment says, and the code, stay.
bucket = aws.s3.Bucket("logs")  # legacy
repo = aws.ecr.Repository(  # infra-fix: ignore[ecr-force-delete]
    "app",
)
topic = aws.sns.Topic("events")
queue = aws.sqs.Queue("jobs")  # the queue is shared
table = aws.dynamodb.Table("t", hash_key="id")  # TODO: billing
if True:
	eip = aws.ec2.Eip("ip")  # tabs stay
	eip2 = aws.ec2.Eip("ip2")
