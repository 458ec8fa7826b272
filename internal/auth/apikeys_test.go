package auth_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"entgo.io/ent/privacy"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/apikey"
	"github.com/kartuprakerja/platform/ent/auditlog"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
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

// TestKeyChangesAudited: issuing, rotating and revoking a key each write one
// audit entry naming the key and the operator who did it; a refused change
// writes none.
func TestKeyChangesAudited(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil)
		w := fixture.NewWorld(t, db.Client)
		op := fixture.NewAccount(t, db.Client, "+6281500000001", viewer.RolePlatform, w.Platform.ID)
		other := fixture.NewAccount(t, db.Client, "+6281500000003", viewer.RolePlatform, w.Platform2.ID)
		as := func(a *ent.Account, org pulid.ID) context.Context {
			return viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: a.ID, Role: viewer.RolePlatform,
				OrgID: org, SessionID: "ss-" + a.ID})
		}
		k, err := e.svc.CreateAPIKey(as(op, w.Platform.ID), op.ID, "prod", []string{"purchases:read"})
		if err != nil {
			t.Fatal(err)
		}
		r, err := e.svc.RotateAPIKey(as(op, w.Platform.ID), k.Prefix)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.svc.RevokeAPIKey(as(other, w.Platform2.ID), r.Prefix); rule.Code(err) != apperr.NotFound {
			t.Fatalf("another platform revokes: %v", err)
		}
		if err := e.svc.RevokeAPIKey(as(op, w.Platform.ID), r.Prefix); err != nil {
			t.Fatal(err)
		}
		got := db.Client.AuditLog.Query().Order(ent.Asc(auditlog.FieldCreatedAt), ent.Asc(auditlog.FieldAction)).
			AllX(sys())
		var actions []string
		for _, l := range got {
			actions = append(actions, l.Action)
			if l.ActorID != op.ID || l.TargetType != "APIKey" {
				t.Errorf("entry %s by %s on %s %s, want by the operator on the key", l.Action, l.ActorID, l.TargetType, l.TargetID)
			}
		}
		slices.Sort(actions)
		if want := []string{"api_key.create", "api_key.revoke", "api_key.rotate"}; !slices.Equal(actions, want) {
			t.Errorf("audit actions %v, want %v", actions, want)
		}
	})
}
