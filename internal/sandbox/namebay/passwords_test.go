package namebay

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestValidatePassword(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pwd string
		ok  bool
	}{
		{"a1-b2c", true},
		{"a1-" + strings.Repeat("x", 17), true},
		{"motdepasse 2é", true},
		{"Ünïcode-9", true},
		{"", false},
		{"a1-b2", false},
		{"a1-" + strings.Repeat("x", 18), false},
		{"abcdef", false},
		{"abc123", false},
		{"123-456", false},
		{"abc-def", false},
		{"abc\n123", false},
		{"abc\x00123", false},
	}
	for _, tt := range tests {
		err := validatePassword(tt.pwd)
		if (err == nil) != tt.ok {
			t.Errorf("validatePassword(%q) = %v, want ok %v", tt.pwd, err, tt.ok)
		}
		var apiErr *apiError
		if err != nil && (!errors.As(err, &apiErr) || apiErr.field != "Pwd" || apiErr.code != 530 || tt.pwd != "" && strings.Contains(apiErr.detail, tt.pwd)) {
			t.Errorf("validatePassword(%q) = %v: want 530 on Pwd, without the password", tt.pwd, err)
		}
	}
}

func TestPasswordHash(t *testing.T) {
	t.Parallel()
	now := time.Now()
	a, b := hashPassword("S3cret-pw", now), hashPassword("S3cret-pw", now)
	if a.Salt == b.Salt || a.Sha256 == b.Sha256 {
		t.Fatal("two hashes of one password share a salt or a digest")
	}
	for _, h := range []passwordHash{a, b} {
		if strings.Contains(h.Salt+h.Sha256, "S3cret-pw") || len(h.Sha256) != 64 || !h.Changed.Equal(now) {
			t.Fatalf("hash %+v", h)
		}
		if !h.matches("S3cret-pw") || h.matches("S3cret-pW") || h.matches("") {
			t.Fatalf("hash %+v matches the wrong passwords", h)
		}
	}
	if (passwordHash{Salt: "not hex", Sha256: a.Sha256}).matches("S3cret-pw") {
		t.Fatal("a damaged salt matches")
	}
}
