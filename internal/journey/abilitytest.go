package journey

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/question"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/schema/schematype"
	"github.com/kartuprakerja/platform/ent/testattempt"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// AbilityTest is an attempt with its questions (never the answer key).
type AbilityTest struct {
	Attempt     *ent.TestAttempt
	Questions   []TestQuestion
	SecondsLeft int
	PassMark    int
}

// TestQuestion is a question as the applicant sees it.
type TestQuestion struct {
	ID      pulid.ID
	Prompt  string
	Choices []string
	Answer  *int
}

// The rules of the ability test: an attempt lasts TestDuration; answers are
// saved one by one; an attempt is scored when submitted or, lazily, when it
// is read after its deadline. A failed attempt may be retried after
// TestRetryAfter, at most MaxTestAttempts in all. Only verified applicants
// take the test; passing it once is enough for every later wave.

// StartAbilityTest starts an attempt or resumes the one in progress.
func (s *Service) StartAbilityTest(ctx context.Context, locale string) (*AbilityTest, error) {
	r, err := s.verifiedApplicant(ctx, "journey.ability_test.start")
	if err != nil {
		return nil, err
	}
	sys := rule.System(ctx, "ability test for its owner")
	attempts, err := s.attempts(sys, r.ID)
	if err != nil {
		return nil, err
	}
	if len(attempts) > 0 && attempts[0].SubmittedAt == nil {
		return s.view(sys, attempts[0], locale)
	}
	if err := s.mayStart(attempts); err != nil {
		return nil, err
	}
	ids, err := s.drawQuestions(sys)
	if err != nil {
		return nil, err
	}
	a, err := s.client.TestAttempt.Create().SetRecipientID(r.ID).SetKind(testattempt.KindAbility).
		SetQuestionIds(ids).SetDeadline(s.now().Add(s.cfg.TestDuration)).Save(sys)
	if err != nil {
		return nil, fmt.Errorf("start test: %w", err)
	}
	return s.view(sys, a, locale)
}

// MyAbilityTest returns the attempt in progress, or nil.
func (s *Service) MyAbilityTest(ctx context.Context, locale string) (*AbilityTest, error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.RecipientID == "" {
		return nil, nil
	}
	sys := rule.System(ctx, "ability test for its owner")
	attempts, err := s.attempts(sys, v.RecipientID)
	if err != nil || len(attempts) == 0 || attempts[0].SubmittedAt != nil {
		return nil, err
	}
	return s.view(sys, attempts[0], locale)
}

// attempts returns the recipient's ability attempts, newest first, scoring
// any whose deadline passed.
func (s *Service) attempts(ctx context.Context, rid pulid.ID) ([]*ent.TestAttempt, error) {
	all, err := s.client.TestAttempt.Query().
		Where(testattempt.RecipientID(rid), testattempt.KindEQ(testattempt.KindAbility)).
		Order(ent.Desc(testattempt.FieldCreatedAt)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("load attempts: %w", err)
	}
	for i, a := range all {
		if a.SubmittedAt == nil && !s.now().Before(a.Deadline) {
			if all[i], err = s.score(ctx, a); err != nil {
				return nil, err
			}
		}
	}
	return all, nil
}

func (s *Service) mayStart(attempts []*ent.TestAttempt) error {
	for _, a := range attempts {
		if a.Passed != nil && *a.Passed {
			return apperr.E(apperr.Conflict, msg.TestPassed)
		}
	}
	if len(attempts) >= s.cfg.MaxTestAttempts {
		return apperr.E(apperr.Forbidden, msg.TestAttemptsUsed, s.cfg.MaxTestAttempts)
	}
	if len(attempts) > 0 {
		if opens := attempts[0].SubmittedAt.Add(s.cfg.TestRetryAfter); opens.After(s.now()) {
			return apperr.E(apperr.RateLimited, msg.TestRetryFrom, msg.At(opens))
		}
	}
	return nil
}

