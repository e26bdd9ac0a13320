package emulator

import (
	"encoding/json"
	"io"
	"maps"
	"net/url"
	"slices"
	"sync"
)

// An Exchange is one API call as the server saw it: what was asked and how it was
// answered, without what only signing needs (keys, signatures, nonces, timestamps).
// Recorded exchanges are the contract fixtures a replay test checks the server against.
type Exchange struct {
	Version string            `json:"version"`
	Action  string            `json:"action"`
	Params  map[string]string `json:"params,omitempty"`
	Status  int               `json:"status"`
	Code    string            `json:"code,omitempty"`
}

// signingParams are the parameters an Exchange leaves out.
var signingParams = []string{"AccessKeyId", "Action", "Format", "Signature", "SignatureMethod", "SignatureNonce",
	"SignatureType", "SignatureVersion", "Timestamp", "Version", "SecurityToken"}

// secretParams are recorded as "(secret)": a recording never holds an instance's
// password.
var secretParams = []string{"Password"}

// newExchange describes a call from its parameters.
func newExchange(action, version string, v url.Values, status int, code string) Exchange {
	e := Exchange{Version: version, Action: action, Status: status, Code: code}
	for _, k := range slices.Sorted(maps.Keys(v)) {
		if slices.Contains(signingParams, k) {
			continue
		}
		if e.Params == nil {
			e.Params = map[string]string{}
		}
		e.Params[k] = v.Get(k)
		if slices.Contains(secretParams, k) {
			e.Params[k] = "(secret)"
		}
	}
	return e
}

// recorder writes exchanges as JSON lines; it is safe for concurrent use.
type recorder struct {
	mu  sync.Mutex
	enc *json.Encoder
}

func newRecorder(w io.Writer) *recorder {
	if w == nil {
		return nil
	}
	return &recorder{enc: json.NewEncoder(w)}
}

func (r *recorder) record(e Exchange) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	_ = r.enc.Encode(e) // a recording that cannot be written does not fail the call
}

// ReadExchanges reads recorded exchanges, one JSON object a line.
func ReadExchanges(r io.Reader) ([]Exchange, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var out []Exchange
	for dec.More() {
		var e Exchange
		if err := dec.Decode(&e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}
