package curation

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/course"
	"github.com/kartuprakerja/platform/ent/courseassessment"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/schema/schematype"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/audit"
	"github.com/kartuprakerja/platform/internal/curation/indicator"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Assess scores a proposed course on the 52 assessment indicators: a pass
// publishes it, a fail rejects it; the decision (with the indicators not
// met as its reasons) and its audit entry are written in one transaction.
func (s *Service) Assess(ctx context.Context, courseID pulid.ID, scores []schematype.IndicatorScore, notes string) (*ent.CourseAssessment, error) {
	return s.decide(ctx, indicator.Assessment, courseID, scores, notes)
}

// Monitor scores a published course on the 40 monitoring indicators: a
// fail suspends it and refunds its unredeemed purchases, in the same
// transaction as the decision and its audit entry.
func (s *Service) Monitor(ctx context.Context, courseID pulid.ID, scores []schematype.IndicatorScore, notes string) (*ent.CourseAssessment, error) {
	return s.decide(ctx, indicator.Monitoring, courseID, scores, notes)
}

// from is the status a course must be in for each kind of decision.
var from = map[indicator.Kind]course.Status{
	indicator.Assessment: course.StatusProposed,
	indicator.Monitoring: course.StatusPublished,
}

func (s *Service) decide(ctx context.Context, kind indicator.Kind, courseID pulid.ID, scores []schematype.IndicatorScore, notes string) (*ent.CourseAssessment, error) {
	v, err := rule.NeedCourses().Check(ctx)
	if err != nil {
		return nil, err
	}
	if utf8.RuneCountInString(notes) > 2000 {
		return nil, apperr.Invalid("notes", msg.ValueTooLong)
	}
	plain := make([]indicator.Score, len(scores))
	for i, sc := range scores {
		plain[i] = indicator.Score{Code: sc.Code, Met: sc.Met}
	}
	if err := coverage(indicator.Check(kind, plain)); err != nil {
		return nil, err
	}
	res := indicator.Evaluate(kind, plain)
	sys := rule.System(ctx, "curation "+string(kind))
	var out *ent.CourseAssessment
	err = database.WithTx(sys, s.client, func(tx *ent.Tx) error {
		c, err := database.ForUpdate(s.dialect, tx.Course.Query().Where(course.ID(courseID))).Only(sys)
		if ent.IsNotFound(err) {
			return apperr.E(apperr.NotFound, msg.CourseNotFound).InField("courseId")
		}
		if err != nil {
			return fmt.Errorf("course %s: %w", courseID, err)
		}
		if c.Status != from[kind] {
			return conflictOf(kind)
		}
		reasons := make([]string, len(res.NotMet))
		for i, code := range res.NotMet {
			reasons[i] = string(msg.Indicator(code))
		}
		out, err = tx.CourseAssessment.Create().SetCourseID(c.ID).SetTrainingInstitutionID(c.TrainingInstitutionID).
			SetAssessorID(v.AccountID).SetKind(courseassessment.Kind(kind)).SetScores(scores).
			SetMet(res.Met).SetTotal(res.Total).SetPassed(res.Passed).SetReasons(reasons).
			SetNotes(notes).SetCreatedAt(s.now()).Save(sys)
		if err != nil {
			return fmt.Errorf("record %s: %w", kind, err)
		}
		refunded, err := s.apply(sys, tx, kind, c, res)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx.Client(), audit.Entry{Action: "course." + string(kind), TargetType: "Course",
			TargetID: c.ID, Reason: outcome(kind, res.Passed), Detail: map[string]string{
				"assessment": string(out.ID), "met": strconv.Itoa(res.Met), "total": strconv.Itoa(res.Total),
				"failed": strings.Join(res.Failed, ","), "refunded": strconv.Itoa(refunded)}})
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil // off the committed transaction: the resolvers load its edges
}

// apply moves the course to its new status: published or rejected after an
// assessment, suspended (with the refunds) after a failed monitoring.
func (s *Service) apply(ctx context.Context, tx *ent.Tx, kind indicator.Kind, c *ent.Course, res indicator.Result) (int, error) {
	now := s.now()
	up := tx.Course.UpdateOneID(c.ID)
	refunded := 0
	switch {
	case kind == indicator.Assessment && res.Passed:
		up.SetStatus(course.StatusPublished).SetPublishedAt(now).SetAssessmentScore(res.Met)
	case kind == indicator.Assessment:
		up.SetStatus(course.StatusRejected).SetAssessmentScore(res.Met)
	case res.Passed:
		return 0, nil
	default:
		up.SetStatus(course.StatusSuspended).SetSuspendedAt(now)
		if s.refunder == nil {
			s.log.WarnContext(ctx, "course suspended without a refunder: unredeemed purchases not refunded", "course", c.ID)
		} else {
			n, err := s.refunder.RefundUnredeemed(ctx, tx, c.ID, "course suspended by monitoring")
			if err != nil {
				return 0, fmt.Errorf("refund unredeemed purchases of %s: %w", c.ID, err)
			}
			refunded = n
		}
	}
	if err := up.Exec(ctx); err != nil {
		return 0, fmt.Errorf("course %s after %s: %w", c.ID, kind, err)
	}
	return refunded, nil
}

func outcome(kind indicator.Kind, passed bool) string {
	switch {
	case kind == indicator.Assessment && passed:
		return "assessment passed: published"
	case kind == indicator.Assessment:
		return "assessment failed: rejected"
	case passed:
		return "monitoring passed"
	}
	return "monitoring failed: suspended"
}

func conflictOf(kind indicator.Kind) error {
	if kind == indicator.Assessment {
		return apperr.E(apperr.Conflict, msg.CourseNotProposed)
	}
	return apperr.E(apperr.Conflict, msg.CourseNotPublished)
}

// coverage turns a coverage error into BAD_USER_INPUT naming the codes.
func coverage(err error) error {
	ce, ok := err.(*indicator.CoverageError)
	if !ok {
		return err
	}
	f := map[string]msg.Text{}
	if len(ce.Unknown) > 0 {
		f["scores.unknown"] = msg.T(msg.ScoresUnknown, strings.Join(ce.Unknown, ", "))
	}
	if len(ce.Duplicate) > 0 {
		f["scores.duplicate"] = msg.T(msg.ScoresDuplicate, strings.Join(ce.Duplicate, ", "))
	}
	if len(ce.Missing) > 0 {
		f["scores.missing"] = msg.T(msg.ScoresMissing, strings.Join(ce.Missing, ", "))
	}
	return apperr.InvalidFields(msg.ScoresInvalid, f)
}
