import pulumi


def make_bucket(aws, name):
    # `aws` is a parameter here: whatever the caller passes.
    return aws.s3.Bucket(name)


for json in ["a", "b"]:
    json.upper()
