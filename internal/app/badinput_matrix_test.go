package app_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	entschema "entgo.io/ent/dialect/sql/schema"
	entfield "entgo.io/ent/schema/field"
	"github.com/vmihailenco/msgpack/v5"

	"github.com/kartuprakerja/platform/ent"

	"github.com/kartuprakerja/platform/ent/migrate"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// mutationRoles says who may call each mutation: the matrix sends bad input
// as that caller, so it gets past the privacy rules to the services and the
// store. A mutation found by introspection and missing here fails the test.
var mutationRoles = map[string]string{
	"requestSignInCode": "anonymous", "signIn": "anonymous", "signOut": "recipient",
	"updateSettings": "recipient", "createPartnerAccount": "admin", "createAPIKey": "admin",
	"revokeAPIKey": "admin", "rotateAPIKey": "admin", "register": "applicant", "startAbilityTest": "recipient",
	"answerAbilityTest": "recipient", "submitAbilityTest": "recipient", "joinWave": "recipient",
	"createWave": "admin", "openWave": "admin", "closeWave": "admin", "runSelection": "admin",
	"revokeRecipient": "admin", "registerDevice": "recipient", "unregisterDevice": "recipient",
	"markNotificationsRead": "recipient", "markAllNotificationsRead": "recipient",
	"updateNotificationPreferences": "recipient", "submitComplaint": "recipient",
	"submitSurveyResponse": "recipient", "revealRecipientIdentity": "admin",
	"purchaseCourse": "recipient", "cancelPurchase": "recipient",
	"redeemPurchase": "partner", "reportProgress": "partner", "reportTestScore": "partner",
	"reportCompletion": "partner",
	"proposeCourse":    "institution", "assessCourse": "assessor", "monitorCourse": "assessor",
	"writeReview": "recipient", "hideReview": "assessor",
}

// TestBadInputMatrix sends, to every argument and input-object field
// (recursively) of every mutation, as the caller who may use it: NUL inside
// a string, invalid UTF-8 bytes in the raw JSON body, GraphQL escapes of NUL
// and of a lone surrogate in the query text, control characters, empty
// strings, multi-byte strings at and one character past every length limit
// of the model, numbers at and past 2^31, 2^53 and 2^63, negative numbers.
// Every answer must carry extensions.code and none may be
// INTERNAL_SERVER_ERROR; NUL and out-of-range Int are always refused as
// BAD_USER_INPUT naming the field, and a refused request writes no row.
func TestBadInputMatrix(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		m := newMatrix(t, db)
		muts, types := mutationsOf(t, m.clients["anonymous"])
		m.types = types
		if len(muts) < 20 {
			t.Fatalf("introspection found only %d mutations", len(muts))
		}
		sent, stored := 0, map[string]bool{}
		for _, mut := range muts {
			role, ok := mutationRoles[mut.Name]
			if !ok {
				t.Errorf("mutation %s has no caller in mutationRoles: add it", mut.Name)
				continue
			}
			if len(mut.Args) == 0 {
				continue // nothing a client can make bad
			}
			for _, c := range m.cases(mut) {
				sent++
				if m.check(t, m.clients[role], mut, c) {
					stored[mut.Name] = true
				}
			}
		}
		t.Logf("%d requests to %d mutations", sent, len(muts))
		// The valid rest of each request must let some cases through, or
		// the matrix stops at the first check and proves nothing of the
		// store behind it.
		for _, name := range []string{"createPartnerAccount", "createAPIKey", "updateSettings", "createWave",
			"registerDevice", "submitComplaint", "submitSurveyResponse", "revokeRecipient"} {
			if !stored[name] {
				t.Errorf("no case of %s was accepted: its base input no longer reaches the store", name)
			}
		}
	})
}

