package main

import (
	"flag"
	"io"
	"testing"

	"github.com/kartuprakerja/platform/internal/app"
	"github.com/kartuprakerja/platform/internal/auth"
	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/server"
	"github.com/kartuprakerja/platform/push"
)

// TestFlagDefaultsAreThePackagesDefaults: with no flag and no environment,
// each setting a package owns has that package's default.
func TestFlagDefaultsAreThePackagesDefaults(t *testing.T) {
	var c config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.register(fs)
	if err := fs.Parse(nil); err != nil {
		t.Fatal(err)
	}
	a, j, p := auth.DefaultConfig(), journey.DefaultConfig(), push.DefaultConfig()
	for _, tt := range []struct {
		flag      string
		got, want any
	}{
		{"session-ttl", c.SessionTTL, a.SessionTTL},
		{"session-cache-ttl", c.SessionCacheTTL, a.SessionCacheTTL},
		{"codes-per-network-minute", c.CodesPerNetworkMinute, a.CodesPerNetworkMinute},
		{"sign-ins-per-network-minute", c.SignInsPerNetworkMinute, a.SignInsPerNetworkMinute},
		{"test-pass-mark", c.TestPassMark, j.PassMark},
		{"push-rate", c.PushRate, p.Rate},
		{"schedule-every", c.ScheduleEvery, app.DefaultScheduleEvery},
		{"max-body-bytes", c.MaxBodyBytes, int64(server.DefaultMaxBodyBytes)},
	} {
		if tt.got != tt.want {
			t.Errorf("-%s defaults to %v, the package's default is %v", tt.flag, tt.got, tt.want)
		}
	}
}
