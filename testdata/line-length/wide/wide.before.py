import pulumi_aws as aws

# Fits in 120 columns after the fix: stays on one line.
images = aws.ecr.Repository("images", name="images-repository")
# Longer than 120 columns after the fix: broken.
logs = aws.ecr.Repository("logs", name="logs-repository", tags={"team": "platform", "cost-center": "1234"})