func (s *Service) drawQuestions(ctx context.Context) ([]string, error) {
	ids, err := s.client.Question.Query().
		Where(question.TestEQ(question.TestAbility), question.Active(true)).IDs(ctx)
	if err != nil {
		return nil, fmt.Errorf("load question bank: %w", err)
	}
	if len(ids) < s.cfg.TestQuestions {
		return nil, apperr.E(apperr.Unavailable, msg.QuestionBankEmpty)
	}
	rand.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	out := make([]string, s.cfg.TestQuestions)
	for i := range out {
		out[i] = string(ids[i])
	}
	return out, nil
}

// AnswerAbilityTest saves one answer of the viewer's attempt in progress.
// Only the recipient who owns it may (staff read attempts, but never answer).
func (s *Service) AnswerAbilityTest(ctx context.Context, attemptID, questionID pulid.ID, choice int, locale string) (*TestQuestion, error) {
	if _, err := rule.RequireRecipient(ctx, "journey.ability_test.answer", msg.RegisterFirst); err != nil {
		return nil, err
	}
	var out *TestQuestion
	err := withTx(ctx, s.client, func(tx *ent.Tx) error {
		a, err := s.openAttempt(ctx, tx, attemptID)
		if err != nil {
			return err
		}
		if !slices.Contains(a.QuestionIds, string(questionID)) {
			return apperr.Invalid("questionId", msg.TestQuestionUnknown)
		}
		q, err := tx.Question.Get(rule.System(ctx, "the answer key's question, for its choices"), questionID)
		if err != nil {
			return err
		}
		if choice < 0 || choice >= len(q.ChoicesID) {
			return apperr.Invalid("choice", msg.TestChoiceUnknown)
		}
		answers := setAnswer(a.Answers, string(questionID), choice)
		// As the viewer: the attempt's policy lets its owner save answers.
		if err := tx.TestAttempt.UpdateOneID(a.ID).SetAnswers(answers).Exec(ctx); err != nil {
			return fmt.Errorf("save answer: %w", err)
		}
		out = &TestQuestion{ID: q.ID, Prompt: pick(locale, q.PromptID, q.PromptEn),
			Choices: pickChoices(locale, q.ChoicesID, q.ChoicesEn), Answer: &choice}
		return nil
	})
	return out, err
}

// openAttempt loads the viewer's own attempt (privacy-filtered) that is
// still open, locked against a concurrent answer.
func (s *Service) openAttempt(ctx context.Context, tx *ent.Tx, id pulid.ID) (*ent.TestAttempt, error) {
	q := database.ForUpdate(s.dialect, tx.TestAttempt.Query().Where(testattempt.ID(id)))
	a, err := q.Only(ctx)
	if err != nil {
		return nil, err
	}
	if a.SubmittedAt != nil || !s.now().Before(a.Deadline) {
		return nil, apperr.E(apperr.Conflict, msg.TestOver)
	}
	return a, nil
}

func setAnswer(answers []schematype.TestAnswer, qid string, choice int) []schematype.TestAnswer {
	out := slices.DeleteFunc(slices.Clone(answers), func(a schematype.TestAnswer) bool { return a.QuestionID == qid })
	return append(out, schematype.TestAnswer{QuestionID: qid, Choice: choice})
}

// SubmitAbilityTest scores the viewer's attempt (its owner's only, as for
// answers).
func (s *Service) SubmitAbilityTest(ctx context.Context, attemptID pulid.ID) (*ent.TestAttempt, error) {
	if _, err := rule.RequireRecipient(ctx, "journey.ability_test.submit", msg.RegisterFirst); err != nil {
		return nil, err
	}
	a, err := s.client.TestAttempt.Get(ctx, attemptID) // privacy: own attempts only
	if err != nil {
		return nil, err
	}
	if a.SubmittedAt != nil {
		return a, nil // already scored: submitting again is harmless
	}
	return s.score(rule.System(ctx, "score own attempt"), a)
}

