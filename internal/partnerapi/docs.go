package partnerapi

import (
	"fmt"
	"time"

	"github.com/kartuprakerja/platform/internal/msg"
)

// OperationDoc documents one partner API operation with an example that
// runs as is on the demo data (the demo install is the sandbox).
type OperationDoc struct {
	Name        string // the example's operation name
	Scope       string
	Description msg.Key
	Document    string // GraphQL
	Variables   string // a JSON object
}

// pageVars are the variables of every list example.
const pageVars = `{"first": 5}`

// docsByScope holds the examples, keyed by scope name (the same scope name
// means the same operations in every kind that has it).
var docsByScope = map[string][]OperationDoc{
	"partner:read": {{Name: "Me", Description: msg.DocMe, Variables: `{}`,
		Document: `query Me {
  me { id role displayName locale }
}`}},
	"courses:read": {{Name: "Courses", Description: msg.DocCourses, Variables: pageVars,
		Document: `query Courses($first: Int) {
  courses(first: $first, orderBy: [{field: CREATED_AT, direction: DESC}]) {
    totalCount
    edges { node { id title category method price durationHours status } }
    pageInfo { hasNextPage endCursor }
  }
}`}, {Name: "SearchCourses", Description: msg.DocSearchCourses,
		Variables: `{"query": "pemasran digital", "filter": {"maxPrice": 500000}, "first": 5}`,
		Document: `query SearchCourses($query: String, $filter: CourseSearchFilter, $first: Int) {
  searchCourses(query: $query, filter: $filter, sort: RELEVANCE, first: $first) {
    totalCount
    edges { cursor node { id title category method price ratingAverage tags } }
    pageInfo { hasNextPage endCursor }
  }
}`}},
	"courses:write": {{Name: "ProposeCourse", Description: msg.DocProposeCourse,
		Variables: `{"key": "docs-example-propose-1"}`,
		Document: `mutation ProposeCourse($key: String!) {
  proposeCourse(idempotencyKey: $key, input: {
    title: "Budidaya Hidroponik untuk Pemula"
    description: "Menanam sayur tanpa tanah di pekarangan rumah."
    outline: ["Pengenalan hidroponik", "Nutrisi dan air", "Panen dan menjual"]
    category: agriculture, method: lms, price: 350000, durationHours: 8
    instructor: "Ir. Sari Wulandari", tags: ["hidroponik"]
    platformIds: [], platformCodes: ["TOKOPEDIA"]
  }) { id title status assessmentScore }
}`}},
	"purchases:read": {{Name: "Purchases", Description: msg.DocPurchases, Variables: pageVars,
		Document: `query Purchases($first: Int) {
  purchases(first: $first, orderBy: [{field: CREATED_AT, direction: DESC}]) {
    totalCount
    edges { node { id invoiceCode status price progressPercent completedAt course { id title } } }
    pageInfo { hasNextPage endCursor }
  }
}`}},
	"certificates:read": {{Name: "Certificates", Description: msg.DocCertificates, Variables: pageVars,
		Document: `query Certificates($first: Int) {
  certificates(first: $first) {
    totalCount
    edges { node { id number postTestScore issuedAt course { id title } } }
    pageInfo { hasNextPage endCursor }
  }
}`}},
	"linked_accounts:read": {{Name: "LinkedAccounts", Description: msg.DocLinkedAccounts, Variables: pageVars,
		Document: `query LinkedAccounts($first: Int) {
  linkedAccounts(first: $first) {
    totalCount
    edges { node { id accountMasked kycStatus primary verifiedAt } }
    pageInfo { hasNextPage endCursor }
  }
}`}},
	"payouts:read": {{Name: "Payouts", Description: msg.DocPayouts, Variables: pageVars,
		Document: `query Payouts($first: Int) {
  payouts(first: $first, orderBy: [{field: CREATED_AT, direction: DESC}]) {
    totalCount
    edges { node { id kind installment amount status scheduledFor sentAt reference } }
    pageInfo { hasNextPage endCursor }
  }
}`}},
	"vacancies:read": {{Name: "Vacancies", Description: msg.DocVacancies, Variables: pageVars,
		Document: `query Vacancies($first: Int) {
  vacancies(first: $first) {
    totalCount
    edges { node { id externalID title company jobType postedAt } }
    pageInfo { hasNextPage endCursor }
  }
}`}},
	"verification:read": {{Name: "VerifyCertificate", Description: msg.DocVerifyCertificate,
		Variables: fmt.Sprintf(`{"number": %q}`, demoCertificateNumber(time.Now())),
		Document: `query VerifyCertificate($number: String!) {
  verifyCertificate(number: $number) {
    valid code message number holderName courseTitle institutionName issuedAt issuer
  }
}`}},
	"job_applications:read": {{Name: "JobApplications", Description: msg.DocJobApplications, Variables: pageVars,
		Document: `query JobApplications($first: Int) {
  jobApplications(first: $first) {
    totalCount
    edges { node { id status fromRecommendation vacancy { id title company } } }
    pageInfo { hasNextPage endCursor }
  }
}`}},
	"training:write": trainingDocs,
}

// trainingDocs are the training:write examples: on the demo recipient's
// purchase in progress (redemption code DEMO-0000-0002, on Tokopedia),
// with fixed idempotency keys, so that running them again is a replay.
var trainingDocs = []OperationDoc{
	{Name: "RedeemPurchase", Description: msg.DocRedeemPurchase,
		Variables: `{"code": "DEMO-0000-0002", "key": "docs:redeem:DEMO-0000-0002"}`,
		Document: `mutation RedeemPurchase($code: String!, $key: String!) {
  redeemPurchase(code: $code, idempotencyKey: $key) { id status learnerId redeemedAt course { id title } }
}`},
	{Name: "ReportProgress", Description: msg.DocReportProgress,
		Variables: `{"code": "DEMO-0000-0002", "percent": 55, "key": "docs:progress:DEMO-0000-0002:55"}`,
		Document: `mutation ReportProgress($code: String!, $percent: Int!, $key: String!) {
  reportProgress(code: $code, percent: $percent, idempotencyKey: $key) { id status progressPercent progressAt }
}`},
	{Name: "ReportTestScore", Description: msg.DocReportTestScore,
		Variables: `{"code": "DEMO-0000-0002", "score": 60, "key": "docs:pre-test:DEMO-0000-0002"}`,
		Document: `mutation ReportTestScore($code: String!, $score: Int!, $key: String!) {
  reportTestScore(code: $code, test: PRE, score: $score, idempotencyKey: $key) { id status preTestScore postTestScore }
}`},
}

// demoCertificateNumber is the number of the demo recipient's certificate
// (internal/seed demo.go: issued about seven weeks before the seed's now).
func demoCertificateNumber(now time.Time) string {
	return fmt.Sprintf("PKJ/%d/DEMO0001", now.UTC().AddDate(0, 0, -50).Year())
}

// Docs returns the documented operations of kind, scope by scope.
func Docs(kind Kind) []OperationDoc {
	var out []OperationDoc
	for _, s := range Scopes(kind) {
		for _, d := range docsByScope[s.Name] {
			d.Scope = s.Name
			out = append(out, d)
		}
	}
	return out
}
