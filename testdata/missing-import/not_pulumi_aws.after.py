import pulumi

# `aws` is used, but some of its names are not pulumi_aws names: not guessed.
bucket = aws.s3.Bucket("assets")
client = aws.Session().client("s3")