// TestHeadersStoredSafely: headers stored with a session are cut on a
// character boundary and made valid UTF-8, so no User-Agent fails a
// sign-in on either store.
func TestHeadersStoredSafely(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := newStack(t, db)
		for i, ua := range []string{
			strings.Repeat("a", 254) + "é",            // 256 bytes: a cut at 255 splits é
			strings.Repeat("ꦲ", 100),                  // 300 bytes of 3-byte characters
			"Mozilla/5.0 \xff\xfe (invalid UTF-8)",    // bytes a browser may send (obs-text)
			strings.Repeat("a", 253) + "\xc3\xa9\xff", // both at once
		} {
			phone := fmt.Sprintf("+628139999%04d", i)
			code := matrixCode(t, s, phone)
			body, _ := json.Marshal(map[string]any{"query": `mutation($p: String!, $c: String!) { signIn(phone: $p, code: $c) { token } }`,
				"variables": map[string]any{"p": phone, "c": code}})
			req, _ := http.NewRequest(http.MethodPost, s.URL, bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("User-Agent", ua)
			r := gqltest.Send(t, req)
			if len(r.Errors) > 0 || !strings.Contains(string(r.Data), "token") {
				t.Errorf("sign-in with User-Agent %q: %+v", ua, r.Errors)
			}
		}
	})
}

func matrixCode(t *testing.T, s *stack, phone string) string {
	t.Helper()
	gqltest.Client{URL: s.URL}.Do(t, `mutation($p: String!) { requestSignInCode(phone: $p) { phone } }`,
		map[string]any{"p": phone}).MustData(t, &struct{}{})
	text := s.SMS.Last(phone)
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return r < '0' || r > '9' }) {
		if len(f) == 6 {
			return f
		}
	}
	t.Fatalf("no code in %q", text)
	return ""
}

// matrix is the stack, its callers and the IDs valid inputs refer to.
type matrix struct {
	db      *database.DB
	clients map[string]gqltest.Client
	ids     map[string]any // argument or field name -> a valid value
	seq     int
	tables  []*entschema.Table
	types   inputTypes
	// newSurvey makes a survey open to the recipient with one optional text
	// question, so a submission gets as far as the store: every case of
	// submitSurveyResponse answers a survey of its own.
	newSurvey func() (survey, question pulid.ID)
	question  pulid.ID // of the survey made last
}

func newMatrix(t *testing.T, db *database.DB) *matrix {
	s := newStack(t, db)
	w := fixture.NewWorld(t, db.Client)
	p := w.NewPerson(t, db.Client, 1, w.Platform)
	q := w.NewPerson(t, db.Client, 2, w.Platform) // the one revokeRecipient revokes
	fixture.NewAccount(t, db.Client, "+6281100000001", viewer.RoleAdmin, "")
	fixture.NewAccount(t, db.Client, "+6281100000002", viewer.RoleAnalyst, "")
	fixture.NewAccount(t, db.Client, "+6281100000003", viewer.RoleSupport, "")
	fixture.NewAccount(t, db.Client, "+6281100000004", viewer.RoleAssessor, "")
	fixture.NewAccount(t, db.Client, "+6281100000005", viewer.RoleFinanceMaker, "")
	partner := fixture.NewAccount(t, db.Client, "+6281100000012", viewer.RolePlatform, w.Platform.ID)
	fixture.NewAccount(t, db.Client, "+6281100000011", viewer.RoleInstitution, w.Institution.ID)
	m := &matrix{db: db, tables: migrate.Tables, clients: map[string]gqltest.Client{
		"anonymous": {URL: s.URL},
		"recipient": gqltest.SignIn(t, s.URL, s.SMS, p.Phone),
		"admin":     gqltest.SignIn(t, s.URL, s.SMS, "+6281100000001"),
		"applicant": gqltest.SignIn(t, s.URL, s.SMS, "+6281377770001"),
		// Wrong callers of the permissions matrix (permissions_test.go).
		"analyst":     gqltest.SignIn(t, s.URL, s.SMS, "+6281100000002"),
		"partner":     gqltest.SignIn(t, s.URL, s.SMS, "+6281100000012"),
		"support":     gqltest.SignIn(t, s.URL, s.SMS, "+6281100000003"),
		"assessor":    gqltest.SignIn(t, s.URL, s.SMS, "+6281100000004"),
		"finance":     gqltest.SignIn(t, s.URL, s.SMS, "+6281100000005"),
		"institution": gqltest.SignIn(t, s.URL, s.SMS, "+6281100000011"),
	}}
	m.ids = map[string]any{
		"waveId": w.Wave.ID, "accountId": partner.ID, "scopes": []any{"purchases:read"}, "organizationId": w.Platform.ID,
		"recipientId": q.Recipient.ID, "surveyId": w.Survey.ID, "attemptId": p.Private["TestAttempt"],
		"questionId": pulid.New("qu"), "id": p.Private["Device"], "ids": []any{p.Private["Notification"]},
		"courseId": w.Course.ID, "purchaseId": p.Private["Purchase"], "reviewId": p.Review.ID,
	}
	sys := rule.System(context.Background(), "test")
	db.Client.Payout.UpdateOneID(p.Private["Payout"]).SetStatus("sent").SetSentAt(time.Now().Add(-2 * time.Hour)).ExecX(sys)
	m.newSurvey = func() (pulid.ID, pulid.ID) {
		m.seq++
		sv := db.Client.Survey.Create().SetCode(fmt.Sprintf("MX%d", m.seq)).SetOrdinal(10 + m.seq).
			SetTitleID("Survei uji").SetOpensAfterDays(0).SetWindowDays(90).SaveX(sys)
		q := db.Client.SurveyQuestion.Create().SetSurveyID(sv.ID).SetKey("komentar").SetPosition(1).
			SetKind("text").SetPromptID("Komentar Anda?").SetRequired(false).SaveX(sys)
		return sv.ID, q.ID
	}
	return m
}

