package msg

// Keys: the platforms' training reports (internal/training): GraphQL and xAPI.
const ()

// withTraining adds the texts of the platforms' training reports (internal/training): GraphQL and xAPI to the catalogue.
func withTraining(texts map[Key]text) map[Key]text {
	for k, t := range map[Key]text{} {
		texts[k] = t
	}
	return texts
}
