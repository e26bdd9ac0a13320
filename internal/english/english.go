// Package english spells counts for the messages eipassoc prints.
package english

import "strconv"

// Count writes "1 error" or "2 errors": the noun takes an s unless n is 1.
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
