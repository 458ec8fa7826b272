package push

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// throttle paces every sender of the process: a token bucket at the
// configured rate, and a pause that a 429's Retry-After sets for everyone.
type throttle struct {
	lim *rate.Limiter // nil: no limit

	mu    sync.Mutex
	until time.Time
}

func newThrottle(perSecond float64, burst int) *throttle {
	t := &throttle{}
	if perSecond > 0 {
		t.lim = rate.NewLimiter(rate.Limit(perSecond), max(burst, int(perSecond)))
	}
	return t
}

// wait blocks until n messages may go.
func (t *throttle) wait(ctx context.Context, n int) error {
	if err := t.waitPause(ctx); err != nil {
		return err
	}
	if t.lim == nil {
		return nil
	}
	for n > 0 {
		k := min(n, t.lim.Burst())
		if err := t.lim.WaitN(ctx, k); err != nil {
			return err
		}
		n -= k
	}
	return nil
}

// pause stops every sender for d (a provider said Retry-After).
func (t *throttle) pause(d time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if until := time.Now().Add(d); until.After(t.until) {
		t.until = until
	}
}

func (t *throttle) waitPause(ctx context.Context) error {
	t.mu.Lock()
	d := time.Until(t.until)
	t.mu.Unlock()
	if d <= 0 {
		return nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}
