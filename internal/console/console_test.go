package console

import (
	"context"
	"slices"
	"testing"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// TestSectionsByRole states the console's navigation per role (the API
// class test in internal/app proves each entry against its operation).
func TestSectionsByRole(t *testing.T) {
	partner := []string{"keys", "calls", "docs"}
	tests := []struct {
		role viewer.Role
		want []string
	}{
		{viewer.RoleAdmin, []string{"home", "waves", "recipients", "partners", "keys", "calls", "docs", "audit", "payouts", "purchases", "courses"}},
		{viewer.RoleAnalyst, []string{"home", "waves", "audit", "payouts", "purchases"}},
		{viewer.RoleSupport, []string{"home", "recipients", "payouts", "purchases"}},
		{viewer.RoleAssessor, []string{"home", "courses"}},
		{viewer.RoleFinanceMaker, []string{"home", "payouts", "purchases"}},
		{viewer.RoleFinanceChecker, []string{"home", "payouts", "purchases"}},
		{viewer.RoleInstitution, append([]string{"home"}, append(partner, "purchases")...)},
		{viewer.RolePlatform, append([]string{"home"}, append(partner, "purchases")...)},
		{viewer.RolePaymentPartner, append([]string{"home"}, append(partner, "payouts")...)},
		{viewer.RoleJobPortal, append([]string{"home"}, append(partner, "vacancies")...)},
		{viewer.RoleRecipient, nil},
	}
	for _, tt := range tests {
		ctx := viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: "ac-1", Role: tt.role})
		got, err := For(ctx)
		if err != nil {
			t.Fatalf("%s: %v", tt.role, err)
		}
		var ids []string
		for _, s := range got {
			ids = append(ids, s.ID)
		}
		if !slices.Equal(ids, tt.want) {
			t.Errorf("%s: %v, want %v", tt.role, ids, tt.want)
		}
	}
	if _, err := For(context.Background()); rule.Code(err) != apperr.Unauthenticated {
		t.Errorf("anonymous: %v, want UNAUTHENTICATED", err)
	}
}

// TestClassify: what a query is taken for, and what is refused.
func TestClassify(t *testing.T) {
	tests := []struct{ query, kind string }{
		{"081200000001", KindPhone},
		{"+62 812-0000-0001", KindPhone},
		{"6281200000001", KindPhone},
		{"3273010101900001", KindNIK},  // a well-formed NIK
		{"0023000000000007", KindCard}, // wave 23's seventh card: district 00 is no NIK
		{"3273000101900001", KindCard}, // 16 digits, not a NIK
		{"Budi", ""},
		{"327301010190000", ""}, // 15 digits
		{"", ""},
	}
	for _, tt := range tests {
		kind, _, err := classify(tt.query)
		if kind != tt.kind || (tt.kind == "") != apperr.Is(err, apperr.BadUserInput) {
			t.Errorf("%q: kind %q err %v, want %q", tt.query, kind, err, tt.kind)
		}
	}
}

// TestMaskNIK: a NIK keeps its region and serial; anything else of
// another length is hidden whole, rune for rune.
func TestMaskNIK(t *testing.T) {
	tests := []struct{ in, want string }{
		{"3273010101900001", "3273••••••••0001"},
		{"327301010190000", "•••••••••••••••"},
		{"32730101019000012", "•••••••••••••••••"},
		{"é1", "••"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := MaskNIK(tt.in); got != tt.want {
			t.Errorf("MaskNIK(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
