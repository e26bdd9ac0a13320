package check

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	"github.com/eipassoc/eipassoc"
	"github.com/eipassoc/eipassoc/ecs"
	"github.com/eipassoc/eipassoc/eni"
)

// Settings are the options of a check written as text, as the CLI's flags and the
// tflint ruleset's plugin block give them. Options parses them, so that both mean the
// same by the same words.
type Settings struct {
	// Behaviour is "observed" or "documented"; "" means observed.
	Behaviour string
	// InstanceDHCP is "enabled", "disabled" or "unknown"; "" means unknown.
	InstanceDHCP string
	// Unknown is what an undecided rule becomes: "warn", "fail" or "ignore"; "" means
	// warn.
	Unknown string
	// LimitsFile is the path of an ENI limits table as "eipassoc limits" writes it; ""
	// means the built-in table.
	LimitsFile string
	// MultiBindedAllowed declares the account allowlisted for multi-EIP-to-ENI mode.
	MultiBindedAllowed bool
}

// The names of the settings, as a SettingError gives them.
const (
	SettingBehaviour    = "behaviour"
	SettingInstanceDHCP = "instance_dhcp"
	SettingUnknown      = "unknown"
	SettingLimitsFile   = "limits_file"
)

// A SettingError reports a setting whose value cannot be used.
type SettingError struct {
	// Setting is the setting's name: one of the Setting constants.
	Setting string
	// Want says what the setting takes, for a value that is not one of its words; ""
	// when the value is a file that cannot be read (see Err).
	Want string
	// Err is the cause.
	Err error
}

// Error returns "SETTING must be WANT" or "SETTING: ERR".
func (e *SettingError) Error() string {
	if e.Want != "" {
		return e.Setting + " must be " + e.Want
	}
	return e.Setting + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *SettingError) Unwrap() error { return e.Err }

// Options parses the settings. A value that is not one of a setting's words, or a
// limits file that cannot be read or parsed, is a *SettingError.
func (s Settings) Options() (Options, error) {
	opts := Options{Behaviour: eipassoc.Observed, Unknown: UnknownWarn,
		Account: eipassoc.Account{MultiBindedAllowed: s.MultiBindedAllowed}}
	var err error
	if s.Behaviour != "" {
		if opts.Behaviour, err = eipassoc.ParseBehaviour(s.Behaviour); err != nil {
			return opts, &SettingError{Setting: SettingBehaviour, Want: "documented or observed", Err: err}
		}
	}
	if s.InstanceDHCP != "" {
		if opts.InstanceDHCP, err = ecs.ParseDHCP(s.InstanceDHCP); err != nil {
			return opts, &SettingError{Setting: SettingInstanceDHCP, Want: "enabled, disabled or unknown", Err: err}
		}
	}
	switch p := UnknownPolicy(s.Unknown); p {
	case "":
	case UnknownWarn, UnknownFail, UnknownIgnore:
		opts.Unknown = p
	default:
		return opts, &SettingError{Setting: SettingUnknown, Want: "warn, fail or ignore",
			Err: errors.New("unknown policy " + strconv.Quote(s.Unknown))}
	}
	if s.LimitsFile != "" {
		f, err := os.Open(s.LimitsFile)
		if err != nil {
			return opts, &SettingError{Setting: SettingLimitsFile, Err: err}
		}
		defer f.Close()
		if opts.Limits, err = eni.ParseLimits(f); err != nil {
			return opts, &SettingError{Setting: SettingLimitsFile, Err: fmt.Errorf("%s: %w", s.LimitsFile, err)}
		}
	}
	return opts, nil
}
