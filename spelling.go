package eipassoc

// spelled returns v's API spelling for a message: "none" for the zero value and "an
// unknown value" for any other invalid one, so that no Go type name such as
// "modes.Mode(9)" reaches a person.
func spelled[T interface {
	comparable
	IsValid() bool
	String() string
}](v T) string {
	var zero T
	switch {
	case v == zero:
		return "none"
	case !v.IsValid():
		return "an unknown value"
	}
	return v.String()
}
