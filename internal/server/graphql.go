package server

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
)

// withGraphQLRequest refuses, with a coded GraphQL error, what /graphql
// does not answer: methods other than GET, POST and OPTIONS (CORS
// preflights), POST bodies that are not JSON, GET parameters that are not
// JSON. An Upgrade header counts only on a GET (a websocket); elsewhere it
// is dropped, so a POST that carries one is an ordinary POST.
func withGraphQLRequest(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || !strings.EqualFold(r.Header.Get("Upgrade"), "websocket") {
			r.Header.Del("Upgrade")
		}
		switch r.Method {
		case http.MethodOptions:
		case http.MethodPost:
			if !isJSON(r.Header.Get("Content-Type")) {
				refuse(w, r, http.StatusUnsupportedMediaType, apperr.UnsupportedMediaType, msg.T(msg.PostTakesJSON))
				return
			}
		case http.MethodGet:
			bad := badGetParams(r.URL.RawQuery)
			if r.Header.Get("Upgrade") != "" {
				bad = badUpgrade(r.Header)
			}
			if bad.Key != "" {
				refuse(w, r, http.StatusBadRequest, apperr.BadUserInput, bad)
				return
			}
		default:
			w.Header().Set("Allow", "GET, POST, OPTIONS")
			refuse(w, r, http.StatusMethodNotAllowed, apperr.MethodNotAllowed, msg.T(msg.MethodNotAllowed))
			return
		}
		next.ServeHTTP(w, r)
	})
}

func isJSON(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "application/json" || mt == "application/graphql-response+json")
}

// badGetParams describes what is wrong with a GET's query string (an
// empty Text when nothing is).
func badGetParams(raw string) msg.Text {
	q, err := url.ParseQuery(raw)
	if err != nil {
		return msg.T(msg.QueryStringUnreadable)
	}
	if q.Get("query") == "" && q.Get("extensions") == "" {
		return msg.T(msg.GetNeedsQuery)
	}
	for _, name := range []string{"variables", "extensions"} {
		if v := q.Get(name); v != "" && !json.Valid([]byte(v)) {
			return msg.T(msg.ParamNotJSON, name)
		}
	}
	return msg.Text{}
}

// badUpgrade describes what a websocket handshake lacks (an empty Text
// when nothing).
func badUpgrade(h http.Header) msg.Text {
	hasUpgrade := false
	for _, v := range h.Values("Connection") {
		for _, tok := range strings.Split(v, ",") {
			hasUpgrade = hasUpgrade || strings.EqualFold(strings.TrimSpace(tok), "upgrade")
		}
	}
	if !hasUpgrade || h.Get("Sec-WebSocket-Key") == "" || h.Get("Sec-WebSocket-Version") != "13" {
		return msg.T(msg.BadHandshake)
	}
	return msg.Text{}
}

// withCodedErrors is the safety net behind every other check: a /graphql
// error response (status 400 or more) whose body is not a GraphQL response
// with extensions.code on every error (gqlgen's own refusals, such as a
// mutation sent by GET) is rewritten into one, keeping its status and
// messages. Successful responses pass untouched, and so do websocket
// upgrades (101, then the hijacked connection); a refused handshake (a
// foreign Origin, say) is an error response like any other.
func withCodedErrors(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &codedWriter{ResponseWriter: w}
		next.ServeHTTP(cw, r)
		cw.finish()
	})
}

type codedWriter struct {
	http.ResponseWriter
	status int
	buf    *bytes.Buffer // set while holding an error response
}

func (c *codedWriter) WriteHeader(status int) {
	if c.status != 0 {
		return
	}
	c.status = status
	if status >= 400 {
		c.buf = &bytes.Buffer{}
		return
	}
	c.ResponseWriter.WriteHeader(status)
}

func (c *codedWriter) Write(b []byte) (int, error) {
	if c.status == 0 {
		c.WriteHeader(http.StatusOK)
	}
	if c.buf != nil {
		return c.buf.Write(b)
	}
	return c.ResponseWriter.Write(b)
}

func (c *codedWriter) Unwrap() http.ResponseWriter { return c.ResponseWriter }

func (c *codedWriter) finish() {
	if c.buf == nil {
		return
	}
	body := c.buf.Bytes()
	if coded(body) {
		c.ResponseWriter.WriteHeader(c.status)
		_, _ = c.ResponseWriter.Write(body)
		return
	}
	c.Header().Del("Content-Length")
	writeError(c.ResponseWriter, c.status, codeForStatus(c.status), messageOf(body, c.status))
}

// coded reports whether body is a GraphQL response whose every error has
// extensions.code.
func coded(body []byte) bool {
	var resp struct {
		Errors []struct {
			Extensions struct {
				Code string `json:"code"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	if json.Unmarshal(body, &resp) != nil || len(resp.Errors) == 0 {
		return false
	}
	for _, e := range resp.Errors {
		if e.Extensions.Code == "" {
			return false
		}
	}
	return true
}

func messageOf(body []byte, status int) string {
	var resp struct {
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if json.Unmarshal(body, &resp) == nil && len(resp.Errors) > 0 && resp.Errors[0].Message != "" {
		return resp.Errors[0].Message
	}
	return http.StatusText(status)
}

func codeForStatus(status int) apperr.Code {
	switch status {
	case http.StatusUnauthorized:
		return apperr.Unauthenticated
	case http.StatusForbidden:
		return apperr.Forbidden
	case http.StatusNotFound:
		return apperr.NotFound
	case http.StatusMethodNotAllowed, http.StatusNotAcceptable:
		return apperr.MethodNotAllowed // e.g. a mutation sent by GET
	case http.StatusUnsupportedMediaType:
		return apperr.UnsupportedMediaType
	case http.StatusUnprocessableEntity:
		return "GRAPHQL_VALIDATION_FAILED"
	case http.StatusTooManyRequests:
		return apperr.RateLimited
	case http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return apperr.Unavailable
	}
	if status >= 500 {
		return apperr.Internal
	}
	return apperr.BadUserInput
}
