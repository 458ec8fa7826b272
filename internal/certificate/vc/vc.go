// Package vc owns the rules of the program's certificates as verifiable
// credentials: the Open Badges 3.0 OpenBadgeCredential (W3C Verifiable
// Credentials 2.0 data model) a certificate is issued as, its signature as a
// VC-JWT (JOSE, EdDSA with Ed25519, issuer did:web), the program's keys with
// their validity windows and their DID document, the compressed QR form, and
// the verification of all of it with typed reasons. It touches no store: the
// register (revocations) is checked by its caller, internal/certificate.
package vc

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Code is the outcome of a verification; the PWA's verifier (pwa/src/lib/vc.js)
// returns the same words.
type Code string

// The outcomes, from the best to the worst.
const (
	OK         Code = "ok"          // signed by a program key inside its window, not revoked
	NotFound   Code = "not_found"   // no certificate with that number in the register
	Tampered   Code = "tampered"    // the signature does not match the content
	UnknownKey Code = "unknown_key" // signed by a key the program does not publish
	ExpiredKey Code = "expired_key" // signed by a program key outside its validity window
	Revoked    Code = "revoked"     // the register says the certificate was withdrawn
	Malformed  Code = "malformed"   // not a credential of this program's form
)

// Contexts and types of an OpenBadgeCredential (Open Badges 3.0.3).
const (
	ContextVC  = "https://www.w3.org/ns/credentials/v2"
	ContextOB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
	IssuerName = "Kartu Prakerja"
	// MediaType is the JOSE typ of a credential secured as a JWT (VC-JOSE-COSE).
	MediaType = "vc+jwt"
	// CertificatePath is the public verification page; a credential's id is
	// the page of its number.
	CertificatePath = "/sertifikat/"
)

// Certificate is what a credential says: the facts printed on the paper.
type Certificate struct {
	Number          string // PKJ/2026/XXXXXXXX
	HolderName      string
	CourseID        string
	CourseTitle     string
	CourseDesc      string
	InstitutionID   string
	InstitutionName string
	Score           int // post-test score, 0-100
	IssuedAt        time.Time
}

// Credential is the JSON of an OpenBadgeCredential, in the order of the
// specification's examples. It is also the JWT claim set: the VC-JOSE-COSE
// payload is the credential itself, to which iss, jti, nbf and iat are added
// (registered JWT claims that generic JWT tools read; they repeat issuer.id,
// id and validFrom and must agree with them).
type Credential struct {
	Context           []string `json:"@context"`
	ID                string   `json:"id"`
	Type              []string `json:"type"`
	Issuer            Profile  `json:"issuer"`
	ValidFrom         string   `json:"validFrom"`
	Name              string   `json:"name"`
	CredentialSubject Subject  `json:"credentialSubject"`
	Iss               string   `json:"iss"`
	Jti               string   `json:"jti"`
	Nbf               int64    `json:"nbf"`
	Iat               int64    `json:"iat"`
}

// Profile is an issuer or an achievement's creator.
type Profile struct {
	ID   string   `json:"id"`
	Type []string `json:"type"`
	Name string   `json:"name"`
}

// Subject is the AchievementSubject: the holder and what they achieved.
type Subject struct {
	Type        []string    `json:"type"`
	Name        string      `json:"name"`
	Achievement Achievement `json:"achievement"`
	Result      []Result    `json:"result"`
}

// Achievement is the course.
type Achievement struct {
	ID          string   `json:"id"`
	Type        []string `json:"type"`
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Criteria    Criteria `json:"criteria"`
	Creator     Profile  `json:"creator"`
}

// Criteria says how the achievement is earned.
type Criteria struct {
	Narrative string `json:"narrative"`
}

// Result is the post-test score.
type Result struct {
	Type  []string `json:"type"`
	Value string   `json:"value"`
}

// PassNarrative is the criteria of every course (the pass rule of issue 12:
// completed, post-test above 60).
const PassNarrative = "Lulus post-test dengan nilai di atas 60 / Passed the post-test with a score above 60"

// maxDescription bounds the course description carried in the credential
// (and so in the QR code).
const maxDescription = 80

// New builds the credential of c issued by did, whose public pages are under
// baseURL.
func New(c Certificate, did, baseURL string) Credential {
	issued := c.IssuedAt.UTC().Truncate(time.Second)
	id := strings.TrimSuffix(baseURL, "/") + CertificatePath + c.Number
	return Credential{
		Context:   []string{ContextVC, ContextOB3},
		ID:        id,
		Type:      []string{"VerifiableCredential", "OpenBadgeCredential"},
		Issuer:    Profile{ID: did, Type: []string{"Profile"}, Name: IssuerName},
		ValidFrom: issued.Format(time.RFC3339),
		Name:      "Sertifikat " + c.CourseTitle,
		CredentialSubject: Subject{
			Type: []string{"AchievementSubject"},
			Name: c.HolderName,
			Achievement: Achievement{
				ID: "urn:prakerja:course:" + c.CourseID, Type: []string{"Achievement"},
				Name: c.CourseTitle, Description: shorten(c.CourseDesc, maxDescription),
				Criteria: Criteria{Narrative: PassNarrative},
				Creator:  Profile{ID: "urn:prakerja:institution:" + c.InstitutionID, Type: []string{"Profile"}, Name: c.InstitutionName},
			},
			Result: []Result{{Type: []string{"Result"}, Value: fmt.Sprint(c.Score)}},
		},
		Iss: did, Jti: id, Nbf: issued.Unix(), Iat: issued.Unix(),
	}
}

func shorten(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// Fields are what a verifier shows: the certificate's public facts.
type Fields struct {
	Number          string
	HolderName      string
	CourseTitle     string
	InstitutionName string
	Score           string
	IssuedAt        time.Time
	Issuer          string
}

// fields reads the facts of a credential; ok is false when it is not of this
// program's form.
func (c Credential) fields() (Fields, bool) {
	f := Fields{HolderName: c.CredentialSubject.Name, CourseTitle: c.CredentialSubject.Achievement.Name,
		InstitutionName: c.CredentialSubject.Achievement.Creator.Name, Issuer: c.Issuer.ID}
	if len(c.CredentialSubject.Result) > 0 {
		f.Score = c.CredentialSubject.Result[0].Value
	}
	at, err := time.Parse(time.RFC3339, c.ValidFrom)
	i := strings.Index(c.ID, CertificatePath)
	if err != nil || i <= 0 || !c.hasTypes() || c.Issuer.ID == "" || c.Iss != c.Issuer.ID || c.Jti != c.ID || c.Nbf != at.Unix() {
		return f, false
	}
	f.IssuedAt, f.Number = at, c.ID[i+len(CertificatePath):]
	return f, f.Number != ""
}

func (c Credential) hasTypes() bool {
	return len(c.Context) >= 2 && c.Context[0] == ContextVC && c.Context[1] == ContextOB3 &&
		len(c.Type) == 2 && c.Type[0] == "VerifiableCredential" && c.Type[1] == "OpenBadgeCredential"
}

// parseCredential reads a JWT payload.
func parseCredential(payload []byte) (Credential, error) {
	var c Credential
	if err := json.Unmarshal(payload, &c); err != nil {
		return c, fmt.Errorf("credential: %w", err)
	}
	return c, nil
}
