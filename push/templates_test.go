package push

import (
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/internal/msg"
)

// sampleEvents has one event of every kind, built by the producers' API.
func sampleEvents() []Event {
	date := time.Date(2022, 2, 15, 9, 0, 0, 0, WIB)
	p := Payout{ID: "po1", Installment: 2, Amount: 600_000, Partner: "GoPay"}
	return []Event{
		SelectionResult("ac1", "wv1", 22, "selected", 1_000_000),
		SelectionResult("ac1", "wv1", 22, "not_selected", 1_000_000),
		SelectionResult("ac1", "wv1", 22, "excluded", 1_000_000),
		RevocationWarning("ac1", "rc1", date),
		Revoked("ac1", "rc1"),
		PayoutScheduled("ac1", p, date),
		PayoutSent("ac1", p),
		PayoutFailed("ac1", p),
		SurveyAvailable("ac1", "sv1", "Survei Evaluasi I", "Evaluation Survey I", 50_000, date),
		JobMatchDigest("ac1", date, 3, "Staf Gudang"),
		ComplaintReply("ac1", "cp1", "cm1", "Insentif belum masuk"),
	}
}

func TestTemplatesCoverEveryKind(t *testing.T) {
	seen := map[notification.Kind]bool{}
	for _, e := range sampleEvents() {
		seen[e.Kind] = true
	}
	for _, k := range Kinds() {
		tpl, ok := templates[k]
		if !ok || !seen[k] {
			t.Errorf("kind %s: template %v, sample event %v", k, ok, seen[k])
		}
		for result, v := range tpl.variants {
			if !msg.Has(v.title) || !msg.Has(v.body) {
				t.Errorf("kind %s/%q: no catalogue text %s or %s", k, result, v.title, v.body)
			}
		}
	}
}

func TestRenderBothLocales(t *testing.T) {
	for _, e := range sampleEvents() {
		id, err := Render(e, account.LocaleID)
		if err != nil {
			t.Fatalf("%s id: %v", e.Kind, err)
		}
		en, err := Render(e, account.LocaleEn)
		if err != nil {
			t.Fatalf("%s en: %v", e.Kind, err)
		}
		for _, s := range []string{id.Title, id.Body, en.Title, en.Body, id.Link} {
			if s == "" || strings.ContainsAny(s, "{}") {
				t.Errorf("%s: unexpanded or empty text %q", e.Kind, s)
			}
		}
		if id.Title == en.Title || id.Body == en.Body {
			t.Errorf("%s: Indonesian and English texts are the same: %q", e.Kind, id.Title)
		}
		if !strings.HasPrefix(id.Link, "/") || id.Link != en.Link || id.Data["link"] != id.Link ||
			id.Data["kind"] != string(e.Kind) {
			t.Errorf("%s: link %q / %q, data %v", e.Kind, id.Link, en.Link, id.Data)
		}
	}
}

func TestRenderTexts(t *testing.T) {
	date := time.Date(2022, 2, 15, 9, 0, 0, 0, WIB)
	p := Payout{ID: "po1", Installment: 2, Amount: 600_000, Partner: "GoPay"}
	cases := []struct {
		e                 Event
		locale            account.Locale
		title, body, link string
	}{
		{SelectionResult("a", "wv1", 22, "selected", 1_000_000), "id", "Selamat, kamu lolos Gelombang 22!",
			"Kartu Prakerja-mu sudah aktif dengan saldo pelatihan Rp1.000.000. Beli pelatihan pertamamu dalam 30 hari.", "/gelombang"},
		{SelectionResult("a", "wv1", 22, "not_selected", 0), "en", "Wave 22 selection result",
			"You were not selected in Wave 22. Don't give up: join the next wave.", "/gelombang"},
		{PayoutScheduled("a", p, date), "id", "Insentif tahap 2 dijadwalkan",
			"Insentif Rp600.000 dijadwalkan pada 15 Februari 2022 ke GoPay-mu.", "/insentif"},
		{PayoutScheduled("a", p, date), "en", "Incentive payment 2 scheduled",
			"Rp600,000 is scheduled for 15 February 2022 to your GoPay account.", "/insentif"},
		{SurveyAvailable("a", "sv9", "Survei Evaluasi II", "Evaluation Survey II", 50_000, date), "id", "Survei Evaluasi II sudah tersedia",
			"Isi Survei Evaluasi II dan dapatkan insentif survei Rp50.000.", "/survei/sv9"},
		{SurveyAvailable("a", "sv9", "Survei Evaluasi II", "Evaluation Survey II", 50_000, date), "en", "Evaluation Survey II is available",
			"Answer Evaluation Survey II and receive a survey incentive of Rp50,000.", "/survei/sv9"},
		{SurveyAvailable("a", "sv9", "Survei Evaluasi II", "", 50_000, date), "en", "Survei Evaluasi II is available",
			"Answer Survei Evaluasi II and receive a survey incentive of Rp50,000.", "/survei/sv9"},
		{ComplaintReply("a", "cp7", "cm1", "Saldo"), "", "Pengaduanmu sudah dibalas",
			"Ada balasan untuk pengaduan \"Saldo\". Buka untuk membacanya.", "/bantuan/cp7"},
	}
	for _, c := range cases {
		r, err := Render(c.e, c.locale)
		if err != nil {
			t.Fatal(err)
		}
		if r.Title != c.title || r.Body != c.body || r.Link != c.link {
			t.Errorf("%s/%s:\n got %q %q %q\nwant %q %q %q", c.e.Kind, c.locale, r.Title, r.Body, r.Link,
				c.title, c.body, c.link)
		}
	}
}

func TestRenderRejectsBadEvents(t *testing.T) {
	bad := []Event{
		{AccountID: "a", Kind: notification.KindPayoutSent, Key: "k", Params: map[string]string{"amount": "1"}},
		{AccountID: "a", Kind: notification.KindSelectionResult, Key: "k", Params: map[string]string{"result": "maybe"}},
		{AccountID: "a", Kind: "nonsense", Key: "k"},
	}
	for _, e := range bad {
		if _, err := Render(e, "id"); err == nil {
			t.Errorf("%+v rendered", e)
		}
	}
	if err := (Event{Kind: notification.KindRevoked, Key: "k"}).validate(); err == nil {
		t.Error("an event without account validated")
	}
}

// TestPayoutReminderExpires: a payout reminder stops at the end of its date.
func TestPayoutReminderExpires(t *testing.T) {
	date := time.Date(2022, 2, 15, 9, 0, 0, 0, WIB)
	e := PayoutScheduled("a", Payout{ID: "p", Installment: 1, Amount: 1, Partner: "OVO"}, date)
	if want := time.Date(2022, 2, 16, 0, 0, 0, 0, WIB); !e.ExpiresAt.Equal(want) {
		t.Errorf("expires %s, want %s", e.ExpiresAt, want)
	}
}
