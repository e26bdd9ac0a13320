// Package examples holds runnable programs that show eipassoc at work; each lives in a
// folder of its own and runs with "go run ./examples/NAME":
//
//   - quickstart: the rules' decisions for the product documentation's scenarios, one
//     per mode, with the capacities, the refusals and the fees.
//   - walkthrough: the three modes end to end on the fake backend through the checked
//     Client: associate, attach, read gateway info, move an ENI with its EIPs.
//
// The package backend/fake also has a testable example of a user's unit test that runs
// against the fake instead of a real account (Example_unitTest).
package examples
