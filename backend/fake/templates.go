package fake

import (
	"cmp"
	"maps"
	"slices"
	"strconv"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/regions"
)

// A LaunchTemplate is an ECS launch template: versions of RunInstances defaults that a
// call names by LaunchTemplateId or LaunchTemplateName (and LaunchTemplateVersion,
// default DefaultVersion). A topology seeds them; the fake serves no API that makes
// them.
type LaunchTemplate struct {
	ID             string                  `json:"id"`
	Name           string                  `json:"name"`
	Region         regions.ID              `json:"region"`
	DefaultVersion int                     `json:"default_version,omitempty"` // default 1
	Versions       []LaunchTemplateVersion `json:"versions"`
}

// A LaunchTemplateVersion holds what an instance launched from it takes where the call
// gives nothing.
type LaunchTemplateVersion struct {
	Version        int      `json:"version"`
	Image          string   `json:"image,omitempty"`
	InstanceType   string   `json:"instance_type,omitempty"`
	VSwitch        string   `json:"vswitch,omitempty"`
	SecurityGroups []string `json:"security_groups,omitempty"`
	Name           string   `json:"instance_name,omitempty"`
	Description    string   `json:"description,omitempty"`
}

// A LaunchTemplateRef names a launch template and a version in RunInstances.
type LaunchTemplateRef struct {
	ID, Name string
	// Version is the version; 0 takes the template's default version.
	Version int
}

// applyTemplate fills what the call does not give from its launch template, if it
// names one: the template must exist in the region (InvalidLaunchTemplate.NotFound),
// and so must the version (InvalidLaunchTemplateVersion.NotFound).
func (b *Backend) applyTemplate(op backend.Op, in *RunInstanceInput) error {
	ref := in.LaunchTemplate
	if ref.ID == "" && ref.Name == "" {
		if ref.Version != 0 {
			return fail(op, "InvalidParameter", "LaunchTemplateVersion is a version of the template LaunchTemplateId "+
				"or LaunchTemplateName names: name one.")
		}
		return nil
	}
	var t *LaunchTemplate
	for _, id := range slices.Sorted(maps.Keys(b.s.templates)) {
		c := b.s.templates[id]
		if c.Region == in.Region && (ref.ID == "" || c.ID == ref.ID) && (ref.Name == "" || c.Name == ref.Name) {
			t = &c
			break
		}
	}
	if t == nil {
		return fail(op, "InvalidLaunchTemplate.NotFound", "The launch template "+cmp.Or(ref.ID, ref.Name)+
			" does not exist in "+string(in.Region)+".")
	}
	want := cmp.Or(ref.Version, t.DefaultVersion, 1)
	i := slices.IndexFunc(t.Versions, func(v LaunchTemplateVersion) bool { return v.Version == want })
	if i < 0 {
		return fail(op, "InvalidLaunchTemplateVersion.NotFound", "Launch template "+t.ID+" has no version "+
			strconv.Itoa(want)+".")
	}
	v := t.Versions[i]
	in.Image, in.Type, in.VSwitch = cmp.Or(in.Image, v.Image), cmp.Or(in.Type, v.InstanceType), cmp.Or(in.VSwitch, v.VSwitch)
	in.Name, in.Description = cmp.Or(in.Name, v.Name), cmp.Or(in.Description, v.Description)
	if len(in.SecurityGroups) == 0 {
		in.SecurityGroups = slices.Clone(v.SecurityGroups)
	}
	return nil
}
