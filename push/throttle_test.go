package push

import (
	"context"
	"testing"
	"time"
)

func TestThrottle(t *testing.T) {
	ctx := context.Background()
	th := newThrottle(2000, 500) // a bucket of one second
	start := time.Now()
	if err := th.wait(ctx, 5000); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took < 1400*time.Millisecond || took > 3*time.Second {
		t.Errorf("5,000 messages at 2,000/s (burst 2,000) took %s, want about 1.5 s", took)
	}
	th.pause(300 * time.Millisecond)
	start = time.Now()
	if err := newThrottle(0, 0).wait(ctx, 1_000_000); err != nil || time.Since(start) > 50*time.Millisecond {
		t.Errorf("rate 0 must not wait: %v %s", err, time.Since(start))
	}
	if err := th.wait(ctx, 1); err != nil || time.Since(start) < 250*time.Millisecond {
		t.Errorf("Retry-After pause ignored: waited %s", time.Since(start))
	}
}
