package fake

import (
	"regexp"

	"github.com/eipassoc/eipassoc/backend"
)

// resourceGroupID is the shape of a resource group ID. The account's resource groups
// are not modelled: any ID of that shape is taken and kept, as the resource's.
var resourceGroupID = regexp.MustCompile(`^rg-[a-z0-9]{1,64}$`)

// checkResourceGroup checks a resource group ID a create call gives, empty or of the
// shape of one.
func checkResourceGroup(op backend.Op, id string) error {
	if id != "" && !resourceGroupID.MatchString(id) {
		return fail(op, "InvalidResourceGroupId.Malformed", "A resource group ID is rg- and lower case letters or digits.")
	}
	return nil
}
