package msg

// Keys: the marketplace (internal/marketplace): purchases, the balance ledger and cancellations.
const ()

// withMarketplace adds the texts of the marketplace (internal/marketplace): purchases, the balance ledger and cancellations to the catalogue.
func withMarketplace(texts map[Key]text) map[Key]text {
	for k, t := range map[Key]text{} {
		texts[k] = t
	}
	return texts
}
