package training

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Version is the xAPI version the endpoint speaks.
const Version = "1.0.3"

// maxStatementsBody bounds a statements request.
const maxStatementsBody = 1 << 20

// Authenticator turns an Authorization header value into a viewer
// (auth.Service: "ApiKey <key>" or "Bearer <session token>").
type Authenticator interface {
	Authenticate(ctx context.Context, header string) (*viewer.Viewer, error)
}

// Handler serves the xAPI statements resource at /xapi/statements (POST
// a statement or an array of statements) and /xapi/about, authenticated
// with the platform's partner API key: "Authorization: ApiKey <key>", or
// HTTP Basic with the key as the password (what LMSs send).
func (s *Service) Handler(a Authenticator) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/xapi/about", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"version": []string{Version}})
	})
	mux.Handle("/xapi/statements", &statements{svc: s, auth: a})
	return mux
}

type statements struct {
	svc  *Service
	auth Authenticator
}

// xapiError is the body of a refusal.
type xapiError struct {
	Code      apperr.Code `json:"code"`
	Message   string      `json:"message"`
	Field     string      `json:"field,omitempty"`
	Statement *int        `json:"statement,omitempty"` // index in the batch
}

func (h *statements) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Experience-API-Version", Version)
	locale := msg.FromAcceptLanguage(r.Header.Get("Accept-Language"))
	ctx := msg.WithLocale(r.Context(), locale)
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		refuse(w, locale, http.StatusMethodNotAllowed, apperr.E(apperr.BadUserInput, msg.XAPIMethod), nil)
		return
	}
	if !strings.HasPrefix(r.Header.Get("X-Experience-API-Version"), "1.0.") {
		refuse(w, locale, http.StatusBadRequest, apperr.E(apperr.BadUserInput, msg.XAPIVersion), nil)
		return
	}
	v, err := h.authenticate(ctx, r.Header.Get("Authorization"))
	if err != nil {
		h.fail(ctx, w, locale, err, nil)
		return
	}
	ctx = viewer.NewContext(ctx, v)
	reports, err := h.parse(r)
	if err != nil {
		var be batchError
		errors.As(err, &be)
		h.fail(ctx, w, locale, err, be.index)
		return
	}
	if _, err := h.svc.ReportAll(ctx, reports); err != nil {
		h.fail(ctx, w, locale, err, nil)
		return
	}
	ids := make([]string, len(reports))
	for i, rep := range reports {
		ids[i] = rep.Key
	}
	writeJSON(w, http.StatusOK, ids)
}

// authenticate reads the key from "ApiKey <key>", "Basic base64(user:key)"
// or takes a "Bearer" session, through the Authenticator.
func (h *statements) authenticate(ctx context.Context, header string) (*viewer.Viewer, error) {
	scheme, cred, _ := strings.Cut(strings.TrimSpace(header), " ")
	if strings.EqualFold(scheme, "Basic") {
		raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(cred))
		_, key, ok := strings.Cut(string(raw), ":")
		if err != nil || !ok || key == "" {
			return nil, apperr.E(apperr.Unauthenticated, msg.XAPIUnauthenticated)
		}
		header = "ApiKey " + key
	}
	if header == "" {
		return nil, apperr.E(apperr.Unauthenticated, msg.XAPIUnauthenticated)
	}
	v, err := h.auth.Authenticate(ctx, header)
	if err == nil && v == nil {
		err = apperr.E(apperr.Unauthenticated, msg.XAPIUnauthenticated)
	}
	return v, err
}

type batchError struct {
	error
	index *int
}

func (e batchError) Unwrap() error { return e.error }

// parse reads one statement or an array of them.
func (h *statements) parse(r *http.Request) ([]Report, error) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxStatementsBody+1))
	if err != nil || len(body) > maxStatementsBody {
		return nil, apperr.Invalid("statement", msg.XAPIBadJSON)
	}
	var raws []json.RawMessage
	switch b := bytes.TrimLeft(body, " \t\r\n"); {
	case len(b) > 0 && b[0] == '[':
		if json.Unmarshal(b, &raws) != nil {
			return nil, apperr.Invalid("statement", msg.XAPIBadJSON)
		}
	case len(b) > 0 && b[0] == '{':
		raws = []json.RawMessage{b}
	default:
		return nil, apperr.Invalid("statement", msg.XAPIBadJSON)
	}
	if len(raws) == 0 {
		return nil, apperr.Invalid("statement", msg.XAPIEmpty)
	}
	out := make([]Report, len(raws))
	for i, raw := range raws {
		rep, err := ParseStatement(raw, h.svc.cfg.PublicURL)
		if err != nil {
			return nil, batchError{err, &i}
		}
		out[i] = rep
	}
	return out, nil
}

// fail writes err as a coded refusal; errors without a code are logged
// and answered 500 without their text.
func (h *statements) fail(ctx context.Context, w http.ResponseWriter, locale string, err error, index *int) {
	e, ok := apperr.As(err)
	if !ok {
		h.svc.log.ErrorContext(ctx, "xapi statements", slog.Any("err", err))
		e = apperr.Wrap(apperr.Internal, err, msg.XAPIBadJSON)
	}
	refuse(w, locale, statusOf(e.Code), e, index)
}

func refuse(w http.ResponseWriter, locale string, status int, e *apperr.Error, index *int) {
	body := xapiError{Code: e.Code, Message: e.Message(locale), Statement: index}
	for f := range e.Fields {
		body.Field = f
	}
	if e.Code == apperr.Internal {
		body.Message = http.StatusText(status)
	}
	writeJSON(w, status, body)
}

// statusOf is the HTTP status of a code (xAPI: 400, 401, 403, 409).
func statusOf(c apperr.Code) int {
	switch c {
	case apperr.BadUserInput:
		return http.StatusBadRequest
	case apperr.Unauthenticated:
		return http.StatusUnauthorized
	case apperr.Forbidden:
		return http.StatusForbidden
	case apperr.NotFound:
		return http.StatusNotFound
	case apperr.Conflict:
		return http.StatusConflict
	case apperr.Unavailable, apperr.RateLimited:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
