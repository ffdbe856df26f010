import json
import pulumi_aws as aws
import pulumi

table = aws.dynamodb.Table("orders", hash_key="id", attributes=[{"name": "id", "type": "S"}])
role = aws.iam.Role("reader", assume_role_policy=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))
aws.lambda_.Function("reader", role=role.arn, package_type="Image", image_uri="123456789012.dkr.ecr.us-east-1.amazonaws.com/reader:1", environment={"variables": {"TABLE": table.name}})
aws.iam.RolePolicy('reader', role=role.id, policy=pulumi.Output.all(table.arn).apply(lambda args: json.dumps({'Statement': [{'Effect': 'Allow', 'Action': ['dynamodb:GetItem', 'dynamodb:Query'], 'Resource': [args[0], f"{args[0]}/index/*"]}]})))
