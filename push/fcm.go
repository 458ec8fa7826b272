package push

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"

	firebase "firebase.google.com/go/v4"
	"firebase.google.com/go/v4/errorutils"
	"firebase.google.com/go/v4/messaging"
	"google.golang.org/api/option"
	htransport "google.golang.org/api/transport/http"

	"github.com/kartuprakerja/platform/ent"
)

// maxFCMBatch is the most messages one SendEach call takes.
const maxFCMBatch = 500

// fcmSender sends through the Firebase Admin SDK.
type fcmSender struct {
	client *messaging.Client
	gate   *throttle
	link   string // absolute base of web links (fcm_options.link), optional
}

// newFCMSender returns nil (FCM off) without a project.
func newFCMSender(ctx context.Context, cfg FCMConfig, origin string, gate *throttle) (sender, error) {
	if cfg.ProjectID == "" {
		return nil, nil
	}
	hc, err := fcmHTTPClient(ctx, cfg)
	if err != nil {
		return nil, err
	}
	opts := []option.ClientOption{option.WithHTTPClient(hc)}
	if cfg.Endpoint != "" {
		opts = append(opts, option.WithEndpoint(cfg.Endpoint))
	}
	app, err := firebase.NewApp(ctx, &firebase.Config{ProjectID: cfg.ProjectID}, opts...)
	if err != nil {
		return nil, fmt.Errorf("push: firebase app: %w", err)
	}
	mc, err := app.Messaging(ctx)
	if err != nil {
		return nil, fmt.Errorf("push: firebase messaging: %w", err)
	}
	return &fcmSender{client: mc, gate: gate, link: origin}, nil
}

// fcmHTTPClient keeps enough connections alive for SendEach's 50 parallel
// requests per call (Go's default keeps 2 and would reconnect constantly),
// authorised by Google credentials unless a fake endpoint is used.
func fcmHTTPClient(ctx context.Context, cfg FCMConfig) (*http.Client, error) {
	base := http.DefaultTransport.(*http.Transport).Clone()
	base.MaxIdleConns, base.MaxIdleConnsPerHost = cfg.Connections, cfg.Connections
	base.MaxConnsPerHost = cfg.Connections
	if cfg.Endpoint != "" {
		return &http.Client{Transport: base, Timeout: 30 * time.Second}, nil
	}
	opts := []option.ClientOption{option.WithScopes(
		"https://www.googleapis.com/auth/cloud-platform",
		"https://www.googleapis.com/auth/firebase.messaging")}
	if cfg.CredentialsFile != "" {
		opts = append(opts, option.WithCredentialsFile(cfg.CredentialsFile))
	}
	rt, err := htransport.NewTransport(ctx, base, opts...)
	if err != nil {
		return nil, fmt.Errorf("push: fcm credentials: %w", err)
	}
	return &http.Client{Transport: rt, Timeout: 30 * time.Second}, nil
}

func (f *fcmSender) send(ctx context.Context, msgs []message, now time.Time) []outcome {
	outs := make([]outcome, 0, len(msgs))
	for start := 0; start < len(msgs); start += maxFCMBatch {
		part := msgs[start:min(start+maxFCMBatch, len(msgs))]
		outs = append(outs, f.sendBatch(ctx, part, now)...)
	}
	return outs
}

// sendBatch makes one SendEach call of at most 500 messages.
func (f *fcmSender) sendBatch(ctx context.Context, msgs []message, now time.Time) []outcome {
	if err := f.gate.wait(ctx, len(msgs)); err != nil {
		return all(len(msgs), outcome{result: retry, detail: "not sent: " + err.Error()})
	}
	fm := make([]*messaging.Message, len(msgs))
	for i, m := range msgs {
		fm[i] = fcmMessage(m, now, f.link)
	}
	resp, err := f.client.SendEach(ctx, fm)
	if err != nil { // the call was refused as a whole (an invalid message)
		return all(len(msgs), outcome{result: failed, detail: "fcm: " + err.Error()})
	}
	outs := make([]outcome, len(msgs))
	for i, r := range resp.Responses {
		outs[i] = fcmOutcome(r, now)
		if outs[i].retryAfter > 0 {
			f.gate.pause(outs[i].retryAfter)
		}
	}
	return outs
}

// fcmOutcome classifies one SendEach response.
func fcmOutcome(r *messaging.SendResponse, now time.Time) outcome {
	err := r.Error
	switch {
	case r.Success:
		return outcome{result: delivered, detail: r.MessageID}
	case messaging.IsUnregistered(err):
		return outcome{result: gone, detail: "fcm: UNREGISTERED"}
	case messaging.IsInvalidArgument(err):
		return outcome{result: gone, detail: "fcm: INVALID_ARGUMENT"}
	case messaging.IsSenderIDMismatch(err):
		return outcome{result: gone, detail: "fcm: SENDER_ID_MISMATCH"}
	}
	o := outcome{result: retry, detail: "fcm: " + err.Error()}
	if resp := errorutils.HTTPResponse(err); resp != nil {
		o.retryAfter = retryAfter(resp.Header, now)
		o.detail = "fcm: " + resp.Status
	}
	return o
}

// fcmMessage builds the FCM v1 message: the display notification, the data
// payload (with notification_id, by which apps drop a repeat), the collapse
// key and TTL for Android and the same for Web Push (headers TTL, Urgency,
// Topic and the notification tag).
func fcmMessage(m message, now time.Time, linkBase string) *messaging.Message {
	n := m.n
	ttl := ttlOf(n, now)
	urgency, priority := "normal", "normal"
	if templates[n.Kind].urgent {
		urgency, priority = "high", "high"
	}
	msg := &messaging.Message{
		Token:        m.device.Token,
		Notification: &messaging.Notification{Title: n.Title, Body: n.Body},
		Data:         payloadData(n),
		Android: &messaging.AndroidConfig{CollapseKey: collapseKey(n), Priority: priority, TTL: &ttl,
			Notification: &messaging.AndroidNotification{Tag: string(n.ID)}},
		Webpush: &messaging.WebpushConfig{
			Headers: map[string]string{"TTL": strconv.Itoa(int(ttl.Seconds())), "Urgency": urgency,
				"Topic": collapseKey(n)},
			Notification: &messaging.WebpushNotification{Title: n.Title, Body: n.Body, Tag: string(n.ID)},
		},
	}
	if linkBase != "" {
		msg.Webpush.FCMOptions = &messaging.WebpushFCMOptions{Link: linkBase + n.Link}
	}
	return msg
}

// payloadData is the data payload: the stored data plus the notification id.
func payloadData(n *ent.Notification) map[string]string {
	d := make(map[string]string, len(n.Data)+2)
	for k, v := range n.Data {
		d[k] = v
	}
	d["notification_id"] = string(n.ID)
	d["link"] = n.Link
	return d
}

func all(n int, o outcome) []outcome {
	outs := make([]outcome, n)
	for i := range outs {
		outs[i] = o
	}
	return outs
}
