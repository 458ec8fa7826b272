package graph

import (
	"errors"
	"fmt"
	"testing"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/rule"
)

func TestClassifyStore(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		code  apperr.Code // "" for unclassified
		retry bool
	}{
		{"busy writer", fmt.Errorf("begin: %w", database.ErrWriterBusy), apperr.Unavailable, true},
		{"unauthenticated", rule.ErrUnauthenticated, apperr.Unauthenticated, false},
		{"unknown", errors.New("boom"), "", false},
		{"cursor of another order", errors.New("cursor values length 1 do not match orderBy fields length 0"), apperr.BadUserInput, false},
		{"cursor value not a list", errors.New("cursor string is not a slice"), apperr.BadUserInput, false},
	}
	for _, tt := range tests {
		got := classifyStore(tt.err)
		switch {
		case tt.code == "" && got != nil:
			t.Errorf("%s: classified as %s", tt.name, got.Code)
		case tt.code != "" && (got == nil || got.Code != tt.code || got.Retry != tt.retry):
			t.Errorf("%s: %+v, want %s retry=%v", tt.name, got, tt.code, tt.retry)
		}
	}
}

func TestLowerCamel(t *testing.T) {
	for in, want := range map[string]string{"display_name": "displayName", "name": "name", "client_id": "clientId", "a__b": "aB"} {
		if got := lowerCamel(in); got != want {
			t.Errorf("lowerCamel(%q) = %q; want %q", in, got, want)
		}
	}
}
