package app_test

// Introspection helpers shared by the tests that enumerate the schema.

// typeRef is an introspected type reference.
type typeRef struct {
	Kind   string
	Name   string
	OfType *typeRef
}

func (t typeRef) named() typeRef {
	for t.OfType != nil {
		t = *t.OfType
	}
	return t
}

func (t typeRef) isList() bool {
	for r := &t; r != nil; r = r.OfType {
		if r.Kind == "LIST" {
			return true
		}
	}
	return false
}
