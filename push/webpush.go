package push

import (
	"context"
	"crypto/ecdh"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	webpush "github.com/SherClockHolmes/webpush-go"

	"github.com/kartuprakerja/platform/ent"
)

// webPushSender sends standard Web Push (RFC 8030, payloads encrypted per
// RFC 8291, VAPID per RFC 8292) to browser subscriptions.
type webPushSender struct {
	cfg  WebPushConfig
	gate *throttle
	hc   *http.Client
}

// newWebPushSender returns nil (Web Push off) without VAPID keys.
func newWebPushSender(cfg WebPushConfig, gate *throttle) (sender, error) {
	if cfg.PublicKey == "" && cfg.PrivateKey == "" {
		return nil, nil
	}
	if cfg.PublicKey == "" || cfg.PrivateKey == "" {
		return nil, fmt.Errorf("push: web push needs both VAPID keys")
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = cfg.Concurrency
	return &webPushSender{cfg: cfg, gate: gate, hc: &http.Client{Transport: tr, Timeout: 30 * time.Second}}, nil
}

// GenerateVAPIDKeys makes a VAPID key pair (base64url), for
// Config.WebPush.
func GenerateVAPIDKeys() (privateKey, publicKey string, err error) {
	return webpush.GenerateVAPIDKeys()
}

// webPayload is what the PWA's service worker receives in its push event.
type webPayload struct {
	ID    string            `json:"id"`
	Kind  string            `json:"kind"`
	Title string            `json:"title"`
	Body  string            `json:"body"`
	Link  string            `json:"link"`
	Tag   string            `json:"tag"`
	Data  map[string]string `json:"data"`
}

// WebPayload encodes the Web Push message body of notification n, as the
// PWA's service worker receives it (the browser tests deliver it too).
func WebPayload(n *ent.Notification) ([]byte, error) {
	return json.Marshal(webPayload{ID: string(n.ID), Kind: string(n.Kind), Title: n.Title,
		Body: n.Body, Link: n.Link, Tag: string(n.ID), Data: payloadData(n)})
}

func (w *webPushSender) send(ctx context.Context, msgs []message, now time.Time) []outcome {
	outs := make([]outcome, len(msgs))
	if err := w.gate.wait(ctx, len(msgs)); err != nil {
		return all(len(msgs), outcome{result: retry, detail: "not sent: " + err.Error()})
	}
	sem := make(chan struct{}, w.cfg.Concurrency)
	var wg sync.WaitGroup
	for i, m := range msgs {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			outs[i] = w.sendOne(ctx, m, now)
		}()
	}
	wg.Wait()
	return outs
}

func (w *webPushSender) sendOne(ctx context.Context, m message, now time.Time) outcome {
	n := m.n
	if err := checkSubscriptionKeys(m.device.P256dh, m.device.AuthSecret); err != nil {
		return outcome{result: gone, detail: "webpush: " + err.Error()}
	}
	body, err := WebPayload(n)
	if err != nil {
		return outcome{result: failed, detail: "webpush: " + err.Error()}
	}
	urgency := webpush.UrgencyNormal
	if templates[n.Kind].urgent {
		urgency = webpush.UrgencyHigh
	}
	sub := &webpush.Subscription{Endpoint: m.device.Token,
		Keys: webpush.Keys{P256dh: m.device.P256dh, Auth: m.device.AuthSecret}}
	resp, err := webpush.SendNotificationWithContext(ctx, body, sub, &webpush.Options{
		HTTPClient: w.hc, Subscriber: w.cfg.Subject, Topic: collapseKey(n),
		TTL: int(ttlOf(n, now).Seconds()), Urgency: urgency,
		VAPIDPublicKey: w.cfg.PublicKey, VAPIDPrivateKey: w.cfg.PrivateKey,
	})
	if err != nil {
		return outcome{result: retry, detail: "webpush: " + err.Error()}
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
	return w.classify(resp, now)
}

// classify maps a push service's status: 2xx accepted; 404 and 410 the
// subscription is gone; 429 and 5xx retry (honouring Retry-After); other
// 4xx (a bad request or VAPID mismatch) fail without disabling the device.
func (w *webPushSender) classify(resp *http.Response, now time.Time) outcome {
	detail := "webpush: " + strconv.Itoa(resp.StatusCode)
	switch c := resp.StatusCode; {
	case c >= 200 && c < 300:
		return outcome{result: delivered, detail: resp.Header.Get("Location")}
	case c == http.StatusNotFound || c == http.StatusGone:
		return outcome{result: gone, detail: detail}
	case c == http.StatusTooManyRequests || c >= 500:
		o := outcome{result: retry, detail: detail, retryAfter: retryAfter(resp.Header, now)}
		if o.retryAfter > 0 {
			w.gate.pause(o.retryAfter)
		}
		return o
	}
	return outcome{result: failed, detail: detail}
}

// checkSubscriptionKeys validates a browser subscription's keys: p256dh an
// uncompressed P-256 point (65 bytes), auth 16 bytes, both base64url.
func checkSubscriptionKeys(p256dh, auth string) error {
	pk, err := decodeB64(p256dh)
	if err != nil || len(pk) != 65 || pk[0] != 4 {
		return fmt.Errorf("p256dh must be a base64url uncompressed P-256 public key")
	}
	if _, err := ecdh.P256().NewPublicKey(pk); err != nil {
		return fmt.Errorf("p256dh is not a point on P-256")
	}
	if a, err := decodeB64(auth); err != nil || len(a) != 16 {
		return fmt.Errorf("auth must be 16 bytes, base64url")
	}
	return nil
}

// decodeB64 accepts base64url or standard base64, padded or not, as
// browsers and libraries variously send.
func decodeB64(s string) ([]byte, error) {
	s = strings.TrimRight(s, "=")
	if b, err := base64.RawURLEncoding.DecodeString(s); err == nil {
		return b, nil
	}
	return base64.RawStdEncoding.DecodeString(s)
}
