package transport

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"unicode"
)

// mask replaces every secret value in log output.
const mask = "***"

// secretNames are the normalised keys (see normaliseKey) whose values are
// always masked: JSON object keys, form and query parameter names, and header
// names.
var secretNames = map[string]bool{
	"authorization":      true,
	"proxyauthorization": true,
	"cookie":             true,
	"setcookie":          true,
	"password":           true,
	"pwd":                true,
	"passwd":             true,
	"pass":               true,
	"secret":             true,
	"clientsecret":       true,
	"token":              true,
	"accesstoken":        true,
	"refreshtoken":       true,
	"authinfo":           true,
	"authcode":           true,
	"privatekey":         true,
	"apikey":             true,
	"cletitulaire":       true,
	"enspassword":        true,
	"lickey":             true, // ispmanager licence key
	"licensekey":         true,
}

// secretSuffixes catch the many spellings partners use for the same secrets
// (UserPwd, adminPassword, super_admin_password, X-Auth-Token, client_secret).
// "pass" is deliberately not a suffix: it would match "bypass" and "compass".
var secretSuffixes = []string{"password", "passwd", "pwd", "secret", "token", "privatekey", "apikey", "authinfo", "authcode"}

// isSecretKey reports whether values stored under name must be masked. Case,
// underscores, dashes and dots are ignored, so Client-Secret, client_secret
// and clientSecret are the same key; a plural (refresh_tokens) counts too.
func isSecretKey(name string) bool {
	key := normaliseKey(name)
	return key != "" && (isSecretSingular(key) || isSecretSingular(strings.TrimSuffix(key, "s")))
}

func isSecretSingular(key string) bool {
	if secretNames[key] {
		return true
	}
	for _, suffix := range secretSuffixes {
		if strings.HasSuffix(key, suffix) {
			return true
		}
	}
	return false
}

func normaliseKey(name string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, name)
}

// redactHeaderValue masks the value of a secret header. An authorization
// header keeps its scheme ("Bearer ***"), which helps when debugging a
// rejected login and reveals nothing.
func redactHeaderValue(name, value string) string {
	if !isSecretKey(name) {
		return value
	}
	switch http.CanonicalHeaderKey(name) {
	case "Authorization", "Proxy-Authorization":
		if scheme, _, ok := strings.Cut(strings.TrimSpace(value), " "); ok {
			return scheme + " " + mask
		}
	}
	return mask
}

// redactURL renders u with the password of its user info and the values of
// its secret query parameters masked.
func redactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	clean := *u
	clean.RawQuery = redactForm(u.RawQuery)
	return clean.Redacted()
}

// redactForm masks the values of secret parameters in a query string or an
// application/x-www-form-urlencoded body, and any value holding a PEM private
// key. It keeps everything else byte for byte, and works on truncated input.
func redactForm(s string) string {
	if s == "" {
		return s
	}
	pairs := strings.Split(s, "&")
	for i, pair := range pairs {
		rawKey, rawValue, hasValue := strings.Cut(pair, "=")
		if !hasValue || rawValue == "" {
			continue
		}
		if isSecretKey(unescapeQuery(rawKey)) || strings.Contains(unescapeQuery(rawValue), "PRIVATE KEY") {
			pairs[i] = rawKey + "=" + mask
		}
	}
	return strings.Join(pairs, "&")
}

func unescapeQuery(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}

// redactBody masks secrets in a request or response body that may have been
// truncated. JSON bodies have the values of secret keys masked, form bodies the
// values of secret parameters; PEM private keys are masked in every body.
func redactBody(contentType string, body []byte) []byte {
	switch bodyKind(contentType, body) {
	case kindJSON:
		body = redactJSON(body)
	case kindForm:
		body = []byte(redactForm(string(body)))
	}
	return redactPEM(body)
}

type kind int

const (
	kindOther kind = iota
	kindJSON
	kindForm
)

// bodyKind trusts the declared media type and falls back to sniffing, since
// some partners answer JSON as text/html or text/plain.
func bodyKind(contentType string, body []byte) kind {
	mediaType, _, _ := mime.ParseMediaType(contentType)
	switch {
	case mediaType == "application/json", strings.HasSuffix(mediaType, "+json"):
		return kindJSON
	case mediaType == "application/x-www-form-urlencoded":
		return kindForm
	}
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		return kindJSON
	}
	if mediaType == "" && looksLikeForm(trimmed) {
		return kindForm
	}
	return kindOther
}

func looksLikeForm(b []byte) bool {
	return len(b) > 0 && bytes.IndexByte(b, '=') > 0 && !bytes.ContainsAny(b, " \t\r\n<>{}")
}

// redactJSON masks the value of every object member whose key is secret,
// whatever its type: a string, a number, or a whole nested object or array.
// It scans tokens rather than decoding, so it keeps the formatting and copes
// with a body cut short by truncation.
func redactJSON(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		if b[i] != '"' {
			out = append(out, b[i])
			i++
			continue
		}
		end := skipString(b, i)
		out = append(out, b[i:end]...)
		colon := skipSpace(b, end)
		if colon >= len(b) || b[colon] != ':' || !isSecretKey(jsonKey(b[i:end])) {
			i = end
			continue
		}
		value := skipSpace(b, colon+1)
		out = append(out, b[end:value]...)
		if value < len(b) {
			out = append(out, '"')
			out = append(out, mask...)
			out = append(out, '"')
		}
		i = skipValue(b, value)
	}
	return out
}

// jsonKey decodes a quoted JSON string, escapes included.
func jsonKey(quoted []byte) string {
	if bytes.IndexByte(quoted, '\\') < 0 {
		return string(bytes.Trim(quoted, `"`))
	}
	var s string
	if err := json.Unmarshal(quoted, &s); err != nil {
		return string(quoted)
	}
	return s
}

// skipString returns the index just past the string starting at b[i] == '"',
// or len(b) if it is unterminated.
func skipString(b []byte, i int) int {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(b)
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// skipValue returns the index just past the JSON value starting at b[i].
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return i
	}
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				j = skipString(b, j) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return len(b)
	default:
		j := i
		for j < len(b) && bytes.IndexByte([]byte(",}] \t\r\n"), b[j]) < 0 {
			j++
		}
		return j
	}
}

// pemPrivateKey matches a PEM private key block of any type (RSA, EC,
// ENCRYPTED, OPENSSH, PKCS#8), with raw or JSON-escaped line breaks, and a
// block cut short by truncation.
var pemPrivateKey = regexp.MustCompile(`(?s)(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----).*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|\z)`)

// redactPEM replaces the contents of every PEM private key block, keeping its
// armour lines so the log still shows that a key was sent.
func redactPEM(b []byte) []byte {
	if !bytes.Contains(b, []byte("PRIVATE KEY-----")) {
		return b
	}
	return pemPrivateKey.ReplaceAll(b, []byte("${1}"+mask+"${2}"))
}
