package dnsrecord

import (
	"errors"
	"fmt"
	"strings"
)

// word is one word of a value written in zone-file style: a bare word, or
// a double-quoted string with its escapes undone.
type word struct {
	text   string
	quoted bool
}

// scanner reads the words of a value. Words are separated by spaces, tabs
// or line breaks; inside double quotes \" and \\ are the only escapes, so
// every string has exactly one quoted spelling. Its errors are phrased to
// follow the value in a message.
type scanner struct {
	s string
	i int
}

const spaces = " \t\r\n"

func isSpace(c byte) bool { return strings.IndexByte(spaces, c) >= 0 }

func (sc *scanner) skipSpace() {
	for sc.i < len(sc.s) && isSpace(sc.s[sc.i]) {
		sc.i++
	}
}

// atEnd reports whether only spaces are left.
func (sc *scanner) atEnd() bool {
	sc.skipSpace()
	return sc.i == len(sc.s)
}

// rest returns what is left, without the spaces around it.
func (sc *scanner) rest() string {
	sc.skipSpace()
	return strings.TrimRight(sc.s[sc.i:], spaces)
}

// next reads the next word; call it only when !atEnd().
func (sc *scanner) next() (word, error) {
	sc.skipSpace()
	if sc.s[sc.i] != '"' {
		start := sc.i
		for sc.i < len(sc.s) && !isSpace(sc.s[sc.i]) {
			if sc.s[sc.i] == '"' {
				return word{}, fmt.Errorf("has a quote inside the word %s; quote whole strings", show(sc.s[start:sc.i+1]))
			}
			sc.i++
		}
		return word{text: sc.s[start:sc.i]}, nil
	}
	var b strings.Builder
	for j := sc.i + 1; j < len(sc.s); j++ {
		switch c := sc.s[j]; c {
		case '\\':
			if j+1 == len(sc.s) {
				return word{}, errors.New("has a quoted string without its closing quote")
			}
			if e := sc.s[j+1]; e != '"' && e != '\\' {
				return word{}, fmt.Errorf(`has the escape \%c; inside quotes only \" and \\ are escapes`, e)
			}
			j++
			b.WriteByte(sc.s[j])
		case '"':
			sc.i = j + 1
			if sc.i < len(sc.s) && !isSpace(sc.s[sc.i]) {
				return word{}, errors.New("has text right after a closing quote; separate strings with a space")
			}
			return word{text: b.String(), quoted: true}, nil
		default:
			b.WriteByte(c)
		}
	}
	return word{}, errors.New("has a quoted string without its closing quote")
}

// words reads every word of s.
func words(s string) ([]word, error) {
	sc := scanner{s: s}
	var out []word
	for !sc.atEnd() {
		w, err := sc.next()
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, nil
}

// quote is the one quoted spelling of s that scanner reads back as s.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// controlChar returns the first control character in s, if any. Record text
// is printable: a line break in a value is nearly always the final newline
// of a heredoc.
func controlChar(s string) (rune, bool) {
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return r, true
		}
	}
	return 0, false
}

func controlCharError(typ, what, value string, r rune) *Error {
	return errorf(FieldValue, "%s %s %s holds the control character %U; record text is printable (a heredoc ends with a newline: wrap it in chomp())",
		typ, what, show(value), r)
}