// Introspection of the mutations and the input types they take.

type inputValue struct {
	Name string
	Type typeRef
}

type mutationField struct {
	Name string
	Args []inputValue
	Type typeRef
}

// selection is what to ask of the mutation's result: __typename of an
// object, nothing of a scalar or enum.
func (f mutationField) selection() string {
	if k := f.Type.named().Kind; k == "OBJECT" || k == "INTERFACE" || k == "UNION" {
		return "{ __typename }"
	}
	return ""
}

type inputTypes map[string]struct {
	Kind        string
	InputFields []inputValue
	EnumValues  []struct{ Name string }
}

const typeRefFragment = `fragment R on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`

func mutationsOf(t *testing.T, c gqltest.Client) ([]mutationField, inputTypes) {
	t.Helper()
	var data struct {
		Schema struct {
			MutationType struct{ Fields []mutationField }
			Types        []struct {
				Kind, Name  string
				InputFields []inputValue
				EnumValues  []struct{ Name string }
			}
		} `json:"__schema"`
	}
	c.Do(t, `{ __schema { mutationType { fields { name type { ...R } args { name type { ...R } } } }
		types { kind name inputFields { name type { ...R } } enumValues { name } } } } `+typeRefFragment, nil).MustData(t, &data)
	types := inputTypes{}
	for _, ty := range data.Schema.Types {
		types[ty.Name] = struct {
			Kind        string
			InputFields []inputValue
			EnumValues  []struct{ Name string }
		}{ty.Kind, ty.InputFields, ty.EnumValues}
	}
	return data.Schema.MutationType.Fields, types
}

// A case is one mutation call: variables (with one leaf made bad), how to
// send them, and what must hold of the answer.
type matrixCase struct {
	name     string
	path     []string // the bad leaf: argument, then fields and list indexes
	value    any
	raw      string // when set, replaces the placeholder in the JSON body verbatim
	inline   bool   // send the arguments as literals in the query text
	mustFail bool   // the value is one no field accepts: BAD_USER_INPUT naming the field
}

const placeholder = "\u2063BAD\u2063"

// lengthLimits are every MaxLen of the model (bytes in ent, characters in a
// PostgreSQL varchar): strings of multi-byte characters at and one past
// each are sent to every string field.
func (m *matrix) lengthLimits() []int {
	seen := map[int]bool{}
	for _, tb := range m.tables {
		for _, c := range tb.Columns {
			if c.Size > 0 && c.Size < 1<<16 && c.Type == entfield.TypeString {
				seen[int(c.Size)] = true
			}
		}
	}
	var out []int
	for n := range seen {
		out = append(out, n)
	}
	sort.Ints(out)
	return out
}

func (m *matrix) cases(mut mutationField) []matrixCase {
	var out []matrixCase
	limits := m.lengthLimits()
	for _, arg := range mut.Args {
		m.leaves(arg.Type, "Mutation."+mut.Name+"."+arg.Name, []string{arg.Name}, func(key string, path []string, scalar string) {
			out = append(out, leafCases(path, scalar, limits)...)
			if scalar == "String" {
				for _, v := range []string{"line 1\nline 2", "a\tb", "a\r\nb"} {
					out = append(out, matrixCase{name: fmt.Sprintf("line break %q", v), path: path, value: v,
						mustFail: !multilineInputs[key]})
				}
			}
		})
	}
	return out
}

