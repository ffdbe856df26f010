"""Every way a program can name aws.ec2.Eip."""
import pulumi
import pulumi_aws as aws
import pulumi_aws
from pulumi_aws import ec2
from pulumi_aws.ec2 import Eip
from pulumi_aws.ec2 import Eip as ElasticIp

a = aws.ec2.Eip("a", domain="vpc")
b = pulumi_aws.ec2.Eip("b", domain="vpc", tags={"Name": "b"})
c = ec2.Eip("c", tags={"Name": "c"}, domain="vpc")
d = Eip("d", domain="vpc")
e = ElasticIp(
    "e",
    domain="vpc",  # keep this comment
    tags={"Name": "e"},
)
f = ElasticIp(
    "f",
    tags={"Name": "f"},
    domain="vpc"
)

pulumi.export("ips", [a.public_ip, b.public_ip])
