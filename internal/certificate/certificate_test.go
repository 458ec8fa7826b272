package certificate_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/auditlog"
	entcert "github.com/kartuprakerja/platform/ent/certificate"
	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/certificate"
	"github.com/kartuprakerja/platform/internal/certificate/vc"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/seed"
	"github.com/kartuprakerja/platform/internal/viewer"
)

type env struct {
	db  *database.DB
	svc *certificate.Service
	sys context.Context
}

// newEnv seeds the demo world without synthetic recipients: the demo
// recipient has one certified purchase (PKJ/<year>/DEMO0001, signed by the
// seed) and one in progress.
func newEnv(t *testing.T, db *database.DB) *env {
	t.Helper()
	if _, err := seed.Run(context.Background(), db.Client, seed.Options{Seed: 1, Recipients: 0, Now: time.Now()}); err != nil {
		t.Fatal(err)
	}
	svc, err := certificate.New(db.Client, certificate.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return &env{db: db, svc: svc, sys: rule.System(context.Background(), "test")}
}

func (e *env) demoCertificate(t *testing.T) *ent.Certificate {
	t.Helper()
	return e.db.Client.Certificate.Query().Where(entcert.NumberHasSuffix("/DEMO0001")).OnlyX(e.sys)
}

func (e *env) inProgress(t *testing.T) *ent.Purchase {
	t.Helper()
	return e.db.Client.Purchase.Query().Where(purchase.StatusEQ(purchase.StatusInProgress), purchase.RedemptionCode("DEMO-0000-0002")).OnlyX(e.sys)
}

func (e *env) issue(t *testing.T, p *ent.Purchase, score int) *ent.Certificate {
	t.Helper()
	var c *ent.Certificate
	err := database.WithTx(e.sys, e.db.Client, func(tx *ent.Tx) (err error) {
		c, err = e.svc.Issue(e.sys, tx, p, score, time.Now())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func admin() context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: "ac01", Role: viewer.RoleAdmin})
}

func TestIssueVerifyRoundTrip(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		p := e.inProgress(t)
		c := e.issue(t, p, 75)
		if !strings.HasPrefix(c.Number, "PKJ/") || len(c.Number) != len("PKJ/2026/")+8 || c.Credential == "" ||
			c.KeyID != e.svc.Keys().DID+"#demo-1" || c.PostTestScore != 75 || c.PurchaseID != p.ID {
			t.Fatalf("certificate %+v", c)
		}
		rec := db.Client.Recipient.GetX(e.sys, p.RecipientID)
		for name, verify := range map[string]func() (certificate.Result, error){
			"by number":     func() (certificate.Result, error) { return e.svc.VerifyNumber(context.Background(), c.Number) },
			"by credential": func() (certificate.Result, error) { return e.svc.VerifyCredential(context.Background(), c.Credential) },
			"by QR payload": func() (certificate.Result, error) {
				return e.svc.VerifyCredential(context.Background(), certificate.QRPayload(c))
			},
		} {
			r, err := verify()
			if err != nil || r.Code != vc.OK || r.Fields.Number != c.Number || r.Fields.HolderName != rec.FullName ||
				r.Fields.CourseTitle == "" || r.Fields.InstitutionName == "" || r.Fields.IssuedAt.IsZero() {
				t.Errorf("%s: %+v %v", name, r, err)
			}
		}
		// The seed's certificate verifies too.
		if r, _ := e.svc.VerifyNumber(context.Background(), e.demoCertificate(t).Number); r.Code != vc.OK {
			t.Errorf("demo certificate: %s", r.Code)
		}
		if r, _ := e.svc.VerifyCredential(context.Background(), e.demoCertificate(t).Credential); r.Code != vc.OK {
			t.Errorf("demo credential: %s", r.Code)
		}
	})
}

