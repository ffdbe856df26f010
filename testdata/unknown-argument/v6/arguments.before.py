"""pulumi-aws 6 (pyproject.toml): `vpc` is only deprecated there, a typo is still a TypeError."""
import pulumi_aws as aws

eip = aws.ec2.Eip("nat", vpc=True)
bucket = aws.s3.Bucket("assets", bukcet="assets-prod")
# ServiceDeploymentConfigurationArgs does not exist in 6: that is unknown-resource's finding.
service = aws.ecs.Service(
    "svc",
    deployment_maximum_percnt=200,
    deployment_configuration=aws.ecs.ServiceDeploymentConfigurationArgs(strategy="ROLLING"),
)
