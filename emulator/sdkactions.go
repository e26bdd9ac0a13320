package emulator

import (
	"reflect"
	"strings"
	"sync"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"
)

// sdkActions are the actions of the two APIs the server speaks, as the official SDKs
// know them: every method of the SDK clients named ActionWithOptions is one action.
// An action outside this set does not exist, and the cloud answers it with 404
// InvalidAction.NotFound; one inside it that the server does not serve is a real
// action the emulator does not model, and gets a loud answer of its own.
var sdkActions = sync.OnceValue(func() map[opKey]bool {
	out := map[opKey]bool{}
	for version, client := range map[string]reflect.Type{
		VPCVersion: reflect.TypeFor[*vpc.Client](),
		ECSVersion: reflect.TypeFor[*ecs.Client](),
	} {
		for i := range client.NumMethod() {
			if action, ok := strings.CutSuffix(client.Method(i).Name, "WithOptions"); ok && action != "" {
				out[opKey{version, action}] = true
			}
		}
	}
	return out
})