func TestIssueIsIdempotentOnThePurchase(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		p := e.inProgress(t)
		first := e.issue(t, p, 75)
		again := e.issue(t, p, 90)
		if again.ID != first.ID || again.Number != first.Number || again.PostTestScore != 75 {
			t.Errorf("second issue %+v, first %+v", again, first)
		}
		if n := db.Client.Certificate.Query().Where(entcert.PurchaseID(p.ID)).CountX(e.sys); n != 1 {
			t.Errorf("%d certificates", n)
		}
	})
}

func TestVerifyRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		c := e.issue(t, e.inProgress(t), 75)
		other, _ := certificate.New(nil, certificate.Config{Keys: foreignKeys()})
		foreignTok, _, _ := other.Sign(vc.Certificate{Number: c.Number, HolderName: "X", IssuedAt: time.Now()})
		// A certificate signed by the program's key but never registered.
		ghost, _, _ := e.svc.Sign(vc.Certificate{Number: "PKJ/2026/GHOST000", HolderName: "X", IssuedAt: time.Now()})
		cases := []struct {
			name  string
			input string
			want  vc.Code
		}{
			{"tampered", tamper(c.Credential), vc.Tampered},
			{"unknown key", foreignTok, vc.UnknownKey},
			{"malformed", "PKJ1:???", vc.Malformed},
			{"too long", strings.Repeat("a", 9000), vc.Malformed},
			{"valid signature, not in the register", ghost, vc.NotFound},
		}
		for _, tc := range cases {
			r, err := e.svc.VerifyCredential(context.Background(), tc.input)
			if err != nil || r.Code != tc.want || r.Valid() {
				t.Errorf("%s: %s %v, want %s", tc.name, r.Code, err, tc.want)
			}
		}
		// The key removed from the set (compromised): what it signed is unknown.
		rotated, _ := certificate.New(db.Client, certificate.Config{Keys: foreignKeys()})
		if r, _ := rotated.VerifyNumber(context.Background(), c.Number); r.Code != vc.UnknownKey {
			t.Errorf("register entry signed by a removed key: %s", r.Code)
		}
		// The key retired before the certificate was signed: expired_key.
		retired := certificate.DemoKeys()
		retired.Keys[0].Until = c.CreatedAt.Add(-time.Hour)
		late, _ := certificate.New(db.Client, certificate.Config{Keys: retired})
		if r, _ := late.VerifyCredential(context.Background(), c.Credential); r.Code != vc.ExpiredKey {
			t.Errorf("signed after the key's window: %s", r.Code)
		}
		if r, _ := e.svc.VerifyNumber(context.Background(), "PKJ/2026/NOPE0000"); r.Code != vc.NotFound || r.Fields.HolderName != "" {
			t.Errorf("unknown number: %+v", r)
		}
	})
}

func foreignKeys() vc.KeySet {
	k := certificate.DemoKeys()
	k.Keys[0].ID = "other"
	return k
}

// tamper changes one byte of the claims (the holder's name).
func tamper(tok string) string {
	p := strings.Split(tok, ".")
	b := []byte(p[1])
	i := len(b) / 2
	if b[i] == 'A' {
		b[i] = 'B'
	} else {
		b[i] = 'A'
	}
	return p[0] + "." + string(b) + "." + p[2]
}