// leaves calls fn for every scalar leaf under t (lists get one element),
// with its place in the schema (key: "Type.field") and in the request.
func (m *matrix) leaves(t typeRef, key string, path []string, fn func(key string, path []string, scalar string)) {
	switch t.Kind {
	case "NON_NULL":
		m.leaves(*t.OfType, key, path, fn)
	case "LIST":
		m.leaves(*t.OfType, key, append(slices.Clone(path), "0"), fn)
	case "INPUT_OBJECT":
		for _, f := range m.types[t.Name].InputFields {
			m.leaves(f.Type, t.Name+"."+f.Name, append(slices.Clone(path), f.Name), fn)
		}
	case "SCALAR":
		fn(key, path, t.Name)
	}
}

// multilineInputs are the String inputs that may hold line breaks (the
// same list as graph's rule: a field added there must be added here).
var multilineInputs = map[string]bool{
	"SubmitComplaintInput.body": true, "SurveyAnswerInput.text": true, "Mutation.revokeRecipient.reason": true,
	"CourseProposalInput.description": true, "Mutation.writeReview.body": true, "Mutation.hideReview.reason": true,
	"Mutation.assessCourse.notes": true, "Mutation.monitorCourse.notes": true,
}

func leafCases(path []string, scalar string, limits []int) []matrixCase {
	c := func(name string, v any, mustFail bool) matrixCase {
		return matrixCase{name: name, path: path, value: v, mustFail: mustFail}
	}
	switch scalar {
	case "String", "ID":
		out := []matrixCase{
			c("NUL", "a\x00b", true),
			c("only NUL", "\x00", true),
			c("bell", "a\x07b", true),
			c("escape sequence", "\x1b[2J", true),
			c("C1 control", "a\u0085b", true),
			c("empty", "", false),
			c("spaces", "   ", false),
			{name: "invalid UTF-8 bytes in the body", path: path, value: placeholder, raw: "a\xff\xfeb"},
			{name: "cut character in the body", path: path, value: placeholder, raw: "caf\xc3"},
			{name: "lone surrogate escape in the body", path: path, value: placeholder, raw: `\ud800`},
			{name: "NUL escape in the query text", path: path, value: "a\x00b", inline: true, mustFail: true},
			{name: "lone surrogate escape in the query text", path: path, value: "\xed\xa0\x80", inline: true},
			c("4-byte characters", strings.Repeat("😀", 40), false),
		}
		for _, n := range limits {
			out = append(out,
				c(fmt.Sprintf("%d × é", n), strings.Repeat("é", n), false),
				c(fmt.Sprintf("%d × é", n+1), strings.Repeat("é", n+1), false),
				c(fmt.Sprintf("%d × ꦲ", n), strings.Repeat("ꦲ", n), false),
				c(fmt.Sprintf("a + %d × é", n), "a"+strings.Repeat("é", n), false)) // a byte cut at n splits é
		}
		return out
	case "Int":
		return []matrixCase{
			c("2^31-1", json.Number("2147483647"), false),
			c("2^31", json.Number("2147483648"), true),
			c("-2^31", json.Number("-2147483648"), false),
			c("-2^31-1", json.Number("-2147483649"), true),
			c("2^62", json.Number("4611686018427387904"), true),
			c("2^63-1", json.Number("9223372036854775807"), true),
			c("2^63", json.Number("9223372036854775808"), true),
			c("-2^63-1", json.Number("-9223372036854775809"), true),
			c("-1", json.Number("-1"), false),
			c("0", json.Number("0"), false),
			c("fraction", json.Number("1.5"), true),
			c("exponent", json.Number("1e3"), false), // refused or read as 1000: coded either way
		}
	case "Rupiah":
		return []matrixCase{
			c("2^53-1", json.Number("9007199254740991"), false),
			c("2^53", json.Number("9007199254740992"), true),
			c("2^63", json.Number("9223372036854775808"), true),
			c("-1", json.Number("-1"), false),
			c("fraction", json.Number("0.5"), true),
			c("string", "1000", false),
		}
	case "Time":
		return []matrixCase{
			c("empty", "", false), c("NUL", "\x00", false), c("year 10000", "10000-01-01T00:00:00Z", false),
			c("year 0", "0000-01-01T00:00:00Z", false), c("not a date", "kemarin", false),
		}
	}
	return nil
}

