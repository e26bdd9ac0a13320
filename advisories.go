package eipassoc

import (
	"encoding/json"
	"errors"
	"iter"
	"math/bits"
	"strings"
)

// An Advisory is a fact about an operation that does not block it: a fee, a protocol
// that will not work, configuration the guest OS needs.
type Advisory struct {
	Code    Code   `json:"code"`
	Message string `json:"message"`
	Source  string `json:"source"`
}

// Advisories is the set of advisories of a [Decision]. It is a small value (a bit set),
// so deciding allocates nothing for them. The zero Advisories is empty.
type Advisories uint32

// advisoryBit gives each advisory code its bit in an Advisories set.
type advisoryBit uint8

const (
	bitCutThroughNotRecommended advisoryBit = iota
	bitCutThroughPrivateNetwork
	bitCutThroughSubscription
	bitCutThroughRoutePriority
	bitNATNoALG
	bitNATAttachedENI
	bitConfigurationFee
	bitOutboundRoutes
	bitMultiBindedStaticConfig
	bitMultiBindedClosed
	bitMultiBindedInstanceFamily
	bitRegionClosing
	bitRegionSourcesDisagree
	bitSecondaryENIGuestConfig
	bitInstanceTypeRetired
	bitRetentionCost
	numAdvisoryBits
)

// advisoryCodes maps each bit to its code; the order is the order of [Advisories.Codes].
var advisoryCodes = [numAdvisoryBits]Code{
	bitCutThroughNotRecommended:  AdviseCutThroughNotRecommended,
	bitCutThroughPrivateNetwork:  AdviseCutThroughPrivateNetwork,
	bitCutThroughSubscription:    AdviseCutThroughSubscription,
	bitCutThroughRoutePriority:   AdviseCutThroughRoutePriority,
	bitNATNoALG:                  AdviseNATNoALG,
	bitNATAttachedENI:            AdviseNATAttachedENI,
	bitConfigurationFee:          AdviseConfigurationFee,
	bitOutboundRoutes:            AdviseOutboundRoutes,
	bitMultiBindedStaticConfig:   AdviseMultiBindedStaticConfig,
	bitMultiBindedClosed:         AdviseMultiBindedClosed,
	bitMultiBindedInstanceFamily: AdviseMultiBindedInstanceFamily,
	bitRegionClosing:             AdviseRegionClosing,
	bitRegionSourcesDisagree:     AdviseRegionSourcesDisagree,
	bitSecondaryENIGuestConfig:   AdviseSecondaryENIGuestConfig,
	bitInstanceTypeRetired:       AdviseInstanceTypeRetired,
	bitRetentionCost:             AdviseRetentionCost,
}

func (a *Advisories) add(b advisoryBit) { *a |= 1 << b }

// Has reports whether the set holds the advisory with code c.
func (a Advisories) Has(c Code) bool {
	for b, code := range advisoryCodes {
		if code == c {
			return a&(1<<b) != 0
		}
	}
	return false
}

// All iterates over the codes in the set, in the order of [Advisories.Codes]. A for
// range over the set itself would iterate over an integer; use All.
func (a Advisories) All() iter.Seq[Code] {
	return func(yield func(Code) bool) {
		for b, code := range advisoryCodes {
			if a&(1<<b) != 0 && !yield(code) {
				return
			}
		}
	}
}

// Len returns the number of advisories in the set.
func (a Advisories) Len() int { return bits.OnesCount32(uint32(a)) }

// Codes returns the codes in the set, in a fixed order.
func (a Advisories) Codes() []Code {
	var out []Code
	for b, code := range advisoryCodes {
		if a&(1<<b) != 0 {
			out = append(out, code)
		}
	}
	return out
}

// List returns the advisories in the set with their messages and sources, in the order
// of [Advisories.Codes].
func (a Advisories) List() []Advisory {
	codes := a.Codes()
	out := make([]Advisory, 0, len(codes))
	for _, c := range codes {
		r := ruleIndex[c]
		out = append(out, Advisory{Code: c, Message: r.Summary, Source: r.Source})
	}
	return out
}

// String lists the codes, comma separated, or returns "none".
func (a Advisories) String() string {
	codes := a.Codes()
	if len(codes) == 0 {
		return "none"
	}
	s := make([]string, len(codes))
	for i, c := range codes {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}

// MarshalJSON encodes the set as the array of [Advisories.List].
func (a Advisories) MarshalJSON() ([]byte, error) { return json.Marshal(a.List()) }

// ErrUnknownCode is wrapped by the error that decoding an unknown code gives.
var ErrUnknownCode = errors.New("eipassoc: unknown code")

// UnmarshalJSON decodes an array of advisories (objects with a "code") or of codes.
// Messages are not read back: they come from the rules table. An unknown advisory code
// is an error wrapping [ErrUnknownCode].
func (a *Advisories) UnmarshalJSON(data []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	var set Advisories
	for _, item := range raw {
		var c Code
		var obj struct {
			Code Code `json:"code"`
		}
		if err := json.Unmarshal(item, &c); err != nil {
			if err := json.Unmarshal(item, &obj); err != nil {
				return err
			}
			c = obj.Code
		}
		found := false
		for b, code := range advisoryCodes {
			if code == c {
				set |= 1 << b
				found = true
			}
		}
		if !found {
			return &CodeError{Code: c}
		}
	}
	*a = set
	return nil
}

// A CodeError reports a code that names no advisory or rule.
type CodeError struct {
	Code Code // the code given
}

// Error quotes the code.
func (e *CodeError) Error() string { return "eipassoc: unknown code \"" + string(e.Code) + "\"" }

// Unwrap returns [ErrUnknownCode].
func (e *CodeError) Unwrap() error { return ErrUnknownCode }
