package msg

import (
	"fmt"
	"strconv"
	"time"
)

// WIB is Western Indonesian Time (Asia/Jakarta, UTC+7, no daylight saving),
// the time zone of every date and time the server writes for people.
var WIB = time.FixedZone("WIB", 7*60*60)

var (
	monthsID = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
		"September", "Oktober", "November", "Desember"}
	monthsEN = [...]string{"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"}
)

// Money writes whole rupiah for locale: Rp552.000 (id), Rp552,000 (en).
func Money(locale string, rupiah int64) string {
	sep := byte('.')
	if Normalize(locale) == EN {
		sep = ','
	}
	s := strconv.FormatInt(rupiah, 10)
	sign := ""
	if rupiah < 0 {
		sign, s = "-", s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, sep)
		}
		out = append(out, s[i])
	}
	return sign + "Rp" + string(out)
}

// Date writes t's calendar date in WIB: 21 Desember 2026 / 21 December 2026.
func Date(locale string, t time.Time) string {
	t = t.In(WIB)
	m := monthsID[t.Month()-1]
	if Normalize(locale) == EN {
		m = monthsEN[t.Month()-1]
	}
	return fmt.Sprintf("%d %s %d", t.Day(), m, t.Year())
}

// Clock writes t's time of day in WIB: pukul 09.00 WIB / 9:00 WIB.
func Clock(locale string, t time.Time) string {
	t = t.In(WIB)
	if Normalize(locale) == EN {
		return fmt.Sprintf("%d:%02d WIB", t.Hour(), t.Minute())
	}
	return fmt.Sprintf("pukul %02d.%02d WIB", t.Hour(), t.Minute())
}

// DateTime writes t's date and time in WIB: 21 Desember 2026 pukul 09.00
// WIB / 21 December 2026, 9:00 WIB.
func DateTime(locale string, t time.Time) string {
	if Normalize(locale) == EN {
		return Date(locale, t) + ", " + Clock(locale, t)
	}
	return Date(locale, t) + " " + Clock(locale, t)
}
