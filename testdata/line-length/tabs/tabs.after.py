import pulumi_aws as aws


def repository(name):
	# Broken with tabs, as the file indents.
	return aws.ecr.Repository(
		name,
		name=f"{name}-images",
		tags={"team": "platform"},
		image_tag_mutability="MUTABLE",
		force_delete=True,
	)
