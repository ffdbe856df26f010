import json
import pulumi_aws as aws
import pulumi

table = aws.dynamodb.Table("orders", hash_key="id", attributes=[{"name": "id", "type": "S"}])
aws.iam.RolePolicy('reader', role='r', policy=pulumi.Output.all(table.arn).apply(lambda args: json.dumps({'Statement': [{'Effect': 'Allow', 'Action': ['dynamodb:GetItem', 'dynamodb:Query'], 'Resource': [args[0], f'{args[0]}/index/*']}]})))
