package auth

import (
	"net/netip"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/time/rate"

	"github.com/kartuprakerja/platform/internal/clientip"
)

// networksTracked bounds the memory of the per-network limiter: the least
// recently seen networks are forgotten first (their buckets were full).
const networksTracked = 200_000

// networkLimit is a token bucket per client network (an IPv4 address or an
// IPv6 /64) for sign-in codes: it stops one host from sending codes to
// many phones (SMS pumping), which the per-phone limits cannot see. Mobile
// carriers put many subscribers behind one IPv4 address (CGNAT), so the
// rate must be generous; it is a floor against floods, not a quota.
type networkLimit struct {
	perMinute int
	mu        sync.Mutex
	buckets   *lru.Cache[netip.Prefix, *rate.Limiter]
}

// newNetworkLimit returns nil (no limit) for perMinute <= 0.
func newNetworkLimit(perMinute int) *networkLimit {
	if perMinute <= 0 {
		return nil
	}
	c, _ := lru.New[netip.Prefix, *rate.Limiter](networksTracked) // only fails for a size <= 0
	return &networkLimit{perMinute: perMinute, buckets: c}
}

// allow takes one code from addr's network's bucket; an unknown address
// (no client address in the request) is not limited here.
func (l *networkLimit) allow(addr netip.Addr, now time.Time) bool {
	if l == nil || !addr.IsValid() {
		return true
	}
	n := clientip.Network(addr)
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets.Get(n)
	if !ok {
		b = rate.NewLimiter(rate.Limit(float64(l.perMinute)/60), l.perMinute)
		l.buckets.Add(n, b)
	}
	return b.AllowN(now, 1)
}
