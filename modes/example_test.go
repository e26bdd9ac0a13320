package modes_test

import (
	"fmt"

	"github.com/eipassoc/eipassoc/modes"
)

// Parse accepts the API spelling and the documentation's names, in any case.
func ExampleParse() {
	for _, s := range []string{"NAT", "cut-through", "multi-EIP-to-ENI", "fast"} {
		m, err := modes.Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s -> %s (%s)\n", s, m, m.Properties().Name)
	}
	// Output:
	// NAT -> NAT (NAT mode)
	// cut-through -> BINDED (cut-through mode)
	// multi-EIP-to-ENI -> MULTI_BINDED (multi-EIP-to-ENI mode)
	// modes: parse "fast": unknown mode (want NAT, BINDED or MULTI_BINDED)
}

// Properties gives each mode's documented facts.
func ExampleMode_Properties() {
	for _, m := range modes.All() {
		p := m.Properties()
		fmt.Printf("%-12s primary ENI: %-4s secondary ENI: %-18s visible in OS: %-5v keeps private network: %v\n",
			m, p.PrimaryENI, p.SecondaryENI, p.VisibleInOS, p.KeepsPrivateNetwork)
	}
	// Output:
	// NAT          primary ENI: 1    secondary ENI: one per private IP visible in OS: false keeps private network: true
	// BINDED       primary ENI: none secondary ENI: 1                  visible in OS: true  keeps private network: false
	// MULTI_BINDED primary ENI: none secondary ENI: 10                 visible in OS: true  keeps private network: true
}
