package regions

// censusThousands is each province's population in thousands from the 2020
// population census (BPS, Sensus Penduduk 2020, as published in January
// 2021; figures rounded and quoted from memory, so approximate), keyed by
// Kemendagri code. Demo data spreads recipients in proportion to it.
//
// The annual report's map ("Penerima tersebar di 34 Provinsi", lines
// 1136-1235 of seed/prakerja-annual-report-2021.txt) does carry 34
// per-province figures in thousands (they sum to about 5,939, matching the
// 5.93 million recipients of waves 12-22), but the text extraction separated
// the figures from the province labels and the pairing cannot be recovered.
// Population is the documented stand-in: the program ran open, on-demand
// registration in every province, so recipients roughly follow population.
var censusThousands = map[string]int{
	"11": 5275,  // Aceh
	"12": 14799, // Sumatera Utara
	"13": 5534,  // Sumatera Barat
	"14": 6394,  // Riau
	"15": 3548,  // Jambi
	"16": 8467,  // Sumatera Selatan
	"17": 2011,  // Bengkulu
	"18": 9008,  // Lampung
	"19": 1456,  // Kepulauan Bangka Belitung
	"21": 2065,  // Kepulauan Riau
	"31": 10562, // DKI Jakarta
	"32": 48274, // Jawa Barat
	"33": 36516, // Jawa Tengah
	"34": 3669,  // DI Yogyakarta
	"35": 40666, // Jawa Timur
	"36": 11905, // Banten
	"51": 4317,  // Bali
	"52": 5320,  // Nusa Tenggara Barat
	"53": 5326,  // Nusa Tenggara Timur
	"61": 5414,  // Kalimantan Barat
	"62": 2670,  // Kalimantan Tengah
	"63": 4074,  // Kalimantan Selatan
	"64": 3766,  // Kalimantan Timur
	"65": 702,   // Kalimantan Utara
	"71": 2622,  // Sulawesi Utara
	"72": 2986,  // Sulawesi Tengah
	"73": 9074,  // Sulawesi Selatan
	"74": 2625,  // Sulawesi Tenggara
	"75": 1172,  // Gorontalo
	"76": 1419,  // Sulawesi Barat
	"81": 1849,  // Maluku
	"82": 1283,  // Maluku Utara
	"91": 4304,  // Papua
	"92": 1134,  // Papua Barat
}
