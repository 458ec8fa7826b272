package app_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/gqltest"
)

type verification struct {
	Valid                                   bool
	Code, Message                           string
	Number, HolderName, CourseTitle, Issuer *string
	InstitutionName                         *string
}

const verifyByNumber = `query($n: String!) { verifyCertificate(number: $n) { valid code message number holderName courseTitle institutionName issuer } }`
const verifyByCredential = `query($c: String!) { verifyCredential(credential: $c) { valid code message number holderName } }`

// TestCertificatesThroughTheAPI: the demo recipient's certificate, as its
// holder sees it (QR payload), verifies for anyone without signing in, by
// number and by credential; an admin revokes it (a recipient may not) and
// every check then refuses it with the reason; did.json and the public page
// are served.
func TestCertificatesThroughTheAPI(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := seededStack(t, db)
		holder := gqltest.SignIn(t, s.URL, s.SMS, "+6281200000001")
		holder.Language = "en"
		var mine struct {
			Me struct {
				Recipient struct {
					FullName     string
					Certificates struct {
						Edges []struct {
							Node struct{ ID, Number, QRPayload, Credential string }
						}
					}
				}
			}
		}
		holder.Do(t, `{ me { recipient { fullName certificates { edges { node { id number qrPayload credential } } } } } }`, nil).MustData(t, &mine)
		certs := mine.Me.Recipient.Certificates.Edges
		if len(certs) != 1 || !strings.HasPrefix(certs[0].Node.QRPayload, "PKJ1:") || certs[0].Node.Credential == "" {
			t.Fatalf("certificates %+v", certs)
		}
		c := certs[0].Node
		anyone := gqltest.Client{URL: s.URL, Language: "en"}
		check := func(want string) {
			t.Helper()
			var a struct{ VerifyCertificate verification }
			anyone.Do(t, verifyByNumber, map[string]any{"n": c.Number}).MustData(t, &a)
			var b, q struct{ VerifyCredential verification }
			anyone.Do(t, verifyByCredential, map[string]any{"c": c.Credential}).MustData(t, &b)
			anyone.Do(t, verifyByCredential, map[string]any{"c": c.QRPayload}).MustData(t, &q)
			for _, v := range []verification{a.VerifyCertificate, b.VerifyCredential, q.VerifyCredential} {
				if v.Code != want || v.Valid != (want == "ok") || v.HolderName == nil || *v.HolderName != mine.Me.Recipient.FullName ||
					v.Number == nil || *v.Number != c.Number || v.Message == "" {
					t.Errorf("want %s: %+v", want, v)
				}
			}
		}
		check("ok")
		var nf struct{ VerifyCertificate verification }
		anyone.Do(t, verifyByNumber, map[string]any{"n": "PKJ/2026/NOPE0000"}).MustData(t, &nf)
		if nf.VerifyCertificate.Code != "not_found" || nf.VerifyCertificate.HolderName != nil {
			t.Errorf("unknown number %+v", nf.VerifyCertificate)
		}
		var bad struct{ VerifyCredential verification }
		anyone.Do(t, verifyByCredential, map[string]any{"c": "PKJ1:not base45 at all"}).MustData(t, &bad)
		if bad.VerifyCredential.Code != "malformed" || !strings.Contains(bad.VerifyCredential.Message, "not a readable") {
			t.Errorf("malformed %+v", bad.VerifyCredential)
		}

		const revoke = `mutation($id: ID!, $r: String!) { revokeCertificate(id: $id, reason: $r) { id revokedAt revocationReason } }`
		if r := holder.Do(t, revoke, map[string]any{"id": c.ID, "r": "x"}); errorOf(t, r, "recipient revokes").Code() != "FORBIDDEN" {
			t.Errorf("recipient revoked: %+v", r.Errors)
		}
		admin, _ := operator(t, s, "+6281100000001")
		if r := admin.Do(t, revoke, map[string]any{"id": c.ID, "r": " "}); errorOf(t, r, "no reason").Code() != "BAD_USER_INPUT" {
			t.Errorf("empty reason: %+v", r.Errors)
		}
		admin.Do(t, revoke, map[string]any{"id": c.ID, "r": "Forged post-test"}).MustData(t, &struct{}{})
		check("revoked")
		if r := admin.Do(t, revoke, map[string]any{"id": c.ID, "r": "again"}); errorOf(t, r, "twice").Code() != "CONFLICT" {
			t.Errorf("second revocation: %+v", r.Errors)
		}

		base := strings.TrimSuffix(s.URL, "/graphql")
		body, resp := httpGet(t, base+"/.well-known/did.json")
		if resp.StatusCode != 200 || !strings.Contains(body, `"did:web:localhost%3A8080"`) || !strings.Contains(body, `"Ed25519"`) {
			t.Errorf("did.json %d %s", resp.StatusCode, body)
		}
		body, resp = httpGet(t, base+"/sertifikat/"+c.Number)
		if resp.StatusCode != 200 || !strings.Contains(body, `data-code="revoked"`) || !strings.Contains(body, "Forged post-test") ||
			!strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'none'") {
			t.Errorf("page %d %s", resp.StatusCode, body)
		}
	})
}

func httpGet(t *testing.T, url string) (string, *http.Response) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b), resp
}
