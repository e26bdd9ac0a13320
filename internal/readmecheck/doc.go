// Package readmecheck holds no code. Its test type-checks the Go snippets of the README
// as functions of this package, so that what a new user copies from it compiles against
// the module as it is.
package readmecheck
