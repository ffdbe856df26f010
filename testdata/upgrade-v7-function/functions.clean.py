import pulumi_aws as aws

region = aws.get_region().region
zones = aws.get_availability_zones().names
