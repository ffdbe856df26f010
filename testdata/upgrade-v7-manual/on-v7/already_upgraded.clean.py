import pulumi
import pulumi_aws as aws

# On 7 already: the upgrade does not apply, whatever the code says.
ami = aws.ec2.get_ami(most_recent=True)
profile = aws.appflow.ConnectorProfile("profile", opts=pulumi.ResourceOptions(import_="profile"))
pulumi.export("idp", aws.opensearch.get_serverless_security_config(id="saml/1/idp").saml_options[0])
