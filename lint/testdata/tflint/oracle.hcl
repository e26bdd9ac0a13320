# The configuration of the ruleset's Terraform oracle test: this ruleset, with the
# undecided rules reported, so that a resource it cannot expand says so.
plugin "terraform" {
  enabled = false
}
plugin "eipassoc" {
  enabled = true
}
rule "plan-value-unknown" {
  enabled = true
}
