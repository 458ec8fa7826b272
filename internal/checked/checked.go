// Package checked owns integer arithmetic on client input that must not wrap:
// sums of quotas, counts and amounts report overflow instead of turning 2^62 +
// 2^62 into a negative number (or 4 × 2^62 into 0).
package checked

import "errors"

// ErrOverflow is returned when a result does not fit its type.
var ErrOverflow = errors.New("integer overflow")

// Signed is any signed integer type, named ones included (money.Rupiah).
type Signed interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64
}

// Add returns a + b, or ErrOverflow when the sum does not fit T.
func Add[T Signed](a, b T) (T, error) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, ErrOverflow
	}
	return s, nil
}

// Sum returns the sum of xs, or ErrOverflow as soon as a partial sum does
// not fit T.
func Sum[T Signed](xs ...T) (T, error) {
	var s T
	for _, x := range xs {
		var err error
		if s, err = Add(s, x); err != nil {
			return 0, err
		}
	}
	return s, nil
}
