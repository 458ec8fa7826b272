package auth

import (
	"net/netip"
	"testing"
	"time"
)

func TestNetworkLimit(t *testing.T) {
	now := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	l := newNetworkLimit(2)
	take := func(addr string, at time.Time) bool { return l.allow(netip.MustParseAddr(addr), at) }
	steps := []struct {
		addr  string
		after time.Duration
		want  bool
	}{
		{"203.0.113.5", 0, true},
		{"203.0.113.5", 0, true},
		{"203.0.113.5", 0, false},               // the bucket of 2 is empty
		{"203.0.113.6", 0, true},                // another address, another bucket
		{"203.0.113.5", 30 * time.Second, true}, // one token back after half a minute
		{"203.0.113.5", 30 * time.Second, false},
		{"2001:db8:1:2::1", 0, true},
		{"2001:db8:1:2:ffff::9", 0, true}, // the same /64
		{"2001:db8:1:2::77", 0, false},
		{"2001:db8:1:3::1", 0, true}, // the next /64
	}
	for i, s := range steps {
		if got := take(s.addr, now.Add(s.after)); got != s.want {
			t.Errorf("step %d (%s at +%s) = %v, want %v", i, s.addr, s.after, got, s.want)
		}
	}
	if !l.allow(netip.Addr{}, now) {
		t.Error("a request without a client address was limited")
	}
	if off := newNetworkLimit(0); !off.allow(netip.MustParseAddr("203.0.113.5"), now) {
		t.Error("a disabled limit refused")
	}
}
