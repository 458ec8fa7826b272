package partnerapi

import (
	"slices"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// KeyCaller reports whether v authenticated with an API key: a partner
// account without a session.
func KeyCaller(v *viewer.Viewer) bool {
	return v != nil && v.SessionID == "" && v.Role.IsPartner()
}

// CheckField decides whether an API-key caller may call the root field
// (node lookups are decided per node by CheckNode). Other callers always
// may: the privacy rules decide for them. A refusal is FORBIDDEN naming
// the scope that would grant the field.
func CheckField(v *viewer.Viewer, field string) error {
	if !KeyCaller(v) || field == "node" || field == "nodes" || isMeta(field) {
		return nil
	}
	kind, _ := KindOf(v.Role)
	return refuse(v, kind, field, func(s Scope) bool { return s.Grants(field) })
}

// CheckNode decides whether an API-key caller may read a node of the ent
// table: the scope granting the type must be held.
func CheckNode(v *viewer.Viewer, table string) error {
	if !KeyCaller(v) {
		return nil
	}
	kind, _ := KindOf(v.Role)
	return refuse(v, kind, table, func(s Scope) bool { return slices.Contains(s.Nodes, table) })
}

// refuse returns nil when a scope v holds matches, else FORBIDDEN naming
// the matching scope of v's kind (or of any kind), or saying what keys
// cannot call at all.
func refuse(v *viewer.Viewer, kind Kind, what string, match func(Scope) bool) error {
	for _, s := range Scopes(kind) {
		if match(s) && slices.Contains(v.Scopes, s.Name) {
			return nil
		}
	}
	for _, k := range append([]Kind{kind}, Kinds()...) {
		for _, s := range Scopes(k) {
			if match(s) {
				return apperr.E(apperr.Forbidden, msg.ScopeMissing, s.Name)
			}
		}
	}
	if ClassOf(what) == SessionOnly {
		return apperr.E(apperr.Forbidden, msg.KeySessionOnly, what)
	}
	return apperr.E(apperr.Forbidden, msg.KeyNotOffered, what)
}

// isMeta reports the introspection fields every caller may use.
func isMeta(field string) bool {
	return field == "__typename" || field == "__schema" || field == "__type"
}
