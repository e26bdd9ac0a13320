package emulator

import (
	"cmp"
	"net/http"
	"slices"

	"github.com/eipassoc/eipassoc/backend"
)

// ManagementPrefix is where the server's own endpoints live, beside the cloud API:
//
//	GET  /_eipassoc/health   {"status":"ok","signatures":true|false,"actions":N}
//	GET  /_eipassoc/actions  the API operations served: product, version, action
//	GET  /_eipassoc/state    the account now, as a topology document (fake.Topology)
//	POST /_eipassoc/reset    put the account back as it was when the server started
//
// They are not signed, so they answer only the hosts of Config.Hosts (localhost and
// loopback addresses by default), with or without access keys: a web page reached
// through DNS rebinding cannot reset or read the account. Errors have the cloud's JSON
// error body.
const ManagementPrefix = "/_eipassoc/"

// An Action is one API operation the server serves.
type Action struct {
	Product string `json:"product"` // "Vpc" or "Ecs"
	Version string `json:"version"` // the API version, e.g. "2016-04-28"
	Action  string `json:"action"`  // e.g. "AssociateEipAddress"
}

// Actions returns the operations the server serves, sorted by product, then action.
func (s *Server) Actions() []Action {
	out := make([]Action, 0, len(s.actions))
	for k := range s.actions {
		product := "Vpc"
		if k.version == ECSVersion {
			product = "Ecs"
		}
		out = append(out, Action{Product: product, Version: k.version, Action: k.action})
	}
	slices.SortFunc(out, func(a, b Action) int {
		return cmp.Or(cmp.Compare(a.Product, b.Product), cmp.Compare(a.Action, b.Action))
	})
	return out
}

// Reset puts the account back as it was when the server was made.
func (s *Server) Reset() { s.b.Restore(s.seeded) }

// manage answers the management endpoints.
func (s *Server) manage(w http.ResponseWriter, r *http.Request) (status int, code string) {
	if err := s.checkHost(r); err != nil {
		return s.writeError(w, r, err)
	}
	endpoint := r.URL.Path[len(ManagementPrefix):]
	method := map[string]string{"health": http.MethodGet, "actions": http.MethodGet, "state": http.MethodGet, "reset": http.MethodPost}[endpoint]
	switch {
	case method == "":
		e := backend.NewError("", "InvalidAction.NotFound", "There is no management endpoint "+r.URL.Path+"; see health, actions, state and reset.")
		e.HTTPStatus = http.StatusNotFound
		return s.writeError(w, r, e)
	case r.Method != method:
		w.Header().Set("Allow", method)
		return s.writeErr(w, r, "", "UnsupportedHTTPMethod", r.URL.Path+" takes "+method+".", http.StatusMethodNotAllowed), "UnsupportedHTTPMethod"
	}
	switch endpoint {
	case "health":
		return s.writeJSON(w, http.StatusOK, struct {
			Status     string `json:"status"`
			Signatures bool   `json:"signatures"`
			Actions    int    `json:"actions"`
		}{"ok", len(s.verifier.keys) > 0, len(s.actions)}), ""
	case "actions":
		return s.writeJSON(w, http.StatusOK, s.Actions()), ""
	case "state":
		return s.writeJSON(w, http.StatusOK, s.b.Topology()), ""
	default: // reset
		s.Reset()
		return s.writeJSON(w, http.StatusOK, struct {
			Status string `json:"status"`
		}{"reset"}), ""
	}
}
