package tffuncs

import (
	"errors"
	"math/big"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// ErrCount is returned by [Count] for a value Terraform refuses as a count.
var ErrCount = errors.New("not a whole number of at least 0")

// Count reads a count argument's value as Terraform does: converted to a number first
// (count = "2" is 2, as in Terraform's evaluateCountExpression), then a whole number of
// at least 0. The value must be known and not null; the caller says otherwise what
// would decide it. Counts past 2^31 are refused too: no plan holds that many instances.
func Count(v cty.Value) (int, error) {
	n, err := convert.Convert(v, cty.Number)
	if err != nil || n.IsNull() || !n.IsKnown() {
		return 0, ErrCount
	}
	i, acc := n.AsBigFloat().Int64()
	if acc != big.Exact || i < 0 || i >= 1<<31 {
		return 0, ErrCount
	}
	return int(i), nil
}
