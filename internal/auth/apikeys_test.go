package auth_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"entgo.io/ent/privacy"

	"github.com/kartuprakerja/platform/ent/apikey"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/auth"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// TestOperatorsManageTheirOrganisationsKeys: a signed-in operator issues,
// rotates and revokes keys of its own organisation's accounts only; the
// key's viewer carries its scopes; a rotated key keeps label and scopes and
// the old one stops working at once.
func TestOperatorsManageTheirOrganisationsKeys(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil)
		w := fixture.NewWorld(t, db.Client)
		a := fixture.NewAccount(t, db.Client, "+6281500000001", viewer.RolePlatform, w.Platform.ID)
		service := fixture.NewAccount(t, db.Client, "+6281500000002", viewer.RolePlatform, w.Platform.ID)
		b := fixture.NewAccount(t, db.Client, "+6281500000003", viewer.RolePlatform, w.Platform2.ID)
		opA := viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: a.ID, Role: viewer.RolePlatform,
			OrgID: w.Platform.ID, SessionID: "ss1"})
		k, err := e.svc.CreateAPIKey(opA, service.ID, "prod", []string{"purchases:read", "partner:read", "purchases:read"})
		if err != nil {
			t.Fatalf("an operator issues a key for its organisation's account: %v", err)
		}
		if !slices.Equal(k.APIKey.Scopes, []string{"partner:read", "purchases:read"}) || k.APIKey.AccountID != service.ID {
			t.Errorf("issued %+v", k.APIKey)
		}
		v, err := e.svc.Authenticate(context.Background(), "ApiKey "+k.Key)
		if err != nil || !slices.Equal(v.Scopes, k.APIKey.Scopes) || v.SessionID != "" {
			t.Fatalf("the key's viewer %+v, %v", v, err)
		}
		if _, err := e.svc.CreateAPIKey(opA, b.ID, "x", []string{"purchases:read"}); rule.Code(err) != apperr.NotFound {
			t.Errorf("a key for another platform's account: %v, want NOT_FOUND", err)
		}
		keyCaller := viewer.NewContext(context.Background(), v)
		if _, err := e.svc.RotateAPIKey(keyCaller, k.Prefix); !errors.Is(err, privacy.Deny) {
			t.Errorf("a key rotates itself: %v, want a denial", err)
		}
		opB := viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: b.ID, Role: viewer.RolePlatform,
			OrgID: w.Platform2.ID, SessionID: "ss2"})
		if err := e.svc.RevokeAPIKey(opB, k.Prefix); rule.Code(err) != apperr.NotFound {
			t.Errorf("another platform revokes the key: %v, want NOT_FOUND", err)
		}
		if _, err := e.svc.RotateAPIKey(opB, k.Prefix); rule.Code(err) != apperr.NotFound {
			t.Errorf("another platform rotates the key: %v, want NOT_FOUND", err)
		}

		r, err := e.svc.RotateAPIKey(opA, k.Prefix)
		if err != nil {
			t.Fatal(err)
		}
		if r.Prefix == k.Prefix || r.APIKey.Label != "prod" || !slices.Equal(r.APIKey.Scopes, k.APIKey.Scopes) {
			t.Errorf("rotated %+v from %+v", r.APIKey, k.APIKey)
		}
		if _, err := e.svc.Authenticate(context.Background(), "ApiKey "+k.Key); !errors.Is(err, auth.ErrInvalidCredentials) {
			t.Errorf("the rotated-away key: %v", err)
		}
		if _, err := e.svc.Authenticate(context.Background(), "ApiKey "+r.Key); err != nil {
			t.Errorf("the new key: %v", err)
		}
		if _, err := e.svc.RotateAPIKey(opA, k.Prefix); rule.Code(err) != apperr.NotFound {
			t.Errorf("rotating a revoked key: %v, want NOT_FOUND", err)
		}
		if n := db.Client.APIKey.Query().Where(apikey.RevokedAtIsNil()).CountX(sys()); n != 1 {
			t.Errorf("%d active keys, want the rotated one", n)
		}
		analyst := viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: "ac9", Role: viewer.RoleAnalyst})
		if _, err := e.svc.CreateAPIKey(analyst, service.ID, "x", []string{"purchases:read"}); !errors.Is(err, privacy.Deny) {
			t.Errorf("an analyst issues a key: %v", err)
		}
	})
}

// TestKeyScopesAreOfTheKind: scopes are checked against the account's kind.
func TestKeyScopesAreOfTheKind(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil)
		w := fixture.NewWorld(t, db.Client)
		admin := adminCtx(e)
		bank := fixture.NewAccount(t, db.Client, "+6281500000004", viewer.RolePaymentPartner, w.Partner.ID)
		for _, tt := range []struct {
			scopes []string
			ok     bool
		}{
			{[]string{"payouts:read", "linked_accounts:read"}, true},
			{[]string{"purchases:read"}, false},
			{[]string{"payouts:write"}, false},
			{nil, false},
		} {
			_, err := e.svc.CreateAPIKey(admin, bank.ID, "x", tt.scopes)
			if tt.ok && err != nil || !tt.ok && !hasField(err, "scopes") {
				t.Errorf("scopes %v: %v", tt.scopes, err)
			}
		}
	})
}