func TestRevoke(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		c := e.demoCertificate(t)
		recipient := viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: "ac02", Role: viewer.RoleRecipient, RecipientID: c.RecipientID})
		for name, tc := range map[string]struct {
			ctx    context.Context
			reason string
			code   string
		}{
			"recipient":   {recipient, "x", "FORBIDDEN"},
			"anonymous":   {context.Background(), "x", "UNAUTHENTICATED"},
			"no reason":   {admin(), "  ", string(apperr.BadUserInput)},
			"long reason": {admin(), strings.Repeat("x", 501), string(apperr.BadUserInput)},
		} {
			if _, err := e.svc.Revoke(tc.ctx, c.ID, tc.reason); string(rule.Code(err)) != tc.code {
				t.Errorf("%s: %v (%s), want %s", name, err, rule.Code(err), tc.code)
			}
		}
		if r, _ := e.svc.VerifyNumber(context.Background(), c.Number); r.Code != vc.OK {
			t.Fatalf("refused revocations changed it: %s", r.Code)
		}
		if _, err := e.svc.Revoke(admin(), c.ID, "Nilai post-test dipalsukan"); err != nil {
			t.Fatal(err)
		}
		for _, r := range []certificate.Result{must(e.svc.VerifyNumber(context.Background(), c.Number)),
			must(e.svc.VerifyCredential(context.Background(), c.Credential)),
			must(e.svc.VerifyCredential(context.Background(), certificate.QRPayload(c)))} {
			if r.Code != vc.Revoked || r.RevocationReason != "Nilai post-test dipalsukan" || !strings.Contains(r.Message("en"), "Nilai post-test dipalsukan") {
				t.Errorf("after revocation: %+v", r)
			}
		}
		logs := db.Client.AuditLog.Query().Where(auditlog.Action("certificate.revoke"), auditlog.TargetID(c.ID)).AllX(e.sys)
		if len(logs) != 1 || logs[0].Reason != "Nilai post-test dipalsukan" || logs[0].ActorRole != "admin" {
			t.Errorf("audit %+v", logs)
		}
		if _, err := e.svc.Revoke(admin(), c.ID, "again"); rule.Code(err) != apperr.Conflict {
			t.Errorf("second revocation: %v", err)
		}
		if _, err := e.svc.Revoke(admin(), "ce01NOPE", "x"); rule.Code(err) != apperr.NotFound {
			t.Errorf("unknown id: %v", err)
		}
	})
}

func must(r certificate.Result, err error) certificate.Result {
	if err != nil {
		panic(err)
	}
	return r
}

func TestDIDDocumentAndPage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		mux := http.NewServeMux()
		mux.Handle(certificate.DIDPath, e.svc.DIDHandler())
		mux.Handle(vc.CertificatePath, e.svc.PageHandler())
		srv := httptest.NewServer(mux)
		defer srv.Close()

		body, resp := get(t, srv.URL+certificate.DIDPath)
		ks, err := vc.ParseDocument([]byte(body))
		if err != nil || resp.Header.Get("Content-Type") != "application/did+json" || ks.DID != "did:web:localhost%3A8080" ||
			len(ks.Keys) != 1 || !ks.Keys[0].Public.Equal(e.svc.Keys().Keys[0].Public) || strings.Contains(body, `"d"`) {
			t.Errorf("did.json %s %v", body, err)
		}
		c := e.demoCertificate(t)
		page, resp := get(t, srv.URL+vc.CertificatePath+c.Number)
		rec := db.Client.Recipient.GetX(e.sys, c.RecipientID)
		if resp.StatusCode != 200 || !strings.Contains(page, `data-code="ok"`) || !strings.Contains(page, rec.FullName) ||
			!strings.Contains(page, "Sertifikat asli") || !strings.Contains(page, "Genuine certificate") ||
			!strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'none'") || strings.Contains(page, "<script") ||
			strings.Contains(page, rec.Nik) || strings.Contains(page, rec.KkNumber) {
			t.Errorf("page %d %s", resp.StatusCode, page)
		}
		page, resp = get(t, srv.URL+vc.CertificatePath+"PKJ/2026/NOPE0000")
		if resp.StatusCode != 404 || !strings.Contains(page, `data-code="not_found"`) {
			t.Errorf("unknown number: %d %s", resp.StatusCode, page)
		}
		if _, err := e.svc.Revoke(admin(), c.ID, "Data palsu"); err != nil {
			t.Fatal(err)
		}
		if page, _ = get(t, srv.URL+vc.CertificatePath+c.Number); !strings.Contains(page, `data-code="revoked"`) || !strings.Contains(page, "Data palsu") {
			t.Errorf("revoked page %s", page)
		}
	})
}

func get(t *testing.T, url string) (string, *http.Response) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b), resp
}
