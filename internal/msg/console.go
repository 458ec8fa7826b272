package msg

// Keys: the console (internal/console): its section titles and the staff's
// recipient look-ups.
const (
	SectionHome       Key = "console.section.home"
	SectionWaves      Key = "console.section.waves"
	SectionRecipients Key = "console.section.recipients"
	SectionPartners   Key = "console.section.partners"
	SectionKeys       Key = "console.section.keys"
	SectionCalls      Key = "console.section.calls"
	SectionDocs       Key = "console.section.docs"
	SectionAudit      Key = "console.section.audit"
	SectionPayouts    Key = "console.section.payouts"
	SectionPurchases  Key = "console.section.purchases"
	SectionCourses    Key = "console.section.courses"
	SectionVacancies  Key = "console.section.vacancies"

	SearchQuery    Key = "console.search_query"
	SearchReason   Key = "console.search_reason"
	IdentityReason Key = "console.identity_reason"
)

// withConsole adds the console's texts to the catalogue.
func withConsole(texts map[Key]text) map[Key]text {
	for k, t := range map[Key]text{
		SectionHome:       {"Beranda", "Home"},
		SectionWaves:      {"Gelombang", "Waves"},
		SectionRecipients: {"Penerima", "Recipients"},
		SectionPartners:   {"Mitra", "Partners"},
		SectionKeys:       {"Kunci API", "API keys"},
		SectionCalls:      {"Log panggilan API", "API call log"},
		SectionDocs:       {"Dokumentasi API", "API documentation"},
		SectionAudit:      {"Log audit", "Audit log"},
		SectionPayouts:    {"Pembayaran insentif", "Payouts"},
		SectionPurchases:  {"Pembelian pelatihan", "Training purchases"},
		SectionCourses:    {"Pelatihan", "Trainings"},
		SectionVacancies:  {"Lowongan kerja", "Job vacancies"},
		SearchQuery: {"Ketik nomor HP (08… atau +62…), nomor kartu Prakerja (16 angka) atau NIK (16 angka).",
			"Type a phone number (08… or +62…), a Prakerja card number (16 digits) or a NIK (16 digits)."},
		SearchReason: {"Mencari dengan NIK memerlukan alasan (minimal 10 karakter); alasan dicatat di log audit.",
			"Searching by NIK needs a reason (at least 10 characters); it is written to the audit log."},
		IdentityReason: {"Tuliskan alasan membuka NIK dan KK (minimal 10 karakter); alasan dicatat di log audit.",
			"Write why you open the NIK and KK (at least 10 characters); the reason is written to the audit log."},
	} {
		texts[k] = t
	}
	return texts
}
