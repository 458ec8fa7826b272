package msg

// Keys: catalogue search (internal/search).
const ()

// withSearch adds the texts of catalogue search (internal/search) to the catalogue.
func withSearch(texts map[Key]text) map[Key]text {
	for k, t := range map[Key]text{} {
		texts[k] = t
	}
	return texts
}
