import json

from pulumi import Output
from pulumi_aws import iam, s3

bucket = s3.Bucket("assets")


class Storage:
    def __init__(self):
        self.logs = s3.Bucket("logs")
        iam.Policy(
            "write-logs",
            policy=json.dumps({"Statement": [{"Effect": "Allow", "Action": "s3:PutObject", "Resource": self.logs.arn + "/*"}]}),
        )


doc = {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": [bucket.arn]}]}
iam.Policy("read", policy=json.dumps(doc, indent=2))
Output.concat("a", "b")
