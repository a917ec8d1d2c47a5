package namebay

import (
	"net/mail"
	"regexp"
	"strings"
)

var (
	// A host-name label: letters, digits, '-' and '_' (for _dmarc,
	// _domainkey, SRV owners), not starting or ending with '-'.
	labelPattern = regexp.MustCompile(`^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$`)
	// A label of a registrable domain name: letters, digits and '-' only.
	ldhPattern   = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)
	phonePattern = regexp.MustCompile(`^\+[0-9]{1,3}\.[0-9]{4,14}$`)
	// FTP user names and database names and users of hosting packs.
	ftpUserNamePattern = regexp.MustCompile(`^[a-z][a-z0-9_-]{2,31}$`)
	dbNamePattern      = regexp.MustCompile(`^[a-z][a-z0-9_]{2,15}$`)
)

// isHostName reports whether s (lower case, without a final dot) is a host
// name of at most 253 characters.
func isHostName(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	for _, label := range strings.Split(s, ".") {
		if !labelPattern.MatchString(label) {
			return false
		}
	}
	return true
}

// normalizeHostName lower-cases a host name and drops its final dot.
func normalizeHostName(s string) string {
	return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), ".")
}

// splitDomainName checks a registrable name (label.tld, LDH, ASCII) and
// returns its two labels.
func splitDomainName(name string) (label, tld string, ok bool) {
	if len(name) > 253 {
		return "", "", false
	}
	label, tld, found := strings.Cut(name, ".")
	if !found || strings.Contains(tld, ".") || !ldhPattern.MatchString(label) || !ldhPattern.MatchString(tld) {
		return "", "", false
	}
	return label, tld, true
}

// isDomainName reports whether s (lower case, without a final dot) is a
// domain name of at least two LDH labels, 253 characters in all.
func isDomainName(s string) bool {
	labels := strings.Split(s, ".")
	if len(s) > 253 || len(labels) < 2 {
		return false
	}
	for _, label := range labels {
		if !ldhPattern.MatchString(label) {
			return false
		}
	}
	return true
}

// validateDir checks a directory inside a pack's root, "/" when empty.
func validateDir(field, dir string) (string, error) {
	switch {
	case dir == "":
		return "/", nil
	case !strings.HasPrefix(dir, "/"), strings.Contains(dir, ".."), strings.Contains(dir, "//"), len(dir) > 255:
		return "", errInvalid(field, "%s %q must start with /, stay inside the pack's root (no ..), have no // and at most 255 characters.", field, dir)
	}
	return dir, nil
}

func isMailAddress(s string) bool {
	addr, err := mail.ParseAddress(s)
	return err == nil && addr.Name == "" && addr.Address == s && strings.Contains(s[strings.LastIndex(s, "@"):], ".")
}

func isPhone(s string) bool { return phonePattern.MatchString(s) }

func isCountry(s string) bool { return countries[s] }
