import pulumi_aws as aws

# This file writes its strings with single quotes: so does the fix.
repo = aws.ecr.Repository(
    'app',
    name='app',
    tags={'Team': 'web', 'Env': 'dev'},
    image_tag_mutability='MUTABLE',
    force_delete=True,
)
inline = aws.ecr.Repository(
    'inline',
    name='inline',
    image_tag_mutability='MUTABLE',
    force_delete=True,
)
