// Package money owns the representation of amounts: whole rupiah in an int64,
// never floating point. The GraphQL scalar Rupiah carries it as a JSON number
// (program totals stay far below 2^53, the largest integer a JSON client keeps
// exactly).
package money

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/kartuprakerja/platform/internal/checked"
)

// Rupiah is an amount of Indonesian rupiah.
type Rupiah int64

// maxSafe is the largest integer a JavaScript client represents exactly.
const maxSafe = 1<<53 - 1

// MarshalGQL implements graphql.Marshaler.
func (r Rupiah) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.FormatInt(int64(r), 10)) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (r *Rupiah) UnmarshalGQL(v any) error {
	switch x := v.(type) {
	case int:
		*r = Rupiah(x)
	case int64:
		*r = Rupiah(x)
	case json.Number:
		n, err := x.Int64()
		if err != nil {
			return fmt.Errorf("rupiah must be a whole number: %w", err)
		}
		*r = Rupiah(n)
	case float64:
		if x != math.Trunc(x) {
			return fmt.Errorf("rupiah must be a whole number")
		}
		*r = Rupiah(int64(x))
	case string:
		n, err := strconv.ParseInt(x, 10, 64)
		if err != nil {
			return fmt.Errorf("rupiah must be a whole number: %w", err)
		}
		*r = Rupiah(n)
	default:
		return fmt.Errorf("rupiah must be a number, got %T", v)
	}
	if *r > maxSafe || *r < -maxSafe {
		return fmt.Errorf("rupiah amount out of range")
	}
	return nil
}

// Sum returns the total of amounts, or an error when it overflows int64 (a
// total of client-supplied amounts must never wrap). Not a method named Add:
// ent would call that from its generated AddX mutations.
func Sum(amounts ...Rupiah) (Rupiah, error) {
	s, err := checked.Sum(amounts...)
	if err != nil {
		return 0, fmt.Errorf("rupiah sum: %w", err)
	}
	return s, nil
}

// Scan implements sql.Scanner.
func (r *Rupiah) Scan(src any) error {
	switch v := src.(type) {
	case int64:
		*r = Rupiah(v)
	case nil:
		*r = 0
	default:
		return fmt.Errorf("money: unexpected column type %T", src)
	}
	return nil
}

// Value implements driver.Valuer.
func (r Rupiah) Value() (driver.Value, error) { return int64(r), nil }

// String formats the amount the Indonesian way (Rp1.000.000), for logs;
// text for people is msg.Money, which follows the reader's locale.
func (r Rupiah) String() string {
	s := strconv.FormatInt(int64(r), 10)
	neg := false
	if r < 0 {
		neg, s = true, s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, '.')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-Rp" + string(out)
	}
	return "Rp" + string(out)
}
