package check

import (
	"errors"
)

// ErrInput is wrapped by every *InputError.
var ErrInput = errors.New("check: invalid input")

// An InputError reports an input that cannot be read: a file that is not plan JSON, an
// unsupported format version, a malformed inventory. The CLI exits with status 2 on it.
type InputError struct {
	// File names the input.
	File string
	// Where is the position or field, when known, e.g. "line 3" or "resource_changes".
	Where string
	// Msg says what is wrong.
	Msg string
}

// Error returns "FILE: WHERE: MSG".
func (e *InputError) Error() string {
	s := "check: " + e.File
	if e.Where != "" {
		s += ": " + e.Where
	}
	return s + ": " + e.Msg
}

// Code returns the stable code "input-invalid".
func (e *InputError) Code() string { return "input-invalid" }

// Unwrap returns [ErrInput].
func (e *InputError) Unwrap() error { return ErrInput }
