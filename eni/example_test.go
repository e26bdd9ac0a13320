package eni_test

import (
	"fmt"

	"github.com/eipassoc/eipassoc/eni"
)

// LimitsFor answers from the dated built-in table; a missing type reports ok=false so
// the caller can supply live limits from DescribeInstanceTypes.
func ExampleLimitsFor() {
	for _, typ := range []string{"ecs.c6.large", "ecs.g8i.large"} {
		l, ok := eni.LimitsFor(typ)
		if !ok {
			fmt.Printf("%s: not in the %s table; ask DescribeInstanceTypes\n", typ, eni.LimitsDate)
			continue
		}
		fmt.Printf(
			"%s: %d ENIs (%d secondary), %d private IPs per ENI\n",
			typ,
			l.ENIs,
			l.SecondaryENIs(),
			l.PrivateIPsPerENI,
		)
	}
	// Output:
	// ecs.c6.large: 2 ENIs (1 secondary), 6 private IPs per ENI
	// ecs.g8i.large: not in the 2021-07-19 table; ask DescribeInstanceTypes
}
