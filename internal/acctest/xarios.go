package acctest

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// XariosLogin is the seeded Xarios reseller.
const XariosLogin = "xarios-reseller"

// XariosOutOfBand calls the Xarios API (path after v1.0/) as the seeded
// reseller, behind the provider's back, and returns the status and the
// envelope's data.
func (s *Sandbox) XariosOutOfBand(t testing.TB, method, path string, body any) (int, map[string]any) {
	t.Helper()
	var reader io.Reader
	if body != nil {
		reader = strings.NewReader(string(JSON(t, body)))
	}
	req, err := http.NewRequest(method, s.URL+"/_sandbox/as/"+XariosLogin+"/xarios/api/v1.0/"+path, reader)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	var env struct {
		Data json.RawMessage
	}
	raw, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(raw, &env)
	var data map[string]any
	_ = json.Unmarshal(env.Data, &data)
	return resp.StatusCode, data
}
