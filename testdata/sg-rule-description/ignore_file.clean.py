# Legacy stack, rules documented elsewhere.
# infra-fix: ignore-file
import pulumi_aws as aws

aws.ec2.SecurityGroupRule("x", type="ingress", protocol="tcp", from_port=22, to_port=22, cidr_blocks=["0.0.0.0/0"], security_group_id="sg-0123")
