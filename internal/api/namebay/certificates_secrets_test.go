package namebay

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// generatedPair is a real key and CSR, as the API generates them.
var generatedPair = sync.OnceValues(func() (csrPEM, keyPEM string) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		panic(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		panic(err)
	}
	csr, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{
		Subject:  pkix.Name{CommonName: "example.com"},
		DNSNames: []string{"example.com", "www.example.com"},
	}, key)
	if err != nil {
		panic(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: csr})),
		string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
})

// keyLines are the base64 lines of a PEM key: none may appear in a log line
// or an error, whatever the escaping around them.
func keyLines(keyPEM string) []string {
	var lines []string
	for line := range strings.Lines(keyPEM) {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "-----") {
			lines = append(lines, line)
		}
	}
	return lines
}

// A GenerateCSR round trip logs its request and answer at TRACE with the
// private key masked, and no error quotes the key, whatever the answer.
func TestGeneratedPrivateKeyStaysOutOfLogsAndErrors(t *testing.T) {
	t.Parallel()
	csrPEM, keyPEM := generatedPair()
	answer := `{"CSR":` + jsonString(csrPEM) + `,"PrivateKey":` + jsonString(keyPEM) + `}`
	tests := []struct {
		name        string
		contentType string
		status      int
		body        string
		wantErr     bool
		wantMasked  string // a masked field the log must show; "" to skip
	}{
		{"answer", "application/json; charset=utf-8", 200, answer, false, `\"PrivateKey\":\"***\"`},
		{"answer labelled as HTML", "text/html", 200, answer, false, `\"PrivateKey\":\"***\"`},
		{"answer without CSR", "application/json", 200, `{"PrivateKey":` + jsonString(keyPEM) + `}`, true, `\"PrivateKey\":\"***\"`},
		{"answer of the wrong shape", "application/json", 200, `{"CSR":1,"PrivateKey":` + jsonString(keyPEM) + `}`, true, `\"PrivateKey\":\"***\"`},
		{"answer not JSON", "text/plain", 200, "key follows\n" + keyPEM, true, `PRIVATE KEY-----***-----END`},
		{"refusal echoing the key", "application/json", 500,
			`[{"Code":500,"Detail":"internal error","Data":{"PrivateKey":` + jsonString(keyPEM) + `}}]`, true, `\"PrivateKey\":\"***\"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			f.handle("POST /api/Certificate/Csr", func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				w.WriteHeader(tt.status)
				_, _ = io.WriteString(w, tt.body)
			})
			var logs syncBuffer
			ctx := tflogtest.RootLogger(t.Context(), &logs)
			got, err := f.client().GenerateCSR(ctx, "CL-000001", CSRRequest{CommonName: "example.com", San: []string{"www.example.com"}})
			switch {
			case tt.wantErr && err == nil:
				t.Fatalf("no error, got %+v", got)
			case !tt.wantErr && err != nil:
				t.Fatal(err)
			case !tt.wantErr && (got.PrivateKey != keyPEM || got.CSR != csrPEM):
				t.Fatalf("GenerateCSR = %+v, want the generated pair", got)
			}

			out := logs.String()
			if !strings.Contains(out, `\"CommonName\":\"example.com\"`) {
				t.Errorf("the request body was not logged:\n%s", out)
			}
			if !strings.Contains(out, tt.wantMasked) {
				t.Errorf("the logs do not show %s:\n%s", tt.wantMasked, out)
			}
			for _, line := range keyLines(keyPEM) {
				if strings.Contains(out, line) {
					t.Fatalf("the logs show the private key line %q:\n%s", line, out)
				}
				if err != nil && strings.Contains(err.Error(), line) {
					t.Fatalf("the error %q shows the private key", err)
				}
			}
			f.mustNotLeak(err)
		})
	}
}

// Formatting a generated key pair, as a log line or an error might, never
// shows the private key.
func TestGeneratedCSRFormatsWithoutKey(t *testing.T) {
	t.Parallel()
	g := GeneratedCSR{CSR: csrSample, PrivateKey: keySample}
	for _, format := range []string{"%v", "%+v", "%#v", "%s"} {
		for _, v := range []any{g, &g} {
			if out := fmt.Sprintf(format, v); strings.Contains(out, "MIIkey") || !strings.Contains(out, "MIIcsr") {
				t.Errorf("%s of %T = %q: want the CSR and no key", format, v, out)
			}
		}
	}
}
