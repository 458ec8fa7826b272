package push

import (
	"time"

	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/internal/msg"
)

// variant is the catalogue keys of the title and body of one outcome of
// a kind (internal/msg holds the texts, {param} placeholders).
type variant struct{ title, body msg.Key }

// template is how one kind of notification reads, where it leads and how
// long it is worth delivering.
type template struct {
	// variants by the value of the "result" parameter ("" when the kind has
	// a single text).
	variants map[string]variant
	// link is the deep link into the PWA, with placeholders.
	link string
	// ttl is how long the push is worth delivering when the event sets no
	// expiry; after it the notification stays in the inbox only.
	ttl time.Duration
	// unmutable kinds are delivered whatever the account muted.
	unmutable bool
	// urgent kinds are sent with high priority.
	urgent bool
}

// templates is the read-only table of every kind; their texts are in the
// catalogue (internal/msg). Kinds whose producers do
// not exist yet (payouts, job matches, complaint replies) are here already:
// a producer only builds the Event (see events.go).
var templates = map[notification.Kind]template{
	notification.KindSelectionResult: {
		variants: results(notification.KindSelectionResult, "selected", "not_selected", "excluded"),
		link:     "/gelombang", ttl: 7 * 24 * time.Hour, unmutable: true, urgent: true,
	},
	notification.KindRevocationWarning: {
		variants: single(notification.KindRevocationWarning),
		link:     "/pelatihan", ttl: 7 * 24 * time.Hour, urgent: true,
	},
	notification.KindRevoked: {
		variants: single(notification.KindRevoked),
		link:     "/akun", ttl: 7 * 24 * time.Hour,
	},
	notification.KindPayoutScheduled: {
		variants: single(notification.KindPayoutScheduled),
		link:     "/insentif", ttl: 3 * 24 * time.Hour,
	},
	notification.KindPayoutSent: {
		variants: single(notification.KindPayoutSent),
		link:     "/insentif", ttl: 7 * 24 * time.Hour,
	},
	notification.KindPayoutFailed: {
		variants: single(notification.KindPayoutFailed),
		link:     "/insentif", ttl: 7 * 24 * time.Hour, unmutable: true, urgent: true,
	},
	notification.KindSurveyAvailable: {
		variants: single(notification.KindSurveyAvailable),
		link:     "/survei/{survey_id}", ttl: 14 * 24 * time.Hour,
	},
	notification.KindJobMatch: {
		variants: single(notification.KindJobMatch),
		link:     "/lowongan", ttl: 24 * time.Hour,
	},
	notification.KindComplaintReply: {
		variants: single(notification.KindComplaintReply),
		link:     "/bantuan/{complaint_id}", ttl: 7 * 24 * time.Hour,
	},
}

// single is the one text of a kind.
func single(kind notification.Kind) map[string]variant { return results(kind, "") }

// results are the texts of a kind by the "result" parameter.
func results(kind notification.Kind, names ...string) map[string]variant {
	out := make(map[string]variant, len(names))
	for _, r := range names {
		out[r] = variant{msg.NotificationTitle(string(kind), r), msg.NotificationBody(string(kind), r)}
	}
	return out
}

// Unmutable reports whether accounts may not switch kind off (selection
// results and failed payouts).
func Unmutable(kind notification.Kind) bool { return templates[kind].unmutable }

// Kinds lists every notification kind.
func Kinds() []notification.Kind {
	return []notification.Kind{
		notification.KindSelectionResult, notification.KindRevocationWarning, notification.KindRevoked,
		notification.KindPayoutScheduled, notification.KindPayoutSent, notification.KindPayoutFailed,
		notification.KindSurveyAvailable, notification.KindJobMatch, notification.KindComplaintReply,
	}
}
