// Package family parses ECS instance types into instance families. It is the one
// definition that package eni (limits tables are per family) and package modes
// (multi-EIP-to-ENI admits listed families) share; package ecs exports it.
package family

import "strings"

// Of returns the instance family of an instance type, lower-cased and trimmed: "ecs.g7"
// for "ecs.g7.large", "ecs.gn5i-c8g1" for "ecs.gn5i-c8g1.2xlarge". A type with fewer
// than two dots is returned lower-cased and trimmed, unchanged otherwise.
func Of(instanceType string) string {
	t := strings.ToLower(strings.TrimSpace(instanceType))
	if strings.Count(t, ".") < 2 {
		return t
	}
	return t[:strings.LastIndexByte(t, '.')]
}

// In reports whether an instance type belongs to one of the listed families: its family
// equals one, or extends one with a dash ("ecs.gn5i-c8g1" is in "ecs.gn5i").
func In(instanceType string, families []string) bool {
	f := Of(instanceType)
	for _, listed := range families {
		if f == listed || strings.HasPrefix(f, listed+"-") {
			return true
		}
	}
	return false
}
