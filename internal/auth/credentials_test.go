package auth_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent/apikey"
	"github.com/kartuprakerja/platform/ent/privacy"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/auth"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

func adminCtx(e *env) context.Context {
	a := e.db.Client.Account.Create().SetPhone("+6281100009999").SetRole(viewer.RoleAdmin).SaveX(sys())
	return viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: a.ID, Role: viewer.RoleAdmin})
}

// TestPartnerAccountsAndKeys: a partner account per role, bound to its
// organisation; an API key authenticates as it until revoked.
func TestPartnerAccountsAndKeys(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil)
		w := fixture.NewWorld(t, db.Client)
		admin := adminCtx(e)
		orgs := []struct {
			role viewer.Role
			org  pulid.ID
		}{
			{viewer.RoleInstitution, w.Institution.ID}, {viewer.RolePlatform, w.Platform.ID},
			{viewer.RolePaymentPartner, w.Partner.ID}, {viewer.RoleJobPortal, w.Portal.ID},
		}
		for i, o := range orgs {
			phone := fmt.Sprintf("+628150000%04d", i)
			a, err := e.svc.CreatePartnerAccount(admin, auth.PartnerAccount{Phone: phone, DisplayName: "Mitra",
				Role: o.role, OrganizationID: o.org})
			if err != nil {
				t.Fatalf("%s: %v", o.role, err)
			}
			if a.Role != o.role || a.Phone != phone || a.DisplayName != "Mitra" {
				t.Errorf("account %+v", a)
			}
			label := strings.Repeat("k", 130)
			k, err := e.svc.CreateAPIKey(admin, a.ID, label, []string{"partner:read"})
			if err != nil {
				t.Fatalf("%s key: %v", o.role, err)
			}
			if !strings.HasPrefix(k.Key, "pk_"+k.Prefix+"_") || len(k.Prefix) != 12 || k.Account.ID != a.ID ||
				strings.ContainsAny(k.Prefix, "-_") {
				t.Errorf("issued key %q prefix %q", k.Key, k.Prefix)
			}
			row := e.db.Client.APIKey.Query().Where(apikey.Prefix(k.Prefix)).OnlyX(sys())
			if len(row.Label) != 120 || strings.Contains(string(row.SecretHash), k.Key[len(k.Prefix)+4:]) {
				t.Errorf("stored key: %d-byte label", len(row.Label))
			}
			v, err := e.svc.Authenticate(context.Background(), "ApiKey "+k.Key)
			if err != nil || v.AccountID != a.ID || v.Role != o.role || v.OrgID != o.org || v.SessionID != "" {
				t.Errorf("%s key authenticates as %+v, %v", o.role, v, err)
			}
			if err := e.svc.RevokeAPIKey(admin, k.Prefix); err != nil {
				t.Fatal(err)
			}
			if _, err := e.svc.Authenticate(context.Background(), "ApiKey "+k.Key); !errors.Is(err, auth.ErrInvalidCredentials) {
				t.Errorf("a revoked key: %v", err)
			}
			if err := e.svc.RevokeAPIKey(admin, k.Prefix); rule.Code(err) != apperr.NotFound {
				t.Errorf("revoking twice: %v, want NOT_FOUND", err)
			}
		}
		refused := []struct {
			name string
			in   auth.PartnerAccount
			code apperr.Code
			want string // field
		}{
			{"not a partner role", auth.PartnerAccount{Phone: "+6281500001000", Role: viewer.RoleAdmin, OrganizationID: w.Platform.ID}, apperr.BadUserInput, "role"},
			{"recipient role", auth.PartnerAccount{Phone: "+6281500001001", Role: viewer.RoleRecipient, OrganizationID: w.Platform.ID}, apperr.BadUserInput, "role"},
			{"organisation of another kind", auth.PartnerAccount{Phone: "+6281500001002", Role: viewer.RoleInstitution, OrganizationID: w.Platform.ID}, apperr.BadUserInput, "organizationId"},
			{"no organisation", auth.PartnerAccount{Phone: "+6281500001003", Role: viewer.RoleJobPortal}, apperr.BadUserInput, "organizationId"},
			{"malformed organisation", auth.PartnerAccount{Phone: "+6281500001004", Role: viewer.RoleJobPortal, OrganizationID: "jp"}, apperr.BadUserInput, "organizationId"},
			{"unknown organisation", auth.PartnerAccount{Phone: "+6281500001005", Role: viewer.RolePlatform, OrganizationID: pulid.New("dp")}, apperr.Conflict, ""},
			{"phone taken", auth.PartnerAccount{Phone: "+6281500000000", Role: viewer.RolePlatform, OrganizationID: w.Platform.ID}, apperr.Conflict, ""},
		}
		for _, r := range refused {
			_, err := e.svc.CreatePartnerAccount(admin, r.in)
			ae, ok := apperr.As(err)
			if !ok || ae.Code != r.code || (r.want != "" && ae.Fields[r.want].Key == "") {
				t.Errorf("%s: %v, want %s on %q", r.name, err, r.code, r.want)
			}
		}
		partner := viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: "acP", Role: viewer.RolePlatform, OrgID: w.Platform.ID})
		if _, err := e.svc.CreatePartnerAccount(partner, auth.PartnerAccount{Phone: "+6281500002000",
			Role: viewer.RolePlatform, OrganizationID: w.Platform.ID}); !errors.Is(err, privacy.Deny) {
			t.Errorf("a partner creates accounts: %v", err)
		}
	})
}

func TestAPIKeyRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil)
		w := fixture.NewWorld(t, db.Client)
		admin := adminCtx(e)
		recipient := e.db.Client.Account.Create().SetPhone("+6281234567890").SetRole(viewer.RoleRecipient).SaveX(sys())
		if _, err := e.svc.CreateAPIKey(admin, recipient.ID, "x", []string{"partner:read"}); !hasField(err, "accountId") {
			t.Errorf("a key for an applicant: %v", err)
		}
		if _, err := e.svc.CreateAPIKey(admin, pulid.New("ac"), "x", []string{"partner:read"}); rule.Code(err) != apperr.NotFound {
			t.Errorf("a key for no account: %v", err)
		}
		p := fixture.NewAccount(t, db.Client, "+6281500000001", viewer.RolePlatform, w.Platform.ID)
		partner := viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: p.ID, Role: viewer.RolePlatform, OrgID: w.Platform.ID})
		if _, err := e.svc.CreateAPIKey(partner, p.ID, "mine", []string{"partner:read"}); !errors.Is(err, privacy.Deny) {
			t.Errorf("a partner issues itself a key: %v", err)
		}
		if n := e.db.Client.APIKey.Query().CountX(sys()); n != 0 {
			t.Errorf("%d keys stored by refused requests", n)
		}
		if err := e.svc.RevokeAPIKey(admin, "nosuchprefix"); rule.Code(err) != apperr.NotFound {
			t.Errorf("revoke unknown: %v", err)
		}
		// A disabled partner's key stops working.
		k, err := e.svc.CreateAPIKey(admin, p.ID, "", []string{"partner:read"})
		if err != nil {
			t.Fatal(err)
		}
		e.db.Client.Account.UpdateOneID(p.ID).SetDisabledAt(e.clk.Now()).ExecX(sys())
		if _, err := e.svc.Authenticate(context.Background(), "ApiKey "+k.Key); !errors.Is(err, auth.ErrInvalidCredentials) {
			t.Errorf("a disabled partner's key: %v", err)
		}
	})
}

