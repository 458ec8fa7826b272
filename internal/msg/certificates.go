package msg

// Keys: certificates (internal/certificate): issuing and verifying Open Badges credentials.
const ()

// withCertificates adds the texts of certificates (internal/certificate): issuing and verifying Open Badges credentials to the catalogue.
func withCertificates(texts map[Key]text) map[Key]text {
	for k, t := range map[Key]text{} {
		texts[k] = t
	}
	return texts
}
