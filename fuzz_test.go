package eipassoc_test

import (
	"encoding/json"
	"testing"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/modes"
)

// FuzzRequestJSON decodes arbitrary JSON into a Request, as a service taking requests
// over the wire would, and checks that whatever decodes is decided without a panic and
// with a well-formed Decision.
func FuzzRequestJSON(f *testing.F) {
	for _, r := range []eipassoc.Request{
		request(modes.NAT, 3), request(modes.Binded, 1), request(modes.MultiBinded, 2), {},
	} {
		r.Bound = bind(r.Mode, 1)
		data, err := json.Marshal(r)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"mode":"cut-through","eni":{"kind":"Primary","primary_ip":"10.0.0.1"},"bound":[{"mode":""}]}`))
	f.Add([]byte(`{"mode":7}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r eipassoc.Request
		if err := json.Unmarshal(data, &r); err != nil {
			return
		}
		d := eipassoc.CanAssociate(r)
		if d.Allowed() != (len(d.Violations) == 0) {
			t.Fatalf("Allowed = %v with %v", d.Allowed(), d.Codes())
		}
		if _, err := json.Marshal(d); err != nil {
			t.Fatalf("decision does not marshal: %v", err)
		}
		_ = d.String()
	})
}
