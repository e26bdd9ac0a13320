// Package ecs describes ECS instances as the EIP and ENI rules see them: an [Instance]
// (its type, placement, attached ENIs and ENI limits) and whether its OS has [DHCP]
// enabled. It is the one definition that the rules, the backends, the emulator and the
// plan checker share. Like the other domain packages it depends on the standard
// library only.
package ecs
