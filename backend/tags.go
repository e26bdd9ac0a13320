package backend

import (
	"fmt"
	"slices"
	"strings"
)

// A Tag is a key and a value on a resource.
type Tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// The documented tag limits, the same in VPC (2016-04-28) and ECS (2014-05-26):
// TagResources takes at most 20 tags and 50 resource IDs a call, a resource carries at
// most 20 tags, a key is 1 to 128 characters and a value 0 to 128; neither starts with
// "aliyun" or "acs:" or contains "http://" or "https://".
const (
	MaxTagsPerCall     = 20
	MaxTagsPerResource = 20
	MaxTagResourceIDs  = 50
	MaxTagKeyLength    = 128
	MaxTagValueLength  = 128
)

// tagCodes are each API's error codes for the tag mistakes, from the error tables of
// their TagResources, UntagResources and ListTagResources reference pages. VPC's
// tables name no code for an unknown resource; it is given ECS's.
var tagCodes = map[API]struct {
	key, value, perCall, perResource, resourceIDs, duplicate string
}{
	VPC: {
		"InvalidTagKey",
		"InvalidTagValue",
		"SizeLimitExceeded.TagNum",
		"SizeLimitExceeded.TagNum",
		"SizeLimitExceeded.ResourceId",
		"Forbidden.TagKey.Duplicated",
	},
	ECS: {
		"InvalidTagKey.Malformed",
		"InvalidTagValue.Malformed",
		"NumberExceed.Tags",
		"OperationDenied.QuotaExceed",
		"NumberExceed.ResourceIds",
		"Duplicate.TagKey",
	},
}

// CheckTagCall checks the tags and resource IDs of one tag call as the API does: at
// most [MaxTagResourceIDs] IDs and [MaxTagsPerCall] tags, keys unique and every key
// and value well formed. It returns an *Error with the API's code.
func CheckTagCall(api API, op string, ids []string, tags []Tag) error {
	codes := tagCodes[api]
	if len(ids) > MaxTagResourceIDs {
		return NewError(
			op,
			codes.resourceIDs,
			fmt.Sprintf("%d resource IDs are given; at most %d are allowed.", len(ids), MaxTagResourceIDs),
		)
	}
	if len(tags) > MaxTagsPerCall {
		return NewError(
			op,
			codes.perCall,
			fmt.Sprintf("%d tags are given; at most %d are allowed in one call.", len(tags), MaxTagsPerCall),
		)
	}
	seen := map[string]bool{}
	for i, t := range tags {
		if why := tagTextProblem(t.Key, 1, MaxTagKeyLength); why != "" {
			return NewError(op, codes.key, fmt.Sprintf("Tag.%d.Key %q is not valid: %s.", i+1, t.Key, why))
		}
		if why := tagTextProblem(t.Value, 0, MaxTagValueLength); why != "" {
			return NewError(op, codes.value, fmt.Sprintf("Tag.%d.Value %q is not valid: %s.", i+1, t.Value, why))
		}
		if seen[t.Key] {
			return NewError(op, codes.duplicate, fmt.Sprintf("The tag key %q is given twice.", t.Key))
		}
		seen[t.Key] = true
	}
	return nil
}

// tagTextProblem says what is wrong with a tag key or value, or "".
func tagTextProblem(s string, minLen, maxLen int) string {
	n := len([]rune(s))
	switch {
	case n < minLen:
		return "it is empty"
	case n > maxLen:
		return fmt.Sprintf("it has %d characters, more than %d", n, maxLen)
	case strings.HasPrefix(s, "aliyun") || strings.HasPrefix(s, "acs:"):
		return `it starts with "aliyun" or "acs:", which are reserved`
	case strings.Contains(s, "http://") || strings.Contains(s, "https://"):
		return `it contains "http://" or "https://"`
	}
	return ""
}

// MergeTags returns the tags of a resource after TagResources adds add to have: a key
// already there takes the new value. More than [MaxTagsPerResource] tags is an *Error
// with the API's code. The result is sorted by key.
func MergeTags(api API, op, id string, have, add []Tag) ([]Tag, error) {
	out := slices.Clone(have)
	for _, t := range add {
		if i := slices.IndexFunc(out, func(h Tag) bool { return h.Key == t.Key }); i >= 0 {
			out[i].Value = t.Value
			continue
		}
		out = append(out, t)
	}
	if len(out) > MaxTagsPerResource {
		return nil, NewError(
			op,
			tagCodes[api].perResource,
			fmt.Sprintf("%s would carry %d tags; a resource carries at most %d.", id, len(out), MaxTagsPerResource),
		)
	}
	slices.SortFunc(out, func(a, b Tag) int { return strings.Compare(a.Key, b.Key) })
	return out, nil
}
