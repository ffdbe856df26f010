import pulumi_aws as aws
import pulumi

igw = aws.ec2.InternetGateway("igw", vpc_id="vpc-1")
eip = aws.ec2.Eip(
	"eip",
	domain="vpc",
	opts=pulumi.ResourceOptions(depends_on=[igw]),
)
