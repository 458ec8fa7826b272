package partnerapi_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/partnerapi"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

func as(v *viewer.Viewer) context.Context {
	if v == nil {
		return context.Background()
	}
	return viewer.NewContext(context.Background(), v)
}

// TestKindFor: a partner reads its own kind whatever it asks; admins read
// the kind they ask and must ask; other staff and anonymous callers are
// refused.
func TestKindFor(t *testing.T) {
	job := partnerapi.JobPortal
	tests := []struct {
		name  string
		v     *viewer.Viewer
		asked *partnerapi.Kind
		want  partnerapi.Kind
		code  apperr.Code
		key   msg.Key
	}{
		{"a partner, asking nothing", &viewer.Viewer{AccountID: "ac1", Role: viewer.RolePaymentPartner}, nil,
			partnerapi.PaymentPartner, "", ""},
		{"a partner asking another kind", &viewer.Viewer{AccountID: "ac1", Role: viewer.RoleInstitution}, &job,
			partnerapi.TrainingInstitution, "", ""},
		{"an admin asking", &viewer.Viewer{AccountID: "ac2", Role: viewer.RoleAdmin}, &job, partnerapi.JobPortal, "", ""},
		{"an admin asking nothing", &viewer.Viewer{AccountID: "ac2", Role: viewer.RoleAdmin}, nil, "",
			apperr.BadUserInput, msg.PartnerKindRequired},
		{"support", &viewer.Viewer{AccountID: "ac3", Role: viewer.RoleSupport}, &job, "", apperr.Forbidden, ""},
		{"a recipient", &viewer.Viewer{AccountID: "ac4", Role: viewer.RoleRecipient}, &job, "", apperr.Forbidden, ""},
		{"anonymous", nil, &job, "", apperr.Unauthenticated, ""},
	}
	for _, tt := range tests {
		got, err := partnerapi.KindFor(as(tt.v), tt.asked)
		if got != tt.want || rule.Code(err) != tt.code || (err == nil) != (tt.code == "") {
			t.Errorf("%s: %q, %v; want %q, %s", tt.name, got, err, tt.want, tt.code)
		}
		if e, ok := apperr.As(err); tt.key != "" && (!ok || e.Text.Key != tt.key) {
			t.Errorf("%s: %v, want the message %s", tt.name, err, tt.key)
		}
	}
}

// keyWorld has a platform operator with keys (one revoked) and an operator
// of the second platform with one key.
type keyWorld struct {
	db           *database.DB
	w            *fixture.World
	mine, theirs *ent.Account
	// active is the first platform's active keys newest first, revoked its revoked one.
	active  []string
	revoked string
	other   string
}

func newKeyWorld(t *testing.T, db *database.DB) *keyWorld {
	t.Helper()
	sys := rule.System(context.Background(), "test")
	kw := &keyWorld{db: db, w: fixture.NewWorld(t, db.Client)}
	kw.mine = fixture.NewAccount(t, db.Client, "+6281100000101", viewer.RolePlatform, kw.w.Platform.ID)
	kw.theirs = fixture.NewAccount(t, db.Client, "+6281100000102", viewer.RolePlatform, kw.w.Platform2.ID)
	now := time.Now()
	key := func(a *ent.Account, prefix string, age time.Duration, revoked bool) {
		b := db.Client.APIKey.Create().SetAccountID(a.ID).SetPrefix(prefix).SetSecretHash([]byte(prefix)).
			SetCreatedAt(now.Add(-age))
		if revoked {
			b.SetRevokedAt(now)
		}
		b.ExecX(sys)
	}
	key(kw.mine, "old", 3*time.Hour, false)
	key(kw.mine, "gone", 2*time.Hour, true)
	key(kw.mine, "new", time.Hour, false)
	key(kw.theirs, "theirs", 90*time.Minute, false)
	kw.active, kw.revoked, kw.other = []string{"new", "old"}, "gone", "theirs"
	return kw
}

func prefixes(keys []*ent.APIKey) []string {
	var out []string
	for _, k := range keys {
		out = append(out, k.Prefix)
	}
	return out
}

