// Package partnerapi owns the partner API's contract beyond the schema: the
// scopes an API key may hold per kind of partner and the root fields (and
// node types) each grants, the check of a key's call against them, the
// operation documentation with examples that run on the demo data, and the
// call log (PartnerCall rows) with its retention.
package partnerapi

import (
	"slices"

	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/ent/certificate"
	"github.com/kartuprakerja/platform/ent/course"
	"github.com/kartuprakerja/platform/ent/courseassessment"
	"github.com/kartuprakerja/platform/ent/digitalplatform"
	"github.com/kartuprakerja/platform/ent/jobapplication"
	"github.com/kartuprakerja/platform/ent/jobportal"
	"github.com/kartuprakerja/platform/ent/linkedaccount"
	"github.com/kartuprakerja/platform/ent/paymentpartner"
	"github.com/kartuprakerja/platform/ent/payout"
	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/ent/traininginstitution"
	"github.com/kartuprakerja/platform/ent/vacancy"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Kind is a kind of partner organisation; its value is the partner role.
type Kind string

// The four kinds of partner.
const (
	TrainingInstitution Kind = Kind(viewer.RoleInstitution)
	DigitalPlatform     Kind = Kind(viewer.RolePlatform)
	PaymentPartner      Kind = Kind(viewer.RolePaymentPartner)
	JobPortal           Kind = Kind(viewer.RoleJobPortal)
)

// Kinds lists every kind, in the order of the schema's PartnerKind.
func Kinds() []Kind { return []Kind{TrainingInstitution, DigitalPlatform, PaymentPartner, JobPortal} }

// KindOf returns the kind of a partner role, and false for other roles.
func KindOf(r viewer.Role) (Kind, bool) {
	k := Kind(r)
	return k, slices.Contains(Kinds(), k)
}

// Scope is what a key holding it may call: root fields of Query and
// Mutation, and node(id:)/nodes(ids:) of the node types (ent tables) named.
type Scope struct {
	Name        string
	Description msg.Key
	Operations  []string // root fields
	Nodes       []string // ent tables whose rows node/nodes may return
}

// Grants reports whether the scope grants the root field.
func (s Scope) Grants(field string) bool { return slices.Contains(s.Operations, field) }

// partnerRead is every kind's scope for its own account and organisation.
func partnerRead(orgList, orgTable string) Scope {
	return Scope{Name: "partner:read", Description: msg.ScopePartnerRead,
		Operations: []string{"me", orgList, "partnerScopes", "partnerAPIDocs"},
		Nodes:      []string{account.Table, orgTable}}
}

// Scopes returns the scopes a key of kind may hold; nil for an unknown kind.
func Scopes(kind Kind) []Scope {
	courses := Scope{Name: "courses:read", Description: msg.ScopeCoursesRead,
		Operations: []string{"courses", "searchCourses", "curationIndicators"}, Nodes: []string{course.Table}}
	purchases := Scope{Name: "purchases:read", Description: msg.ScopePurchasesRead,
		Operations: []string{"purchases"}, Nodes: []string{purchase.Table}}
	switch kind {
	case TrainingInstitution:
		return []Scope{partnerRead("trainingInstitutions", traininginstitution.Table), courses, purchases,
			{Name: "certificates:read", Description: msg.ScopeCertificatesRead,
				Operations: []string{"certificates"}, Nodes: []string{certificate.Table}},
			{Name: "courses:write", Description: msg.ScopeCoursesWrite,
				Operations: []string{"proposeCourse", "courseAssessments"}, Nodes: []string{courseassessment.Table}}}
	case DigitalPlatform:
		return []Scope{partnerRead("digitalPlatforms", digitalplatform.Table), courses, purchases,
			{Name: "training:write", Description: msg.ScopeTrainingWrite,
				Operations: []string{"redeemPurchase", "reportProgress", "reportTestScore", "reportCompletion"},
				Nodes:      []string{purchase.Table}}}
	case PaymentPartner:
		return []Scope{partnerRead("paymentPartners", paymentpartner.Table),
			{Name: "linked_accounts:read", Description: msg.ScopeLinkedAccountsRead,
				Operations: []string{"linkedAccounts"}, Nodes: []string{linkedaccount.Table}},
			{Name: "payouts:read", Description: msg.ScopePayoutsRead,
				Operations: []string{"payouts"}, Nodes: []string{payout.Table}}}
	case JobPortal:
		return []Scope{partnerRead("jobPortals", jobportal.Table),
			{Name: "vacancies:read", Description: msg.ScopeVacanciesRead,
				Operations: []string{"vacancies"}, Nodes: []string{vacancy.Table}},
			{Name: "job_applications:read", Description: msg.ScopeJobApplicationsRead,
				Operations: []string{"jobApplications"}, Nodes: []string{jobapplication.Table}},
			{Name: "verification:read", Description: msg.ScopeVerificationRead,
				Operations: []string{"verifyCertificate", "verifyCredential"}, Nodes: []string{certificate.Table}}}
	}
	return nil
}

// ScopeNamed returns kind's scope called name.
func ScopeNamed(kind Kind, name string) (Scope, bool) {
	for _, s := range Scopes(kind) {
		if s.Name == name {
			return s, true
		}
	}
	return Scope{}, false
}

// SessionOnly are the root fields a partner operator may call signed in
// (the console) but never with an API key: signing in and out, settings,
// key management and the call log.
var sessionOnly = []string{
	"requestSignInCode", "signIn", "signOut", "updateSettings", "consoleSections",
	"apiKeys", "createAPIKey", "rotateAPIKey", "revokeAPIKey", "partnerCalls",
}

// notForPartners are the root fields no partner role may use for its work:
// the recipients' journey, staff operations and reference data the
// partner API does not offer. API keys are refused them like any field
// outside their scopes.
var notForPartners = []string{
	"accounts", "applications", "auditLogs", "complaints", "devices", "notifications",
	"provinces", "regencies", "recipients", "surveys", "surveyResponses", "waves",
	"currentWave", "myAbilityTest", "abilityTestRules", "waveSelection", "verificationFailures",
	"webPushPublicKey", "mySurveys", "surveyResults", "findRecipients", "suggestWaveQuotas",
	"createPartnerAccount", "register", "startAbilityTest", "answerAbilityTest",
	"submitAbilityTest", "joinWave", "createWave", "openWave", "closeWave", "runSelection",
	"revokeRecipient", "revealRecipientIdentity", "registerDevice", "unregisterDevice",
	"markNotificationsRead", "markAllNotificationsRead", "updateNotificationPreferences",
	"submitComplaint", "submitSurveyResponse",
	"purchaseCourse", "cancelPurchase", "assessCourse", "monitorCourse", "writeReview", "hideReview",
	"revokeCertificate",
}

// Class is how a root field stands towards API keys.
type Class int

// Classes of root fields.
const (
	Unclassified   Class = iota // nobody decided: a test fails
	Scoped                      // granted by a scope of some kind
	NodeLookup                  // node/nodes: by the type of each node
	SessionOnly                 // partners with a session only
	NotForPartners              // not a partner's operation
)

// ClassOf says how field stands towards API keys.
func ClassOf(field string) Class {
	switch {
	case field == "node" || field == "nodes":
		return NodeLookup
	case slices.Contains(sessionOnly, field):
		return SessionOnly
	case slices.Contains(notForPartners, field):
		return NotForPartners
	}
	for _, k := range Kinds() {
		for _, s := range Scopes(k) {
			if s.Grants(field) {
				return Scoped
			}
		}
	}
	return Unclassified
}
