package curation

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/course"
	"github.com/kartuprakerja/platform/ent/courseproposal"
	"github.com/kartuprakerja/platform/ent/digitalplatform"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Proposal is what an institution proposes.
type Proposal struct {
	Title, Description string
	Outline            []string
	Category           course.Category
	Method             course.Method
	Price              money.Rupiah
	DurationHours      int
	Instructor         string
	Tags               []string
	PlatformIDs        []pulid.ID
	PlatformCodes      []string // resolved to ids and added to PlatformIDs
}

// Propose creates a proposed course of the viewer's institution, or returns
// the course an earlier call with the same key created. The same key with
// another proposal is CONFLICT. A rejected course is proposed again with a
// new key: a new proposal, assessed afresh (the rejected one stays, with its
// assessment, as the record).
func (s *Service) Propose(ctx context.Context, p Proposal, key string) (*ent.Course, error) {
	return s.propose(ctx, p, key, true)
}

func (s *Service) propose(ctx context.Context, p Proposal, key string, retry bool) (*ent.Course, error) {
	v, err := rule.NeedProposeCourse().Check(ctx)
	if err != nil {
		return nil, err
	}
	if key == "" || utf8.RuneCountInString(key) > MaxKeyLen {
		return nil, apperr.Invalid("idempotencyKey", msg.ProposalKeyInvalid)
	}
	if err := validate(p); err != nil {
		return nil, err
	}
	hash := p.hash()
	sys := rule.System(ctx, "course proposal")
	var out *ent.Course
	err = database.WithTx(sys, s.client, func(tx *ent.Tx) error {
		prior, err := tx.CourseProposal.Query().Where(courseproposal.TrainingInstitutionID(v.OrgID),
			courseproposal.IdempotencyKey(key)).Only(sys)
		switch {
		case err == nil && prior.RequestHash != hash:
			return apperr.E(apperr.Conflict, msg.ProposalKeyReused).InField("idempotencyKey")
		case err == nil:
			out, err = tx.Course.Get(sys, prior.CourseID)
			return err
		case !ent.IsNotFound(err):
			return fmt.Errorf("proposal by key: %w", err)
		}
		platforms, err := s.platforms(sys, tx, p)
		if err != nil {
			return err
		}
		out, err = tx.Course.Create().SetTitle(strings.TrimSpace(p.Title)).SetDescription(p.Description).
			SetOutline(p.Outline).SetTags(p.Tags).SetInstructor(strings.TrimSpace(p.Instructor)).
			SetCategory(p.Category).SetMethod(p.Method).SetPrice(p.Price).SetDurationHours(p.DurationHours).
			SetTrainingInstitutionID(v.OrgID).SetStatus(course.StatusProposed).
			AddPlatformIDs(platforms...).Save(sys)
		if err != nil {
			return fmt.Errorf("create course: %w", err)
		}
		return tx.CourseProposal.Create().SetTrainingInstitutionID(v.OrgID).SetIdempotencyKey(key).
			SetRequestHash(hash).SetCourseID(out.ID).Exec(sys)
	})
	if retry && ent.IsConstraintError(err) { // a concurrent call with the same key won: replay it
		return s.propose(ctx, p, key, false)
	}
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil // off the committed transaction: the resolvers load its edges
}

// validate checks a proposal's fields, all in one pass.
func validate(p Proposal) error {
	f := map[string]msg.Text{}
	bad := func(field string, key msg.Key) { f[field] = msg.T(key) }
	if t := strings.TrimSpace(p.Title); t == "" {
		bad("title", msg.ValueRequired)
	} else if utf8.RuneCountInString(t) > 200 {
		bad("title", msg.ValueTooLong)
	}
	if strings.TrimSpace(p.Description) == "" {
		bad("description", msg.ValueRequired)
	} else if utf8.RuneCountInString(p.Description) > 5000 {
		bad("description", msg.ValueTooLong)
	}
	if len(p.Outline) == 0 || len(p.Outline) > 50 {
		bad("outline", msg.ProposalOutline)
	}
	for i, m := range p.Outline {
		if strings.TrimSpace(m) == "" || utf8.RuneCountInString(m) > 200 {
			bad(fmt.Sprintf("outline.%d", i), msg.ProposalOutline)
		}
	}
	if p.Price < 1 || p.Price > MaxPrice {
		bad("price", msg.ProposalPrice)
	}
	if p.DurationHours < 1 || p.DurationHours > MaxHours {
		bad("durationHours", msg.ProposalHours)
	}
	if strings.TrimSpace(p.Instructor) == "" {
		bad("instructor", msg.ValueRequired)
	} else if utf8.RuneCountInString(p.Instructor) > 120 {
		bad("instructor", msg.ValueTooLong)
	}
	if len(p.Tags) > MaxTags {
		bad("tags", msg.ProposalTags)
	}
	for i, t := range p.Tags {
		if strings.TrimSpace(t) == "" || utf8.RuneCountInString(t) > MaxTagLen {
			bad(fmt.Sprintf("tags.%d", i), msg.ProposalTags)
		}
	}
	if n := len(p.PlatformIDs) + len(p.PlatformCodes); n == 0 || n > 7 ||
		len(slices.Compact(slices.Sorted(slices.Values(p.PlatformIDs)))) != len(p.PlatformIDs) ||
		len(slices.Compact(slices.Sorted(slices.Values(p.PlatformCodes)))) != len(p.PlatformCodes) {
		bad("platformIds", msg.ProposalPlatforms)
	}
	if course.CategoryValidator(p.Category) != nil {
		bad("category", msg.ValueInvalid)
	}
	if course.MethodValidator(p.Method) != nil {
		bad("method", msg.ValueInvalid)
	}
	return apperr.InvalidFields(msg.ProposalInvalid, f)
}

// platforms returns the proposal's platforms (ids, then codes), refusing
// those that do not exist or are not active, and a platform named twice.
func (s *Service) platforms(ctx context.Context, tx *ent.Tx, p Proposal) ([]pulid.ID, error) {
	f := map[string]msg.Text{}
	var out []pulid.ID
	add := func(field string, q *ent.DigitalPlatformQuery) error {
		id, err := q.Where(digitalplatform.Active(true)).OnlyID(ctx)
		switch {
		case ent.IsNotFound(err), err == nil && slices.Contains(out, id):
			f[field] = msg.T(msg.ProposalPlatformAbsent)
		case err != nil:
			return fmt.Errorf("platform %s: %w", field, err)
		default:
			out = append(out, id)
		}
		return nil
	}
	for i, id := range p.PlatformIDs {
		if err := add(fmt.Sprintf("platformIds.%d", i), tx.DigitalPlatform.Query().Where(digitalplatform.ID(id))); err != nil {
			return nil, err
		}
	}
	for i, code := range p.PlatformCodes {
		if err := add(fmt.Sprintf("platformCodes.%d", i), tx.DigitalPlatform.Query().Where(digitalplatform.CodeEqualFold(code))); err != nil {
			return nil, err
		}
	}
	return out, apperr.InvalidFields(msg.ProposalInvalid, f)
}

// hash identifies a proposal's content, for the idempotency check.
func (p Proposal) hash() string {
	b, _ := json.Marshal(p) // plain strings and numbers: cannot fail
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
