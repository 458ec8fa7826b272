package seed

import (
	"math/rand/v2"
	"strings"
)

// namingScheme is how people of a region are usually named: given names,
// common second names, and family names (marga, fam) where the region uses
// them.
type namingScheme struct {
	male, female             []string // given names
	maleSecond, femaleSecond []string
	surnames                 []string
	surnameShare             float64 // share of people carrying a family name
	balinese                 bool    // I/Ni + birth-order name + given name
}

var (
	generalMale = []string{"Agus", "Ahmad", "Andi", "Arif", "Bambang", "Budi", "Dedi", "Dimas", "Dwi", "Eko",
		"Fajar", "Fikri", "Hendra", "Heru", "Ilham", "Imam", "Indra", "Irfan", "Joko", "Lukman", "Muhammad",
		"Rahmat", "Reza", "Ridwan", "Rizki", "Rudi", "Sigit", "Slamet", "Taufik", "Teguh", "Wahyu", "Yoga",
		"Yusuf", "Adi", "Bayu", "Candra", "Doni", "Galih", "Hadi", "Hasan", "Iwan", "Rendi", "Sandi", "Ari",
		"Aldi", "Fahmi", "Gilang", "Hafiz", "Rian", "Dani"}
	generalFemale = []string{"Siti", "Sri", "Dewi", "Nur", "Ayu", "Putri", "Rina", "Wulan", "Indah", "Fitri",
		"Rahma", "Dian", "Eka", "Fitria", "Intan", "Lina", "Maya", "Nisa", "Novi", "Nurul", "Ratna", "Rini",
		"Sari", "Tika", "Yuni", "Yulia", "Anisa", "Aulia", "Desi", "Dina", "Eva", "Farah", "Hana", "Ika",
		"Kartika", "Laila", "Mega", "Nadia", "Puji", "Rosa", "Suci", "Tri", "Umi", "Vina", "Winda", "Zahra",
		"Rizka", "Lia", "Ani", "Wati"}
	generalMaleSecond = []string{"Saputra", "Pratama", "Setiawan", "Nugroho", "Hidayat", "Kurniawan", "Santoso",
		"Wijaya", "Gunawan", "Firmansyah", "Ramadhan", "Prasetyo", "Susanto", "Hermawan", "Syahputra",
		"Purnomo", "Wibowo", "Hakim", "Maulana", "Fauzi", "Rahman", "Permana", "Sanjaya", "Putra", "Prakoso",
		"Hidayatullah", "Ardiansyah", "Irawan", "Siswanto", "Nurhadi"}
	generalFemaleSecond = []string{"Lestari", "Rahmawati", "Wulandari", "Handayani", "Kurniasih", "Permatasari",
		"Anggraini", "Puspitasari", "Safitri", "Wahyuni", "Susanti", "Yuliani", "Fitriani", "Oktaviani",
		"Maharani", "Novitasari", "Ramadhani", "Pratiwi", "Kusumawati", "Saputri", "Purnamasari", "Utami",
		"Rahayu", "Astuti", "Hidayati", "Nurhayati", "Sulistyowati", "Setiawati", "Amalia", "Febriyanti"}
	christianMale = []string{"Yohanes", "Petrus", "Paulus", "Markus", "Daniel", "Samuel", "Yosua", "Stefanus",
		"Fransiskus", "Agustinus", "Yakob", "Natalius", "Roy", "Frengky", "Jefri", "Ronald", "Kristian",
		"Benediktus", "Hendrik", "Marthen"}
	christianFemale = []string{"Maria", "Yohana", "Elisabeth", "Agustina", "Debora", "Rut", "Kristina", "Yuliana",
		"Magdalena", "Natalia", "Grace", "Febriani", "Novita", "Meilani", "Theresia", "Veronika", "Margaretha",
		"Yosefina", "Selvi", "Lusiana"}
	// olderFemale are names common among the parents' generation.
	olderFemale = []string{"Sumarni", "Suparmi", "Ngatini", "Sukini", "Painem", "Tukinem", "Aminah", "Fatimah",
		"Khadijah", "Rohimah", "Maryam", "Halimah", "Juariah", "Sulastri", "Sri Wahyuni", "Endang Susilowati",
		"Sumiyati", "Karsih", "Warsini", "Kartini", "Rukmini", "Suryani", "Nurhayati", "Rosmawati", "Asmah",
		"Salmah", "Jumiati", "Siti Aisyah", "Siti Rohmah", "Tumini"}
)

