package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/survey"
	"github.com/kartuprakerja/platform/ent/surveyquestion"
	"github.com/kartuprakerja/platform/ent/surveyresponse"
	"github.com/kartuprakerja/platform/internal/auth"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/sms"
	"github.com/kartuprakerja/platform/internal/viewer"
)

const chunk = 1000 // rows per bulk insert (SQLite's variable limit)

func phoneOf(i int) string { return fmt.Sprintf("+62858%08d", i) }

// addPaidRecipients creates n recipients whose first incentive was sent 61
// days ago: every evaluation survey is open for them.
func addPaidRecipients(ctx context.Context, c *ent.Client, n int) error {
	sys := rule.System(ctx, "bench")
	regency, err := c.Regency.Query().FirstID(sys)
	if err != nil {
		return fmt.Errorf("regency: %w", err)
	}
	sent := time.Now().Add(-61 * 24 * time.Hour)
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		var accts []*ent.AccountCreate
		for i := lo; i < hi; i++ {
			accts = append(accts, c.Account.Create().SetPhone(phoneOf(i)).SetRole(viewer.RoleRecipient))
		}
		as, err := c.Account.CreateBulk(accts...).Save(sys)
		if err != nil {
			return fmt.Errorf("accounts: %w", err)
		}
		var recs []*ent.RecipientCreate
		for i, a := range as {
			recs = append(recs, c.Recipient.Create().SetAccountID(a.ID).
				SetNik(fmt.Sprintf("3273014%05d%04d", lo+i, 1)).SetKkNumber(fmt.Sprintf("3273019%09d", lo+i)).
				SetFullName("Penerima Uji").SetBirthDate(time.Date(1995, 5, 5, 0, 0, 0, 0, time.UTC)).
				SetGender("female").SetRegencyID(regency).SetArea("rural").SetEducation("primary").
				SetEmployment("not_working").SetStatus("recipient").SetTrainingBalance(0))
		}
		rs, err := c.Recipient.CreateBulk(recs...).Save(sys)
		if err != nil {
			return fmt.Errorf("recipients: %w", err)
		}
		var pays []*ent.PayoutCreate
		for _, r := range rs {
			pays = append(pays, c.Payout.Create().SetRecipientID(r.ID).SetKind("incentive").SetInstallment(1).
				SetAmount(600_000).SetScheduledFor(sent).SetStatus("sent").SetSentAt(sent).
				SetIdempotencyKey(fmt.Sprintf("incentive:%s:1", r.ID)))
		}
		if err := c.Payout.CreateBulk(pays...).Exec(sys); err != nil {
			return fmt.Errorf("payouts: %w", err)
		}
	}
	return nil
}

// signIn signs the n recipients in through the one-time-code flow (in
// process: the load is the survey submissions) and returns their tokens.
func signIn(ctx context.Context, a *auth.Service, rec *sms.Recorder, n int) ([]string, error) {
	out := make([]string, 0, n)
	for i := range n {
		sent, err := a.RequestCode(ctx, phoneOf(i))
		if err != nil {
			return nil, fmt.Errorf("request code: %w", err)
		}
		var code string
		if _, err := fmt.Sscanf(rec.Last(sent.Phone), "Kode masuk Kartu Prakerja: %6s", &code); err != nil {
			return nil, fmt.Errorf("read code: %w", err)
		}
		s, err := a.SignIn(ctx, sent.Phone, code, "surveyload")
		if err != nil {
			return nil, fmt.Errorf("sign in: %w", err)
		}
		out = append(out, s.Token)
	}
	return out, nil
}

// job is one submission: a recipient's token and the request body.
type job struct {
	token string
	body  []byte
}

const submitMutation = `mutation($in: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $in) { id } }`

// buildJobs prepares one submission per recipient and survey, survey by
// survey, so concurrent submissions come from different recipients.
func buildJobs(ctx context.Context, c *ent.Client, tokens []string) ([]job, error) {
	surveys, err := c.Survey.Query().Where(survey.Active(true)).Order(ent.Asc(survey.FieldOrdinal)).
		WithQuestions(func(q *ent.SurveyQuestionQuery) { q.Order(ent.Asc(surveyquestion.FieldPosition)) }).
		All(rule.System(ctx, "bench"))
	if err != nil {
		return nil, err
	}
	answeredAt := time.Now().Add(-time.Hour).UTC().Format(time.RFC3339Nano)
	var jobs []job
	for _, sv := range surveys {
		answers := answersTo(sv)
		for u, token := range tokens {
			body, err := json.Marshal(map[string]any{"query": submitMutation, "variables": map[string]any{
				"in": map[string]any{"clientId": fmt.Sprintf("load-%s-%d", sv.Code, u), "surveyId": sv.ID,
					"answeredAt": answeredAt, "answers": answers}}})
			if err != nil {
				return nil, err
			}
			jobs = append(jobs, job{token: token, body: body})
		}
	}
	return jobs, nil
}

// answersTo answers every question of sv validly.
func answersTo(sv *ent.Survey) []map[string]any {
	var out []map[string]any
	for _, q := range sv.Edges.Questions {
		a := map[string]any{"questionId": q.ID}
		switch q.Kind {
		case surveyquestion.KindSingle:
			a["choices"] = []string{q.Options[0].Value}
		case surveyquestion.KindLikert:
			a["choices"] = []string{q.Options[len(q.Options)-2].Value}
		case surveyquestion.KindMultiple:
			a["choices"] = []string{q.Options[0].Value, q.Options[1].Value}
		case surveyquestion.KindNumber:
			n := int64(3)
			if q.Min != nil && *q.Min > n {
				n = *q.Min
			}
			a["number"] = n
		case surveyquestion.KindText:
			a["text"] = "Pelatihannya bermanfaat, semoga programnya berlanjut."
		}
		out = append(out, a)
	}
	return out
}

func countResponses(ctx context.Context, c *ent.Client) (int, error) {
	return c.SurveyResponse.Query().Where(surveyresponse.ClientIDHasPrefix("load-")).
		Count(rule.System(ctx, "bench"))
}