// TestKeys: the keys section's list: admins read every key, an operator its
// organisation's, newest first, active ones unless revoked ones are asked
// for; other staff and recipients are refused, not shown an empty list.
func TestKeys(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		kw := newKeyWorld(t, db)
		admin := &viewer.Viewer{AccountID: "ac-admin", Role: viewer.RoleAdmin}
		operator := &viewer.Viewer{AccountID: kw.mine.ID, Role: viewer.RolePlatform, OrgID: kw.w.Platform.ID, SessionID: "ss1"}
		tests := []struct {
			name    string
			v       *viewer.Viewer
			revoked bool
			want    []string
			code    apperr.Code
		}{
			{"admin, active", admin, false, []string{"new", "theirs", "old"}, ""},
			{"admin, with revoked", admin, true, []string{"new", "theirs", "gone", "old"}, ""},
			{"operator, active", operator, false, kw.active, ""},
			{"operator, with revoked", operator, true, []string{"new", "gone", "old"}, ""},
			{"support", &viewer.Viewer{AccountID: "ac-s", Role: viewer.RoleSupport}, false, nil, apperr.Forbidden},
			{"analyst", &viewer.Viewer{AccountID: "ac-a", Role: viewer.RoleAnalyst}, true, nil, apperr.Forbidden},
			{"recipient", &viewer.Viewer{AccountID: "ac-r", Role: viewer.RoleRecipient}, false, nil, apperr.Forbidden},
			{"anonymous", nil, false, nil, apperr.Unauthenticated},
		}
		for _, tt := range tests {
			ctx := as(tt.v)
			got, err := partnerapi.Keys(ctx, db.Client.APIKey.Query(), tt.revoked)
			if rule.Code(err) != tt.code || (err == nil) != (tt.code == "") || !slices.Equal(prefixes(got), tt.want) {
				t.Errorf("%s: %v, %v; want %v, %s", tt.name, prefixes(got), err, tt.want, tt.code)
			}
		}
	})
}

// TestKeysListAtMostMaxKeys: the newest MaxKeys keys are listed, no more.
func TestKeysListAtMostMaxKeys(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		w := fixture.NewWorld(t, db.Client)
		a := fixture.NewAccount(t, db.Client, "+6281100000101", viewer.RolePlatform, w.Platform.ID)
		now := time.Now()
		var bulk []*ent.APIKeyCreate
		for i := range partnerapi.MaxKeys + 1 {
			p := fmt.Sprintf("k%03d", i)
			bulk = append(bulk, db.Client.APIKey.Create().SetAccountID(a.ID).SetPrefix(p).SetSecretHash([]byte(p)).
				SetCreatedAt(now.Add(time.Duration(i)*time.Minute)))
		}
		db.Client.APIKey.CreateBulk(bulk...).ExecX(rule.System(context.Background(), "test"))
		got, err := partnerapi.Keys(as(&viewer.Viewer{AccountID: "ac-admin", Role: viewer.RoleAdmin}), db.Client.APIKey.Query(), true)
		if err != nil || len(got) != partnerapi.MaxKeys || got[0].Prefix != fmt.Sprintf("k%03d", partnerapi.MaxKeys) ||
			got[len(got)-1].Prefix != "k001" {
			t.Errorf("%d keys (%v), %v; want the newest %d", len(got), err, prefixes(got[:min(3, len(got))]), partnerapi.MaxKeys)
		}
	})
}

// TestOperators: an organisation's accounts, oldest first and at most
// MaxOperators, for admins and the organisation's own operators; everyone
// else (another organisation's operator, other staff, recipients,
// anonymous callers) reads none.
func TestOperators(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		sys := rule.System(context.Background(), "test")
		w := fixture.NewWorld(t, db.Client)
		org, other := w.Platform.ID, w.Platform2.ID
		now := time.Now()
		var bulk []*ent.AccountCreate
		for i := range partnerapi.MaxOperators + 1 {
			bulk = append(bulk, db.Client.Account.Create().SetPhone(fmt.Sprintf("+62811000002%02d", i)).
				SetRole(viewer.RolePlatform).SetDigitalPlatformID(org).SetCreatedAt(now.Add(time.Duration(i)*time.Minute)))
		}
		ops := db.Client.Account.CreateBulk(bulk...).SaveX(sys)
		fixture.NewAccount(t, db.Client, "+6281100000301", viewer.RolePlatform, other)
		var oldest []pulid.ID
		for _, a := range ops[:partnerapi.MaxOperators] {
			oldest = append(oldest, a.ID)
		}
		tests := []struct {
			name string
			v    *viewer.Viewer
			want []pulid.ID
		}{
			{"admin", &viewer.Viewer{AccountID: "ac-admin", Role: viewer.RoleAdmin}, oldest},
			{"an operator of the organisation", &viewer.Viewer{AccountID: ops[3].ID, Role: viewer.RolePlatform, OrgID: org}, oldest},
			{"an operator of another organisation", &viewer.Viewer{AccountID: "ac-o", Role: viewer.RolePlatform, OrgID: other}, nil},
			{"a partner of another kind", &viewer.Viewer{AccountID: "ac-p", Role: viewer.RolePaymentPartner, OrgID: org}, nil},
			{"support", &viewer.Viewer{AccountID: "ac-s", Role: viewer.RoleSupport}, nil},
			{"a recipient", &viewer.Viewer{AccountID: "ac-r", Role: viewer.RoleRecipient, OrgID: org}, nil},
			{"anonymous", nil, nil},
		}
		for _, tt := range tests {
			got, err := partnerapi.Operators(as(tt.v), db.Client.Account.Query().Where(account.DigitalPlatformID(org)), org)
			var ids []pulid.ID
			for _, a := range got {
				ids = append(ids, a.ID)
			}
			if err != nil || !slices.Equal(ids, tt.want) {
				t.Errorf("%s: %d accounts, %v; want %d", tt.name, len(ids), err, len(tt.want))
			}
		}
	})
}
