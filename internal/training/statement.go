package training

import (
	"bytes"
	"encoding/json"
	"math"
	"regexp"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
)

// The xAPI vocabulary the endpoint understands (docs/xapi.md).
const (
	VerbLaunched    = "http://adlnet.gov/expapi/verbs/launched"
	VerbInitialized = "http://adlnet.gov/expapi/verbs/initialized"
	VerbProgressed  = "http://adlnet.gov/expapi/verbs/progressed"
	VerbCompleted   = "http://adlnet.gov/expapi/verbs/completed"
	VerbPassed      = "http://adlnet.gov/expapi/verbs/passed"
	VerbFailed      = "http://adlnet.gov/expapi/verbs/failed"
	// ExtProgress is the result extension carrying progress in percent
	// (0-100), as cmi5 defines it.
	ExtProgress = "https://w3id.org/xapi/cmi5/result/extensions/progress"
	// ActivityPath is the path of a purchase's activity under the public
	// URL, followed by the redemption code; PreTestSuffix and PostTestSuffix
	// name its tests.
	ActivityPath   = "/xapi/activities/purchases/"
	PreTestSuffix  = "/pre-test"
	PostTestSuffix = "/post-test"
)

type statement struct {
	ID    string `json:"id"`
	Actor struct {
		Account *struct {
			HomePage string `json:"homePage"`
			Name     string `json:"name"`
		} `json:"account"`
	} `json:"actor"`
	Verb struct {
		ID string `json:"id"`
	} `json:"verb"`
	Object struct {
		ID string `json:"id"`
	} `json:"object"`
	Result *struct {
		Score *struct {
			Scaled *float64 `json:"scaled"`
			Raw    *float64 `json:"raw"`
		} `json:"score"`
		Extensions map[string]json.RawMessage `json:"extensions"`
	} `json:"result"`
	Timestamp *time.Time `json:"timestamp"`
}

var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// ParseStatement turns one xAPI statement into a Report, or a
// BAD_USER_INPUT error naming the part at fault. base is the public URL
// (the actor's homePage and the activities' prefix).
func ParseStatement(raw json.RawMessage, base string) (Report, error) {
	var st statement
	if err := json.Unmarshal(raw, &st); err != nil {
		return Report{}, apperr.Invalid("statement", msg.XAPIBadJSON)
	}
	if !uuidPattern.MatchString(st.ID) {
		return Report{}, apperr.Invalid("id", msg.XAPIStatementID)
	}
	base = strings.TrimRight(base, "/")
	a := st.Actor.Account
	switch {
	case a == nil || a.Name == "":
		return Report{}, apperr.Invalid("actor.account", msg.XAPIFieldMissing, "actor.account")
	case strings.TrimRight(a.HomePage, "/") != base:
		return Report{}, apperr.Invalid("actor", msg.XAPIActorMismatch)
	}
	code, test, ok := activity(st.Object.ID, base)
	if !ok {
		return Report{}, apperr.Invalid("object.id", msg.XAPIObjectUnknown, st.Object.ID)
	}
	r := Report{Code: code, Key: strings.ToLower(st.ID), At: st.Timestamp, Channel: XAPI,
		Statement: compact(raw), Learner: &a.Name, Verb: st.Verb.ID}
	kind, err := kindOf(st, test)
	if err != nil {
		return Report{}, err
	}
	r.Kind = kind
	switch kind {
	case Progress:
		r.Value, err = progressOf(st)
	case PreTest, PostTest:
		r.Value, err = scoreOf(st)
	}
	return r, err
}

// activity splits an activity id into the redemption code and the test
// ("", "pre" or "post").
func activity(id, base string) (code, test string, ok bool) {
	rest, ok := strings.CutPrefix(id, base+ActivityPath)
	if !ok {
		return "", "", false
	}
	switch {
	case strings.HasSuffix(rest, PreTestSuffix):
		rest, test = strings.TrimSuffix(rest, PreTestSuffix), "pre"
	case strings.HasSuffix(rest, PostTestSuffix):
		rest, test = strings.TrimSuffix(rest, PostTestSuffix), "post"
	}
	return rest, test, rest != "" && !strings.Contains(rest, "/")
}

// kindOf maps the verb (and the activity: course or test) to a kind.
func kindOf(st statement, test string) (Kind, error) {
	switch st.Verb.ID {
	case VerbPassed, VerbFailed:
		if test == "pre" {
			return PreTest, nil
		}
		return PostTest, nil
	case VerbLaunched, VerbInitialized, VerbProgressed, VerbCompleted:
		if test != "" {
			return "", apperr.Invalid("object.id", msg.XAPIObjectUnknown, st.Object.ID)
		}
	case "":
		return "", apperr.Invalid("verb.id", msg.XAPIFieldMissing, "verb.id")
	default:
		return "", apperr.Invalid("verb.id", msg.XAPIVerbUnknown, st.Verb.ID)
	}
	switch st.Verb.ID {
	case VerbProgressed:
		return Progress, nil
	case VerbCompleted:
		return Completion, nil
	}
	return Redeem, nil
}

// progressOf reads the progress extension, else result.score.scaled.
func progressOf(st statement) (int, error) {
	missing := apperr.Invalid("result.extensions", msg.XAPIFieldMissing, "result.extensions."+ExtProgress)
	if st.Result == nil {
		return 0, missing
	}
	if raw, ok := st.Result.Extensions[ExtProgress]; ok {
		var f float64
		if err := json.Unmarshal(raw, &f); err != nil {
			return 0, missing
		}
		return int(math.Round(f)), nil
	}
	if s := st.Result.Score; s != nil && s.Scaled != nil {
		return int(math.Round(*s.Scaled * 100)), nil
	}
	return 0, missing
}

// scoreOf reads result.score.raw (0-100), else result.score.scaled (0-1).
func scoreOf(st statement) (int, error) {
	if st.Result != nil && st.Result.Score != nil {
		s := st.Result.Score
		if s.Raw != nil {
			return int(math.Round(*s.Raw)), nil
		}
		if s.Scaled != nil {
			return int(math.Round(*s.Scaled * 100)), nil
		}
	}
	return 0, apperr.Invalid("result.score", msg.XAPIFieldMissing, "result.score")
}

func compact(raw json.RawMessage) string {
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return string(raw)
	}
	return b.String()
}
