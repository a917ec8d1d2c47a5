package dnsrecord_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/resellerkit/terraform-provider-reseller/internal/dnsrecord"
)

func TestTXT(t *testing.T) {
	t.Parallel()
	a255 := strings.Repeat("a", 255)
	runDataCases(t, "TXT", []dataCase{
		// Unquoted text is taken byte for byte.
		{value: "v=spf1 -all", want: `"v=spf1 -all"`},
		{value: "  padded  ", want: `"  padded  "`},
		{value: `say "hi"`, want: `"say \"hi\""`},
		{value: `C:\path`, want: `"C:\\path"`},
		{value: "naïve café", want: `"naïve café"`},
		// Quoted strings are kept as written, spaces between them normalised.
		{value: `"v=spf1 -all"`, want: `"v=spf1 -all"`},
		{value: `"abc" "def"`, want: `"abc" "def"`},
		{value: "  \"abc\"\t\t\"def\"\n", want: `"abc" "def"`},
		{value: "\"v=DKIM1; k=rsa; \"\n\"p=MIIB\"\n", want: `"v=DKIM1; k=rsa; " "p=MIIB"`},
		{value: `"say \"hi\""`, want: `"say \"hi\""`},
		{value: `"C:\\path"`, want: `"C:\\path"`},
		{value: `""`, want: `""`},
		{value: `"" "x"`, want: `"" "x"`},
		{value: `"` + a255 + `"`, want: `"` + a255 + `"`},

		{value: "", err: `TXT value is empty; to publish an empty string, write it quoted: ""`},
		{value: `"abc" def`, err: `TXT value "\"abc\" def" mixes quoted strings with the unquoted word "def"`},
		{value: `"abc`, err: "has a quoted string without its closing quote"},
		{value: `"abc\"`, err: "without its closing quote"},
		{value: `"abc\`, err: "without its closing quote"},
		{value: `"abc"def`, err: "has text right after a closing quote; separate strings with a space"},
		{value: `"a\065"`, err: `has the escape \0; inside quotes only \" and \\ are escapes`},
		{value: `"a\nb"`, err: `has the escape \n`},
		{value: `"` + a255 + `a"`, err: "has a quoted string (number 1) of 256 bytes; a quoted string holds at most 255 bytes (write the text unquoted to have it split)"},
		{value: `"x" "` + a255 + `a"`, err: "(number 2) of 256 bytes"},
		{value: "v=spf1 -all\n", err: "holds the control character U+000A; record text is printable (a heredoc ends with a newline: wrap it in chomp())"},
		{value: "a\tb", err: "control character U+0009"},
		{value: "\"a\nb\"", err: "control character U+000A"},
		{value: "a\x7fb", err: "control character U+007F"},
		{value: strings.Repeat("x", 4097), err: "holds 4097 bytes of text; a TXT record holds at most 4096"},
		{value: strings.Repeat("x", 4096), err: "is 4146 bytes in the API's form"},
		{value: "a\xffb", err: "is not valid UTF-8"},
	})
}

func TestTXTChunking(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		text  string
		sizes []int // byte length of each string
	}{
		{name: "short", text: "hello", sizes: []int{5}},
		{name: "255 bytes", text: strings.Repeat("a", 255), sizes: []int{255}},
		{name: "256 bytes", text: strings.Repeat("a", 256), sizes: []int{255, 1}},
		{name: "600 bytes", text: strings.Repeat("0123456789", 60), sizes: []int{255, 255, 90}},
		{name: "two-byte rune across the boundary", text: strings.Repeat("a", 254) + "é" + "z", sizes: []int{254, 3}},
		{name: "two-byte rune ending at the boundary", text: strings.Repeat("a", 253) + "é" + "z", sizes: []int{255, 1}},
		{name: "four-byte rune across the boundary", text: strings.Repeat("a", 253) + "😀", sizes: []int{253, 4}},
		{name: "only two-byte runes", text: strings.Repeat("é", 300), sizes: []int{254, 254, 92}},
		{name: "quotes count once", text: "q" + strings.Repeat(`"`, 255), sizes: []int{255, 1}},
		{name: "4000 bytes", text: strings.Repeat("p", 4000), sizes: append(slices.Repeat([]int{255}, 15), 175)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, err := dnsrecord.CanonicalData("TXT", tc.text, nil)
			if err != nil {
				t.Fatal(err)
			}
			parts := splitStored(t, d.Data)
			if strings.Join(parts, "") != tc.text {
				t.Fatalf("strings %q do not join to the text", parts)
			}
			var sizes []int
			for _, p := range parts {
				sizes = append(sizes, len(p))
			}
			if !slices.Equal(sizes, tc.sizes) {
				t.Errorf("string sizes = %v, want %v", sizes, tc.sizes)
			}
		})
	}
}

