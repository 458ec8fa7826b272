package msg

// Keys: curation and reviews (internal/curation): assessments, monitoring, review moderation.
const ()

// withCuration adds the texts of curation and reviews (internal/curation): assessments, monitoring, review moderation to the catalogue.
func withCuration(texts map[Key]text) map[Key]text {
	for k, t := range map[Key]text{} {
		texts[k] = t
	}
	return texts
}
