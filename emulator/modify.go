package emulator

import (
	"context"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
	"github.com/eipassoc/eipassoc/eni"
)

// renamer answers an attribute change of names and descriptions: idParam names the
// resource, nameParam its name. Other parameters are refused, named.
func (s *Server) renamer(op backend.Op, idParam, nameParam string) handler {
	allowed := renamerParams(op, idParam, nameParam)
	return func(ctx context.Context, p *params) (any, error) {
		r, id, err := regionAnd(p, idParam)
		if err != nil {
			return nil, err
		}
		if err := refuseOthers(p, allowed); err != nil {
			return nil, err
		}
		in := fake.ModifyInput{Region: r, ID: id, Name: p.optional(nameParam), Description: p.optional("Description")}
		if op == fake.OpModifyENI {
			groups, err := p.list("SecurityGroupId", 5)
			if err != nil {
				return nil, err
			}
			if len(groups) > 0 {
				in.SecurityGroups = groups
			}
		}
		var options map[string]string
		if op == fake.OpModifyENI {
			if options, err = eniOptions(p); err != nil {
				return nil, err
			}
		}
		if err := s.b.Modify(ctx, op, in); err != nil {
			return nil, err
		}
		if len(options) > 0 {
			if err := s.b.SetENIOptions(ctx, r, eni.ID(id), options); err != nil {
				return nil, err
			}
		}
		return ok()
	}
}

// The routes of this file's handlers: for each operation, the parameters it models or
// keeps and the handler that answers it (see addRoutes).
var _ = addRoutes(
	renamerRoute(backend.VPC, fake.OpModifyVPC, "VpcId", "VpcName"),
	renamerRoute(backend.VPC, fake.OpModifyVSwitch, "VSwitchId", "VSwitchName"),
	renamerRoute(backend.ECS, fake.OpModifySecurityGroup, "SecurityGroupId", "SecurityGroupName"),
	renamerRoute(backend.ECS, fake.OpModifyENI, "NetworkInterfaceId", "NetworkInterfaceName"),
)

// renamerRoute routes an operation that changes a resource's name and description
// (see renamer), with the parameters renamerParams gives.
func renamerRoute(api backend.API, op backend.Op, idParam, nameParam string) route {
	return route{API: api, Op: op, Params: renamerParams(op, idParam, nameParam),
		Handler: func(s *Server) handler { return s.renamer(op, idParam, nameParam) }}
}
