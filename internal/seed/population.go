package seed

import (
	"math/rand/v2"
	"strconv"
	"time"
)

// person is one member of the synthetic population: what Dukcapil and the
// exclusion registries know about them.
type person struct {
	nik, kk      string
	name, mother string
	birthPlace   string
	birth        time.Time // a date, midnight UTC
	female       bool
	regency      int // index into world.regencies: the domicile
	exclusions   []string
	deceased     bool
}

// exclusionRegistries are the registries that bar a person from the program.
var exclusionRegistries = []string{"dapodik", "pddikti", "dtks", "pns", "kades", "bsu", "bpum", "prakerja"}

// Population mix of the people who registered, from the report (lines
// 1290-1316) and PROGRAM.md.
const (
	shareFemale     = 0.52
	shareYoung      = 0.73 // aged 18-41; the rest 42-64
	shareRural      = 0.62
	sharePrimary    = 0.18
	shareDisability = 0.02
	shareMigrant    = 0.03
	shareNoAccount  = 0.28 // never had a bank account or e-wallet
	shareNotWorking = 0.90

	shareUnregistered = 0.20 // extra registry people per recipient
	shareExcluded     = 0.05 // of the extra people, per exclusion registry
	shareDeceased     = 0.01 // of the extra people
	shareMinor        = 0.03 // of the extra people: aged 15-17
)

// population draws people and keeps their NIKs unique. It is used by one
// goroutine.
type population struct {
	w       *world
	r       *rand.Rand
	serials map[uint64]uint16 // last serial used per 12-digit NIK prefix
}

func newPopulation(w *world, r *rand.Rand) *population {
	return &population{w: w, r: r, serials: make(map[uint64]uint16)}
}

// draw returns a person living in regency, of the given gender, whose age
// at ref is age.
func (p *population) draw(regency int, female bool, age int, ref time.Time) person {
	r := p.r
	birth := ref.AddDate(-age, 0, -r.IntN(365))
	birth = time.Date(birth.Year(), birth.Month(), birth.Day(), 0, 0, 0, 0, time.UTC)
	rg := p.w.regencies[regency]
	scheme := schemeFor(p.w.provinces[rg.province].code)
	born := rg
	if r.IntN(5) == 0 { // born elsewhere
		born = p.w.regencies[p.w.pickRegency(r)]
	}
	nik := p.nik(rg.codeNum, female, birth)
	return person{
		nik: nik, kk: kkNumber(r, nik[:6]),
		name: scheme.fullName(r, female), mother: scheme.motherName(r),
		birthPlace: born.shortName, birth: birth, female: female, regency: regency,
	}
}

// drawAge returns an age of a registrant: 73% 18-41, the rest 42-64.
func drawAge(r *rand.Rand) int {
	if r.Float64() < shareYoung {
		return 18 + r.IntN(24)
	}
	return 42 + r.IntN(23)
}

// drawUnregistered returns a person who has not registered, some of whom
// the exclusion registries list, a few deceased or under age.
func (p *population) drawUnregistered(regency int, ref time.Time) person {
	r := p.r
	age := drawAge(r)
	if r.Float64() < shareMinor {
		age = 15 + r.IntN(3)
	}
	per := p.draw(regency, r.Float64() < shareFemale, age, ref)
	for _, reg := range exclusionRegistries {
		if r.Float64() < shareExcluded {
			per.exclusions = append(per.exclusions, reg)
		}
	}
	per.deceased = r.Float64() < shareDeceased
	return per
}

// nik builds a unique NIK: the regency code, a district 01-30, the birth
// date as DDMMYY with 40 added to the day for women, and a serial counting
// up per prefix. A full prefix moves to another district.
func (p *population) nik(regencyCode int, female bool, birth time.Time) string {
	day := birth.Day()
	if female {
		day += 40
	}
	for {
		district := 1 + p.r.IntN(30)
		key := nikPrefix(regencyCode, district, day, int(birth.Month()), birth.Year()%100)
		if n := p.serials[key]; n < 9999 {
			p.serials[key] = n + 1
			return formatNIK(key, int(n)+1)
		}
	}
}

