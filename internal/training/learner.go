package training

import (
	"crypto/sha256"
	"encoding/base32"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
)

var learnerEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// LearnerID is the recipient's opaque id on one platform: stable, the same
// for every purchase of the recipient on that platform, another on another
// platform (platforms cannot join their learners), and neither the NIK nor
// the phone.
func LearnerID(platformID, recipientID pulid.ID) string {
	sum := sha256.Sum256([]byte("prakerja-learner\x00" + string(platformID) + "\x00" + string(recipientID)))
	return "L" + learnerEncoding.EncodeToString(sum[:15])
}

// LearnerOf is the learner id of a purchase's recipient.
func LearnerOf(p *ent.Purchase) string { return LearnerID(p.DigitalPlatformID, p.RecipientID) }