// TestTXTStoredForm checks that the API's stored form of a text, quoted
// and split into strings, is the same record as the text written unquoted.
func TestTXTStoredForm(t *testing.T) {
	t.Parallel()
	dkim := "v=DKIM1; k=rsa; p=" + strings.Repeat("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", 10)
	cases := []struct{ text, stored string }{
		{text: "v=spf1 include:_spf.example.net ~all", stored: `"v=spf1 include:_spf.example.net ~all"`},
		{text: dkim, stored: `"` + dkim[:255] + `" "` + dkim[255:] + `"`},
		{text: strings.Repeat("x", 600), stored: `"` + strings.Repeat("x", 255) + `" "` + strings.Repeat("x", 255) + `" "` + strings.Repeat("x", 90) + `"`},
		{text: strings.Repeat("a", 254) + "é", stored: `"` + strings.Repeat("a", 254) + `" "é"`},
		{text: `quote " and backslash \`, stored: `"quote \" and backslash \\"`},
	}
	for _, tc := range cases {
		t.Run(tc.text[:min(len(tc.text), 20)], func(t *testing.T) {
			t.Parallel()
			mine, err := dnsrecord.Canonical("example.com", "TXT", "@", tc.text, nil)
			if err != nil {
				t.Fatal(err)
			}
			if mine.Data != tc.stored {
				t.Errorf("Data = %q, want the stored form %q", mine.Data, tc.stored)
			}
			stored, err := dnsrecord.FromAPI("example.com", "@", "TXT", dnsrecord.RData{Data: tc.stored, Weight: int64p(0)})
			if err != nil {
				t.Fatal(err)
			}
			if !mine.Equal(stored) {
				t.Errorf("unquoted %+v and stored %+v differ", mine, stored)
			}
			if got := stored.Display().Value; got != tc.text {
				t.Errorf("Display().Value = %q, want the plain text %q", got, tc.text)
			}
		})
	}
}

func TestTXTChunkBoundariesMatter(t *testing.T) {
	t.Parallel()
	// Strings are kept as written: "ab" "cd" is not "abcd" on the wire, and
	// changing one into the other must reach the API.
	joined, err := dnsrecord.Canonical("example.com", "TXT", "@", `"abcd"`, nil)
	if err != nil {
		t.Fatal(err)
	}
	split, err := dnsrecord.Canonical("example.com", "TXT", "@", `"ab" "cd"`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if joined.Equal(split) {
		t.Error(`"abcd" and "ab" "cd" compare equal`)
	}
	plain, err := dnsrecord.Canonical("example.com", "TXT", "@", "abcd", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !plain.Equal(joined) {
		t.Error(`abcd and "abcd" differ`)
	}
}

func TestTXTDisplay(t *testing.T) {
	t.Parallel()
	cases := []struct{ stored, want string }{
		{stored: `"v=spf1 -all"`, want: "v=spf1 -all"},
		{stored: `"  padded  "`, want: "  padded  "},
		{stored: `"say \"hi\""`, want: `say "hi"`},
		{stored: `"ab" "cd"`, want: `"ab" "cd"`},
		{stored: `""`, want: `""`},
		{stored: `"\"quoted\""`, want: `"\"quoted\""`},
		{stored: `"  \"x"`, want: `"  \"x"`},
		{stored: `"` + strings.Repeat("a", 200) + `" "` + strings.Repeat("b", 100) + `"`, want: `"` + strings.Repeat("a", 200) + `" "` + strings.Repeat("b", 100) + `"`},
	}
	for _, tc := range cases {
		t.Run(tc.stored, func(t *testing.T) {
			t.Parallel()
			r, err := dnsrecord.FromAPI("example.com", "txt", "TXT", dnsrecord.RData{Data: tc.stored})
			if err != nil {
				t.Fatal(err)
			}
			d := r.Display()
			if d.Value != tc.want || d.Priority != nil || d.Name != "txt" {
				t.Errorf("Display() = %+v, want value %q", d, tc.want)
			}
			back, err := dnsrecord.Canonical("example.com", "TXT", d.Name, d.Value, d.Priority)
			if err != nil || !back.Equal(r) {
				t.Errorf("Canonical(Display()) = %+v, %v; want %+v", back, err, r)
			}
		})
	}
}

// splitStored reads the API's quoted form back into its strings.
func splitStored(t *testing.T, data string) []string {
	t.Helper()
	if !strings.HasPrefix(data, `"`) || !strings.HasSuffix(data, `"`) {
		t.Fatalf("stored form %q is not quoted", data)
	}
	var parts []string
	for _, p := range strings.Split(data[1:len(data)-1], `" "`) {
		parts = append(parts, strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(p))
	}
	return parts
}
