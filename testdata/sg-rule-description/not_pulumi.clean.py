# Not a Pulumi AWS program: a look-alike class is never touched.
class SecurityGroupRule:
    def __init__(self, name, **kwargs):
        self.name = name


class ec2:
    SecurityGroupRule = SecurityGroupRule


ec2.SecurityGroupRule("x", type="ingress", protocol="tcp", from_port=22, to_port=22, cidr_blocks=["0.0.0.0/0"])
