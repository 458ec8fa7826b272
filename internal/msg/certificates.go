package msg

// Keys: certificates (internal/certificate): issuing and verifying Open Badges credentials.
const (
	CertificateOK             Key = "certificate.verify.ok"
	CertificateNotFound       Key = "certificate.verify.not_found"
	CertificateTampered       Key = "certificate.verify.tampered"
	CertificateUnknownKey     Key = "certificate.verify.unknown_key"
	CertificateExpiredKey     Key = "certificate.verify.expired_key"
	CertificateRevoked        Key = "certificate.verify.revoked"
	CertificateMalformed      Key = "certificate.verify.malformed"
	CertificateAlreadyRevoked Key = "certificate.already_revoked"
	CertificateReasonRequired Key = "certificate.reason_required"
	CertificateUnknown        Key = "certificate.unknown"
	CertificatePageTitle      Key = "certificate.page.title"
	CertificateHolder         Key = "certificate.page.holder"
	CertificateCourse         Key = "certificate.page.course"
	CertificateInstitution    Key = "certificate.page.institution"
	CertificateIssued         Key = "certificate.page.issued"
	CertificateNumberLabel    Key = "certificate.page.number"
	CertificateOfflineHint    Key = "certificate.page.offline"
	DocVerifyCertificate      Key = "partner.doc.verify_certificate"
)

// withCertificates adds the texts of certificates (internal/certificate): issuing and verifying Open Badges credentials to the catalogue.
func withCertificates(texts map[Key]text) map[Key]text {
	for k, t := range map[Key]text{
		CertificateOK: {"Sertifikat asli: diterbitkan oleh Kartu Prakerja dan masih berlaku.",
			"Genuine certificate: issued by Kartu Prakerja and still valid."},
		CertificateNotFound: {"Sertifikat dengan nomor ini tidak ada di daftar Kartu Prakerja.",
			"No certificate with this number is in the Kartu Prakerja register."},
		CertificateTampered: {"Sertifikat ini sudah diubah: isinya tidak cocok dengan tanda tangan Kartu Prakerja. Jangan diterima.",
			"This certificate was changed: its content does not match the Kartu Prakerja signature. Do not accept it."},
		CertificateUnknownKey: {"Sertifikat ini tidak ditandatangani oleh Kartu Prakerja. Jangan diterima.",
			"This certificate was not signed by Kartu Prakerja. Do not accept it."},
		CertificateExpiredKey: {"Sertifikat ini ditandatangani dengan kunci yang sudah tidak berlaku saat itu. Jangan diterima.",
			"This certificate was signed with a key that was not valid at that time. Do not accept it."},
		CertificateRevoked: {"Sertifikat ini sudah dicabut oleh Kartu Prakerja. Alasan: %s",
			"This certificate was withdrawn by Kartu Prakerja. Reason: %s"},
		CertificateMalformed: {"Ini bukan sertifikat Kartu Prakerja yang bisa dibaca. Periksa lagi kode atau teksnya.",
			"This is not a readable Kartu Prakerja certificate. Check the code or text again."},
		CertificateAlreadyRevoked: {"Sertifikat ini sudah dicabut sebelumnya.", "This certificate was already withdrawn."},
		CertificateReasonRequired: {"Tulis alasan pencabutan.", "Write the reason for the withdrawal."},
		CertificateUnknown:        {"Sertifikat tidak ditemukan.", "Certificate not found."},
		CertificatePageTitle:      {"Cek sertifikat Kartu Prakerja", "Check a Kartu Prakerja certificate"},
		CertificateHolder:         {"Nama pemilik", "Holder"},
		CertificateCourse:         {"Pelatihan", "Training"},
		CertificateInstitution:    {"Lembaga pelatihan", "Training institution"},
		CertificateIssued:         {"Tanggal terbit", "Issued on"},
		CertificateNumberLabel:    {"Nomor sertifikat", "Certificate number"},
		DocVerifyCertificate: {"Cek keaslian sertifikat pelamar dari nomornya (termasuk pencabutan). Hanya data umum sertifikat yang dikembalikan.",
			"Checks an applicant's certificate by its number (revocations included). Only the certificate's public facts are returned."},
		CertificateOfflineHint: {"Tanpa sinyal? Pindai kode QR sertifikat di aplikasi Prakerja: pemeriksaan berjalan tanpa internet.",
			"No signal? Scan the certificate's QR code in the Prakerja app: the check works without internet."},
	} {
		texts[k] = t
	}
	return texts
}
