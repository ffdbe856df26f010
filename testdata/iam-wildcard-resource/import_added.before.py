import json
import pulumi_aws as aws

table = aws.dynamodb.Table("orders", hash_key="id", attributes=[{"name": "id", "type": "S"}])
aws.iam.RolePolicy('reader', role='r', policy=json.dumps({'Statement': [{'Effect': 'Allow', 'Action': ['dynamodb:GetItem', 'dynamodb:Query'], 'Resource': '*'}]}))
