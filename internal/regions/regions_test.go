package regions

import (
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if got := len(s.Provinces()); got != 34 {
		t.Errorf("provinces = %d, want 34", got)
	}
	if got := len(s.Regencies()); got != 514 {
		t.Errorf("regencies = %d, want 514", got)
	}
	kota := 0
	for _, r := range s.Regencies() {
		if r.Kota {
			kota++
		}
	}
	if kota != 98 {
		t.Errorf("kota = %d, want 98", kota)
	}
	if !strings.Contains(Source(), "MIT License") {
		t.Error("Source() lacks the MIT licence notice")
	}
}

func TestProvinces(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	tests := []struct {
		code, name, zone string
		regencies        int
	}{
		{"11", "ACEH", WIB, 23},
		{"31", "DKI JAKARTA", WIB, 6},
		{"32", "JAWA BARAT", WIB, 27},
		{"51", "BALI", WITA, 9},
		{"53", "NUSA TENGGARA TIMUR", WITA, 22},
		{"61", "KALIMANTAN BARAT", WIB, 14},
		{"62", "KALIMANTAN TENGAH", WIB, 14},
		{"63", "KALIMANTAN SELATAN", WITA, 13},
		{"65", "KALIMANTAN UTARA", WITA, 5},
		{"75", "GORONTALO", WITA, 6},
		{"76", "SULAWESI BARAT", WITA, 6},
		{"81", "MALUKU", WIT, 11},
		{"82", "MALUKU UTARA", WIT, 10},
		{"91", "PAPUA", WIT, 29},
		{"92", "PAPUA BARAT", WIT, 13},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			p, ok := s.Province(tt.code)
			if !ok {
				t.Fatalf("Province(%q) not found", tt.code)
			}
			if p.Name != tt.name || p.TimeZone != tt.zone {
				t.Errorf("Province(%q) = %q %s, want %q %s", tt.code, p.Name, p.TimeZone, tt.name, tt.zone)
			}
			if p.Weight <= 0 {
				t.Errorf("Province(%q) weight = %d", tt.code, p.Weight)
			}
			if got := len(s.RegenciesOf(tt.code)); got != tt.regencies {
				t.Errorf("RegenciesOf(%q) = %d, want %d", tt.code, got, tt.regencies)
			}
		})
	}
	if _, ok := s.Province("94"); ok {
		t.Error(`Province("94") found: the data uses Kemendagri codes (Papua is 91)`)
	}
}

func TestTimeZoneCounts(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	count := map[string]int{}
	for _, p := range s.Provinces() {
		count[p.TimeZone]++
	}
	want := map[string]int{WIB: 18, WITA: 12, WIT: 4}
	for zone, n := range want {
		if count[zone] != n {
			t.Errorf("%s provinces = %d, want %d", zone, count[zone], n)
		}
	}
}

func TestRegency(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	tests := []struct {
		code, province, name, short string
		kota                        bool
	}{
		{"1101", "11", "KAB. ACEH SELATAN", "Aceh Selatan", false},
		{"3273", "32", "KOTA BANDUNG", "Bandung", true},
		{"3101", "31", "KAB. ADM. KEP. SERIBU", "Kep. Seribu", false},
		{"3171", "31", "KOTA ADM. JAKARTA PUSAT", "Jakarta Pusat", true},
		{"5302", "53", "KAB TIMOR TENGAH SELATAN", "Timor Tengah Selatan", false},
		{"6201", "62", "KAB. KOTAWARINGIN BARAT", "Kotawaringin Barat", false},
		{"9171", "91", "KOTA JAYAPURA", "Jayapura", true},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			r, ok := s.Regency(tt.code)
			if !ok {
				t.Fatalf("Regency(%q) not found", tt.code)
			}
			if r.ProvinceCode != tt.province || r.Name != tt.name || r.Kota != tt.kota {
				t.Errorf("Regency(%q) = %+v", tt.code, r)
			}
			if got := r.ShortName(); got != tt.short {
				t.Errorf("ShortName() = %q, want %q", got, tt.short)
			}
		})
	}
	if _, ok := s.Regency("9999"); ok {
		t.Error(`Regency("9999") found`)
	}
}
