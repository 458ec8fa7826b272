// Package pulid owns the identifiers of every stored entity: a short type
// prefix followed by a ULID. They are opaque to clients (no row counts leak),
// sortable by creation time, and the prefix resolves the type for Relay's
// node(id:) without a lookup table.
package pulid

import (
	"database/sql/driver"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/oklog/ulid/v2"
)

// PrefixLen is the length of every type prefix.
const PrefixLen = 2

// ID is a prefixed ULID.
type ID string

// New returns a fresh ID with the given type prefix.
func New(prefix string) ID { return ID(prefix + ulid.Make().String()) }

// Deterministic returns an ID built from a fixed time and a seeded source, for
// reproducible demo data.
func Deterministic(prefix string, t time.Time, r *rand.Rand) ID {
	var entropy [10]byte
	for i := range entropy {
		entropy[i] = byte(r.UintN(256))
	}
	var u ulid.ULID
	_ = u.SetTime(ulid.Timestamp(t))
	_ = u.SetEntropy(entropy[:])
	return ID(prefix + u.String())
}

// Sibling returns the ID with the same ULID under another prefix: a row
// that exists once for a row of another type (an application's selection
// result) takes its identifier from that row.
func (id ID) Sibling(prefix string) ID {
	if len(id) < PrefixLen {
		return ID(prefix)
	}
	return ID(prefix + string(id[PrefixLen:]))
}

// Prefix returns the type prefix of the ID, or "" if it is too short.
func (id ID) Prefix() string {
	if len(id) < PrefixLen {
		return ""
	}
	return string(id[:PrefixLen])
}

// Valid reports whether the ID has a prefix and a well-formed ULID.
func (id ID) Valid() bool {
	if len(id) != PrefixLen+ulid.EncodedSize {
		return false
	}
	_, err := ulid.ParseStrict(string(id[PrefixLen:]))
	return err == nil
}

// UnmarshalGQL implements graphql.Unmarshaler.
func (id *ID) UnmarshalGQL(v any) error { return id.Scan(v) }

// MarshalGQL implements graphql.Marshaler.
func (id ID) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(id))) }

// Scan implements sql.Scanner.
func (id *ID) Scan(src any) error {
	switch v := src.(type) {
	case string:
		*id = ID(v)
	case ID:
		*id = v
	case []byte:
		*id = ID(v)
	case nil:
		*id = "" // an optional column without a value
	default:
		return fmt.Errorf("pulid: unexpected type %T", src)
	}
	return nil
}

// Value implements driver.Valuer.
func (id ID) Value() (driver.Value, error) { return string(id), nil }
