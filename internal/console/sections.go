// Package console owns the server side of the staff and partner console:
// which sections (screens) a viewer may use, each following the rule.Need
// its operations check, and the staff's look-ups of recipients (find by
// phone, card number or NIK; reveal a NIK and KK for a stated reason), each
// written to the audit log.
package console

import (
	"context"

	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Section is one screen of the console and the Need its operations check.
type Section struct {
	ID    string // stable: the console's route /konsol/<id>
	Title msg.Key
	Need  rule.Need
}

// Sections is the console's table of sections, in the order they are shown.
// A section's Need is the one its guarded operations check (rule/needs.go):
// internal/app's TestConsoleSectionsFollowTheirOperations proves for every
// role that a section is listed exactly when its operation answers.
func Sections() []Section {
	return []Section{
		{"home", msg.SectionHome, rule.NeedConsole()},
		{"waves", msg.SectionWaves, rule.NeedWaves()},
		{"recipients", msg.SectionRecipients, rule.NeedRecipientLookup()},
		{"partners", msg.SectionPartners, rule.NeedPartners()},
		{"keys", msg.SectionKeys, rule.NeedPartnerKeys()},
		{"calls", msg.SectionCalls, rule.NeedPartnerCalls()},
		{"docs", msg.SectionDocs, rule.NeedPartnerDocs()},
		{"audit", msg.SectionAudit, rule.NeedAudit()},
		{"payouts", msg.SectionPayouts, rule.NeedPayouts()},
		{"purchases", msg.SectionPurchases, rule.NeedPurchases()},
		{"courses", msg.SectionCourses, rule.NeedCourses()},
		{"vacancies", msg.SectionVacancies, rule.NeedVacancies()},
	}
}

// For returns the sections the viewer in ctx may use: none for a recipient
// (they use the app); an anonymous caller is refused (UNAUTHENTICATED), so
// the console knows to sign in first.
func For(ctx context.Context) ([]Section, error) {
	if _, err := rule.Require(ctx, "console.sections"); err != nil {
		return nil, err
	}
	var out []Section
	for _, s := range Sections() {
		if _, err := s.Need.Check(ctx); err == nil {
			out = append(out, s)
		}
	}
	return out, nil
}
