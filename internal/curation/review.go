package curation

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/course"
	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/ent/review"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/audit"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

// WriteReview records the viewer's review of its own completed purchase,
// once, and recomputes the course's average and count from its visible
// reviews in the same transaction, under a lock on the course row.
func (s *Service) WriteReview(ctx context.Context, purchaseID pulid.ID, rating int, body string) (*ent.Review, error) {
	v, err := rule.RequireRecipient(ctx, "review.write", "")
	if err != nil {
		return nil, err
	}
	if rating < 1 || rating > 5 {
		return nil, apperr.Invalid("rating", msg.ReviewRating)
	}
	body = strings.TrimSpace(body)
	if len(body) > MaxReviewLen { // bytes, as the column: 2,000 letters of plain Indonesian
		return nil, apperr.Invalid("body", msg.ValueTooLong)
	}
	sys := rule.System(ctx, "review by its recipient")
	var out *ent.Review
	err = database.WithTx(sys, s.client, func(tx *ent.Tx) error {
		p, err := tx.Purchase.Query().Where(purchase.ID(purchaseID), purchase.RecipientID(v.RecipientID)).Only(sys)
		if ent.IsNotFound(err) {
			return apperr.E(apperr.NotFound, msg.ReviewPurchaseNotFound).InField("purchaseId")
		}
		if err != nil {
			return fmt.Errorf("purchase %s: %w", purchaseID, err)
		}
		if p.Status != purchase.StatusCompleted {
			return apperr.E(apperr.Conflict, msg.ReviewNotCompleted)
		}
		if err := s.lockCourse(sys, tx, p.CourseID); err != nil {
			return err
		}
		if n, err := tx.Review.Query().Where(review.PurchaseID(p.ID)).Count(sys); err != nil || n > 0 {
			return reviewExists(err)
		}
		out, err = tx.Review.Create().SetRecipientID(v.RecipientID).SetCourseID(p.CourseID).SetPurchaseID(p.ID).
			SetRating(rating).SetBody(body).Save(sys)
		if ent.IsConstraintError(err) {
			return reviewExists(nil)
		}
		if err != nil {
			return fmt.Errorf("create review: %w", err)
		}
		return s.recount(sys, tx, p.CourseID)
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil // off the committed transaction: the resolvers load its edges
}

func reviewExists(err error) error {
	if err != nil {
		return fmt.Errorf("reviews of the purchase: %w", err)
	}
	return apperr.E(apperr.Conflict, msg.ReviewExists)
}

// HideReview hides an abusive review for a reason its author is shown; the
// course's average and count no longer include it. Audited.
func (s *Service) HideReview(ctx context.Context, reviewID pulid.ID, reason string) (*ent.Review, error) {
	v, err := rule.NeedReviewModeration().Check(ctx)
	if err != nil {
		return nil, err
	}
	reason = strings.TrimSpace(reason)
	if n := utf8.RuneCountInString(reason); n < MinHideLen || n > 500 {
		return nil, apperr.Invalid("reason", msg.HideReasonShort)
	}
	sys := rule.System(ctx, "review moderation")
	var out *ent.Review
	err = database.WithTx(sys, s.client, func(tx *ent.Tx) error {
		r, err := tx.Review.Get(sys, reviewID)
		if ent.IsNotFound(err) {
			return apperr.E(apperr.NotFound, msg.ReviewNotFound).InField("reviewId")
		}
		if err != nil {
			return fmt.Errorf("review %s: %w", reviewID, err)
		}
		if err := s.lockCourse(sys, tx, r.CourseID); err != nil {
			return err
		}
		if r.HiddenAt != nil {
			return apperr.E(apperr.Conflict, msg.ReviewHidden)
		}
		out, err = tx.Review.UpdateOne(r).SetHiddenAt(s.now()).SetHiddenReason(reason).SetHiddenByID(v.AccountID).Save(sys)
		if err != nil {
			return fmt.Errorf("hide review: %w", err)
		}
		if err := s.recount(sys, tx, r.CourseID); err != nil {
			return err
		}
		return audit.Record(ctx, tx.Client(), audit.Entry{Action: "review.hide", TargetType: "Review",
			TargetID: r.ID, Reason: reason, Detail: map[string]string{"course": string(r.CourseID)}})
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

// lockCourse takes the course row's lock (PostgreSQL; SQLite has one writer)
// so concurrent reviews of one course recount one after the other.
func (s *Service) lockCourse(ctx context.Context, tx *ent.Tx, id pulid.ID) error {
	if _, err := database.ForUpdate(s.dialect, tx.Course.Query().Where(course.ID(id))).OnlyID(ctx); err != nil {
		return fmt.Errorf("lock course %s: %w", id, err)
	}
	return nil
}

// recount sets the course's rating average and count from its visible
// reviews.
func (s *Service) recount(ctx context.Context, tx *ent.Tx, courseID pulid.ID) error {
	var rows []struct {
		Count int     `json:"count"`
		Sum   float64 `json:"sum"`
	}
	err := tx.Review.Query().Where(review.CourseID(courseID), review.HiddenAtIsNil()).
		Aggregate(ent.Count(), ent.As(ent.Sum(review.FieldRating), "sum")).Scan(ctx, &rows)
	if err != nil {
		return fmt.Errorf("recount reviews of %s: %w", courseID, err)
	}
	n, avg := 0, 0.0
	if len(rows) == 1 && rows[0].Count > 0 {
		n, avg = rows[0].Count, rows[0].Sum/float64(rows[0].Count)
	}
	return tx.Course.UpdateOneID(courseID).SetRatingCount(n).SetRatingAverage(avg).Exec(ctx)
}
