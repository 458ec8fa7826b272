package push

import (
	"slices"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/notification"
)

// Indonesia's three time zones. None observes daylight saving, so fixed
// offsets are exact and need no tzdata.
var (
	WIB  = time.FixedZone("WIB", 7*3600)
	WITA = time.FixedZone("WITA", 8*3600)
	WIT  = time.FixedZone("WIT", 9*3600)
)

// Zone returns the location of a province's time zone (WIB for unknown).
func Zone(name string) *time.Location {
	switch name {
	case "WITA":
		return WITA
	case "WIT":
		return WIT
	}
	return WIB
}

// verdict is what preferences decide for one notification now.
type verdict int

const (
	deliverNow verdict = iota
	suppress           // muted, over the daily cap or expired: inbox only
	deferUntil         // quiet hours: deliver later
)

// prefs are an account's delivery preferences with its local zone.
type prefs struct {
	muted                []string
	quietStart, quietEnd int // minutes after local midnight
	dailyCap             int
	zone                 *time.Location
}

func prefsOf(a *ent.Account, zone *time.Location) prefs {
	return prefs{muted: a.MutedKinds, quietStart: a.QuietStartMinute, quietEnd: a.QuietEndMinute,
		dailyCap: a.DailyPushCap, zone: zone}
}

// decide applies the preferences to a notification of kind. sentToday is
// how many pushes the account got since local midnight. Unmutable kinds
// (selection results, failed payouts) ignore mutes and the cap but still
// wait out quiet hours.
func (p prefs) decide(n *ent.Notification, now time.Time, sentToday int) (verdict, time.Time) {
	if n.ExpiresAt != nil && !now.Before(*n.ExpiresAt) {
		return suppress, time.Time{}
	}
	unmutable := Unmutable(n.Kind)
	if !unmutable && slices.Contains(p.muted, string(n.Kind)) {
		return suppress, time.Time{}
	}
	if until := quietUntil(now, p.zone, p.quietStart, p.quietEnd); !until.IsZero() {
		if n.ExpiresAt != nil && !until.Before(*n.ExpiresAt) {
			return suppress, time.Time{} // it would expire before the morning
		}
		return deferUntil, until
	}
	if !unmutable && p.dailyCap > 0 && sentToday >= p.dailyCap {
		return suppress, time.Time{}
	}
	return deliverNow, time.Time{}
}

// quietUntil returns when the quiet period containing now ends, or zero if
// now is outside it. The period runs from start to end minutes after local
// midnight and may wrap midnight (21:00-06:00); start == end means none.
func quietUntil(now time.Time, loc *time.Location, start, end int) time.Time {
	if start == end {
		return time.Time{}
	}
	local := now.In(loc)
	minute := local.Hour()*60 + local.Minute()
	midnight := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, loc)
	at := func(days, minutes int) time.Time {
		return midnight.AddDate(0, 0, days).Add(time.Duration(minutes) * time.Minute)
	}
	switch {
	case start < end && minute >= start && minute < end:
		return at(0, end)
	case start > end && minute >= start:
		return at(1, end)
	case start > end && minute < end:
		return at(0, end)
	}
	return time.Time{}
}

// localMidnight is the start of now's day in loc.
func localMidnight(now time.Time, loc *time.Location) time.Time {
	l := now.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, loc)
}

// Mutable reports whether kind may be switched off.
func Mutable(kind notification.Kind) bool { return !Unmutable(kind) }
