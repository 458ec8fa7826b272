package app_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/kartuprakerja/platform/internal/curation/indicator"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/gqltest"
)

const proposeDoc = `mutation($key: String!) { proposeCourse(idempotencyKey: $key, input: {
  title: "Merakit Panel Surya", description: "Dasar instalasi panel surya rumah.",
  outline: ["Keselamatan", "Pemasangan"], category: engineering, method: hybrid, price: 600000,
  durationHours: 12, instructor: "Budi", platformIds: [], platformCodes: ["tokopedia"] }) { id status institution { id name } platforms { id } } }`

// TestCurationOverGraphQL: an institution's key with courses:write proposes
// (a replay returns the same course); nobody but the institution and
// curation staff reads the proposed course (node, list, filter); an
// assessor's failing assessment rejects it with reasons in the viewer's
// language, which the institution reads through its key.
func TestCurationOverGraphQL(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := seededStack(t, db)
		op, acc := operator(t, s, phoneInstitution)
		key, _ := newKey(t, s, op, acc, "courses:write", "courses:read")
		var p struct{ ProposeCourse struct{ ID, Status string } }
		key.Do(t, proposeDoc, map[string]any{"key": "t-1"}).MustData(t, &p)
		var again struct{ ProposeCourse struct{ ID string } }
		key.Do(t, proposeDoc, map[string]any{"key": "t-1"}).MustData(t, &again)
		if p.ProposeCourse.Status != "proposed" || again.ProposeCourse.ID != p.ProposeCourse.ID {
			t.Fatalf("proposal %+v, replay %+v", p, again)
		}
		id := p.ProposeCourse.ID
		anon := gqltest.Client{URL: s.URL}
		recipient := gqltest.SignIn(t, s.URL, s.SMS, "+6281200000001")
		platform, _ := operator(t, s, phoneTokopedia)
		assessor, _ := operator(t, s, "+6281100000004")
		const read = `query($id: ID!) { node(id: $id) { id } courses(where: {status: proposed}) { totalCount edges { node { id } } } }`
		for name, c := range map[string]gqltest.Client{"anonymous": anon, "recipient": recipient, "platform": platform,
			"institution": op, "assessor": assessor} {
			r := c.Do(t, read, map[string]any{"id": id})
			var out struct {
				Node    *struct{ ID string }
				Courses struct{ TotalCount int }
			}
			_ = json.Unmarshal(r.Data, &out)
			sees := name == "institution" || name == "assessor"
			if (out.Node != nil) != sees || (out.Courses.TotalCount > 0) != sees {
				t.Errorf("%s: node %v, %d proposed courses listed; sees %v (%v)", name, out.Node, out.Courses.TotalCount, sees, r.Errors)
			}
		}
		var scores []map[string]any
		for _, in := range indicator.All(indicator.Assessment) {
			scores = append(scores, map[string]any{"code": in.Code, "met": in.Code != "A39"})
		}
		const assess = `mutation($id: ID!, $s: [IndicatorScoreInput!]!) { assessCourse(courseId: $id, scores: $s, notes: "Harga terlalu tinggi") { passed met total reasonTexts } }`
		if r := op.Do(t, assess, map[string]any{"id": id, "s": scores}); !slices.Equal(r.Codes(), []string{"FORBIDDEN"}) {
			t.Errorf("institution assessing: %v", r.Codes())
		}
		if r := assessor.Do(t, assess, map[string]any{"id": id, "s": scores[1:]}); !slices.Equal(r.Codes(), []string{"BAD_USER_INPUT"}) ||
			!strings.Contains(string(r.Errors[0].Extensions["fields"].(map[string]any)["scores.missing"].(string)), "A01") {
			t.Errorf("missing A01: %+v", r.Errors)
		}
		var a struct {
			AssessCourse struct {
				Passed      bool
				Met, Total  int
				ReasonTexts []string
			}
		}
		assessor.Do(t, assess, map[string]any{"id": id, "s": scores}).MustData(t, &a)
		if a.AssessCourse.Passed || a.AssessCourse.Met != 51 || len(a.AssessCourse.ReasonTexts) != 1 ||
			a.AssessCourse.ReasonTexts[0] != "Harga wajar dibandingkan pelatihan serupa" {
			t.Errorf("assessment %+v", a.AssessCourse)
		}
		var mine struct {
			CourseAssessments struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						Passed bool
						Course struct{ Status string }
					}
				}
			}
		}
		key.Do(t, `{ courseAssessments(first: 5) { totalCount edges { node { passed course { status } } } } }`, nil).MustData(t, &mine)
		if mine.CourseAssessments.TotalCount != 2 || mine.CourseAssessments.Edges[0].Node.Course.Status != "rejected" { // the seeded rejection and this one
			t.Errorf("the institution's assessments %+v", mine)
		}
		other, otherAcc := operator(t, s, phoneTokopedia)
		_ = otherAcc
		if r := other.Do(t, `{ courseAssessments(first: 5) { totalCount } }`, nil); !slices.Equal(r.Codes(), []string{"FORBIDDEN"}) {
			t.Errorf("a platform reading assessments: %s %v", r.Data, r.Codes())
		}
		var ind struct {
			CurationIndicators []struct{ Code, Group, Label string }
		}
		anon.Do(t, `{ curationIndicators(kind: MONITORING) { code group label } }`, nil).MustData(t, &ind)
		if len(ind.CurationIndicators) != 40 || ind.CurationIndicators[39].Code != "M40" || ind.CurationIndicators[0].Label == "" {
			t.Errorf("monitoring indicators %+v", ind.CurationIndicators[:1])
		}
	})
}
