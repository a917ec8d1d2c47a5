package namebay

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// certificatePosts are the certificate requests sent as POST that change
// something: an order, a paid renewal and a reissue. None is retried.
var certificatePosts = []struct {
	name, pattern, path string
	call                func(context.Context, *Client) error
}{
	{"CreateCertificate", "POST /api/Certificate", "/api/Certificate", func(ctx context.Context, c *Client) error {
		_, err := c.CreateCertificate(ctx, "", NewCertificate{ProductName: "AlphaSSL", Period: 1, CSR: csrSample,
			ValidationMethod: ValidationDNS, AdminContact: "CT-000001", BillingContact: "CT-000001"})
		return err
	}},
	{"RenewCertificate", "POST /api/Certificate/{h}/Renew", "/api/Certificate/SSL-1/Renew", func(ctx context.Context, c *Client) error {
		_, err := c.RenewCertificate(ctx, "", "SSL-1", 1, "")
		return err
	}},
	{"ReissueCertificate", "POST /api/Certificate/{h}/Reissue", "/api/Certificate/SSL-1/Reissue", func(ctx context.Context, c *Client) error {
		_, err := c.ReissueCertificate(ctx, "", "SSL-1", newCSRSample, nil)
		return err
	}},
}

// A POST that fails is sent once, even by a client that retries what it
// may; a dropped connection leaves it ambiguous.
func TestCertificatePostsAreNeverRetried(t *testing.T) {
	t.Parallel()
	for _, tt := range certificatePosts {
		t.Run(tt.name+"/503", func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			f.answer(tt.pattern, http.StatusServiceUnavailable, `[{"Code":500,"Detail":"try again"}]`)
			err := tt.call(t.Context(), retryingClient(t, f))
			if !HasCode(err, 500) || IsAmbiguous(err) {
				t.Fatalf("err = %v, want the 503 answer", err)
			}
			assertOnlyRequest(t, f, tt.path)
		})
		t.Run(tt.name+"/dropped", func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			f.handle(tt.pattern, hangUp(t))
			err := tt.call(t.Context(), retryingClient(t, f))
			if !IsAmbiguous(err) {
				t.Fatalf("IsAmbiguous(%v) = false", err)
			}
			var reqErr *RequestError
			if !errors.As(err, &reqErr) || reqErr.Method != http.MethodPost || "/"+reqErr.Path != tt.path {
				t.Errorf("err = %#v, want a RequestError for POST %s", err, tt.path)
			}
			if IsNotFound(err) {
				t.Errorf("IsNotFound(%v) = true for a dropped connection", err)
			}
			assertOnlyRequest(t, f, tt.path)
			f.mustNotLeak(err)
		})
	}
}

// Reads, key generation (nothing is kept), settings, validation and
// revocation leave the same state when sent twice: a 503 and a connection dropped before the answer are retried.
func TestCertificateIdempotentRequestsAreRetried(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, pattern, path string
		status              int
		answer              string
		call                func(context.Context, *Client) error
	}{
		{"ListCertProducts", "GET /api/Certificate/Product", "/api/Certificate/Product", 200, certProductsSample, func(ctx context.Context, c *Client) error {
			_, err := c.ListCertProducts(ctx, "")
			return err
		}},
		{"FindCertificates", "GET /api/Certificate", "/api/Certificate", 200, `[` + pendingCertSample + `]`, func(ctx context.Context, c *Client) error {
			_, err := c.FindCertificates(ctx, "", "example.com")
			return err
		}},
		{"GenerateCSR", "POST /api/Certificate/Csr", "/api/Certificate/Csr", 200, `{"CSR":` + jsonString(csrSample) + `,"PrivateKey":` + jsonString(keySample) + `}`, func(ctx context.Context, c *Client) error {
			_, err := c.GenerateCSR(ctx, "", CSRRequest{CommonName: "example.com"})
			return err
		}},
		{"GetCertificate", "GET /api/Certificate/{h}", "/api/Certificate/SSL-1", 200, issuedCertSample, func(ctx context.Context, c *Client) error {
			_, err := c.GetCertificate(ctx, "", "SSL-1")
			return err
		}},
		{"UpdateCertificate", "PUT /api/Certificate/{h}", "/api/Certificate/SSL-1", 200, issuedCertSample, func(ctx context.Context, c *Client) error {
			_, err := c.UpdateCertificate(ctx, "", "SSL-1", true)
			return err
		}},
		{"ValidateCertificate", "PUT /api/Certificate/{h}/Validate", "/api/Certificate/SSL-1/Validate", 200, issuedCertSample, func(ctx context.Context, c *Client) error {
			_, err := c.ValidateCertificate(ctx, "", "SSL-1")
			return err
		}},
		{"DownloadCertificate", "GET /api/Certificate/{h}/Certificate", "/api/Certificate/SSL-1/Certificate", 200, issuedTextSample, func(ctx context.Context, c *Client) error {
			_, err := c.DownloadCertificate(ctx, "", "SSL-1")
			return err
		}},
		{"GetCertificateCSR", "GET /api/Certificate/{h}/csr", "/api/Certificate/SSL-1/csr", 200, csrTextSample, func(ctx context.Context, c *Client) error {
			_, err := c.GetCertificateCSR(ctx, "", "SSL-1")
			return err
		}},
		{"RevokeCertificate", "DELETE /api/Certificate/{h}", "/api/Certificate/SSL-1", 204, ``, func(ctx context.Context, c *Client) error {
			return c.RevokeCertificate(ctx, "", "SSL-1")
		}},
	}
	faults := map[string]func(*testing.T) http.HandlerFunc{
		"503": func(*testing.T) http.HandlerFunc {
			return func(w http.ResponseWriter, _ *http.Request) {
				writeJSON(w, http.StatusServiceUnavailable, `[{"Code":500,"Detail":"busy"}]`)
			}
		},
		"dropped": hangUp,
	}
	for _, tt := range tests {
		for fault, first := range faults {
			t.Run(tt.name+"/"+fault, func(t *testing.T) {
				t.Parallel()
				f := newFakeAPI(t)
				fail := first(t)
				var mu sync.Mutex
				var bodies []string
				f.handle(tt.pattern, func(w http.ResponseWriter, r *http.Request) {
					body, _ := io.ReadAll(r.Body)
					mu.Lock()
					bodies = append(bodies, string(body))
					n := len(bodies)
					mu.Unlock()
					if n == 1 {
						fail(w, r)
						return
					}
					writeJSON(w, tt.status, tt.answer)
				})
				if err := tt.call(t.Context(), retryingClient(t, f)); err != nil {
					t.Fatalf("after one failure (%s): %v", fault, err)
				}
				method, _, _ := strings.Cut(tt.pattern, " ")
				if n := len(f.calls(method, tt.path)); n != 2 {
					t.Errorf("requests = %d, want 2", n)
				}
				mu.Lock()
				defer mu.Unlock()
				if len(bodies) == 2 && bodies[0] != bodies[1] {
					t.Errorf("the retry sent %q after %q, want the same body", bodies[1], bodies[0])
				}
			})
		}
	}
}
