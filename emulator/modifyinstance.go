package emulator

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// ModifyInstanceAttribute, and the password rules it and RunInstances apply.

// modifyInstanceAttribute changes an instance's name and description. Other attributes
// (host name, password, user data, ...) are refused as UnsupportedParameter rather
// than ignored, so that an update never seems to pass.
func (s *Server) modifyInstanceAttribute(ctx context.Context, p *params) (any, error) {
	r, id, err := s.instanceAndRegion(p)
	if err != nil {
		return nil, err
	}
	in := fake.ModifyInstanceInput{Region: r, Instance: id}
	for name := range p.v {
		if slices.Contains(signingParams, name) {
			continue
		}
		switch name {
		case "RegionId", "InstanceId", "ClientToken":
		case "InstanceName":
			in.Name = p.optional(name)
		case "Description":
			in.Description = p.optional(name)
		case "HostName":
			in.HostName = p.optional(name)
		case "UserData":
			in.UserData = p.optional(name)
		case "DeletionProtection":
			on, err := strconv.ParseBool(p.str(name))
			if err != nil {
				return nil, p.badParam(name, "true or false")
			}
			in.DeletionProtection = &on
		case "Password":
			// Write-only, as in the cloud: taken, never answered, kept nowhere. The
			// rules the cloud sets on it (8 to 30 characters of three kinds) are checked.
			if err := checkPassword(p); err != nil {
				return nil, err
			}
		default:
			e := backend.NewError(
				string(p.op),
				"UnsupportedParameter",
				"eipassoc serve does not change "+name+" of an instance.",
			)
			return nil, e
		}
	}
	if err := s.b.ModifyInstance(ctx, in); err != nil {
		return nil, err
	}
	return ok()
}

// passwordSpecials are the special characters an instance password may hold (ECS API
// reference, RunInstances, Password).
const passwordSpecials = "()`~!@#$%^&*-_+=|{}[]:;'<>,.?/"

// checkPassword checks Password, when given, as ECS does: 8 to 30 characters, each a
// letter, a digit or one of passwordSpecials, of at least three of the four kinds.
func checkPassword(p *params) error {
	pw := p.str("Password")
	if pw == "" {
		return nil
	}
	var kinds [4]bool
	for _, c := range pw {
		switch {
		case c >= 'A' && c <= 'Z':
			kinds[0] = true
		case c >= 'a' && c <= 'z':
			kinds[1] = true
		case c >= '0' && c <= '9':
			kinds[2] = true
		case strings.ContainsRune(passwordSpecials, c):
			kinds[3] = true
		default:
			return backend.NewError(string(p.op), "InvalidPassword.Malformed",
				"The specified parameter Password holds a character it may not.")
		}
	}
	n := 0
	for _, k := range kinds {
		if k {
			n++
		}
	}
	if l := len(pw); l < 8 || l > 30 || n < 3 {
		return backend.NewError(string(p.op), "InvalidPassword.Malformed",
			"The specified parameter Password must be 8 to 30 characters of at least three kinds: upper case, lower case, digits, special characters.")
	}
	return nil
}

// The routes of this file's handlers: for each operation, the parameters it models or
// keeps and the handler that answers it (see addRoutes).
var _ = addRoutes(
	route{API: backend.ECS, Op: fake.OpModifyInstance, Handler: func(s *Server) handler { return s.modifyInstanceAttribute },
		Params: modelledParams("RegionId", "InstanceId", "ClientToken", "InstanceName", "Description", "HostName",
			"UserData", "Password", "DeletionProtection")},
)
