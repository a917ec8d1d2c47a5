package acctest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// IspLogin is the seeded ispmanager account.
const IspLogin = "reseller@example.com"

// IspCall calls a BILLmanager func as the seeded account, behind the
// provider's back, and returns the answer's "doc" object. It fails the test
// when the answer carries an error.
func (s *Sandbox) IspCall(t testing.TB, fn string, params map[string]string) map[string]any {
	t.Helper()
	form := url.Values{"func": {fn}, "out": {"json"}}
	for k, v := range params {
		form.Set(k, v)
	}
	resp, err := http.Post(s.URL+"/_sandbox/as/"+IspLogin+"/ispmanager/billmgr", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatalf("%s: %v", fn, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var answer struct{ Doc map[string]any }
	if err := json.Unmarshal(body, &answer); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: HTTP %d: %s (%v)", fn, resp.StatusCode, body, err)
	}
	if e, ok := answer.Doc["error"]; ok {
		t.Fatalf("%s: error %v", fn, e)
	}
	return answer.Doc
}

// IspLicense reads one licence's form as the seeded account: field name to
// text value.
func (s *Sandbox) IspLicense(t testing.TB, id string) map[string]string {
	t.Helper()
	doc := s.IspCall(t, "soft.edit", map[string]string{"elid": id})
	out := map[string]string{}
	for k, v := range doc {
		if m, ok := v.(map[string]any); ok {
			if text, ok := m["$"].(string); ok {
				out[k] = text
			}
		}
	}
	return out
}

// SetIspBalance sets the seeded account's balance, e.g. "5.00".
func (s *Sandbox) SetIspBalance(t testing.TB, balance string) {
	t.Helper()
	s.admin(t, http.MethodPut, "/_sandbox/ispmanager/balance", map[string]string{"Login": IspLogin, "Balance": balance}, nil)
}