var (
	generalScheme = namingScheme{male: generalMale, female: generalFemale,
		maleSecond: generalMaleSecond, femaleSecond: generalFemaleSecond}
	batakScheme = namingScheme{male: append(append([]string(nil), christianMale...), generalMale[:20]...),
		female: append(append([]string(nil), christianFemale...), generalFemale[:20]...),
		surnames: []string{"Siregar", "Nasution", "Harahap", "Lubis", "Simanjuntak", "Sitompul", "Tambunan",
			"Hutapea", "Sinaga", "Situmorang", "Pardede", "Panjaitan", "Manurung", "Ginting", "Sembiring",
			"Tarigan", "Sitepu", "Damanik", "Purba", "Saragih"},
		surnameShare: 0.7}
	minahasaScheme = namingScheme{male: christianMale, female: christianFemale,
		surnames: []string{"Wenas", "Lumentut", "Rondonuwu", "Sondakh", "Pangemanan", "Tumbelaka", "Mandagi",
			"Rumengan", "Kaunang", "Lengkong", "Sumampouw", "Mamahit", "Tumewu", "Runtuwene"},
		surnameShare: 0.75}
	nttScheme = namingScheme{male: christianMale, female: christianFemale,
		surnames: []string{"Bria", "Manek", "Seran", "Nahak", "Tefa", "Bani", "Ndoen", "Pah", "Lado", "Wadu",
			"da Costa", "Fernandez", "de Rosari", "Parera", "Lewar", "Kolo"},
		surnameShare: 0.7}
	malukuScheme = namingScheme{male: append(append([]string(nil), christianMale...), generalMale[:25]...),
		female: append(append([]string(nil), christianFemale...), generalFemale[:25]...),
		surnames: []string{"Latuconsina", "Pattiasina", "Tuasikal", "Sahetapy", "Pattipeilohy", "Latupeirissa",
			"Ohorella", "Tuhuleruw", "Lessy", "Sopacua", "Marasabessy", "Rumra", "Umasugi", "Talaohu"},
		surnameShare: 0.7}
	papuaScheme = namingScheme{male: christianMale, female: christianFemale,
		surnames: []string{"Wenda", "Kogoya", "Tabuni", "Wonda", "Rumbiak", "Mandowen", "Yikwa", "Murib",
			"Kambu", "Waromi", "Rumaropen", "Mayor", "Krey", "Ayomi", "Wanimbo", "Karubaba"},
		surnameShare: 0.75}
	baliScheme = namingScheme{balinese: true,
		male: []string{"Sudarsana", "Artawan", "Suarjana", "Dharma", "Wirawan", "Adnyana", "Sukadana",
			"Mahendra", "Arsana", "Budiarta", "Suardika", "Wiranata"},
		female: []string{"Sukerti", "Ariani", "Astiti", "Widiastuti", "Suartini", "Sriani", "Darmayanti",
			"Puspayanti", "Sudiani", "Suarningsih", "Wiryani", "Sumertini"}}
)

var balineseOrder = []string{"Wayan", "Made", "Nyoman", "Ketut", "Putu", "Kadek", "Komang", "Gede"}

// schemeFor returns the naming scheme of a province.
func schemeFor(provinceCode string) *namingScheme {
	switch provinceCode {
	case "12":
		return &batakScheme
	case "51":
		return &baliScheme
	case "53":
		return &nttScheme
	case "71":
		return &minahasaScheme
	case "81", "82":
		return &malukuScheme
	case "91", "92":
		return &papuaScheme
	default:
		return &generalScheme
	}
}

// fullName draws a gender-appropriate name of the scheme.
func (s *namingScheme) fullName(r *rand.Rand, female bool) string {
	given, second := s.male, s.maleSecond
	if female {
		given, second = s.female, s.femaleSecond
	}
	if s.balinese {
		return s.balineseName(r, female, given)
	}
	parts := []string{given[r.IntN(len(given))]}
	if len(s.surnames) > 0 {
		if r.Float64() < s.surnameShare {
			parts = append(parts, s.surnames[r.IntN(len(s.surnames))])
		}
		return strings.Join(parts, " ")
	}
	switch x := r.IntN(20); {
	case x < 3: // a single name
	case x < 7: // two given names and a second name
		parts = append(parts, given[r.IntN(len(given))], second[r.IntN(len(second))])
	default:
		parts = append(parts, second[r.IntN(len(second))])
	}
	if len(parts) == 3 && parts[0] == parts[1] {
		parts = append(parts[:1], parts[2])
	}
	return strings.Join(parts, " ")
}

func (s *namingScheme) balineseName(r *rand.Rand, female bool, given []string) string {
	prefix, orders := "I", balineseOrder
	if female {
		prefix, orders = "Ni", balineseOrder[:7] // Gede is for men
	}
	if female && r.IntN(2) == 0 {
		prefix = "Ni Luh"
		return prefix + " " + given[r.IntN(len(given))]
	}
	return prefix + " " + orders[r.IntN(len(orders))] + " " + given[r.IntN(len(given))]
}

// motherName draws a mother's maiden name of the scheme: in the general
// scheme often an older-generation name.
func (s *namingScheme) motherName(r *rand.Rand) string {
	if !s.balinese && len(s.surnames) == 0 && r.IntN(2) == 0 {
		return olderFemale[r.IntN(len(olderFemale))]
	}
	return s.fullName(r, true)
}
