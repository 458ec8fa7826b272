// Package support owns the complaint desk as the app meets it: a complaint
// written on the phone (often offline, queued in the outbox) arrives once,
// however many times the outbox has to send it.
package support

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/complaint"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Service files complaints.
type Service struct{ client *ent.Client }

// New returns a Service.
func New(c *ent.Client) *Service { return &Service{client: c} }

// Complaint is what the complaint form sends; ClientID is the outbox's
// idempotency key.
type Complaint struct {
	ClientID, Subject, Body string
	Category                complaint.Category
}

// Submit files the viewer's complaint. Sending the same client id again
// returns the complaint filed the first time; a client id used by another
// account is refused.
func (s *Service) Submit(ctx context.Context, in Complaint) (*ent.Complaint, error) {
	v, err := rule.Require(ctx, "support.complaint.submit")
	if err != nil {
		return nil, err
	}
	in.Subject, in.Body = strings.TrimSpace(in.Subject), strings.TrimSpace(in.Body)
	if err := validate(in); err != nil {
		return nil, err
	}
	if c, err := s.byClientID(ctx, in.ClientID); c != nil || err != nil {
		return c, err
	}
	c, err := s.client.Complaint.Create().SetAccountID(v.AccountID).SetClientID(in.ClientID).
		SetChannel(complaint.ChannelForm).SetCategory(in.Category).SetSubject(in.Subject).SetBody(in.Body).Save(ctx)
	if ent.IsConstraintError(err) { // the same id sent twice at once, or another account's id
		if c, err := s.byClientID(ctx, in.ClientID); c != nil || err != nil {
			return c, err
		}
		return nil, apperr.E(apperr.Conflict, msg.ComplaintOtherAccount)
	}
	if err != nil {
		return nil, fmt.Errorf("file complaint: %w", err)
	}
	return c, nil
}

// byClientID returns the viewer's complaint with that client id, if any
// (the privacy policy hides other accounts' complaints).
func (s *Service) byClientID(ctx context.Context, id string) (*ent.Complaint, error) {
	c, err := s.client.Complaint.Query().Where(complaint.ClientID(id)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return c, err
}

func validate(in Complaint) error {
	fields := map[string]msg.Text{}
	if in.ClientID == "" || len(in.ClientID) > 64 {
		fields["clientId"] = msg.T(msg.ComplaintClientID)
	}
	if complaint.CategoryValidator(in.Category) != nil {
		fields["category"] = msg.T(msg.ComplaintCategory)
	}
	if in.Subject == "" || utf8.RuneCountInString(in.Subject) > 200 {
		fields["subject"] = msg.T(msg.ComplaintSubject)
	}
	if in.Body == "" || utf8.RuneCountInString(in.Body) > 2000 {
		fields["body"] = msg.T(msg.ComplaintBody)
	}
	return apperr.InvalidFields(msg.ComplaintIncomplete, fields)
}
