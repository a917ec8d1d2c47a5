package dnsrecord_test

import "testing"

func TestCAA(t *testing.T) {
	t.Parallel()
	runDataCases(t, "CAA", []dataCase{
		{value: `0 issue "letsencrypt.org"`, want: `0 issue "letsencrypt.org"`},
		{value: `0 issue letsencrypt.org`, want: `0 issue "letsencrypt.org"`},
		{value: `0 ISSUE "letsencrypt.org"`, want: `0 issue "letsencrypt.org"`},
		{value: `0 IssueWild "sectigo.com"`, want: `0 issuewild "sectigo.com"`},
		{value: "  128\tissue   \"letsencrypt.org\"  ", want: `128 issue "letsencrypt.org"`},
		{value: `00 issue "x.example"`, want: `0 issue "x.example"`},
		{value: `0 issue ";"`, want: `0 issue ";"`},
		{value: `0 issue ""`, want: `0 issue ""`},
		{value: `0 issue "letsencrypt.org; validationmethods=dns-01"`, want: `0 issue "letsencrypt.org; validationmethods=dns-01"`},
		{value: `0 issue letsencrypt.org; validationmethods=dns-01`, want: `0 issue "letsencrypt.org; validationmethods=dns-01"`},
		{value: `0 issue "a\"b"`, want: `0 issue "a\"b"`},
		{value: `0 iodef "mailto:security@example.com"`, want: `0 iodef "mailto:security@example.com"`},
		{value: `0 iodef https://iodef.example.com/`, want: `0 iodef "https://iodef.example.com/"`},
		{value: `255 iodef "HTTP://iodef.example.com/"`, want: `255 iodef "HTTP://iodef.example.com/"`},

		{value: "", err: `CAA value is empty; write flags, tag and value, e.g. 0 issue "letsencrypt.org"`},
		{value: `issue "letsencrypt.org"`, err: `CAA value "issue \"letsencrypt.org\"" starts with "issue"; the flags come first, a number from 0 to 255`},
		{value: `256 issue "letsencrypt.org"`, err: `starts with "256"`},
		{value: `-1 issue "letsencrypt.org"`, err: `starts with "-1"`},
		{value: `"0" issue "letsencrypt.org"`, err: `starts with "0"`},
		{value: `0`, err: "has no tag"},
		{value: `0 issuemail "x.example"`, err: `has the tag "issuemail"; the tag is one of issue, issuewild, iodef`},
		{value: `0 "issue" "x.example"`, err: `has the tag "issue"; the tag is one of`},
		{value: `0 issue`, err: `has no value after the tag; write it quoted`},
		{value: `0 issue "a" "b"`, err: "has more after the quoted value; a CAA record holds one value"},
		{value: `0 issue "unterminated`, err: "without its closing quote"},
		{value: `0 issue a"b`, err: "has a quote inside an unquoted value; quote the whole value"},
		{value: `0 iodef "security@example.com"`, err: `has the iodef value "security@example.com"; iodef takes a mailto:, http:// or https:// URL`},
		{value: `0 iodef "mailto:"`, err: "iodef takes a mailto:"},
		{value: "0 issue \"a\tb\"", err: "control character U+0009"},
	})
}