// TestAPIKeyLastUsed: a key's last use is recorded at most once a minute.
func TestAPIKeyLastUsed(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil)
		w := fixture.NewWorld(t, db.Client)
		p := fixture.NewAccount(t, db.Client, "+6281500000001", viewer.RolePlatform, w.Platform.ID)
		k, err := e.svc.CreateAPIKey(adminCtx(e), p.ID, "", []string{"partner:read"})
		if err != nil {
			t.Fatal(err)
		}
		start := e.clk.Now()
		steps := []struct {
			at, want time.Duration // use at start+at; last use recorded at start+want
		}{
			{0, 0}, {30 * time.Second, 0}, {time.Minute, 0}, {time.Minute + time.Second, time.Minute + time.Second},
			{2 * time.Minute, time.Minute + time.Second}, {3 * time.Minute, 3 * time.Minute},
		}
		for i, s := range steps {
			e.clk.Set(start.Add(s.at))
			if _, err := e.svc.Authenticate(context.Background(), "ApiKey "+k.Key); err != nil {
				t.Fatal(err)
			}
			row := e.db.Client.APIKey.Query().Where(apikey.Prefix(k.Prefix)).OnlyX(sys())
			if row.LastUsedAt == nil || !row.LastUsedAt.Equal(start.Add(s.want)) {
				t.Errorf("step %d: last used %v, want %v", i, row.LastUsedAt, start.Add(s.want))
			}
		}
	})
}

// TestAuthenticate: the Authorization header's forms.
func TestAuthenticate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil)
		w := fixture.NewWorld(t, db.Client)
		s := e.signIn(t, "081234567890")
		p := fixture.NewAccount(t, db.Client, "+6281500000001", viewer.RolePlatform, w.Platform.ID)
		k, err := e.svc.CreateAPIKey(adminCtx(e), p.ID, "", []string{"partner:read"})
		if err != nil {
			t.Fatal(err)
		}
		secretPart := k.Key[len("pk_"+k.Prefix+"_"):]
		tests := []struct {
			header string
			want   string // account phone, "" for anonymous, "invalid"
		}{
			{"", ""},
			{"Bearer " + s.Token, "+6281234567890"},
			{"bearer  " + s.Token + " ", "+6281234567890"},
			{"BEARER " + s.Token, "+6281234567890"},
			{"Bearer", "invalid"},
			{"Bearer ", "invalid"},
			{"Bearer x" + s.Token, "invalid"},
			{"Basic " + s.Token, "invalid"},
			{s.Token, "invalid"},
			{"ApiKey " + k.Key, "+6281500000001"},
			{"apikey " + k.Key, "+6281500000001"},
			{"ApiKey", "invalid"},
			{"ApiKey " + k.Key + "x", "invalid"},
			{"ApiKey pk_" + k.Prefix, "invalid"},
			{"ApiKey pk_" + k.Prefix + "_", "invalid"},
			{"ApiKey pk__" + secretPart, "invalid"},
			{"ApiKey xx_" + k.Prefix + "_" + secretPart, "invalid"},
			{"ApiKey " + k.Prefix + "_" + secretPart, "invalid"},
			{"ApiKey pk_nosuchprefix_" + secretPart, "invalid"},
			{"Bearer " + k.Key, "invalid"},
			{"ApiKey " + s.Token, "invalid"},
		}
		for _, tt := range tests {
			v, err := e.svc.Authenticate(context.Background(), tt.header)
			switch tt.want {
			case "":
				if v != nil || err != nil {
					t.Errorf("%q: %+v %v, want anonymous", tt.header, v, err)
				}
			case "invalid":
				if v != nil || !errors.Is(err, auth.ErrInvalidCredentials) {
					t.Errorf("%q: %+v %v, want invalid credentials", tt.header, v, err)
				}
			default:
				if err != nil || v == nil {
					t.Errorf("%q: %v", tt.header, err)
					continue
				}
				a := e.db.Client.Account.GetX(sys(), v.AccountID)
				if a.Phone != tt.want {
					t.Errorf("%q authenticates as %s, want %s", tt.header, a.Phone, tt.want)
				}
			}
		}
		if rule.Code(auth.ErrInvalidCredentials) != apperr.Unauthenticated {
			t.Errorf("invalid credentials are %s", rule.Code(auth.ErrInvalidCredentials))
		}
	})
}

func TestUserAgent(t *testing.T) {
	ctx := context.Background()
	if ua := auth.UserAgent(ctx); ua != "" {
		t.Errorf("no user agent: %q", ua)
	}
	if ua := auth.UserAgent(auth.WithUserAgent(ctx, "Mozilla/5.0")); ua != "Mozilla/5.0" {
		t.Errorf("user agent %q", ua)
	}
}
