package rule

import "github.com/kartuprakerja/platform/internal/viewer"

// Needs of the console's operations. Each is the one value both an
// operation checks (Need.Check, or the roles of an entity's query policy)
// and the console section that shows the operation follows
// (internal/console), so a screen is listed exactly when its operations
// answer: nothing is hidden only in the user interface. They are functions
// (a Need holds a slice) so no caller can change another's.

// PersonalDataStaff are the staff who read every recipient's rows.
func PersonalDataStaff() []viewer.Role {
	return []viewer.Role{viewer.RoleAdmin, viewer.RoleAnalyst, viewer.RoleSupport}
}

// FinanceStaff prepare (maker) and approve (checker) payouts; they read
// payouts, linked accounts and training purchases, not identities.
func FinanceStaff() []viewer.Role {
	return []viewer.Role{viewer.RoleFinanceMaker, viewer.RoleFinanceChecker}
}

// PartnerRoles are the four kinds of partner organisation.
func PartnerRoles() []viewer.Role {
	return []viewer.Role{viewer.RoleInstitution, viewer.RolePlatform, viewer.RolePaymentPartner, viewer.RoleJobPortal}
}

// ConsoleRoles are every role but the recipient's: the accounts that work
// in the console (recipients use the app).
func ConsoleRoles() []viewer.Role {
	var out []viewer.Role
	for _, r := range viewer.Role("").Values() {
		if viewer.Role(r) != viewer.RoleRecipient {
			out = append(out, viewer.Role(r))
		}
	}
	return out
}

func roles(sets ...[]viewer.Role) []viewer.Role {
	var out []viewer.Role
	for _, s := range sets {
		out = append(out, s...)
	}
	return out
}

// NeedConsole: the console's home, for every console role.
func NeedConsole() Need { return Need{Action: "console.home", Roles: ConsoleRoles()} }

// NeedWaves: reading a wave's phases and selection in the console (admin,
// analyst). Changing a wave needs NeedWaveAdmin.
func NeedWaves() Need {
	return Need{Action: "console.waves", Roles: []viewer.Role{viewer.RoleAdmin, viewer.RoleAnalyst}}
}

// NeedWaveAdmin: creating, opening, closing and selecting a wave, and
// suggesting its quotas (admin).
func NeedWaveAdmin() Need {
	return Need{Action: "journey.wave", Roles: []viewer.Role{viewer.RoleAdmin}}
}

// NeedRecipientLookup: finding recipients by phone, card or NIK and
// revealing a NIK and KK for a reason (admin, support).
func NeedRecipientLookup() Need {
	return Need{Action: "recipient.lookup", Roles: []viewer.Role{viewer.RoleAdmin, viewer.RoleSupport}}
}

// NeedRevokeRecipient: a staff revocation (admin: a program decision).
func NeedRevokeRecipient() Need {
	return Need{Action: "journey.recipient.revoke", Roles: []viewer.Role{viewer.RoleAdmin}}
}

// NeedPartners: partner organisations' accounts and operators (admin).
func NeedPartners() Need {
	return Need{Action: "partner.accounts", Roles: []viewer.Role{viewer.RoleAdmin}}
}

// NeedPartnerKeys: API keys (admin for every partner; operators for their
// own organisation's accounts): apiKeys, createAPIKey, rotateAPIKey,
// revokeAPIKey.
func NeedPartnerKeys() Need {
	return Need{Action: "partner.api_keys", Roles: roles([]viewer.Role{viewer.RoleAdmin}, PartnerRoles())}
}

// NeedPartnerCalls: the partner API call log (admin; operators their own).
func NeedPartnerCalls() Need {
	return Need{Action: "partner.calls", Roles: roles([]viewer.Role{viewer.RoleAdmin}, PartnerRoles())}
}

// NeedPartnerDocs: the partner API documentation and scopes (admin; a
// partner its own kind's).
func NeedPartnerDocs() Need {
	return Need{Action: "partner.docs", Roles: roles([]viewer.Role{viewer.RoleAdmin}, PartnerRoles())}
}

// NeedAudit: the audit log (admin, analyst): the AuditLog query policy.
func NeedAudit() Need {
	return Need{Action: "audit.read", Roles: []viewer.Role{viewer.RoleAdmin, viewer.RoleAnalyst}}
}

// NeedPayouts: the payouts list: the staff who read personal data, finance,
// and payment partners (their own): the Payout query policy.
func NeedPayouts() Need {
	return Need{Action: "payout.read", Roles: roles(PersonalDataStaff(), FinanceStaff(),
		[]viewer.Role{viewer.RolePaymentPartner})}
}

// NeedPurchases: the training purchases list: the staff who read personal
// data, finance, platforms (sold on them) and institutions (of their
// courses): the Purchase query policy.
func NeedPurchases() Need {
	return Need{Action: "purchase.read", Roles: roles(PersonalDataStaff(), FinanceStaff(),
		[]viewer.Role{viewer.RolePlatform, viewer.RoleInstitution})}
}

// NeedCourses: curating trainings (assessors, admin): the console's
// courses section, the queue of proposed courses, assessCourse and
// monitorCourse. The catalogue itself is public; an institution proposes
// through NeedProposeCourse and reads its own courses' decisions through
// the CourseAssessment policy.
func NeedCourses() Need {
	return Need{Action: "course.curate", Roles: CurationStaff()}
}

// NeedReviewModeration: hiding an abusive review (assessors, admin), in the
// courses section.
func NeedReviewModeration() Need {
	return Need{Action: "review.moderate", Roles: CurationStaff()}
}

// NeedProposeCourse: an institution proposing a course (its API key with
// courses:write, or its operator's session).
func NeedProposeCourse() Need {
	return Need{Action: "course.propose", Roles: []viewer.Role{viewer.RoleInstitution}}
}

// CurationStaff are the staff who decide on courses and reviews.
func CurationStaff() []viewer.Role { return []viewer.Role{viewer.RoleAdmin, viewer.RoleAssessor} }

// NeedVacancies: a job portal's own vacancies and the applications to them.
func NeedVacancies() Need {
	return Need{Action: "vacancy.manage", Roles: []viewer.Role{viewer.RoleJobPortal}}
}
