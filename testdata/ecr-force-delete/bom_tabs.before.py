import pulumi_aws as aws


def build(name):
	repo = aws.ecr.Repository(
		name,
		name=name,
	)
	other = aws.ecr.Repository(
		f"{name}-other"
	)
	return repo, other
