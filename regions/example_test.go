package regions_test

import (
	"fmt"

	"github.com/eipassoc/eipassoc/modes"
	"github.com/eipassoc/eipassoc/regions"
)

// Lookup gives a region's name, status and modes; an unknown ID is a typed error.
func ExampleLookup() {
	for _, id := range []regions.ID{"cn-guangzhou", "ap-south-1", "mars-1"} {
		info, err := regions.Lookup(id)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf(
			"%s: %s, %s, modes %v, cut-through listing %+v\n",
			info.ID,
			info.Name,
			info.Status,
			info.Modes(),
			info.Listing(modes.Binded),
		)
	}
	// Output:
	// cn-guangzhou: China (Guangzhou), open, modes [NAT BINDED], cut-through listing {ProductDoc:true APIDoc:false}
	// ap-south-1: India (Mumbai), closed, modes [], cut-through listing {ProductDoc:false APIDoc:false}
	// regions: lookup "mars-1": unknown region ID
}
