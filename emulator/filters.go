package emulator

import (
	"strconv"
)

// The narrowing and paging the describe calls of data sources take: PageNumber and
// PageSize, ResourceGroupId, and the filters each describe applies in its own handler.

// pageOf returns page PageNumber (from 1; default 1) of PageSize items (1 to 100;
// default 10, or all of them when the call names neither), with its head.
func pageOf[T any](p *params, list []T) ([]T, pageHead, error) {
	if !p.has("PageNumber") && !p.has("PageSize") {
		return list, onePage(len(list), max(len(list), 10)), nil
	}
	number, size := 1, 10
	if v := p.str("PageNumber"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return nil, pageHead{}, p.badParam("PageNumber", "a page number from 1")
		}
		number = n
	}
	if v := p.str("PageSize"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			return nil, pageHead{}, p.badParam("PageSize", "1 to 100")
		}
		size = n
	}
	head := pageHead{RequestID: newRequestID(), TotalCount: len(list), PageNumber: number, PageSize: size}
	start := min((number-1)*size, len(list))
	return list[start:min(start+size, len(list))], head, nil
}

// inGroup says whether a resource in resource group group matches ResourceGroupId.
// The emulator's VPCs, vSwitches and security groups are in no group: naming one
// selects none of them, as a group that holds none of them would.
func inGroup(p *params, group string) bool {
	want := p.str("ResourceGroupId")
	return want == "" || want == group
}

// matches says whether a filter parameter is absent or equals value.
func matches(p *params, name, value string) bool {
	want := p.str(name)
	return want == "" || want == value
}
