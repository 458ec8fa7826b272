package registry

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/cenkalti/backoff/v5"
	"github.com/sony/gobreaker/v2"
)

// ClientConfig configures the HTTP registry client.
type ClientConfig struct {
	BaseURL        string        // e.g. https://registry.example/api
	APIKey         string        // sent as Authorization: Bearer
	AttemptTimeout time.Duration // per HTTP attempt (default 2s)
	MaxElapsed     time.Duration // all attempts of one call (default 6s)
	MaxTries       uint          // default 3
	BreakAfter     uint32        // consecutive failures that open the circuit (default 5)
	OpenFor        time.Duration // how long the circuit stays open (default 30s)
	HTTP           *http.Client
}

// Client is a Population and Exclusions backed by the registry HTTP API:
//
//	POST {base}/v1/population/verify  {"nik","kkNumber","fullName","birthDate":"YYYY-MM-DD","motherMaidenName"}
//	  -> 200 {"match":bool,"reason":"nik_not_found|kk_mismatch|..."}
//	GET  {base}/v1/exclusions/{nik}   -> 200 {"listings":["dapodik",...]}
//
// Each call is retried with exponential backoff on timeouts, connection
// errors, 429 and 5xx (honouring Retry-After), and a circuit breaker stops
// calling a registry that keeps failing. Every failure surfaces as
// ErrUnavailable.
type Client struct {
	cfg     ClientConfig
	breaker *gobreaker.CircuitBreaker[[]byte]
}

// NewClient returns a registry client.
func NewClient(cfg ClientConfig) *Client {
	if cfg.AttemptTimeout == 0 {
		cfg.AttemptTimeout = 2 * time.Second
	}
	if cfg.MaxElapsed == 0 {
		cfg.MaxElapsed = 6 * time.Second
	}
	if cfg.MaxTries == 0 {
		cfg.MaxTries = 3
	}
	if cfg.BreakAfter == 0 {
		cfg.BreakAfter = 5
	}
	if cfg.OpenFor == 0 {
		cfg.OpenFor = 30 * time.Second
	}
	if cfg.HTTP == nil {
		cfg.HTTP = &http.Client{}
	}
	n := cfg.BreakAfter
	return &Client{cfg: cfg, breaker: gobreaker.NewCircuitBreaker[[]byte](gobreaker.Settings{
		Name:        "registry " + cfg.BaseURL,
		Timeout:     cfg.OpenFor,
		ReadyToTrip: func(c gobreaker.Counts) bool { return c.ConsecutiveFailures >= n },
	})}
}

type verifyRequest struct {
	Identity
	BirthDate string `json:"birthDate"`
}

// Verify implements Population.
func (c *Client) Verify(ctx context.Context, id Identity) (Verdict, error) {
	body, _ := json.Marshal(verifyRequest{Identity: id, BirthDate: id.BirthDate.Format(time.DateOnly)})
	raw, err := c.call(ctx, http.MethodPost, "/v1/population/verify", body)
	if err != nil {
		return Verdict{}, err
	}
	var v Verdict
	if err := json.Unmarshal(raw, &v); err != nil || (!v.Match && v.Reason == "") {
		return Verdict{}, fmt.Errorf("%w: malformed verify answer", ErrUnavailable)
	}
	return v, nil
}

// Listings implements Exclusions.
func (c *Client) Listings(ctx context.Context, nik string) ([]string, error) {
	raw, err := c.call(ctx, http.MethodGet, "/v1/exclusions/"+url.PathEscape(nik), nil)
	if err != nil {
		return nil, err
	}
	var out struct {
		Listings *[]string `json:"listings"`
	}
	if err := json.Unmarshal(raw, &out); err != nil || out.Listings == nil {
		return nil, fmt.Errorf("%w: malformed exclusions answer", ErrUnavailable)
	}
	return *out.Listings, nil
}

// call runs one request through the breaker, with retries.
func (c *Client) call(ctx context.Context, method, path string, body []byte) ([]byte, error) {
	raw, err := c.breaker.Execute(func() ([]byte, error) {
		return backoff.Retry(ctx, func() ([]byte, error) { return c.attempt(ctx, method, path, body) },
			backoff.WithBackOff(backoff.NewExponentialBackOff()),
			backoff.WithMaxTries(c.cfg.MaxTries), backoff.WithMaxElapsedTime(c.cfg.MaxElapsed))
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	return raw, nil
}

func (c *Client) attempt(ctx context.Context, method, path string, body []byte) ([]byte, error) {
	actx, cancel := context.WithTimeout(ctx, c.cfg.AttemptTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, method, c.cfg.BaseURL+path, bytes.NewReader(body))
	if err != nil {
		return nil, backoff.Permanent(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if c.cfg.APIKey != "" {
		req.Header.Set("Authorization", "Bearer "+c.cfg.APIKey)
	}
	resp, err := c.cfg.HTTP.Do(req)
	if err != nil {
		return nil, err // timeouts and connection errors are retried
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	switch {
	case err != nil:
		return nil, err
	case resp.StatusCode == http.StatusOK:
		return raw, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil {
			return nil, backoff.RetryAfter(s)
		}
		return nil, fmt.Errorf("registry answered %d", resp.StatusCode)
	}
	return nil, backoff.Permanent(errors.New("registry answered " + resp.Status))
}
