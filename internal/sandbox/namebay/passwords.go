package namebay

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"time"
	"unicode"
	"unicode/utf8"
)

// The password policy of FTP users and databases.
const (
	minPasswordLength = 6
	maxPasswordLength = 20
)

// validatePassword applies the password policy to a Pwd field.
func validatePassword(pwd string) error {
	if n := utf8.RuneCountInString(pwd); n < minPasswordLength || n > maxPasswordLength {
		return errInvalid("Pwd", "Pwd must be %d to %d characters long.", minPasswordLength, maxPasswordLength)
	}
	var letter, digit, other bool
	for _, r := range pwd {
		switch {
		case unicode.IsControl(r):
			return errInvalid("Pwd", "Pwd cannot contain control characters.")
		case unicode.IsLetter(r):
			letter = true
		case unicode.IsDigit(r):
			digit = true
		default:
			other = true
		}
	}
	if !letter || !digit || !other {
		return errInvalid("Pwd", "Pwd needs at least one letter, one digit and one character that is neither.")
	}
	return nil
}

// passwordHash is all that is kept of a password: enough to tell that one
// was set or changed, and to check one, never the password itself.
type passwordHash struct {
	Salt    string // hex, random for every password set
	Sha256  string // hex SHA-256 of the salt's bytes followed by the password
	Changed time.Time
}

func hashPassword(pwd string, now time.Time) passwordHash {
	salt := make([]byte, 16)
	rand.Read(salt)
	return passwordHash{Salt: hex.EncodeToString(salt), Sha256: saltedSha256(salt, pwd), Changed: now}
}

// matches reports whether pwd is the password h was made from.
func (h passwordHash) matches(pwd string) bool {
	salt, err := hex.DecodeString(h.Salt)
	return err == nil && subtle.ConstantTimeCompare([]byte(saltedSha256(salt, pwd)), []byte(h.Sha256)) == 1
}

func saltedSha256(salt []byte, pwd string) string {
	sum := sha256.Sum256(append(append([]byte(nil), salt...), pwd...))
	return hex.EncodeToString(sum[:])
}
