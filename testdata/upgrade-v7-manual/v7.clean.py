import pulumi_aws as aws

api = aws.apigateway.RestApi("api")
deployment = aws.apigateway.Deployment("api", rest_api=api.id)
stage = aws.apigateway.Stage("prod", rest_api=api.id, deployment=deployment.id, stage_name="prod")
cluster_ami = aws.ec2.get_ami(most_recent=True, owners=["amazon"])
by_owner = aws.ec2.get_ami(most_recent=True, filters=[{"name": "owner-alias", "values": ["amazon"]}])
unknown = aws.ec2.get_ami(most_recent=True, filters=FILTERS)
oldest = aws.ec2.get_ami(most_recent=False)
