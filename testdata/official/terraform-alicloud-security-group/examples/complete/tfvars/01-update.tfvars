#################
# security-group
#################
name        = "update-tf-testacc-sg"
description = "update-tf-testacc-description"
tags = {
  Name = "updateSG"
}

#################
# ingress_rules
#################
rule_description = "update-tf-testacc-rulw-description"