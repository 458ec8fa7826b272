package rule_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"entgo.io/ent"
	"entgo.io/ent/privacy"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

func TestNeedCheck(t *testing.T) {
	anon := context.Background()
	applicant := as(&viewer.Viewer{AccountID: "ac1", Role: viewer.RoleRecipient})
	recip := as(&viewer.Viewer{AccountID: "ac2", Role: viewer.RoleRecipient, RecipientID: "rc2"})
	admin := staff(viewer.RoleAdmin)
	analyst := staff(viewer.RoleAnalyst)
	platform := partner(viewer.RolePlatform, "dp1")
	platformWithRecipientID := as(&viewer.Viewer{AccountID: "ac3", Role: viewer.RolePlatform, RecipientID: "rc3"})
	admins := []viewer.Role{viewer.RoleAdmin}
	analysts := []viewer.Role{viewer.RoleAdmin, viewer.RoleAnalyst}
	recipients := []viewer.Role{viewer.RoleRecipient}
	tests := []struct {
		name string
		ctx  context.Context
		need rule.Need
		want error // nil: allowed
		key  msg.Key
	}{
		{"anonymous, any role", anon, rule.Need{Action: "a"}, rule.ErrUnauthenticated, ""},
		{"anonymous, admins; no key on UNAUTHENTICATED", anon, rule.Need{Action: "a", Roles: admins, Key: "k"}, rule.ErrUnauthenticated, ""},
		{"any signed-in account", platform, rule.Need{Action: "a"}, nil, ""},
		{"admin for admins", admin, rule.Need{Action: "a", Roles: admins}, nil, ""},
		{"analyst for admins", analyst, rule.Need{Action: "a", Roles: admins, Key: "k"}, rule.ErrForbidden, "k"},
		{"analyst for admins and analysts", analyst, rule.Need{Action: "a", Roles: analysts}, nil, ""},
		{"partner for admins", platform, rule.Need{Action: "a", Roles: admins}, rule.ErrForbidden, ""},
		{"recipient role without a recipient row", applicant, rule.Need{Action: "a", Roles: recipients, Registered: true, Key: "k"}, rule.ErrForbidden, "k"},
		{"recipient role without a row, row not needed", applicant, rule.Need{Action: "a", Roles: recipients}, nil, ""},
		{"registered recipient", recip, rule.Need{Action: "a", Roles: recipients, Registered: true}, nil, ""},
		{"registered, any role", recip, rule.Need{Action: "a", Registered: true}, nil, ""},
		{"a row but the wrong role", platformWithRecipientID, rule.Need{Action: "a", Roles: recipients, Registered: true}, rule.ErrForbidden, ""},
		{"admin without a recipient row", admin, rule.Need{Action: "a", Registered: true}, rule.ErrForbidden, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := tt.need.Check(tt.ctx)
			if tt.want == nil {
				if err != nil || v == nil || v != viewer.FromContext(tt.ctx) {
					t.Fatalf("got %v, %v; want the viewer", v, err)
				}
				return
			}
			if v != nil || !errors.Is(err, tt.want) || !errors.Is(err, privacy.Deny) {
				t.Fatalf("got %v, %v; want %v (a privacy denial)", v, err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.need.Action+": ") {
				t.Errorf("error %q does not name the action", err)
			}
			if got := rule.KeyOf(err); got != tt.key {
				t.Errorf("key %q, want %q", got, tt.key)
			}
		})
	}
}

