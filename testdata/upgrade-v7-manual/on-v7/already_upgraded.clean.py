import pulumi_aws as aws

# On 7 already: the upgrade does not apply, whatever the code says.
ami = aws.ec2.get_ami(most_recent=True)
