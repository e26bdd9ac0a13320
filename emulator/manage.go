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
//	GET  /_eipassoc/actions  every action of the two APIs: product, version, action, served
//	GET  /_eipassoc/state    the account now, as a topology document (fake.Topology)
//	POST /_eipassoc/reset    put the account back as it was when the server started
//	GET  /_eipassoc/faults   the injected faults, with their calls so far ([FaultSpec])
//	POST /_eipassoc/faults   inject the FaultSpec of the body for its action
//	DELETE /_eipassoc/faults clear every fault, or with ?action=NAME that action's
//
// They are not signed, so they answer only the hosts of Config.Hosts (localhost and
// loopback addresses by default), with or without access keys: a web page reached
// through DNS rebinding cannot reset or read the account. Errors have the cloud's JSON
// error body.
const ManagementPrefix = "/_eipassoc/"

// An Action is one action of the VPC or ECS API, as the official SDKs know it, or a
// RAM action the server serves.
type Action struct {
	Product string `json:"product"` // "Vpc", "Ecs" or "Ram"
	Version string `json:"version"` // the API version, e.g. "2016-04-28"
	Action  string `json:"action"`  // e.g. "AssociateEipAddress"
	// Served is true for the actions the server answers; the others are answered with
	// 400 UnsupportedOperation, naming the action.
	Served bool `json:"served"`
}

// Actions returns every action of the VPC and ECS APIs, served or not, and the RAM
// actions served, sorted by product, then action. [Server.Served] lists only the
// served ones.
func (s *Server) Actions() []Action {
	out := make([]Action, 0, len(sdkActions()))
	for k := range sdkActions() {
		_, served := s.actions[k]
		out = append(out, action(k, served))
	}
	for k := range s.actions {
		if !sdkActions()[k] { // RAM's: the official SDKs this module takes are VPC's and ECS's
			out = append(out, action(k, true))
		}
	}
	sortActions(out)
	return out
}

// Served returns the actions the server answers, sorted by product, then action.
func (s *Server) Served() []Action {
	out := make([]Action, 0, len(s.actions))
	for k := range s.actions {
		out = append(out, action(k, true))
	}
	sortActions(out)
	return out
}

func action(k opKey, served bool) Action {
	return Action{Product: productOf(k.version), Version: k.version, Action: k.action, Served: served}
}

// productOf returns the product code of an API version: "Vpc", "Ecs", "Ram", "Sts" or
// "Kms".
func productOf(version string) string {
	for _, api := range []backend.API{backend.VPC, backend.ECS, backend.RAM, backend.STS, backend.KMS} {
		if api.Version() == version {
			return api.Product()
		}
	}
	return ""
}

func sortActions(out []Action) {
	slices.SortFunc(out, func(a, b Action) int {
		return cmp.Or(cmp.Compare(a.Product, b.Product), cmp.Compare(a.Action, b.Action))
	})
}

// Reset puts the account back as it was when the server was made.
func (s *Server) Reset() { s.b.Restore(s.seeded) }

// manage answers the management endpoints.
func (s *Server) manage(w http.ResponseWriter, r *http.Request) (status int, code string) {
	if err := s.checkHost(r); err != nil {
		return s.writeError(w, r, err)
	}
	endpoint := r.URL.Path[len(ManagementPrefix):]
	method := map[string]string{
		"health": http.MethodGet, "actions": http.MethodGet, "state": http.MethodGet, "reset": http.MethodPost,
		"faults": "GET, POST, DELETE",
	}[endpoint]
	if endpoint == "faults" && (r.Method == http.MethodGet || r.Method == http.MethodPost ||
		r.Method == http.MethodDelete) {
		return s.faults(w, r)
	}
	switch {
	case method == "":
		e := backend.NewError(
			"",
			"InvalidAction.NotFound",
			"There is no management endpoint "+r.URL.Path+"; see health, actions, state, reset and faults.",
		)
		e.HTTPStatus = http.StatusNotFound
		return s.writeError(w, r, e)
	case r.Method != method:
		w.Header().Set("Allow", method)
		return s.writeErr(
			w,
			r,
			"",
			"UnsupportedHTTPMethod",
			r.URL.Path+" takes "+method+".",
			http.StatusMethodNotAllowed,
		), "UnsupportedHTTPMethod"
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
