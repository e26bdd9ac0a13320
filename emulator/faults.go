package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// A FaultSpec is a fault as the faults endpoint takes and lists it: fake.Fault in
// JSON, for a client in any language that tests its retries against the server.
type FaultSpec struct {
	// Action is the API action the fault is for, e.g. "AssociateEipAddress".
	Action string `json:"action"`
	// Code is the Alibaba Cloud error code to answer with; HTTPStatus replaces the
	// code's status (400 to 599), zero keeps it.
	Code       string `json:"code,omitempty"`
	HTTPStatus int    `json:"http_status,omitempty"`
	// LatencyMS delays every call of the action by this many milliseconds (at most an
	// hour).
	LatencyMS int64 `json:"latency_ms,omitempty"`
	// After lets the first calls through; Times bounds how many fail (0: no bound);
	// Rate fails each with that probability (0: every one).
	After int     `json:"after,omitempty"`
	Times int     `json:"times,omitempty"`
	Rate  float64 `json:"rate,omitempty"`
	// AfterChange answers Code after the call has taken effect; LostAnswer makes the
	// call take effect and closes the connection without an answer.
	AfterChange bool `json:"after_change,omitempty"`
	LostAnswer  bool `json:"lost_answer,omitempty"`
	// Custom accepts a Code that is not one of the cloud's known codes.
	Custom bool `json:"custom,omitempty"`
	// Calls and Fired, when listed: the calls of the action since the fault was
	// injected, and those it failed.
	Calls int `json:"calls"`
	Fired int `json:"fired"`
}

func (f FaultSpec) fault() fake.Fault {
	return fake.Fault{Code: f.Code, HTTPStatus: f.HTTPStatus, Latency: time.Duration(f.LatencyMS) * time.Millisecond,
		After: f.After, Times: f.Times, Rate: f.Rate, AfterChange: f.AfterChange, LostAnswer: f.LostAnswer,
		Custom: f.Custom}
}

func faultSpec(st fake.FaultStatus) FaultSpec {
	f := st.Fault
	return FaultSpec{Action: string(st.Op), Code: f.Code, HTTPStatus: f.HTTPStatus, LatencyMS: f.Latency.Milliseconds(),
		After: f.After, Times: f.Times, Rate: f.Rate, AfterChange: f.AfterChange, LostAnswer: f.LostAnswer,
		Custom: f.Custom, Calls: st.Calls, Fired: st.Fired}
}

// maxFaultLatencyMS bounds a fault's latency: an hour, far past any client's timeout.
const maxFaultLatencyMS = 3_600_000

// faults answers /_eipassoc/faults: GET lists the injected faults, POST injects the
// FaultSpec in the body (replacing the action's fault), DELETE clears the fault of
// ?action=NAME, or every fault without it.
func (s *Server) faults(w http.ResponseWriter, r *http.Request) (status int, code string) {
	switch r.Method {
	case http.MethodGet:
		return s.writeJSON(w, http.StatusOK, s.faultList()), ""
	case http.MethodDelete:
		if action := r.URL.Query().Get("action"); action != "" {
			if !backend.Op(action).Known() {
				return s.writeError(w, r, backend.NewError("", "InvalidParameter",
					"There is no fault to clear for "+action+": it is not an action the server serves."))
			}
			s.b.ClearFault(backend.Op(action))
		} else {
			s.b.ClearFaults()
		}
		return s.writeJSON(w, http.StatusOK, s.faultList()), ""
	default: // POST
		spec, err := decodeFaultSpec(r.Body)
		if err == nil {
			err = s.b.InjectFault(backend.Op(spec.Action), spec.fault())
		}
		if err != nil {
			return s.writeError(w, r, backend.NewError("", "InvalidParameter", err.Error()))
		}
		return s.writeJSON(w, http.StatusOK, s.faultList()), ""
	}
}

func (s *Server) faultList() []FaultSpec {
	list := []FaultSpec{}
	for _, st := range s.b.Faults() {
		list = append(list, faultSpec(st))
	}
	return list
}

// decodeFaultSpec reads one FaultSpec: unknown fields, trailing data and a body over
// 64 KiB are errors.
func decodeFaultSpec(body io.Reader) (FaultSpec, error) {
	data, err := io.ReadAll(io.LimitReader(body, 64<<10+1))
	if err != nil {
		return FaultSpec{}, err
	}
	if len(data) > 64<<10 {
		return FaultSpec{}, errors.New("the fault is over 64 KiB")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var spec FaultSpec
	if err := dec.Decode(&spec); err != nil {
		return FaultSpec{}, errors.New("not a fault: " + err.Error())
	}
	if dec.More() {
		return FaultSpec{}, errors.New("not a fault: data after the JSON object")
	}
	if spec.Calls != 0 || spec.Fired != 0 {
		return FaultSpec{}, errors.New("calls and fired are listed, not set")
	}
	if spec.LatencyMS < 0 || spec.LatencyMS > maxFaultLatencyMS {
		return FaultSpec{}, errors.New("latency_ms is 0 to 3600000 (an hour)")
	}
	return spec, nil
}
