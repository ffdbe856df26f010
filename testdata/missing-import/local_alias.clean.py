import importlib

aws = importlib.import_module("pulumi_aws")
bucket = aws.s3.Bucket("assets")
