package console

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/auditlog"
	"github.com/kartuprakerja/platform/ent/hook"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// lookupWorld is a store with two recipients: p (with a card number) and q,
// whose card number is p's NIK, so a NIK search of p matches both. Its
// audit hook records whether each audit write runs in a transaction and can
// be made to fail.
type lookupWorld struct {
	db        *database.DB
	svc       *Service
	p, q      *fixture.Person
	card      string
	auditDown bool
	outsideTx int
}

func newLookupWorld(t *testing.T, db *database.DB) *lookupWorld {
	t.Helper()
	w := fixture.NewWorld(t, db.Client)
	lw := &lookupWorld{db: db, svc: New(db.Client), card: "0023000000000007"}
	lw.p = w.NewPerson(t, db.Client, 1, w.Platform)
	lw.q = w.NewPerson(t, db.Client, 2, w.Platform2)
	sys := rule.System(context.Background(), "test")
	db.Client.Recipient.UpdateOneID(lw.p.Recipient.ID).SetCardNumber(lw.card).ExecX(sys)
	db.Client.Recipient.UpdateOneID(lw.q.Recipient.ID).SetCardNumber(lw.p.Recipient.Nik).ExecX(sys)
	db.Client.AuditLog.Use(func(next ent.Mutator) ent.Mutator {
		return hook.AuditLogFunc(func(ctx context.Context, m *ent.AuditLogMutation) (ent.Value, error) {
			if _, err := m.Tx(); err != nil {
				lw.outsideTx++
			}
			if lw.auditDown {
				return nil, errors.New("audit store down")
			}
			return next.Mutate(ctx, m)
		})
	})
	return lw
}

// audits returns the audit entries of action, oldest first.
func (lw *lookupWorld) audits(action string) []*ent.AuditLog {
	return lw.db.Client.AuditLog.Query().Where(auditlog.Action(action)).Order(auditlog.ByCreatedAt(), auditlog.ByID()).
		AllX(rule.System(context.Background(), "test"))
}

func as(role viewer.Role) context.Context {
	if role == "" {
		return context.Background()
	}
	return viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: "ac-staff", Role: role})
}

func ptr(s string) *string { return &s }

// TestFindRecipients: admin and support find recipients by phone, card
// number or NIK (exact match, trimmed); a NIK search needs a reason of
// MinReason characters (runes, trimmed); other staff, recipients and
// anonymous callers are refused; every search, and only an answered one,
// writes one audit entry in its transaction with the kind, the reason and
// the matches, never the query.
func TestFindRecipients(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		lw := newLookupWorld(t, db)
		p, q := lw.p.Recipient, lw.q.Recipient
		tests := []struct {
			name   string
			role   viewer.Role
			query  string
			reason *string
			code   apperr.Code // "" answered
			want   []pulid.ID
			kind   string
			why    string // the reason audited
		}{
			{"admin by phone", viewer.RoleAdmin, "0812" + lw.p.Phone[6:], nil, "", []pulid.ID{p.ID}, KindPhone, ""},
			{"support by phone, trimmed, reason kept", viewer.RoleSupport, "  " + lw.q.Phone + " ", ptr(" ditelepon "), "",
				[]pulid.ID{q.ID}, KindPhone, "ditelepon"},
			{"no match", viewer.RoleSupport, "081299999999", nil, "", nil, KindPhone, ""},
			{"by card number", viewer.RoleSupport, lw.card, nil, "", []pulid.ID{p.ID}, KindCard, ""},
			{"by NIK with a reason: its own and a card equal to it", viewer.RoleAdmin, p.Nik,
				ptr("  Pengaduan nomor 123  "), "", sorted(p.ID, q.ID), KindNIK, "Pengaduan nomor 123"},
			{"by NIK, a reason of exactly MinReason runes", viewer.RoleSupport, q.Nik, ptr(" éééééééééé "), "",
				[]pulid.ID{q.ID}, KindNIK, "éééééééééé"},
			{"by NIK without a reason", viewer.RoleAdmin, q.Nik, nil, apperr.BadUserInput, nil, "", ""},
			{"by NIK, a reason one rune short once trimmed", viewer.RoleAdmin, q.Nik, ptr("  ééééééééé   "),
				apperr.BadUserInput, nil, "", ""},
			{"not a phone, card or NIK", viewer.RoleAdmin, "Budi", nil, apperr.BadUserInput, nil, "", ""},
			{"analyst", viewer.RoleAnalyst, lw.p.Phone, nil, apperr.Forbidden, nil, "", ""},
			{"platform operator", viewer.RolePlatform, lw.p.Phone, nil, apperr.Forbidden, nil, "", ""},
			{"recipient", viewer.RoleRecipient, lw.p.Phone, nil, apperr.Forbidden, nil, "", ""},
			{"anonymous", "", lw.p.Phone, nil, apperr.Unauthenticated, nil, "", ""},
		}
		for _, tt := range tests {
			before := len(lw.audits(ActionSearch))
			found, err := lw.svc.FindRecipients(as(tt.role), tt.query, tt.reason)
			entries := lw.audits(ActionSearch)
			if tt.code != "" {
				if rule.Code(err) != tt.code || found != nil || len(entries) != before {
					t.Errorf("%s: %v, %d found, %d audit entries written; want %s and none", tt.name, err,
						len(found), len(entries)-before, tt.code)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
				continue
			}
			var ids []pulid.ID
			for _, r := range found {
				ids = append(ids, r.ID)
			}
			if !slices.Equal(ids, tt.want) {
				t.Errorf("%s: found %v, want %v", tt.name, ids, tt.want)
			}
			if len(entries) != before+1 {
				t.Errorf("%s: %d audit entries written, want 1", tt.name, len(entries)-before)
				continue
			}
			e := entries[len(entries)-1]
			matches := make([]string, len(tt.want))
			for i, id := range tt.want {
				matches[i] = string(id)
			}
			target := pulid.ID("")
			if len(tt.want) == 1 {
				target = tt.want[0]
			}
			if e.Reason != tt.why || e.Detail["kind"] != tt.kind || e.Detail["matches"] != strings.Join(matches, ",") ||
				e.TargetType != "Recipient" || e.TargetID != target || e.ActorID != "ac-staff" || e.ActorRole != string(tt.role) {
				t.Errorf("%s: audited %+v", tt.name, e)
			}
			if leaks(e, strings.TrimSpace(tt.query), p.Nik, q.Nik) {
				t.Errorf("%s: the audit entry holds the query or a NIK: %+v", tt.name, e)
			}
		}
		if lw.outsideTx != 0 {
			t.Errorf("%d audit entries written outside a transaction", lw.outsideTx)
		}
		lw.auditDown = true
		if found, err := lw.svc.FindRecipients(as(viewer.RoleAdmin), lw.p.Phone, nil); err == nil || found != nil {
			t.Errorf("audit write failed: %d found, %v; want the search failed", len(found), err)
		}
	})
}

