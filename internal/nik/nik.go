// Package nik owns the rules of the 16-digit national identity number:
// digits 1-4 the regency, 5-6 the district, 7-12 the birth date DDMMYY with
// 40 added to the day for women, 13-16 a serial.
package nik

import (
	"time"

	"github.com/kartuprakerja/platform/internal/msg"
)

// Parsed is what a NIK says about its holder.
type Parsed struct {
	RegencyCode string
	District    string
	Female      bool
	Day, Month  int
	YY          int // two-digit birth year
	Serial      string
}

// RegionChecker reports whether a regency code exists.
type RegionChecker interface {
	HasRegency(code string) bool
}

// Problem is a NIK rule that failed, for a per-field error.
type Problem struct {
	Rule string   // shape, region, birth_date, gender, age
	Text msg.Text // shown to the applicant, in their language
}

func (p *Problem) Error() string { return p.Rule + ": " + p.Text.In(msg.ID) }

// Parse checks the shape and the embedded date of n.
func Parse(n string) (Parsed, error) {
	if len(n) != 16 {
		return Parsed{}, &Problem{"shape", msg.T(msg.NIKShape)}
	}
	for _, r := range n {
		if r < '0' || r > '9' {
			return Parsed{}, &Problem{"shape", msg.T(msg.NIKDigits)}
		}
	}
	p := Parsed{RegencyCode: n[:4], District: n[4:6], Serial: n[12:]}
	p.Day, p.Month, p.YY = num(n[6:8]), num(n[8:10]), num(n[10:12])
	if p.Day > 40 {
		p.Female, p.Day = true, p.Day-40
	}
	if p.District == "00" || p.Serial == "0000" || p.Month < 1 || p.Month > 12 || p.Day < 1 || p.Day > 31 {
		return Parsed{}, &Problem{"shape", msg.T(msg.NIKFormat)}
	}
	return p, nil
}

// Check validates n against the stated birth date and gender, the region
// list and the minimum age at now.
func Check(n string, birth time.Time, female bool, regions RegionChecker, minAge int, now time.Time) (Parsed, error) {
	p, err := Parse(n)
	if err != nil {
		return p, err
	}
	if !regions.HasRegency(p.RegencyCode) {
		return p, &Problem{"region", msg.T(msg.NIKRegion)}
	}
	if p.Day != birth.Day() || p.Month != int(birth.Month()) || p.YY != birth.Year()%100 {
		return p, &Problem{"birth_date", msg.T(msg.NIKBirthDate)}
	}
	if p.Female != female {
		return p, &Problem{"gender", msg.T(msg.NIKGender)}
	}
	if Age(birth, now) < minAge {
		return p, &Problem{"age", msg.T(msg.MinAge, minAge)}
	}
	return p, nil
}

// Age is the age in whole years at now.
func Age(birth, now time.Time) int {
	a := now.Year() - birth.Year()
	if now.Month() < birth.Month() || (now.Month() == birth.Month() && now.Day() < birth.Day()) {
		a--
	}
	return a
}

func num(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }
