package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/auth"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// writeError writes a GraphQL-shaped error response for failures that
// happen before GraphQL execution (body too large, malformed JSON, bad
// credentials), so clients always find extensions.code.
// refuse writes a coded GraphQL error with the catalogue's text in the
// language the request asked for (these refusals come before sign-in).
func refuse(w http.ResponseWriter, r *http.Request, status int, code apperr.Code, text msg.Text) {
	writeError(w, status, code, text.In(msg.FromAcceptLanguage(r.Header.Get("Accept-Language"))))
}

func writeError(w http.ResponseWriter, status int, code apperr.Code, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{"message": message, "extensions": map[string]any{"code": string(code)}}},
	})
}

// DefaultMaxBodyBytes is the largest GraphQL request body unless configured.
const DefaultMaxBodyBytes = 1 << 20

// withBodyLimit refuses bodies over limit (DefaultMaxBodyBytes when not
// positive) and POST bodies that are not JSON.
func withBodyLimit(limit int64, next http.Handler) http.Handler {
	if limit <= 0 {
		limit = DefaultMaxBodyBytes
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || isMultipart(r) {
			next.ServeHTTP(w, r)
			return
		}
		if r.ContentLength > limit {
			refuse(w, r, http.StatusRequestEntityTooLarge, apperr.BadUserInput, msg.T(msg.BodyTooLarge))
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &mbe):
			refuse(w, r, http.StatusRequestEntityTooLarge, apperr.BadUserInput, msg.T(msg.BodyTooLarge))
			return
		case err != nil:
			refuse(w, r, http.StatusBadRequest, apperr.BadUserInput, msg.T(msg.BodyUnreadable))
			return
		case !json.Valid(body):
			refuse(w, r, http.StatusBadRequest, apperr.BadUserInput, msg.T(msg.BodyNotJSON))
			return
		case !isObject(body):
			refuse(w, r, http.StatusBadRequest, apperr.BadUserInput, msg.T(msg.BodyNotObject))
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

func isObject(body []byte) bool {
	b := bytes.TrimLeft(body, " \t\r\n")
	return len(b) > 0 && b[0] == '{'
}

func isMultipart(r *http.Request) bool {
	ct := r.Header.Get("Content-Type")
	return len(ct) >= 19 && ct[:19] == "multipart/form-data"
}

// withViewer authenticates the request; bad credentials get a 401 with
// UNAUTHENTICATED (the client must sign in again), none is anonymous.
func withViewer(a Authenticator, log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		header := r.Header.Get("Authorization")
		locale := msg.FromAcceptLanguage(r.Header.Get("Accept-Language"))
		ctx := msg.WithLocale(r.Context(), locale) // the language of callers not signed in
		if header == "" && r.Method == http.MethodGet && r.Header.Get("Upgrade") == "websocket" {
			next.ServeHTTP(w, r.WithContext(ctx)) // websocket clients authenticate in connection_init
			return
		}
		v, err := a.Authenticate(ctx, header)
		if err != nil {
			if e, ok := apperr.As(err); ok && e.Code == apperr.Unauthenticated {
				writeError(w, http.StatusUnauthorized, apperr.Unauthenticated, e.Message(locale))
				return
			}
			log.ErrorContext(ctx, "authenticate", "err", err)
			writeError(w, http.StatusServiceUnavailable, apperr.Unavailable, msg.Render(locale, msg.WebsocketUnavailable))
			return
		}
		if v != nil {
			ctx = viewer.NewContext(ctx, v)
		}
		next.ServeHTTP(w, r.WithContext(auth.WithUserAgent(ctx, r.UserAgent())))
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (s *statusWriter) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += n
	return n, err
}

func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

func withRequestLog(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		log.LogAttrs(r.Context(), slog.LevelDebug, "http",
			slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", sw.status), slog.Int("bytes", sw.bytes),
			slog.Duration("took", time.Since(start)))
	})
}

type metrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "prakerja_http_requests_total", Help: "HTTP requests by route and status.",
		}, []string{"route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "prakerja_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2.5, 10),
		}, []string{"route"}),
	}
	reg.MustRegister(m.requests, m.duration)
	return m
}

func (m *metrics) instrument(route string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		m.requests.WithLabelValues(route, strconv.Itoa(sw.status)).Inc()
		m.duration.WithLabelValues(route).Observe(time.Since(start).Seconds())
	})
}