// leaks reports whether the audit entry holds any of the secrets.
func leaks(e *ent.AuditLog, secrets ...string) bool {
	for _, s := range secrets {
		if strings.Contains(e.Reason, s) {
			return true
		}
		for k, v := range e.Detail {
			if strings.Contains(k, s) || strings.Contains(v, s) {
				return true
			}
		}
	}
	return false
}

// sorted returns ids in the store's order (by id).
func sorted(ids ...pulid.ID) []pulid.ID {
	slices.Sort(ids)
	return ids
}

// TestRevealIdentity: admin and support read a recipient's NIK and KK for a
// reason of MinReason runes (trimmed); the read and its audit entry (the
// reason, the target, never the NIK or KK) share a transaction, so a failed
// audit write reveals nothing; others are refused and nothing is written.
func TestRevealIdentity(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		lw := newLookupWorld(t, db)
		p, q := lw.p.Recipient, lw.q.Recipient
		tests := []struct {
			name   string
			role   viewer.Role
			id     pulid.ID
			reason string
			code   apperr.Code // "" answered
			want   Identity
			why    string
		}{
			{"admin", viewer.RoleAdmin, p.ID, "  Verifikasi pengaduan 42 ", "", Identity{p.Nik, p.KkNumber}, "Verifikasi pengaduan 42"},
			{"support, exactly MinReason runes", viewer.RoleSupport, q.ID, "éééééééééé", "", Identity{q.Nik, q.KkNumber}, "éééééééééé"},
			{"a reason one rune short once trimmed", viewer.RoleSupport, q.ID, " ééééééééé  ", apperr.BadUserInput, Identity{}, ""},
			{"no reason", viewer.RoleAdmin, q.ID, "", apperr.BadUserInput, Identity{}, ""},
			{"analyst", viewer.RoleAnalyst, q.ID, "Verifikasi pengaduan 42", apperr.Forbidden, Identity{}, ""},
			{"payment partner", viewer.RolePaymentPartner, q.ID, "Verifikasi pengaduan 42", apperr.Forbidden, Identity{}, ""},
			{"the recipient", viewer.RoleRecipient, q.ID, "Verifikasi pengaduan 42", apperr.Forbidden, Identity{}, ""},
			{"anonymous", "", q.ID, "Verifikasi pengaduan 42", apperr.Unauthenticated, Identity{}, ""},
		}
		for _, tt := range tests {
			before := len(lw.audits(ActionIdentityRead))
			got, err := lw.svc.RevealIdentity(as(tt.role), tt.id, tt.reason)
			entries := lw.audits(ActionIdentityRead)
			if tt.code != "" {
				if rule.Code(err) != tt.code || got != (Identity{}) || len(entries) != before {
					t.Errorf("%s: %+v, %v, %d audit entries written; want %s and none", tt.name, got, err,
						len(entries)-before, tt.code)
				}
				continue
			}
			if err != nil || got != tt.want {
				t.Errorf("%s: %+v, %v; want %+v", tt.name, got, err, tt.want)
				continue
			}
			if len(entries) != before+1 {
				t.Errorf("%s: %d audit entries written, want 1", tt.name, len(entries)-before)
				continue
			}
			e := entries[len(entries)-1]
			if e.Reason != tt.why || e.TargetType != "Recipient" || e.TargetID != tt.id || e.ActorRole != string(tt.role) {
				t.Errorf("%s: audited %+v", tt.name, e)
			}
			if leaks(e, tt.want.Nik, tt.want.KkNumber) {
				t.Errorf("%s: the audit entry holds the NIK or KK: %+v", tt.name, e)
			}
		}
		if lw.outsideTx != 0 {
			t.Errorf("%d audit entries written outside a transaction", lw.outsideTx)
		}
		before := len(lw.audits(ActionIdentityRead))
		if got, err := lw.svc.RevealIdentity(as(viewer.RoleAdmin), "rc-unknown", "Verifikasi pengaduan 42"); err == nil ||
			got != (Identity{}) || len(lw.audits(ActionIdentityRead)) != before {
			t.Errorf("unknown recipient: %+v, %v", got, err)
		}
		lw.auditDown = true
		if got, err := lw.svc.RevealIdentity(as(viewer.RoleAdmin), p.ID, "Verifikasi pengaduan 42"); err == nil || got != (Identity{}) {
			t.Errorf("audit write failed: %+v, %v; want nothing revealed", got, err)
		}
	})
}
