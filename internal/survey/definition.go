package survey

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/survey"
	"github.com/kartuprakerja/platform/ent/surveyquestion"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
)

// byPosition loads a survey's questions in the order they are asked.
func byPosition(q *ent.SurveyQuestionQuery) {
	q.Order(ent.Asc(surveyquestion.FieldPosition), ent.Asc(surveyquestion.FieldID))
}

// withOrderedQuestions eager-loads the survey's questions in order, for the
// service (Edges.Questions) and for GraphQL: the generated resolver of
// Survey.questions reads the edge loaded under the field's name and would
// otherwise query it again, unordered.
func withOrderedQuestions(q *ent.SurveyQuery) *ent.SurveyQuery {
	return q.WithQuestions(byPosition).WithNamedQuestions("questions", byPosition)
}

// definition returns the active survey with its questions in order, from
// the cache when fresh; NOT_FOUND when it does not exist or is inactive.
// The returned survey is shared: callers only read it.
func (s *Service) definition(ctx context.Context, id pulid.ID) (*ent.Survey, error) {
	if sv := s.defs.get(id); sv != nil {
		return sv, nil
	}
	sv, err := s.client.Survey.Query().Where(survey.ID(id), survey.Active(true)).
		WithQuestions(byPosition).Only(ctx)
	switch {
	case ent.IsNotFound(err):
		return nil, apperr.E(apperr.NotFound, msg.SurveyNotFound).InField("surveyId")
	case err != nil:
		return nil, fmt.Errorf("load survey %s: %w", id, err)
	}
	s.defs.put(id, sv)
	return sv, nil
}

// definitions caches active surveys with their questions for a short time:
// every submission needs them and they change a few times a year. An
// admin's edit (or deactivation) reaches ingestion within the TTL.
type definitions struct {
	ttl time.Duration
	mu  sync.Mutex
	m   map[pulid.ID]cachedSurvey
}

type cachedSurvey struct {
	sv      *ent.Survey
	expires time.Time
}

func newDefinitions(ttl time.Duration) *definitions {
	return &definitions{ttl: ttl, m: map[pulid.ID]cachedSurvey{}}
}

func (d *definitions) get(id pulid.ID) *ent.Survey {
	d.mu.Lock()
	defer d.mu.Unlock()
	c, ok := d.m[id]
	if !ok || time.Now().After(c.expires) {
		return nil
	}
	return c.sv
}

func (d *definitions) put(id pulid.ID, sv *ent.Survey) {
	if d.ttl <= 0 {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.m[id] = cachedSurvey{sv: sv, expires: time.Now().Add(d.ttl)}
}