// base returns a valid value for every argument of mut, so that the one bad
// leaf is what reaches the services.
func (m *matrix) base(mut mutationField) map[string]any {
	vars := map[string]any{}
	for _, a := range mut.Args {
		vars[a.Name] = m.valueFor(mut.Name, a.Name, a.Type)
	}
	return vars
}

func (m *matrix) valueFor(mut, name string, t typeRef) any {
	if t.Kind == "NON_NULL" {
		return m.valueFor(mut, name, *t.OfType)
	}
	if mut == "submitSurveyResponse" {
		switch name {
		case "surveyId":
			var sv pulid.ID
			sv, m.question = m.newSurvey()
			return sv
		case "questionId":
			return m.question
		case "choices", "number":
			return nil // the question takes text
		}
	}
	if v, ok := m.ids[name]; ok {
		if l, ok := v.([]any); ok {
			return slices.Clone(l) // cases change leaves in place
		}
		return v
	}
	m.seq++
	switch t.Kind {
	case "LIST":
		return []any{m.valueFor(mut, name, *t.OfType)}
	case "ENUM":
		vals := m.types[t.Name].EnumValues
		switch t.Name {
		case "AccountRole":
			return "digital_platform" // createPartnerAccount: the organisation is a platform
		case "RecipientGender":
			return "male" // as the NIK of the registration says
		}
		return vals[0].Name
	case "INPUT_OBJECT":
		obj := map[string]any{}
		for _, f := range m.types[t.Name].InputFields {
			obj[f.Name] = m.valueFor(mut, f.Name, f.Type)
		}
		return obj
	}
	switch t.Name {
	case "Int":
		if name == "number" {
			return 1000 + m.seq // wave numbers are unique
		}
		return 1
	case "Boolean":
		return false
	case "Rupiah":
		return 1_000_000
	case "Time":
		if name == "closesAt" {
			return time.Now().Add(48 * time.Hour).UTC().Format(time.RFC3339)
		}
		if name == "birthDate" {
			return "1990-01-10T00:00:00Z"
		}
		return time.Now().UTC().Format(time.RFC3339)
	case "ID":
		return pulid.New("zz")
	}
	if v := knownStrings(name, m.seq); v != "" {
		return v
	}
	return "Teks uji"
}

// knownStrings are valid values of the string fields that have a format.
func knownStrings(name string, seq int) string {
	return map[string]string{
		"phone": fmt.Sprintf("0813%08d", seq), "code": "000000", "nik": "3273011001900001",
		"kkNumber": "3273010000000001", "regencyCode": "3273", "provinceCode": "32",
		"clientId": fmt.Sprintf("matrix-%d", seq), "token": fmt.Sprintf("https://push.example/%d", seq),
	}[name]
}

// setLeaf replaces the value at path in vars (maps and one-element lists).
func setLeaf(vars map[string]any, path []string, v any) {
	var cur any = vars
	for i, p := range path {
		last := i == len(path)-1
		switch x := cur.(type) {
		case map[string]any:
			if last {
				x[p] = v
				return
			}
			if x[p] == nil {
				if _, err := strconv.Atoi(path[i+1]); err == nil {
					x[p] = []any{nil} // an omitted list: one element, set below
				} else {
					x[p] = map[string]any{}
				}
			}
			cur = x[p]
		case []any:
			idx, _ := strconv.Atoi(p)
			if last {
				x[idx] = v
				return
			}
			cur = x[idx]
		}
	}
}

