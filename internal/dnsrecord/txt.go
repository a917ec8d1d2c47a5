package dnsrecord

import (
	"slices"
	"strings"
	"unicode/utf8"
)

const (
	maxStringLen = 255  // bytes in one DNS character-string
	maxTXTLen    = 4096 // bytes of text in one TXT record
)

// canonicalTXT returns a TXT value in the API's stored form: every string
// quoted, strings separated by one space.
func canonicalTXT(value string) (string, error) {
	parts, err := txtStrings(value)
	if err != nil {
		return "", err
	}
	return joinTXT(parts), nil
}

// txtStrings returns the character-strings a TXT value stands for.
//
// A value whose first non-space character is a double quote is a list of
// quoted strings separated by spaces; each holds at most 255 bytes, and the
// strings are kept exactly as written. Any other value is the text itself,
// byte for byte, split into strings of at most 255 bytes, never inside a
// UTF-8 sequence.
func txtStrings(value string) ([]string, error) {
	if value == "" {
		return nil, errorf(FieldValue, `TXT value is empty; to publish an empty string, write it quoted: ""`)
	}
	if !utf8.ValidString(value) {
		return nil, errorf(FieldValue, "TXT value %s is not valid UTF-8", show(value))
	}
	var parts []string
	if strings.HasPrefix(strings.TrimLeft(value, spaces), `"`) {
		ws, err := words(value)
		if err != nil {
			return nil, errorf(FieldValue, "TXT value %s %v", show(value), err)
		}
		for i, w := range ws {
			if !w.quoted {
				return nil, errorf(FieldValue, "TXT value %s mixes quoted strings with the unquoted word %s; quote every string, or write the text without any quotes around it",
					show(value), show(w.text))
			}
			if len(w.text) > maxStringLen {
				return nil, errorf(FieldValue, "TXT value %s has a quoted string (number %d) of %d bytes; a quoted string holds at most %d bytes (write the text unquoted to have it split)",
					show(value), i+1, len(w.text), maxStringLen)
			}
			parts = append(parts, w.text)
		}
	} else {
		parts = splitTXT(value)
	}
	total := 0
	for _, p := range parts {
		if r, bad := controlChar(p); bad {
			return nil, controlCharError(TypeTXT, "value", value, r)
		}
		total += len(p)
	}
	if total > maxTXTLen {
		return nil, errorf(FieldValue, "TXT value %s holds %d bytes of text; a TXT record holds at most %d", show(value), total, maxTXTLen)
	}
	return parts, nil
}

// splitTXT cuts text into strings of at most 255 bytes, the cut moved back
// to the start of a UTF-8 sequence when it would fall inside one.
func splitTXT(text string) []string {
	var parts []string
	for len(text) > maxStringLen {
		cut := maxStringLen
		for !utf8.RuneStart(text[cut]) {
			cut--
		}
		parts = append(parts, text[:cut])
		text = text[cut:]
	}
	return append(parts, text)
}

func joinTXT(parts []string) string {
	quoted := make([]string, len(parts))
	for i, p := range parts {
		quoted[i] = quote(p)
	}
	return strings.Join(quoted, " ")
}

// displayTXT writes TXT data the way a person would: as plain text when that
// splits back into the same strings, quoted otherwise.
func displayTXT(data string) string {
	parts, err := txtStrings(data)
	if err != nil {
		return data
	}
	text := strings.Join(parts, "")
	if again, err := txtStrings(text); err == nil && slices.Equal(again, parts) {
		return text
	}
	return joinTXT(parts)
}
