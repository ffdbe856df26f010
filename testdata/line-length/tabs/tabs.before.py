import pulumi_aws as aws


def repository(name):
	# Broken with tabs, as the file indents.
	return aws.ecr.Repository(name, name=f"{name}-images", tags={"team": "platform"})
