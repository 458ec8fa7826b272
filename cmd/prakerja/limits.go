package main

import (
	"flag"
	"time"

	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/ratelimit"
)

// registerFailures are the flags of journey.RegisterLimits: failed identity
// verifications allowed per account and per NIK a day, per client network
// an hour (each with as many at once; 0: no limit).
type registerFailures struct {
	PerAccountDay, PerNIKDay, PerNetworkHour int
}

func (r *registerFailures) register(fs *flag.FlagSet) {
	d := journey.DefaultRegisterLimits()
	fs.IntVar(&r.PerAccountDay, "register-failures-per-account-day", int(envInt("REGISTER_FAILURES_PER_ACCOUNT_DAY", int64(d.PerAccount.Count))), "failed identity verifications one account may have a day; 0: no limit")
	fs.IntVar(&r.PerNIKDay, "register-failures-per-nik-day", int(envInt("REGISTER_FAILURES_PER_NIK_DAY", int64(d.PerNIK.Count))), "failed identity verifications of one NIK (from any account) a day; 0: no limit")
	fs.IntVar(&r.PerNetworkHour, "register-failures-per-network-hour", int(envInt("REGISTER_FAILURES_PER_NETWORK_HOUR", int64(d.PerNetwork.Count))), "failed identity verifications from one client network (IPv4 address, IPv6 /64) an hour; 0: no limit")
}

func (r registerFailures) apply(c *journey.Config) {
	c.RegisterFailures = journey.RegisterLimits{
		PerAccount: ratelimit.Rate{Count: r.PerAccountDay, Per: 24 * time.Hour},
		PerNIK:     ratelimit.Rate{Count: r.PerNIKDay, Per: 24 * time.Hour},
		PerNetwork: ratelimit.Rate{Count: r.PerNetworkHour, Per: time.Hour},
	}
}
