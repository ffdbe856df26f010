"""Every way a program can name aws.ec2.Eip."""
import pulumi
import pulumi_aws as aws
import pulumi_aws
from pulumi_aws import ec2
from pulumi_aws.ec2 import Eip
from pulumi_aws.ec2 import Eip as ElasticIp

a = aws.ec2.Eip("a", vpc=True)
b = pulumi_aws.ec2.Eip("b", vpc=True, tags={"Name": "b"})
c = ec2.Eip("c", tags={"Name": "c"}, vpc=True)
d = Eip("d", vpc=True)
e = ElasticIp(
    "e",
    vpc=True,  # keep this comment
    tags={"Name": "e"},
)
f = ElasticIp(
    "f",
    tags={"Name": "f"},
    vpc=True
)

pulumi.export("ips", [a.public_ip, b.public_ip])
