package checked

import (
	"errors"
	"math"
	"testing"
)

func TestAdd(t *testing.T) {
	tests := []struct {
		a, b, want int64
		err        error
	}{
		{1, 2, 3, nil},
		{-5, 3, -2, nil},
		{math.MaxInt64, 0, math.MaxInt64, nil},
		{math.MaxInt64, 1, 0, ErrOverflow},
		{math.MinInt64, -1, 0, ErrOverflow},
		{math.MinInt64, math.MaxInt64, -1, nil},
		{1 << 62, 1 << 62, 0, ErrOverflow},
	}
	for _, tt := range tests {
		got, err := Add(tt.a, tt.b)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("Add(%d, %d) = %d, %v; want %d, %v", tt.a, tt.b, got, err, tt.want, tt.err)
		}
	}
	if _, err := Add[int32](math.MaxInt32, 1); !errors.Is(err, ErrOverflow) {
		t.Errorf("int32 overflow not reported: %v", err)
	}
}

func TestSum(t *testing.T) {
	tests := []struct {
		name string
		in   []int
		want int
		err  error
	}{
		{"empty", nil, 0, nil},
		{"quotas", []int{100, 250, 650}, 1000, nil},
		{"four times 2^62 wraps to 0 unchecked", []int{1 << 62, 1 << 62, 1 << 62, 1 << 62}, 0, ErrOverflow},
		{"back in range after overflow is still refused", []int{math.MaxInt, 1, -1}, 0, ErrOverflow},
	}
	for _, tt := range tests {
		got, err := Sum(tt.in...)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("%s: Sum = %d, %v; want %d, %v", tt.name, got, err, tt.want, tt.err)
		}
	}
}
