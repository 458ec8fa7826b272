package partnerapi_test

import (
	"testing"

	"github.com/kartuprakerja/platform/ent/payout"
	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/partnerapi"
	"github.com/kartuprakerja/platform/internal/viewer"
)

func TestCheck(t *testing.T) {
	key := func(role viewer.Role, scopes ...string) *viewer.Viewer {
		return &viewer.Viewer{AccountID: "ac1", Role: role, OrgID: "dp1", Scopes: scopes}
	}
	session := &viewer.Viewer{AccountID: "ac1", Role: viewer.RolePlatform, OrgID: "dp1", SessionID: "ss1"}
	admin := &viewer.Viewer{AccountID: "ac2", Role: viewer.RoleAdmin}
	platform := key(viewer.RolePlatform, "purchases:read")
	tests := []struct {
		name  string
		err   error
		key   msg.Key // "" allowed
		scope string  // named in the refusal
	}{
		{"granted field", partnerapi.CheckField(platform, "purchases"), "", ""},
		{"field of a scope the key lacks", partnerapi.CheckField(platform, "me"), msg.ScopeMissing, "partner:read"},
		{"field of another kind's scope", partnerapi.CheckField(platform, "payouts"), msg.ScopeMissing, "payouts:read"},
		{"session-only field", partnerapi.CheckField(platform, "createAPIKey"), msg.KeySessionOnly, "createAPIKey"},
		{"not a partner's field", partnerapi.CheckField(platform, "waves"), msg.KeyNotOffered, "waves"},
		{"a key without scopes", partnerapi.CheckField(key(viewer.RolePlatform), "purchases"), msg.ScopeMissing, "purchases:read"},
		{"introspection", partnerapi.CheckField(platform, "__schema"), "", ""},
		{"node lookup left to CheckNode", partnerapi.CheckField(platform, "node"), "", ""},
		{"node of a granted type", partnerapi.CheckNode(platform, purchase.Table), "", ""},
		{"node of another type", partnerapi.CheckNode(platform, payout.Table), msg.ScopeMissing, "payouts:read"},
		{"the same scope name of another kind", partnerapi.CheckField(key(viewer.RolePaymentPartner, "purchases:read"), "purchases"), msg.ScopeMissing, "purchases:read"},
		{"a session is not limited", partnerapi.CheckField(session, "payouts"), "", ""},
		{"staff are not limited", partnerapi.CheckField(admin, "waves"), "", ""},
		{"anonymous callers are not limited here", partnerapi.CheckField(nil, "purchases"), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.key == "" {
				if tt.err != nil {
					t.Fatalf("refused: %v", tt.err)
				}
				return
			}
			e, ok := apperr.As(tt.err)
			if !ok || e.Code != apperr.Forbidden || e.Text.Key != tt.key || len(e.Text.Args) != 1 || e.Text.Args[0] != tt.scope {
				t.Fatalf("got %#v, want FORBIDDEN %s naming %s", tt.err, tt.key, tt.scope)
			}
		})
	}
}
