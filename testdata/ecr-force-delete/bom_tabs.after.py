import pulumi_aws as aws


def build(name):
	repo = aws.ecr.Repository(
		name,
		name=name,
		image_tag_mutability="MUTABLE",
		force_delete=True,
	)
	other = aws.ecr.Repository(
		f"{name}-other",
		image_tag_mutability="MUTABLE",
		force_delete=True
	)
	return repo, other
