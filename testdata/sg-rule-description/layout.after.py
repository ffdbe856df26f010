import pulumi_aws as aws

api_sg = aws.ec2.SecurityGroup("api")
db_sg = aws.ec2.SecurityGroup("db")

# One line: the description goes inline.
aws.ec2.SecurityGroupRule("api-https", type="ingress", protocol="tcp", from_port=443, to_port=443, cidr_blocks=["0.0.0.0/0"], security_group_id=api_sg.id, description="Allow HTTPS from internet")

# One per line, trailing comma, comments inside.
aws.ec2.SecurityGroupRule(
    "db-from-api",
    type="ingress",  # inbound
    protocol="tcp",
    # PostgreSQL
    from_port=5432,
    to_port=5432,
    source_security_group_id=api_sg.id,
    security_group_id=db_sg.id,  # the database
    description="Allow api to reach db on PostgreSQL",
)

# One per line, no trailing comma, a comment after the last argument and before the paren.
aws.ec2.SecurityGroupRule(
    "api-to-db",
    type="egress",
    protocol="tcp",
    from_port=5432,
    to_port=5432,
    source_security_group_id=db_sg.id,
    security_group_id=api_sg.id,  # egress side
    description="Allow api to reach db on PostgreSQL"
    # end of rule
)

# Hanging indent with the closing paren on the last line.
aws.ec2.SecurityGroupRule("api-out", type="egress", protocol="-1",
                          from_port=0, to_port=0,
                          cidr_blocks=["0.0.0.0/0"], security_group_id=api_sg.id, description="Allow all outbound traffic")

# Opening line carries arguments, the rest one per line.
aws.ec2.SecurityGroupRule("api-redis",
    type="egress",
    protocol="tcp",
    from_port=6379,
    to_port=6379,
    cidr_blocks=["10.0.3.0/24"],
    security_group_id=api_sg.id,
    description="Allow Redis to 10.0.3.0/24")
