// Package regions owns Indonesia's administrative reference data as it stood
// in 2021: the 34 provinces and 514 regencies (kabupaten) and cities (kota)
// with their official Kemendagri codes, each province's time zone, and the
// weight by which demo data spreads recipients over the provinces. The data
// is embedded from data/*.csv (MIT, see data/SOURCE.md), so it needs no
// database and no network.
package regions

import (
	"bytes"
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

//go:embed data/provinces.csv data/regencies.csv data/SOURCE.md
var files embed.FS

// Time zones of Indonesia.
const (
	WIB  = "WIB"  // UTC+7: Sumatra, Java, West and Central Kalimantan
	WITA = "WITA" // UTC+8: Bali, Nusa Tenggara, South/East/North Kalimantan, Sulawesi
	WIT  = "WIT"  // UTC+9: Maluku and Papua
)

// Province is one of the 34 provinces.
type Province struct {
	Code     string // two digits, e.g. "32"
	Name     string // upper case as published, e.g. "JAWA BARAT"
	TimeZone string // WIB, WITA or WIT
	// Weight is the province's relative share of recipients in demo data:
	// its 2020 census population in thousands (see weights.go).
	Weight int
}

// Regency is a kabupaten (regency) or kota (city).
type Regency struct {
	Code         string // four digits, e.g. "3273"; the first two are the province
	ProvinceCode string
	Name         string // upper case with its KAB./KOTA prefix, e.g. "KOTA BANDUNG"
	Kota         bool   // a city rather than a regency
}

// Set is the loaded reference data. It is read-only once loaded.
type Set struct {
	provinces  []Province
	regencies  []Regency
	byProvince map[string]int
	byRegency  map[string]int
}

// Load parses the embedded CSV files.
func Load() (*Set, error) {
	provinces, err := loadProvinces()
	if err != nil {
		return nil, fmt.Errorf("regions: provinces: %w", err)
	}
	s := &Set{provinces: provinces, byProvince: map[string]int{}, byRegency: map[string]int{}}
	for i, p := range provinces {
		s.byProvince[p.Code] = i
	}
	if s.regencies, err = loadRegencies(s.byProvince); err != nil {
		return nil, fmt.Errorf("regions: regencies: %w", err)
	}
	for i, r := range s.regencies {
		if _, dup := s.byRegency[r.Code]; dup {
			return nil, fmt.Errorf("regions: regencies: duplicate code %s", r.Code)
		}
		s.byRegency[r.Code] = i
	}
	return s, nil
}

// Provinces returns every province in code order. The slice is a copy.
func (s *Set) Provinces() []Province { return append([]Province(nil), s.provinces...) }

// Regencies returns every regency and city in code order. The slice is a copy.
func (s *Set) Regencies() []Regency { return append([]Regency(nil), s.regencies...) }

// Province returns the province with the two-digit code.
func (s *Set) Province(code string) (Province, bool) {
	i, ok := s.byProvince[code]
	if !ok {
		return Province{}, false
	}
	return s.provinces[i], true
}

// Regency returns the regency or city with the four-digit code.
func (s *Set) Regency(code string) (Regency, bool) {
	i, ok := s.byRegency[code]
	if !ok {
		return Regency{}, false
	}
	return s.regencies[i], true
}

// RegenciesOf returns the regencies and cities of one province in code order.
func (s *Set) RegenciesOf(provinceCode string) []Regency {
	var out []Regency
	for _, r := range s.regencies {
		if r.ProvinceCode == provinceCode {
			out = append(out, r)
		}
	}
	return out
}

// ShortName returns a regency's name without its KAB./KOTA prefix, in title
// case: "KAB. ACEH SELATAN" becomes "Aceh Selatan", "KOTA ADM. JAKARTA PUSAT"
// becomes "Jakarta Pusat". It suits birth places and addresses.
func (r Regency) ShortName() string {
	name := r.Name
	for _, prefix := range []string{"KAB. ADM. ", "KOTA ADM. ", "KAB. ", "KAB ", "KOTA "} {
		if strings.HasPrefix(name, prefix) {
			name = name[len(prefix):]
			break
		}
	}
	return titleCase(name)
}

// Source returns the provenance of the data and its MIT licence notice
// (data/SOURCE.md), for an about page or a licences listing.
func Source() string {
	b, _ := files.ReadFile("data/SOURCE.md") // embedded: cannot fail
	return string(b)
}

// titleCase capitalises the first letter of every word and lowers the rest.
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

func loadProvinces() ([]Province, error) {
	rows, err := readCSV("data/provinces.csv", []string{"code", "name"})
	if err != nil {
		return nil, err
	}
	out := make([]Province, 0, len(rows))
	for _, row := range rows {
		code, name := row[0], row[1]
		if len(code) != 2 {
			return nil, fmt.Errorf("bad province code %q", code)
		}
		w, ok := censusThousands[code]
		if !ok {
			return nil, fmt.Errorf("province %s has no weight", code)
		}
		out = append(out, Province{Code: code, Name: name, TimeZone: timeZone(code), Weight: w})
	}
	return out, nil
}

func loadRegencies(provinces map[string]int) ([]Regency, error) {
	rows, err := readCSV("data/regencies.csv", []string{"code", "province_code", "name"})
	if err != nil {
		return nil, err
	}
	out := make([]Regency, 0, len(rows))
	for _, row := range rows {
		r := Regency{Code: row[0], ProvinceCode: row[1], Name: row[2], Kota: strings.HasPrefix(row[2], "KOTA ")}
		if len(r.Code) != 4 || r.Code[:2] != r.ProvinceCode {
			return nil, fmt.Errorf("bad regency code %q for province %q", r.Code, r.ProvinceCode)
		}
		if _, ok := provinces[r.ProvinceCode]; !ok {
			return nil, fmt.Errorf("regency %s: unknown province %s", r.Code, r.ProvinceCode)
		}
		// Kemendagri numbers cities 71-79 and regencies 01-69.
		if r.Kota != (r.Code[2] == '7') {
			return nil, fmt.Errorf("regency %s %q: name and code disagree on kota", r.Code, r.Name)
		}
		out = append(out, r)
	}
	return out, nil
}

// readCSV reads an embedded CSV file, checks its header and returns the rows.
func readCSV(name string, header []string) ([][]string, error) {
	b, err := files.ReadFile(name)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = len(header)
	got, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", name, err)
	}
	if strings.Join(got, ",") != strings.Join(header, ",") {
		return nil, fmt.Errorf("%s: header %v, want %v", name, got, header)
	}
	var rows [][]string
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		rows = append(rows, row)
	}
}

// timeZone returns the time zone of a province by its Kemendagri code. Note
// that Kemendagri numbers Papua 91 and Papua Barat 92 (BPS uses 94 and 91).
func timeZone(code string) string {
	switch code {
	case "81", "82", "91", "92": // Maluku, Maluku Utara, Papua, Papua Barat
		return WIT
	case "51", "52", "53", // Bali, Nusa Tenggara Barat, Nusa Tenggara Timur
		"63", "64", "65", // Kalimantan Selatan, Timur, Utara
		"71", "72", "73", "74", "75", "76": // all of Sulawesi, Gorontalo included
		return WITA
	default:
		return WIB
	}
}
