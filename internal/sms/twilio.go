package sms

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/cenkalti/backoff/v5"
)

// TwilioConfig configures the Twilio sender.
type TwilioConfig struct {
	BaseURL             string // default https://api.twilio.com (tests: a fake)
	AccountSID          string
	AuthToken           string
	From                string        // sender number or alphanumeric sender id, or:
	MessagingServiceSID string        // a messaging service (Twilio picks the sender)
	AttemptTimeout      time.Duration // one request; default 5 s
	MaxTries            int           // default 3
	HTTP                *http.Client  // default a new client
}

// Twilio sends through Twilio's Programmable Messaging REST API:
//
//	POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json
//	  basic auth AccountSid:AuthToken; form To, Body, and From or MessagingServiceSid
//	  -> 201 {"sid": "SM…", "status": "queued"|"accepted"|…}
//	  -> 4xx/5xx {"code": 21211, "message": "…", "status": 400}
//
// 429 and 5xx, timeouts and connection errors are retried with exponential
// backoff (honouring Retry-After); other 4xx answers are final. A retried
// request that Twilio had in fact accepted sends the code twice: the same
// code, which the applicant may use either time.
//
// The official twilio-go library was not used: its calls take no context
// (a sign-in request that is cancelled could not stop its SMS), and one
// endpoint does not justify its generated API surface.
type Twilio struct {
	cfg      TwilioConfig
	endpoint string
}

// NewTwilio checks cfg and returns the sender.
func NewTwilio(cfg TwilioConfig) (*Twilio, error) {
	switch {
	case cfg.AccountSID == "" || cfg.AuthToken == "":
		return nil, errors.New("sms: Twilio needs an account SID and an auth token")
	case cfg.From == "" && cfg.MessagingServiceSID == "":
		return nil, errors.New("sms: Twilio needs a sender (From) or a messaging service SID")
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = "https://api.twilio.com"
	}
	if cfg.AttemptTimeout == 0 {
		cfg.AttemptTimeout = 5 * time.Second
	}
	if cfg.MaxTries == 0 {
		cfg.MaxTries = 3
	}
	if cfg.HTTP == nil {
		cfg.HTTP = &http.Client{}
	}
	endpoint := strings.TrimSuffix(cfg.BaseURL, "/") + "/2010-04-01/Accounts/" +
		url.PathEscape(cfg.AccountSID) + "/Messages.json"
	return &Twilio{cfg: cfg, endpoint: endpoint}, nil
}

// Send implements Sender.
func (t *Twilio) Send(ctx context.Context, phone, text string) error {
	form := url.Values{"To": {phone}, "Body": {text}}
	if t.cfg.MessagingServiceSID != "" {
		form.Set("MessagingServiceSid", t.cfg.MessagingServiceSID)
	} else {
		form.Set("From", t.cfg.From)
	}
	_, err := backoff.Retry(ctx, func() (string, error) { return t.attempt(ctx, form) },
		backoff.WithBackOff(backoff.NewExponentialBackOff()), backoff.WithMaxTries(uint(t.cfg.MaxTries)))
	if err != nil {
		return fmt.Errorf("sms: twilio: %w", err)
	}
	return nil
}

// twilioAnswer is the part of a message resource or an error we read.
type twilioAnswer struct {
	SID     string `json:"sid"`
	Status  string `json:"status"`
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (t *Twilio) attempt(ctx context.Context, form url.Values) (string, error) {
	actx, cancel := context.WithTimeout(ctx, t.cfg.AttemptTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodPost, t.endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return "", backoff.Permanent(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.SetBasicAuth(t.cfg.AccountSID, t.cfg.AuthToken)
	resp, err := t.cfg.HTTP.Do(req)
	if err != nil {
		return "", err // timeouts and connection errors are retried
	}
	defer resp.Body.Close()
	var a twilioAnswer
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return "", err
	}
	_ = json.Unmarshal(raw, &a) // an unreadable body leaves the status code to decide
	switch {
	case resp.StatusCode == http.StatusCreated || resp.StatusCode == http.StatusOK:
		if a.SID == "" || a.Status == "failed" {
			return "", backoff.Permanent(fmt.Errorf("message not accepted (status %q)", a.Status))
		}
		return a.SID, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil {
			return "", backoff.RetryAfter(s)
		}
		return "", fmt.Errorf("answered %s", resp.Status)
	}
	return "", backoff.Permanent(fmt.Errorf("answered %s: %d %s", resp.Status, a.Code, a.Message))
}
