package push

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/device"
)

// message is one push: a notification to one device.
type message struct {
	n      *ent.Notification
	device *ent.Device
}

// result classifies a provider's answer to one message.
type result int

const (
	delivered result = iota // accepted by the provider
	gone                    // the device is gone (unregistered, invalid, 404/410): disable it
	retry                   // 429, 5xx or a network error: send again later
	failed                  // refused for good; the device stays
)

// outcome is the answer to one message.
type outcome struct {
	result     result
	retryAfter time.Duration // from a Retry-After header
	detail     string        // error code or status, for logs and disabled_reason
}

// sender delivers messages of one device kind and answers one outcome per
// message, in order. It never fails as a whole.
type sender interface {
	send(ctx context.Context, msgs []message, now time.Time) []outcome
}

// sendAll routes messages to the sender of their device kind.
func (s *Service) sendAll(ctx context.Context, msgs []message) []outcome {
	outs := make([]outcome, len(msgs))
	byKind := map[device.Kind][]int{}
	for i, m := range msgs {
		byKind[m.device.Kind] = append(byKind[m.device.Kind], i)
	}
	now := s.now()
	for kind, idx := range byKind {
		snd := s.fcm
		if kind == device.KindWebpush {
			snd = s.web
		}
		part := make([]message, len(idx))
		for j, i := range idx {
			part[j] = msgs[i]
		}
		var got []outcome
		if snd == nil {
			got = notConfigured(len(part), string(kind))
		} else {
			got = snd.send(ctx, part, now)
		}
		for j, i := range idx {
			outs[i] = got[j]
		}
	}
	return outs
}

func notConfigured(n int, kind string) []outcome {
	outs := make([]outcome, n)
	for i := range outs {
		outs[i] = outcome{result: failed, detail: kind + " delivery is not configured"}
	}
	return outs
}

// ttlOf is how long a message to n is worth keeping at the provider.
func ttlOf(n *ent.Notification, now time.Time) time.Duration {
	const limit = 28 * 24 * time.Hour // FCM's longest
	if n.ExpiresAt == nil {
		return limit
	}
	return min(max(n.ExpiresAt.Sub(now), 0).Truncate(time.Second), limit)
}

// collapseKey groups messages a provider may replace by the newest: the
// daily job digest replaces yesterday's; every other notification collapses
// only with itself (a resend after a crash replaces, not adds).
func collapseKey(n *ent.Notification) string {
	if n.Kind == "job_match" {
		return string(n.Kind)
	}
	return string(n.ID)
}

// retryAfter reads a Retry-After header (seconds or an HTTP date).
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := h.Get("Retry-After")
	if v == "" {
		return 0
	}
	if secs, err := strconv.Atoi(v); err == nil && secs > 0 {
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