// reserve marks a NIK as taken, so that generated people never reuse it.
func (p *population) reserve(nik string) {
	prefix, _ := strconv.ParseUint(nik[:12], 10, 64)
	serial, _ := strconv.Atoi(nik[12:])
	if uint16(serial) > p.serials[prefix] {
		p.serials[prefix] = uint16(serial)
	}
}

func nikPrefix(regencyCode, district, day, month, yy int) uint64 {
	return uint64(regencyCode)*100_000_000 + uint64(district)*1_000_000 +
		uint64(day)*10_000 + uint64(month)*100 + uint64(yy)
}

func formatNIK(prefix uint64, serial int) string {
	var b [16]byte
	putDigits(b[:12], prefix)
	putDigits(b[12:], uint64(serial))
	return string(b[:])
}

// kkNumber draws a family card number: the 6-digit region prefix, the
// card's issue date (DDMMYY, 2008-2020) and a serial.
func kkNumber(r *rand.Rand, region string) string {
	var b [16]byte
	copy(b[:6], region)
	issued := time.Date(2008, time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(13*365))
	putDigits(b[6:8], uint64(issued.Day()))
	putDigits(b[8:10], uint64(issued.Month()))
	putDigits(b[10:12], uint64(issued.Year()%100))
	putDigits(b[12:], uint64(1+r.IntN(9999)))
	return string(b[:])
}

// putDigits writes v into b as zero-padded decimal digits.
func putDigits(b []byte, v uint64) {
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = byte('0' + v%10)
		v /= 10
	}
}

// identities hands out unique phone and card numbers. Both ascend with the
// recipient's index, with random gaps: unique without a lookup table, and
// cheap to insert into their unique indexes (ascending keys append).
type identities struct {
	phoneBase, phoneStep uint64
	cardBase             uint64
}

const (
	phoneSpace = 90_000_000 // 8-digit subscriber numbers 10000000-99999999
	cardStep   = 10_000     // card numbers of consecutive recipients differ by less than this
	cardSpace  = 100_000_000_000
	// MaxRecipients bounds Options.Recipients: phone numbers must stay unique.
	MaxRecipients = 10_000_000
)

// newIdentities spreads n phones over the subscriber numbers.
func newIdentities(r *rand.Rand, n int) identities {
	ids := identities{phoneStep: min(1_000, uint64(phoneSpace/(n+1))), cardBase: r.Uint64N(cardSpace)}
	ids.phoneBase = r.Uint64N(phoneSpace - uint64(n+1)*ids.phoneStep + 1)
	return ids
}

// operatorPrefixes are Indonesian mobile prefixes (after +62).
var operatorPrefixes = []string{"811", "812", "813", "821", "822", "823", "852", "853", "857", "858",
	"877", "878", "895", "896", "897", "898", "899", "831", "832", "838", "881", "882", "887", "888", "889"}

// phone returns the phone of recipient i. The subscriber number is unique
// by itself and never starts with 0, unlike the fixed demo phones.
func (ids identities) phone(i int, r *rand.Rand) string {
	var b [14]byte
	copy(b[:3], "+62")
	copy(b[3:6], operatorPrefixes[r.IntN(len(operatorPrefixes))])
	sub := ids.phoneBase + uint64(i)*ids.phoneStep + r.Uint64N(ids.phoneStep)
	putDigits(b[6:], 10_000_000+sub)
	return string(b[:])
}

// card returns the Kartu Prakerja card number (16 digits) of recipient i;
// 0 is the demo recipient.
func (ids identities) card(i int, r *rand.Rand) string {
	var b [16]byte
	copy(b[:4], "5049")
	putDigits(b[4:], ids.cardBase+uint64(i)*cardStep+r.Uint64N(cardStep))
	return string(b[:])
}
