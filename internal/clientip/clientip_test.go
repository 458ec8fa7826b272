package clientip_test

import (
	"context"
	"net/http/httptest"
	"net/netip"
	"testing"

	"github.com/kartuprakerja/platform/internal/clientip"
)

func TestOf(t *testing.T) {
	trusted, err := clientip.ParsePrefixes("10.0.0.0/8, 192.0.2.7, fd00::/8")
	if err != nil {
		t.Fatal(err)
	}
	res := clientip.New(trusted)
	tests := []struct {
		name, peer string
		xff        []string
		want       string
	}{
		{"direct client", "203.0.113.5:4000", nil, "203.0.113.5"},
		{"header from an untrusted peer is ignored", "203.0.113.5:4000", []string{"1.2.3.4"}, "203.0.113.5"},
		{"one trusted proxy", "10.1.2.3:80", []string{"198.51.100.9"}, "198.51.100.9"},
		{"two proxies, spoofed left part", "10.1.2.3:80", []string{"6.6.6.6, 198.51.100.9, 192.0.2.7"}, "198.51.100.9"},
		{"headers joined in order", "10.1.2.3:80", []string{"6.6.6.6", "198.51.100.9"}, "198.51.100.9"},
		{"only proxies", "10.1.2.3:80", []string{"10.9.9.9"}, "10.1.2.3"},
		{"garbled chain", "10.1.2.3:80", []string{"nonsense"}, "10.1.2.3"},
		{"IPv6 peer", "[2001:db8::1]:443", nil, "2001:db8::1"},
		{"IPv4-mapped peer", "[::ffff:203.0.113.5]:443", nil, "203.0.113.5"},
		{"trusted IPv6 proxy", "[fd00::2]:443", []string{"2001:db8::9"}, "2001:db8::9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/graphql", nil)
			r.RemoteAddr = tt.peer
			for _, v := range tt.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			if got := res.Of(r); got.String() != tt.want {
				t.Errorf("Of = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestParsePrefixesRejectsGarbage(t *testing.T) {
	for _, s := range []string{"10.0.0.0/33", "not-an-ip", "1.2.3"} {
		if _, err := clientip.ParsePrefixes(s); err == nil {
			t.Errorf("ParsePrefixes(%q) accepted", s)
		}
	}
	if ps, err := clientip.ParsePrefixes(""); err != nil || len(ps) != 0 {
		t.Errorf("empty list: %v %v", ps, err)
	}
}

func TestNetwork(t *testing.T) {
	tests := []struct{ addr, want string }{
		{"203.0.113.5", "203.0.113.5/32"},
		{"2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"},
	}
	for _, tt := range tests {
		if got := clientip.Network(netip.MustParseAddr(tt.addr)); got.String() != tt.want {
			t.Errorf("Network(%s) = %s, want %s", tt.addr, got, tt.want)
		}
	}
}

func TestContext(t *testing.T) {
	if _, ok := clientip.FromContext(context.Background()); ok {
		t.Error("an address in an empty context")
	}
	a := netip.MustParseAddr("203.0.113.5")
	if got, ok := clientip.FromContext(clientip.NewContext(context.Background(), a)); !ok || got != a {
		t.Errorf("FromContext = %s %v", got, ok)
	}
}