// check sends one case and reports whether it was accepted.
func (m *matrix) check(t *testing.T, c gqltest.Client, mut mutationField, mc matrixCase) bool {
	t.Helper()
	vars := m.base(mut)
	setLeaf(vars, mc.path, mc.value)
	label := fmt.Sprintf("%s %s: %s", mut.Name, strings.Join(mc.path, "."), mc.name)
	body := m.body(t, mut, vars, mc)
	before := -1
	if mc.mustFail && mc.name == "NUL" {
		before = m.rows(t)
	}
	req, _ := http.NewRequest(http.MethodPost, c.URL, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if c.Auth != "" {
		req.Header.Set("Authorization", c.Auth)
	}
	r := gqltest.Send(t, req)
	if r.Status >= 500 {
		t.Errorf("%s: status %d %+v", label, r.Status, r.Errors)
	}
	for _, e := range r.Errors {
		if e.Code() == "" || e.Code() == "INTERNAL_SERVER_ERROR" {
			t.Errorf("%s: untyped or internal error %+v", label, e)
		}
		if leaksInternals(e) {
			t.Errorf("%s: message or field names show internals: %+v", label, e)
		}
	}
	if !mc.mustFail {
		return len(r.Errors) == 0
	}
	if mc.inline { // refused by the parser (GRAPHQL_PARSE_FAILED) or the scalar: either way coded, no data
		if len(r.Errors) == 0 || string(r.Data) != "null" && len(r.Data) > 0 {
			t.Errorf("%s: not refused: status %d data %s errors %+v", label, r.Status, r.Data, r.Errors)
		}
		return false
	}
	if len(r.Errors) == 0 || !refusedNaming(r.Errors[0], mc.path) {
		t.Errorf("%s: want BAD_USER_INPUT naming %s, got status %d %+v", label, strings.Join(mc.path, "."), r.Status, r.Errors)
	}
	if before >= 0 {
		if after := m.rows(t); after != before {
			t.Errorf("%s: %d rows -> %d after a refused request", label, before, after)
		}
	}
	return len(r.Errors) == 0
}

// leaksInternals reports a BAD_USER_INPUT that speaks the store's language:
// ent's validator messages, Go parse errors, snake_case column names.
func leaksInternals(e gqltest.Error) bool {
	if e.Code() != "BAD_USER_INPUT" {
		return false
	}
	fields, _ := e.Extensions["fields"].(map[string]any)
	for k, v := range fields {
		if strings.Contains(k, "_") || strings.HasPrefix(fmt.Sprint(v), "ent:") {
			return true
		}
	}
	return strings.HasPrefix(e.Message, "ent:") || strings.Contains(e.Message, "strconv.")
}

// refusedNaming reports whether e refuses the leaf at path: BAD_USER_INPUT
// naming it in extensions.fields, or the variable validation of the GraphQL
// layer (numbers beyond 64 bits, fractions for Int) with the variable's path.
func refusedNaming(e gqltest.Error, path []string) bool {
	if e.Code() == "GRAPHQL_VALIDATION_FAILED" && len(e.Path) == len(path)+1 && fmt.Sprint(e.Path[0]) == "variable" {
		for i, p := range path {
			if fmt.Sprint(e.Path[i+1]) != p {
				return false
			}
		}
		return true
	}
	return e.Code() == "BAD_USER_INPUT" && namesField(e, path)
}

// namesField reports whether extensions.fields names the bad leaf (by its
// last named part: services name fields their own way).
func namesField(e gqltest.Error, path []string) bool {
	fields, _ := e.Extensions["fields"].(map[string]any)
	leaf := path[len(path)-1]
	for i := len(path) - 1; i >= 0; i-- {
		if _, err := strconv.Atoi(path[i]); err != nil {
			leaf = path[i]
			break
		}
	}
	for k := range fields {
		if k == leaf || strings.HasSuffix(k, "."+leaf) || strings.Contains(k, leaf+".") {
			return true
		}
	}
	return false
}

func (m *matrix) body(t *testing.T, mut mutationField, vars map[string]any, mc matrixCase) []byte {
	t.Helper()
	var query string
	send := vars
	if mc.inline {
		var args []string
		for _, a := range mut.Args {
			args = append(args, a.Name+": "+m.literal(vars[a.Name], a.Type))
		}
		query = fmt.Sprintf("mutation { %s(%s) %s }", mut.Name, strings.Join(args, ", "), mut.selection())
		send = nil
	} else {
		var decl, args []string
		for _, a := range mut.Args {
			decl = append(decl, "$"+a.Name+": "+typeString(a.Type))
			args = append(args, a.Name+": $"+a.Name)
		}
		query = fmt.Sprintf("mutation(%s) { %s(%s) %s }", strings.Join(decl, ", "), mut.Name, strings.Join(args, ", "), mut.selection())
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(map[string]any{"query": query, "variables": send}); err != nil {
		t.Fatalf("encode: %v", err)
	}
	b := buf.Bytes()
	if mc.raw != "" {
		b = bytes.Replace(b, []byte(placeholder), []byte(mc.raw), 1)
	}
	return b
}

func typeString(t typeRef) string {
	switch t.Kind {
	case "NON_NULL":
		return typeString(*t.OfType) + "!"
	case "LIST":
		return "[" + typeString(*t.OfType) + "]"
	}
	return t.Name
}

// literal writes v as a GraphQL literal of type t (strings with GraphQL
// escapes: \u0000 for NUL, \ud800 for a lone surrogate half).
func (m *matrix) literal(v any, t typeRef) string {
	if v == nil {
		return "null"
	}
	switch t.Kind {
	case "NON_NULL":
		return m.literal(v, *t.OfType)
	case "LIST":
		var parts []string
		for _, x := range v.([]any) {
			parts = append(parts, m.literal(x, *t.OfType))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case "ENUM":
		return fmt.Sprint(v)
	case "INPUT_OBJECT":
		var parts []string
		for _, f := range m.types[t.Name].InputFields {
			if x, ok := v.(map[string]any)[f.Name]; ok {
				parts = append(parts, f.Name+": "+m.literal(x, f.Type))
			}
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	switch x := v.(type) {
	case string:
		return quoteGraphQL(x)
	case pulid.ID:
		return quoteGraphQL(string(x))
	case json.Number:
		return string(x)
	}
	return fmt.Sprint(v)
}

func quoteGraphQL(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20:
			fmt.Fprintf(&b, `\u%04x`, c)
		case strings.HasPrefix(s[i:], "\xed\xa0\x80"):
			b.WriteString(`\ud800`)
			i += 2
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// rows counts the rows of every table of the model.
func (m *matrix) rows(t *testing.T) int {
	t.Helper()
	ctx := rule.System(context.Background(), "test")
	total := 0
	for _, tb := range m.tables {
		var n int
		if err := m.db.SQL.QueryRowContext(ctx, `SELECT count(*) FROM "`+tb.Name+`"`).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", tb.Name, err)
		}
		total += n
	}
	return total
}

// TestNormalisedInput: values with a canonical form are stored in it, by the
// one normaliser of their kind, whichever mutation takes them; sums of
// client numbers do not wrap.
func TestNormalisedInput(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := newStack(t, db)
		w := fixture.NewWorld(t, db.Client)
		fixture.NewAccount(t, db.Client, "+6281100000001", viewer.RoleAdmin, "")
		admin := gqltest.SignIn(t, s.URL, s.SMS, "+6281100000001")
		ctx := rule.System(context.Background(), "test")
		createPartner := `mutation($p: String!, $org: ID!) { createPartnerAccount(input: {phone: $p, displayName: "Operator",
			role: digital_platform, organizationId: $org}) { phone } }`

		t.Run("partner phone as typed", func(t *testing.T) {
			var got struct{ CreatePartnerAccount struct{ Phone string } }
			admin.Do(t, createPartner, map[string]any{"p": "0819 1234-5678", "org": w.Platform.ID}).MustData(t, &got)
			if got.CreatePartnerAccount.Phone != "+6281912345678" {
				t.Errorf("stored phone %q; want +6281912345678", got.CreatePartnerAccount.Phone)
			}
			// …so the partner can sign in with the number as they know it.
			gqltest.SignIn(t, s.URL, s.SMS, "081912345678")
		})
		t.Run("not a phone", func(t *testing.T) {
			before := db.Client.Account.Query().CountX(ctx)
			for _, p := range []string{"not a phone", "0212345678", "+1 415 555 0100", ""} {
				r := admin.Do(t, createPartner, map[string]any{"p": p, "org": w.Platform.ID})
				if len(r.Errors) == 0 || r.Errors[0].Code() != "BAD_USER_INPUT" || !namesField(r.Errors[0], []string{"phone"}) {
					t.Errorf("phone %q: %+v; want BAD_USER_INPUT on phone", p, r.Errors)
				}
			}
			if after := db.Client.Account.Query().CountX(ctx); after != before {
				t.Errorf("accounts %d -> %d after refused phones", before, after)
			}
		})
		t.Run("quotas that cancel out", func(t *testing.T) {
			before := db.Client.Wave.Query().CountX(ctx)
			for _, quotas := range [][]int{{-5, 6}, {math.MaxInt32, math.MaxInt32, 2}} {
				var list []map[string]any
				total := 0
				for _, q := range quotas {
					list = append(list, map[string]any{"provinceCode": "32", "quota": q})
					total += q
				}
				r := admin.Do(t, `mutation($q: [WaveQuotaInput!]!, $n: Int!) { createWave(input: {number: 77, name: "Gelombang 77",
					opensAt: "2030-01-01T00:00:00Z", closesAt: "2030-02-01T00:00:00Z", quota: $n, provinceQuotas: $q}) { id } }`,
					map[string]any{"q": list, "n": int32(total)})
				if len(r.Errors) == 0 || r.Errors[0].Code() != "BAD_USER_INPUT" {
					t.Errorf("quotas %v: %+v; want BAD_USER_INPUT", quotas, r.Errors)
				}
			}
			if after := db.Client.Wave.Query().CountX(ctx); after != before {
				t.Errorf("waves %d -> %d after refused quotas", before, after)
			}
		})
	})
}

// TestCraftedCursors: a page cursor is opaque but client-held; crafted ones
// (NUL or invalid UTF-8 in the ID or a value, values of the wrong shape or
// count, not base64 at all) are refused with a code on every top-level
// connection, never reaching SQL as an internal error.
func TestCraftedCursors(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := newStack(t, db)
		w := fixture.NewWorld(t, db.Client)
		fixture.NewAccount(t, db.Client, "+6281100000001", viewer.RoleAdmin, "")
		w.NewPerson(t, db.Client, 1, w.Platform)
		admin := gqltest.SignIn(t, s.URL, s.SMS, "+6281100000001") // staff read every connection
		cursors := map[string]string{"not base64": "!!!", "base64 of garbage": "AAAA"}
		for name, c := range map[string]ent.Cursor{
			"NUL in the ID":            {ID: "co01\x00"},
			"invalid UTF-8 in the ID":  {ID: "co01\xff"},
			"NUL in a value":           {ID: "co01", Value: []any{"a\x00"}},
			"invalid UTF-8 in a value": {ID: "co01", Value: []any{"\xc3"}},
			"value not a list":         {ID: "co01", Value: "a"},
			"too many values":          {ID: "co01", Value: []any{"a", "b", "c", "d"}},
			"a map as a value":         {ID: "co01", Value: []any{map[string]any{"a": 1}}},
			"huge number":              {ID: "co01", Value: []any{uint64(1 << 63)}},
		} {
			var buf bytes.Buffer
			if err := msgpack.NewEncoder(&buf).Encode(c); err != nil {
				t.Fatal(err)
			}
			cursors[name] = base64.RawStdEncoding.EncodeToString(buf.Bytes())
		}
		conns := connectionFields(t, admin)
		for _, cn := range conns {
			for name, cur := range cursors {
				for _, dir := range []string{"after", "before"} {
					r := admin.Do(t, `query($c: Cursor) { `+cn.field+`(`+dir+`: $c) { edges { node { id } } } }`, map[string]any{"c": cur})
					for _, e := range r.Errors {
						if e.Code() == "" || e.Code() == "INTERNAL_SERVER_ERROR" {
							t.Errorf("%s(%s: %s): %+v", cn.field, dir, name, e)
						}
					}
				}
			}
		}
		t.Logf("%d connections × %d cursors", len(conns), len(cursors))
	})
}

// TestInvalidUTF8InBody: invalid UTF-8 bytes inside a JSON body do not reach
// the services: the JSON decoder replaces each run with U+FFFD, so what is
// stored is valid text on both stores and reads back as such.
func TestInvalidUTF8InBody(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := newStack(t, db)
		w := fixture.NewWorld(t, db.Client)
		p := w.NewPerson(t, db.Client, 1, w.Platform)
		c := gqltest.SignIn(t, s.URL, s.SMS, p.Phone)
		for raw, want := range map[string]string{
			"Budi\xff\xfe":  "Budi\uFFFD\uFFFD", // each invalid byte becomes U+FFFD
			"caf\xc3":       "caf\uFFFD",        // a character cut short
			`Budi \ud800 S`: "Budi \uFFFD S",    // a lone surrogate escape
		} {
			body := []byte(`{"query":"mutation($n: String) { updateSettings(input: {displayName: $n}) { displayName } }","variables":{"n":"` + raw + `"}}`)
			var got struct{ UpdateSettings struct{ DisplayName string } }
			c.Raw(t, "application/json", body).MustData(t, &got)
			if got.UpdateSettings.DisplayName != want {
				t.Errorf("displayName from %q: %q; want %q", raw, got.UpdateSettings.DisplayName, want)
			}
			ctx := rule.System(context.Background(), "test")
			if stored := db.Client.Account.GetX(ctx, p.Account.ID).DisplayName; stored != want {
				t.Errorf("stored %q; want %q", stored, want)
			}
		}
	})
}
