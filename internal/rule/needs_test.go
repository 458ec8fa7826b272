package rule_test

import (
	"slices"
	"testing"

	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// TestNeeds: the role sets the console and its operations share.
func TestNeeds(t *testing.T) {
	console := rule.ConsoleRoles()
	if slices.Contains(console, viewer.RoleRecipient) || len(console) != len(viewer.Role("").Values())-1 {
		t.Errorf("console roles %v: every role but the recipient's", console)
	}
	for _, r := range console {
		if !r.IsStaff() && !r.IsPartner() {
			t.Errorf("console role %s is neither staff nor partner", r)
		}
	}
	for _, r := range rule.PersonalDataStaff() {
		if !r.ReadsPersonalData() {
			t.Errorf("%s is in PersonalDataStaff but does not read personal data", r)
		}
	}
	tests := []struct {
		need rule.Need
		want []viewer.Role
	}{
		{rule.NeedConsole(), console},
		{rule.NeedRecipientLookup(), []viewer.Role{viewer.RoleAdmin, viewer.RoleSupport}},
		{rule.NeedRevokeRecipient(), []viewer.Role{viewer.RoleAdmin}},
		{rule.NeedAudit(), []viewer.Role{viewer.RoleAdmin, viewer.RoleAnalyst}},
		{rule.NeedWaves(), []viewer.Role{viewer.RoleAdmin, viewer.RoleAnalyst}},
		{rule.NeedWaveAdmin(), []viewer.Role{viewer.RoleAdmin}},
		{rule.NeedPartners(), []viewer.Role{viewer.RoleAdmin}},
		{rule.NeedPartnerKeys(), append([]viewer.Role{viewer.RoleAdmin}, rule.PartnerRoles()...)},
		{rule.NeedPartnerCalls(), append([]viewer.Role{viewer.RoleAdmin}, rule.PartnerRoles()...)},
		{rule.NeedPartnerDocs(), append([]viewer.Role{viewer.RoleAdmin}, rule.PartnerRoles()...)},
		{rule.NeedPayouts(), []viewer.Role{viewer.RoleAdmin, viewer.RoleAnalyst, viewer.RoleSupport,
			viewer.RoleFinanceMaker, viewer.RoleFinanceChecker, viewer.RolePaymentPartner}},
		{rule.NeedPurchases(), []viewer.Role{viewer.RoleAdmin, viewer.RoleAnalyst, viewer.RoleSupport,
			viewer.RoleFinanceMaker, viewer.RoleFinanceChecker, viewer.RolePlatform, viewer.RoleInstitution}},
		{rule.NeedCourses(), []viewer.Role{viewer.RoleAdmin, viewer.RoleAssessor}},
		{rule.NeedReviewModeration(), []viewer.Role{viewer.RoleAdmin, viewer.RoleAssessor}},
		{rule.NeedProposeCourse(), []viewer.Role{viewer.RoleInstitution}},
		{rule.NeedVacancies(), []viewer.Role{viewer.RoleJobPortal}},
	}
	for _, tt := range tests {
		if !slices.Equal(tt.need.Roles, tt.want) || tt.need.Action == "" {
			t.Errorf("%s: roles %v, want %v", tt.need.Action, tt.need.Roles, tt.want)
		}
	}
}
