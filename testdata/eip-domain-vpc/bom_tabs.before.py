import pulumi_aws as aws


eip = aws.ec2.Eip(
	"tabs",
	vpc=True,
)