func TestRequireAndRequireRecipient(t *testing.T) {
	applicant := as(&viewer.Viewer{AccountID: "ac1", Role: viewer.RoleRecipient})
	recip := as(&viewer.Viewer{AccountID: "ac2", Role: viewer.RoleRecipient, RecipientID: "rc2"})
	tests := []struct {
		name string
		call func() error
		want error
		key  msg.Key
	}{
		{"Require admin as admin", func() error { _, err := rule.Require(staff(viewer.RoleAdmin), "x", viewer.RoleAdmin); return err }, nil, ""},
		{"Require admin as support", func() error { _, err := rule.Require(staff(viewer.RoleSupport), "x", viewer.RoleAdmin); return err }, rule.ErrForbidden, ""},
		{"Require anyone as anonymous", func() error { _, err := rule.Require(context.Background(), "x"); return err }, rule.ErrUnauthenticated, ""},
		{"RequireRecipient as a registered recipient", func() error { _, err := rule.RequireRecipient(recip, "x", "k"); return err }, nil, ""},
		{"RequireRecipient as an applicant", func() error { _, err := rule.RequireRecipient(applicant, "x", "k"); return err }, rule.ErrForbidden, "k"},
		{"RequireRecipient as staff", func() error { _, err := rule.RequireRecipient(staff(viewer.RoleAdmin), "x", "k"); return err }, rule.ErrForbidden, "k"},
		{"RequireRecipient as anonymous", func() error { _, err := rule.RequireRecipient(context.Background(), "x", "k"); return err }, rule.ErrUnauthenticated, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if got := rule.KeyOf(err); got != tt.key {
				t.Errorf("key %q, want %q", got, tt.key)
			}
		})
	}
}

func TestSystemReason(t *testing.T) {
	if r, ok := rule.SystemReason(context.Background()); ok || r != "" {
		t.Fatalf("a plain context: %q %v", r, ok)
	}
	ctx := rule.System(context.Background(), "carry over applicants")
	if r, ok := rule.SystemReason(ctx); !ok || r != "carry over applicants" {
		t.Fatalf("got %q %v", r, ok)
	}
	// A context that only carries the reason is not a system context.
	denied := privacy.DecisionContext(ctx, privacy.Deny)
	if _, ok := rule.SystemReason(denied); ok {
		t.Fatal("a denied context reports a system reason")
	}
}

// fakeMutation is the least of an ent.Mutation LogSystemWrites reads.
type fakeMutation struct{ ent.Mutation }

func (fakeMutation) Type() string { return "Application" }
func (fakeMutation) Op() ent.Op   { return ent.OpCreate }

func TestLogSystemWrites(t *testing.T) {
	tests := []struct {
		name  string
		ctx   context.Context
		level slog.Level
		want  string // "" for no line
	}{
		{"system write at debug", rule.System(context.Background(), "join wave after checks"), slog.LevelDebug,
			`level=DEBUG msg="system write" entity=Application op=OpCreate reason="join wave after checks"`},
		{"viewer's write", staff(viewer.RoleAdmin), slog.LevelDebug, ""},
		{"system write, debug off", rule.System(context.Background(), "x"), slog.LevelInfo, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: tt.level,
				ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
					if a.Key == slog.TimeKey {
						return slog.Attr{}
					}
					return a
				}}))
			called := false
			next := ent.MutateFunc(func(context.Context, ent.Mutation) (ent.Value, error) { called = true; return nil, nil })
			if _, err := rule.LogSystemWrites(log)(next).Mutate(tt.ctx, fakeMutation{}); err != nil || !called {
				t.Fatalf("the write did not go through: %v", err)
			}
			if got := strings.TrimSpace(buf.String()); got != tt.want {
				t.Errorf("logged %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCode: the API code an error reaches a client with, wrapped or not.
func TestCode(t *testing.T) {
	_, denied := rule.Require(context.Background(), "x")
	typed := apperr.Invalid("phone", msg.Forbidden)
	for _, tt := range []struct {
		name string
		err  error
		want apperr.Code
	}{
		{"nil", nil, ""},
		{"anonymous", rule.ErrUnauthenticated, apperr.Unauthenticated},
		{"a denial naming its action", denied, apperr.Unauthenticated},
		{"forbidden", rule.ErrForbidden, apperr.Forbidden},
		{"privacy.Deny", privacy.Deny, apperr.Forbidden},
		{"typed", typed, apperr.BadUserInput},
		{"typed, wrapped", fmt.Errorf("create: %w", typed), apperr.BadUserInput},
		{"untyped", errors.New("disk full"), apperr.Internal},
	} {
		if got := rule.Code(tt.err); got != tt.want {
			t.Errorf("%s: Code = %q, want %q", tt.name, got, tt.want)
		}
	}
}