// score marks the attempt submitted with its score, once.
func (s *Service) score(ctx context.Context, a *ent.TestAttempt) (*ent.TestAttempt, error) {
	keys, err := s.client.Question.Query().Where(question.IDIn(toIDs(a.QuestionIds)...)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("load answer key: %w", err)
	}
	correct := map[string]int{}
	for _, q := range keys {
		correct[string(q.ID)] = q.Answer
	}
	right := 0
	for _, ans := range a.Answers {
		if c, ok := correct[ans.QuestionID]; ok && c == ans.Choice {
			right++
		}
	}
	score := 0
	if n := len(a.QuestionIds); n > 0 {
		score = right * 100 / n
	}
	submitted := s.now()
	if submitted.After(a.Deadline) {
		submitted = a.Deadline
	}
	n, err := s.client.TestAttempt.Update().
		Where(testattempt.ID(a.ID), testattempt.SubmittedAtIsNil()).
		SetSubmittedAt(submitted).SetScore(score).SetPassed(score >= s.cfg.PassMark).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("score attempt: %w", err)
	}
	_ = n // zero when a concurrent call scored it first; the stored score is the same
	return s.client.TestAttempt.Get(ctx, a.ID)
}

func (s *Service) view(ctx context.Context, a *ent.TestAttempt, locale string) (*AbilityTest, error) {
	qs, err := s.client.Question.Query().Where(question.IDIn(toIDs(a.QuestionIds)...)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("load questions: %w", err)
	}
	byID := map[string]*ent.Question{}
	for _, q := range qs {
		byID[string(q.ID)] = q
	}
	given := map[string]int{}
	for _, ans := range a.Answers {
		given[ans.QuestionID] = ans.Choice
	}
	out := &AbilityTest{Attempt: a, PassMark: s.cfg.PassMark,
		SecondsLeft: max(0, int(a.Deadline.Sub(s.now()).Seconds()))}
	for _, id := range a.QuestionIds {
		q := byID[id]
		if q == nil {
			continue
		}
		tq := TestQuestion{ID: q.ID, Prompt: pick(locale, q.PromptID, q.PromptEn),
			Choices: pickChoices(locale, q.ChoicesID, q.ChoicesEn)}
		if c, ok := given[id]; ok {
			tq.Answer = &c
		}
		out.Questions = append(out.Questions, tq)
	}
	return out, nil
}

// verifiedApplicant returns the viewer's recipient if it may take the test.
func (s *Service) verifiedApplicant(ctx context.Context, action string) (*ent.Recipient, error) {
	v, err := rule.RequireRecipient(ctx, action, msg.RegisterFirst)
	if err != nil {
		return nil, err
	}
	r, err := s.client.Recipient.Get(ctx, v.RecipientID)
	if err != nil {
		return nil, err
	}
	if r.Status != recipient.StatusVerified {
		return nil, apperr.E(apperr.Forbidden, msg.VerifiedApplicantOnly)
	}
	return r, nil
}

// passedAbilityTest reports whether the recipient passed the test.
func (s *Service) passedAbilityTest(ctx context.Context, rid pulid.ID) (bool, error) {
	attempts, err := s.attempts(ctx, rid)
	if err != nil {
		return false, err
	}
	for _, a := range attempts {
		if a.Passed != nil && *a.Passed {
			return true, nil
		}
	}
	return false, nil
}

func toIDs(ss []string) []pulid.ID {
	out := make([]pulid.ID, len(ss))
	for i, s := range ss {
		out[i] = pulid.ID(s)
	}
	return out
}

func pick(locale, id, en string) string {
	if locale == "en" && en != "" {
		return en
	}
	return id
}

func pickChoices(locale string, id, en []string) []string {
	if locale == "en" && len(en) == len(id) {
		return en
	}
	return id
}
