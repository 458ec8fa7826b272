package msg

// Keys: catalogue search (internal/search).
const (
	SearchRatingRange Key = "search.rating_range"
	SearchPriceRange  Key = "search.price_range"
	SearchQueryLong   Key = "search.query_long"
	DocSearchCourses  Key = "partner.doc.search_courses"
)

// withSearch adds the texts of catalogue search (internal/search) to the catalogue.
func withSearch(texts map[Key]text) map[Key]text {
	for k, t := range map[Key]text{
		SearchRatingRange: {"Nilai minimal harus antara 1 dan 5.", "The minimum rating must be between 1 and 5."},
		SearchPriceRange: {"Rentang harga tidak sesuai: harga tidak boleh kurang dari 0 dan harga terendah tidak boleh lebih dari harga tertinggi.",
			"The price range is not valid: prices cannot be below 0 and the lowest cannot be above the highest."},
		DocSearchCourses: {"Mencari pelatihan yang sudah terbit dengan kata kunci (salah ketik pun ditemukan), filter harga, dan urutan relevansi.",
			"Searches published courses by keywords (misspellings too), with a price filter, best match first."},
		SearchQueryLong: {"Kata pencarian terlalu panjang (paling banyak %d huruf).", "The search words are too long (at most %d characters)."},
	} {
		texts[k] = t
	}
	return texts
}
