# The configuration the integration test runs tflint with: only this ruleset.
plugin "terraform" {
  enabled = false
}
plugin "eipassoc" {
  enabled = true
}
