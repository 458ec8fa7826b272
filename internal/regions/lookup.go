package regions

// HasRegency reports whether code is a known regency or city code.
func (s *Set) HasRegency(code string) bool {
	_, ok := s.Regency(code)
	return ok
}
