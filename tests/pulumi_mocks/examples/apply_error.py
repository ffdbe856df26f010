# An exception inside an apply callback must make the run fail.
import pulumi
import pulumi_aws as aws

bucket = aws.s3.Bucket("b")


def boom(arn):
    raise ValueError(f"boom in apply: {arn}")


bucket.arn.apply(boom)  # result deliberately unused: must still be detected
