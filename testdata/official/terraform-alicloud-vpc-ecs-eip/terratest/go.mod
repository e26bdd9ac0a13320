module github.com/modules/terraform-alicloud-ecs-instance/terratest

go 1.16

require (
	github.com/gruntwork-io/terratest v0.37.4
	github.com/stretchr/testify v1.4.0
)
