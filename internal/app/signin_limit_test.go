package app_test

import (
	"fmt"
	"net/netip"
	"testing"

	"entgo.io/ent/dialect"

	"github.com/kartuprakerja/platform/internal/app"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/gqltest"
)

const requestCode = `mutation($p: String!) { requestSignInCode(phone: $p) { phone } }`

// TestCodesPerNetwork: one client network gets a bounded number of sign-in
// codes a minute whatever the phones; X-Forwarded-For names the client only
// behind a trusted proxy, so a spoofed header does not reset the count.
func TestCodesPerNetwork(t *testing.T) {
	tests := []struct {
		name     string
		trusted  []netip.Prefix
		forwards [2]string // X-Forwarded-For of the first four requests, then of the fifth
		wantLast string    // error code of the fifth request, "" for none
	}{
		{"direct: the fourth is refused", nil, [2]string{"", ""}, "RATE_LIMITED"},
		{"spoofed header from an untrusted peer", nil, [2]string{"198.51.100.1", "198.51.100.2"}, "RATE_LIMITED"},
		{"behind a trusted proxy: another client", []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")},
			[2]string{"198.51.100.1", "198.51.100.2"}, ""},
		{"behind a trusted proxy: the same client", []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")},
			[2]string{"198.51.100.1", "198.51.100.1"}, "RATE_LIMITED"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := dbtest.Open(t, dialect.SQLite)
			s := newStackWith(t, db, func(c *app.Config) {
				c.Auth.CodesPerNetworkMinute = 3
				c.Server.TrustedProxies = tt.trusted
			})
			number := func(n int) string { return fmt.Sprintf("812%04d%04d", i, n) }
			phone := func(n int) map[string]any { return map[string]any{"p": "0" + number(n)} }
			texted := func(n int) bool { return s.SMS.Last("+62"+number(n)) != "" }
			c := gqltest.Client{URL: s.URL, ForwardedFor: tt.forwards[0]}
			for n := range 3 {
				if r := c.Do(t, requestCode, phone(n)); len(r.Errors) > 0 {
					t.Fatalf("code %d: %v", n, r.Codes())
				}
			}
			if r := c.Do(t, requestCode, phone(3)); len(r.Codes()) != 1 || r.Codes()[0] != "RATE_LIMITED" || texted(3) {
				t.Fatalf("fourth code from one network: %v (texted %v), want RATE_LIMITED", r.Codes(), texted(3))
			}
			c.ForwardedFor = tt.forwards[1]
			r := c.Do(t, requestCode, phone(4))
			got := ""
			if len(r.Codes()) > 0 {
				got = r.Codes()[0]
			}
			if got != tt.wantLast || texted(4) != (tt.wantLast == "") {
				t.Errorf("fifth request: %v (texted %v), want %q", r.Codes(), texted(4), tt.wantLast)
			}
		})
	}
}
