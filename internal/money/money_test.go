package money

import (
	"errors"
	"math"
	"testing"

	"github.com/kartuprakerja/platform/internal/checked"
)

func TestSum(t *testing.T) {
	if got, err := Sum(1_000_000, 600_000); got != 1_600_000 || err != nil {
		t.Errorf("Sum = %v, %v", got, err)
	}
	if _, err := Sum(math.MaxInt64, 1); !errors.Is(err, checked.ErrOverflow) {
		t.Errorf("overflow not reported: %v", err)
	}
}

func TestUnmarshalGQLRange(t *testing.T) {
	tests := []struct {
		in any
		ok bool
	}{
		{int64(1 << 53), false},
		{int64(1<<53 - 1), true},
		{"9223372036854775808", false},
		{1.5, false},
		{"-9007199254740991", true},
		{true, false},
		{1e30, false},
	}
	for _, tt := range tests {
		var r Rupiah
		if err := r.UnmarshalGQL(tt.in); (err == nil) != tt.ok {
			t.Errorf("UnmarshalGQL(%v) = %v; want ok=%v", tt.in, err, tt.ok)
		}
	}
}
