package training_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/training"
)

// stmt builds a statement as a platform sends it; edit tweaks the map.
func stmt(id, learner, verb, object string, edit func(map[string]any)) map[string]any {
	s := map[string]any{
		"id":     id,
		"actor":  map[string]any{"objectType": "Agent", "account": map[string]any{"homePage": base, "name": learner}},
		"verb":   map[string]any{"id": verb, "display": map[string]any{"en-US": "x"}},
		"object": map[string]any{"objectType": "Activity", "id": object},
	}
	if edit != nil {
		edit(s)
	}
	return s
}

func activity(code string) string { return base + training.ActivityPath + code }

const uuid1 = "3f1c2a4e-9b7d-4e2a-8f11-2b6c0d9e7a01"

// TestParseStatement: the verb and activity mapping, the score and
// progress sources, and every malformed statement refused naming its part.
func TestParseStatement(t *testing.T) {
	progress := func(v any) func(map[string]any) {
		return func(s map[string]any) {
			s["result"] = map[string]any{"extensions": map[string]any{training.ExtProgress: v}}
		}
	}
	score := func(raw, scaled any) func(map[string]any) {
		return func(s map[string]any) {
			sc := map[string]any{}
			if raw != nil {
				sc["raw"] = raw
			}
			if scaled != nil {
				sc["scaled"] = scaled
			}
			s["result"] = map[string]any{"score": sc}
		}
	}
	code := "ABCD-EFGH-JKMN"
	cases := []struct {
		name  string
		s     map[string]any
		kind  training.Kind
		value int
		field string // the refused part, "" when accepted
	}{
		{"launched redeems", stmt(uuid1, "L1", training.VerbLaunched, activity(code), nil), training.Redeem, 0, ""},
		{"initialized redeems", stmt(uuid1, "L1", training.VerbInitialized, activity(code), nil), training.Redeem, 0, ""},
		{"progressed extension", stmt(uuid1, "L1", training.VerbProgressed, activity(code), progress(42)), training.Progress, 42, ""},
		{"progressed scaled", stmt(uuid1, "L1", training.VerbProgressed, activity(code), score(nil, 0.555)), training.Progress, 56, ""},
		{"progressed without progress", stmt(uuid1, "L1", training.VerbProgressed, activity(code), nil), "", 0, "result.extensions"},
		{"progressed with text progress", stmt(uuid1, "L1", training.VerbProgressed, activity(code), progress("half")), "", 0, "result.extensions"},
		{"completed", stmt(uuid1, "L1", training.VerbCompleted, activity(code), nil), training.Completion, 0, ""},
		{"passed course is post-test", stmt(uuid1, "L1", training.VerbPassed, activity(code), score(75, nil)), training.PostTest, 75, ""},
		{"passed post-test", stmt(uuid1, "L1", training.VerbPassed, activity(code)+training.PostTestSuffix, score(nil, 0.8)), training.PostTest, 80, ""},
		{"failed pre-test", stmt(uuid1, "L1", training.VerbFailed, activity(code)+training.PreTestSuffix, score(40.4, nil)), training.PreTest, 40, ""},
		{"raw out of range passes to the range check", stmt(uuid1, "L1", training.VerbPassed, activity(code), score(150, nil)), training.PostTest, 150, ""},
		{"passed without score", stmt(uuid1, "L1", training.VerbPassed, activity(code), nil), "", 0, "result.score"},
		{"completed a test", stmt(uuid1, "L1", training.VerbCompleted, activity(code)+training.PreTestSuffix, nil), "", 0, "object.id"},
		{"unknown verb", stmt(uuid1, "L1", "http://adlnet.gov/expapi/verbs/answered", activity(code), nil), "", 0, "verb.id"},
		{"no verb", stmt(uuid1, "L1", "", activity(code), nil), "", 0, "verb.id"},
		{"foreign activity", stmt(uuid1, "L1", training.VerbCompleted, "https://other.example/x/"+code, nil), "", 0, "object.id"},
		{"activity without code", stmt(uuid1, "L1", training.VerbCompleted, activity(""), nil), "", 0, "object.id"},
		{"activity with a deeper path", stmt(uuid1, "L1", training.VerbCompleted, activity(code+"/x"), nil), "", 0, "object.id"},
		{"no id", stmt("", "L1", training.VerbCompleted, activity(code), nil), "", 0, "id"},
		{"id not a uuid", stmt("report-1", "L1", training.VerbCompleted, activity(code), nil), "", 0, "id"},
		{"mbox actor", stmt(uuid1, "L1", training.VerbCompleted, activity(code), func(s map[string]any) {
			s["actor"] = map[string]any{"mbox": "mailto:a@b.c"}
		}), "", 0, "actor.account"},
		{"other homePage", stmt(uuid1, "L1", training.VerbCompleted, activity(code), func(s map[string]any) {
			s["actor"].(map[string]any)["account"].(map[string]any)["homePage"] = "https://lms.example"
		}), "", 0, "actor"},
		{"bad timestamp", stmt(uuid1, "L1", training.VerbCompleted, activity(code), func(s map[string]any) {
			s["timestamp"] = "yesterday"
		}), "", 0, "statement"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			raw, _ := json.Marshal(c.s)
			r, err := training.ParseStatement(raw, base+"/")
			if c.field != "" {
				if codeOf(err) != apperr.BadUserInput || fieldOf(err) != c.field {
					t.Fatalf("got %v (field %q), want BAD_USER_INPUT on %s", err, fieldOf(err), c.field)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Kind != c.kind || r.Value != c.value || r.Code != code || r.Key != uuid1 || r.Channel != training.XAPI ||
				r.Learner == nil || *r.Learner != "L1" || !strings.Contains(r.Statement, `"id":"`+uuid1+`"`) {
				t.Errorf("got %+v, want %s %d", r, c.kind, c.value)
			}
		})
	}
}

// TestContentHash: the same meaning hashes the same, any change differs.
func TestContentHash(t *testing.T) {
	at := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	l1, l2 := "L1", "L2"
	r := training.Report{Kind: training.Progress, Code: "A", Key: "k", Value: 10, At: &at, Verb: "v", Learner: &l1}
	same := r
	same.Key, same.Channel, same.Statement = "other", training.XAPI, "{}"
	atWITA := at.In(time.FixedZone("WITA", 8*3600))
	same.At = &atWITA
	if r.ContentHash() != same.ContentHash() {
		t.Error("key, channel, statement text or time zone changed the hash")
	}
	later := at.Add(time.Second)
	for name, edit := range map[string]func(*training.Report){
		"kind":    func(r *training.Report) { r.Kind = training.PreTest },
		"code":    func(r *training.Report) { r.Code = "B" },
		"value":   func(r *training.Report) { r.Value = 11 },
		"at":      func(r *training.Report) { r.At = &later },
		"no at":   func(r *training.Report) { r.At = nil },
		"verb":    func(r *training.Report) { r.Verb = "w" },
		"learner": func(r *training.Report) { r.Learner = &l2 },
	} {
		o := r
		edit(&o)
		if o.ContentHash() == r.ContentHash() {
			t.Errorf("%s did not change the hash", name)
		}
	}
	// Completion and redeem carry no value: a stray one does not count.
	c1 := training.Report{Kind: training.Completion, Code: "A"}
	c2 := c1
	c2.Value = 5
	if c1.ContentHash() != c2.ContentHash() {
		t.Error("a completion's value changed its hash")
	}
}
