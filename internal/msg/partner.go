package msg

// Keys: the partner API (internal/partnerapi, key management in internal/auth).
const (
	ScopePartnerRead         Key = "partner.scope.partner_read"
	ScopeCoursesRead         Key = "partner.scope.courses_read"
	ScopePurchasesRead       Key = "partner.scope.purchases_read"
	ScopeCertificatesRead    Key = "partner.scope.certificates_read"
	ScopeCoursesWrite        Key = "partner.scope.courses_write"
	ScopeTrainingWrite       Key = "partner.scope.training_write"
	ScopeVerificationRead    Key = "partner.scope.verification_read"
	ScopeLinkedAccountsRead  Key = "partner.scope.linked_accounts_read"
	ScopePayoutsRead         Key = "partner.scope.payouts_read"
	ScopeVacanciesRead       Key = "partner.scope.vacancies_read"
	ScopeJobApplicationsRead Key = "partner.scope.job_applications_read"
	ScopeMissing             Key = "partner.scope_missing"
	KeySessionOnly           Key = "partner.key_session_only"
	KeyNotOffered            Key = "partner.key_not_offered"
	ScopeUnknown             Key = "partner.scope_unknown"
	ScopesRequired           Key = "partner.scopes_required"
	PartnerKindRequired      Key = "partner.kind_required"
	DocMe                    Key = "partner.doc.me"
	DocCourses               Key = "partner.doc.courses"
	DocPurchases             Key = "partner.doc.purchases"
	DocCertificates          Key = "partner.doc.certificates"
	DocLinkedAccounts        Key = "partner.doc.linked_accounts"
	DocPayouts               Key = "partner.doc.payouts"
	DocVacancies             Key = "partner.doc.vacancies"
	DocJobApplications       Key = "partner.doc.job_applications"
)

func partnerTexts() map[Key]text {
	return map[Key]text{
		ScopePartnerRead:      {"Membaca akun sendiri dan data organisasi mitra.", "Read the own account and the partner organisation."},
		ScopeCoursesRead:      {"Membaca katalog pelatihan.", "Read the course catalogue."},
		ScopePurchasesRead:    {"Membaca pembelian pelatihan oleh penerima di organisasi ini.", "Read the course purchases recipients made with this organisation."},
		ScopeCertificatesRead: {"Membaca sertifikat pelatihan lembaga ini.", "Read the certificates of this institution's courses."},
		ScopeCoursesWrite: {"Mengajukan pelatihan untuk dinilai dan membaca hasil penilaiannya.",
			"Propose courses for assessment and read the assessments' outcomes."},
		ScopeTrainingWrite: {"Menukarkan kode, melaporkan kemajuan, nilai tes dan penyelesaian pelatihan.",
			"Redeem codes, report progress, test scores and course completion."},
		ScopeVerificationRead:    {"Memeriksa keaslian sertifikat Prakerja.", "Verify Prakerja certificates."},
		ScopeLinkedAccountsRead:  {"Membaca rekening dan dompet penerima yang tertaut ke mitra ini.", "Read the recipients' accounts and wallets linked to this partner."},
		ScopePayoutsRead:         {"Membaca pembayaran insentif yang disalurkan mitra ini.", "Read the incentive payouts this partner makes."},
		ScopeVacanciesRead:       {"Membaca lowongan portal ini.", "Read this portal's vacancies."},
		ScopeJobApplicationsRead: {"Membaca lamaran kerja ke lowongan portal ini.", "Read the job applications to this portal's vacancies."},
		ScopeMissing:             {"Kunci API ini tidak memiliki cakupan %s.", "This API key lacks the scope %s."},
		KeySessionOnly:           {"%s hanya dapat dipakai setelah masuk, bukan dengan kunci API.", "%s needs a signed-in session, not an API key."},
		KeyNotOffered:            {"%s tidak tersedia untuk kunci API mitra.", "%s is not offered to partner API keys."},
		ScopeUnknown:             {"Cakupan %q tidak tersedia untuk jenis mitra ini.", "The scope %q is not available for this kind of partner."},
		ScopesRequired:           {"Pilih setidaknya satu cakupan.", "Choose at least one scope."},
		PartnerKindRequired:      {"Pilih jenis mitra.", "Choose a kind of partner."},
		DocMe:                    {"Akun yang memakai kunci ini: peran, nama, bahasa.", "The account the key belongs to: role, name, language."},
		DocCourses:               {"Pelatihan terbaru di katalog, dengan harga dan metode.", "The newest courses of the catalogue, with price and method."},
		DocPurchases:             {"Pembelian terbaru: nomor faktur, status, kemajuan belajar.", "The latest purchases: invoice code, status, learning progress."},
		DocCertificates:          {"Sertifikat yang terbit untuk pelatihan lembaga ini.", "Certificates issued for this institution's courses."},
		DocLinkedAccounts:        {"Rekening penerima yang tertaut, tersamar, dengan status KYC.", "The recipients' linked accounts, masked, with their KYC status."},
		DocPayouts:               {"Pembayaran insentif terbaru dengan jadwal dan status.", "The latest incentive payouts with their schedule and status."},
		DocVacancies:             {"Lowongan yang dimuat portal ini.", "The vacancies this portal has posted."},
		DocJobApplications:       {"Lamaran penerima ke lowongan portal ini.", "Recipients' applications to this portal's vacancies."},
	}
}

// withPartner adds the partner API's texts to texts.
func withPartner(texts map[Key]text) map[Key]text {
	for k, t := range partnerTexts() {
		texts[k] = t
	}
	return texts
}
