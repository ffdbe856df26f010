import pulumi_aws as aws

# On a project already on 7 the upgrade rules stay quiet.
account = aws.apigateway.Account("account")
