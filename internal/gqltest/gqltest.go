// Package gqltest is a small GraphQL-over-HTTP client for tests that drive
// the real handler, and helpers to sign in through the real flow.
package gqltest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"testing"
)

// Client sends operations to one endpoint with one credential.
type Client struct {
	URL          string
	Auth         string // Authorization header value; empty for anonymous
	ForwardedFor string // X-Forwarded-For header value, optional
	Language     string // Accept-Language header value, optional
}

// Error is one GraphQL error.
type Error struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Code returns extensions.code.
func (e Error) Code() string { s, _ := e.Extensions["code"].(string); return s }

// Response is a decoded GraphQL response.
type Response struct {
	Status int
	Data   json.RawMessage `json:"data"`
	Errors []Error         `json:"errors"`
}

// Codes lists the error codes of the response.
func (r Response) Codes() []string {
	var out []string
	for _, e := range r.Errors {
		out = append(out, e.Code())
	}
	return out
}

// Do posts query with variables and decodes the response.
func (c Client) Do(t testing.TB, query string, vars map[string]any) Response {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatalf("encode request: %v", err)
	}
	return c.Raw(t, "application/json", body)
}

// Raw posts a raw body.
func (c Client) Raw(t testing.TB, contentType string, body []byte) Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, c.URL, bytes.NewReader(body))
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	req.Header.Set("Content-Type", contentType)
	if c.Auth != "" {
		req.Header.Set("Authorization", c.Auth)
	}
	if c.ForwardedFor != "" {
		req.Header.Set("X-Forwarded-For", c.ForwardedFor)
	}
	if c.Language != "" {
		req.Header.Set("Accept-Language", c.Language)
	}
	return Send(t, req)
}

// Send sends a prepared request (any method, headers as the test set them)
// and decodes the GraphQL response; a body that is not JSON fails the test.
func Send(t testing.TB, req *http.Request) Response {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", req.Method, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read response: %v", err)
	}
	out := Response{Status: resp.StatusCode}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("decode response (status %d): %v: %.300s", resp.StatusCode, err, raw)
	}
	return out
}

// MustData fails the test on any error and decodes data into v.
func (r Response) MustData(t testing.TB, v any) {
	t.Helper()
	if len(r.Errors) > 0 {
		t.Fatalf("unexpected errors: %+v", r.Errors)
	}
	if err := json.Unmarshal(r.Data, v); err != nil {
		t.Fatalf("decode data: %v: %s", err, r.Data)
	}
}

// CodeReader returns the last SMS text sent to a phone.
type CodeReader interface{ Last(phone string) string }

var codeRE = regexp.MustCompile(`\b(\d{6})\b`)

// SignIn signs phone in through requestSignInCode and signIn, reading the
// code from the SMS recorder, and returns a client with the session token.
func SignIn(t testing.TB, url string, sms CodeReader, phone string) Client {
	t.Helper()
	anon := Client{URL: url}
	r := anon.Do(t, `mutation($p: String!) { requestSignInCode(phone: $p) { phone } }`, map[string]any{"p": phone})
	var sent struct{ RequestSignInCode struct{ Phone string } }
	r.MustData(t, &sent)
	m := codeRE.FindStringSubmatch(sms.Last(sent.RequestSignInCode.Phone))
	if m == nil {
		t.Fatalf("no code in SMS to %s", phone)
	}
	r = anon.Do(t, `mutation($p: String!, $c: String!) { signIn(phone: $p, code: $c) { token } }`,
		map[string]any{"p": phone, "c": m[1]})
	var in struct{ SignIn struct{ Token string } }
	r.MustData(t, &in)
	return Client{URL: url, Auth: fmt.Sprintf("Bearer %s", in.SignIn.Token)}
}
