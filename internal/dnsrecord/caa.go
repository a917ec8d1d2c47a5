package dnsrecord

import (
	"slices"
	"strconv"
	"strings"
)

var caaTags = []string{"issue", "issuewild", "iodef"}

const caaExample = `0 issue "letsencrypt.org"`

// canonicalCAA reads `flags tag value` and returns `flags tag "value"`: the
// flags in decimal, the tag in lower case, the value quoted.
func canonicalCAA(value string) (string, error) {
	fail := func(format string, args ...any) (string, error) {
		return "", errorf(FieldValue, "CAA value %s "+format, append([]any{show(value)}, args...)...)
	}
	sc := scanner{s: value}
	if sc.atEnd() {
		return "", errorf(FieldValue, "CAA value is empty; write flags, tag and value, e.g. %s", caaExample)
	}
	flagsWord, err := sc.next()
	if err != nil {
		return fail("%v", err)
	}
	flags, err := strconv.ParseUint(flagsWord.text, 10, 8)
	if err != nil || flagsWord.quoted {
		return fail("starts with %s; the flags come first, a number from 0 to 255 (0, or 128 for critical), as in %s", show(flagsWord.text), caaExample)
	}
	if sc.atEnd() {
		return fail("has no tag; write flags, tag and value, e.g. %s", caaExample)
	}
	tagWord, err := sc.next()
	if err != nil {
		return fail("%v", err)
	}
	tag := strings.ToLower(tagWord.text)
	if tagWord.quoted || !slices.Contains(caaTags, tag) {
		return fail("has the tag %s; the tag is one of %s", show(tagWord.text), strings.Join(caaTags, ", "))
	}
	text := sc.rest()
	switch {
	case text == "":
		return fail(`has no value after the tag; write it quoted, e.g. %s (or "" for none)`, caaExample)
	case strings.HasPrefix(text, `"`):
		w, err := sc.next()
		if err != nil {
			return fail("%v", err)
		}
		if !sc.atEnd() {
			return fail("has more after the quoted value; a CAA record holds one value, e.g. %s", caaExample)
		}
		text = w.text
	case strings.Contains(text, `"`):
		return fail("has a quote inside an unquoted value; quote the whole value, e.g. %s", caaExample)
	}
	if r, bad := controlChar(text); bad {
		return "", controlCharError(TypeCAA, "value", value, r)
	}
	if tag == "iodef" && !isIodefURL(text) {
		return fail(`has the iodef value %s; iodef takes a mailto:, http:// or https:// URL, e.g. 0 iodef "mailto:security@example.com"`, show(text))
	}
	return strconv.FormatUint(flags, 10) + " " + tag + " " + quote(text), nil
}

func isIodefURL(s string) bool {
	lower := strings.ToLower(s)
	for _, scheme := range []string{"mailto:", "http://", "https://"} {
		if strings.HasPrefix(lower, scheme) && len(s) > len(scheme) {
			return true
		}
	}
	return false
}
