// Package examples holds runnable programs that show eipassoc at work; each lives in a
// folder of its own and runs with "go run ./examples/NAME":
//
//   - quickstart: the decisions for the product documentation's scenarios, one per
//     mode, with the capacities, the refusals and the fees.
package examples
