import pulumi_aws as aws

# Each unused id goes; what else the comment says, and the code, stay.
bucket = aws.s3.Bucket("logs")  # infra-fix: ignore[ecr-force-delete]  # legacy
repo = aws.ecr.Repository(  # infra-fix: ignore[ecr-force-delete, eip-domain-vpc]
    "app",
)
# infra-fix: ignore[ecr-force-delete]
topic = aws.sns.Topic("events")
queue = aws.sqs.Queue("jobs")  # infra-fix: ignore[ecr-force-delete] the queue is shared
table = aws.dynamodb.Table("t", hash_key="id")  # TODO: billing  # infra-fix: ignore[rds-backup-retention]
if True:
	eip = aws.ec2.Eip("ip")  # infra-fix: ignore[eip-domain-vpc]  tabs stay
	eip2 = aws.ec2.Eip("ip2")  # infra-fix: ignore[eip-domain-vpc]
