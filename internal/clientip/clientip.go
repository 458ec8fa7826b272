// Package clientip owns the address a request comes from: the peer's, or,
// when the peer is a trusted proxy, the nearest address in X-Forwarded-For
// that is not one of the trusted proxies. Rate limits key on it.
package clientip

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// Resolver finds a request's client address.
type Resolver struct {
	trusted []netip.Prefix
}

// New returns a Resolver that believes X-Forwarded-For only from peers in
// trusted (none: the header is ignored, the peer is the client).
func New(trusted []netip.Prefix) Resolver { return Resolver{trusted: trusted} }

// ParsePrefixes reads a comma-separated list of CIDR prefixes or addresses.
func ParsePrefixes(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, s := range strings.Split(list, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		if !strings.Contains(s, "/") {
			a, err := netip.ParseAddr(s)
			if err != nil {
				return nil, fmt.Errorf("trusted proxy %q: %w", s, err)
			}
			out = append(out, netip.PrefixFrom(a, a.BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q: %w", s, err)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// Of returns the client address of r (the zero Addr if none can be read).
// X-Forwarded-For is read right to left, each hop appended by the proxy
// before it: the first address that is not a trusted proxy is the client,
// whatever a client wrote further left.
func (res Resolver) Of(r *http.Request) netip.Addr {
	peer := peerAddr(r.RemoteAddr)
	if !res.isTrusted(peer) {
		return peer
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			return peer // a garbled chain: trust only what we saw
		}
		a = a.Unmap()
		if !res.isTrusted(a) {
			return a
		}
	}
	return peer
}

func (res Resolver) isTrusted(a netip.Addr) bool {
	for _, p := range res.trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

func peerAddr(remote string) netip.Addr {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}
	}
	return a.Unmap()
}

// Network is the unit a limit counts: one IPv4 address, or the /64 an
// IPv6 host is given (it can pick any address inside it).
func Network(a netip.Addr) netip.Prefix {
	if a.Is4() {
		return netip.PrefixFrom(a, 32)
	}
	p, _ := a.Prefix(64)
	return p
}

type key struct{}

// NewContext returns ctx carrying the client address.
func NewContext(ctx context.Context, a netip.Addr) context.Context {
	return context.WithValue(ctx, key{}, a)
}

// FromContext returns the client address in ctx, if any.
func FromContext(ctx context.Context) (netip.Addr, bool) {
	a, ok := ctx.Value(key{}).(netip.Addr)
	return a, ok && a.IsValid()
}

// Middleware stores each request's client address in its context.
func (res Resolver) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(NewContext(r.Context(), res.Of(r))))
	})
}
