package namebay_test

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"net/http"
	"testing"
	"time"
)

// newKey makes an ECDSA P-256 key, fast enough for every test.
func newKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

// csrOf makes a PEM certificate request of key for commonName and the DNS
// names given.
func csrOf(t *testing.T, key crypto.Signer, commonName string, dnsNames ...string) string {
	t.Helper()
	der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{
		Subject: pkix.Name{CommonName: commonName}, DNSNames: dnsNames,
	}, key)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der}))
}

// newCSR makes a request with a new key for commonName and the other names,
// listed in the CSR as DNS names after the common name.
func newCSR(t *testing.T, commonName string, san ...string) (string, *ecdsa.PrivateKey) {
	t.Helper()
	key := newKey(t)
	return csrOf(t, key, commonName, append([]string{commonName}, san...)...), key
}

func certBody(product, csr, method, contact string, san ...string) map[string]any {
	if san == nil {
		san = []string{}
	}
	return map[string]any{
		"ProductName": product, "Period": 1, "CSR": csr, "San": san, "ValidationMethod": method,
		"AdminContact": contact, "BillingContact": contact,
	}
}

type certAnswer struct {
	Handle, CommonName, ProductName, AdminContact, BillingContact, ValidationMethod string
	ApproverEmail, OrderId, TicketId, DnsTxt, MetaTag, Status, TicketState, Error   string
	Account                                                                         string
	San, VerificationFQDNList, VerificationUrlList, WellknownUrlList                []string
	ApproverMailList                                                                []string
	Period                                                                          int
	PossiblePhishingDetected, AutoRenew                                             bool
	RegDate, ExpDate                                                                *time.Time
}

type issuedAnswer struct {
	Handle, CommonName, Certificate, Chain string
	RegistrationDate                       time.Time
	RevocationDate                         *time.Time
	Revoked                                bool
}

// orderCert orders a certificate and returns it, pending.
func (c *client) orderCert(query string, body map[string]any) certAnswer {
	c.e.t.Helper()
	var cert certAnswer
	c.do("POST", "Certificate"+query, body).want(http.StatusAccepted).decode(&cert)
	return cert
}

// certCall calls a certificate route and decodes its CertDetails.
func (c *client) certCall(method, path string, body any, status int) certAnswer {
	c.e.t.Helper()
	var cert certAnswer
	c.do(method, path, body).want(status).decode(&cert)
	return cert
}

func (c *client) validateCert(handle string) certAnswer {
	c.e.t.Helper()
	return c.certCall("PUT", "Certificate/"+handle+"/Validate", nil, http.StatusOK)
}

func (c *client) getCert(handle string) certAnswer {
	c.e.t.Helper()
	return c.certCall("GET", "Certificate/"+handle, nil, http.StatusOK)
}

// issueCert orders a certificate validated over HTTP (which passes by
// default) and validates it.
func (c *client) issueCert(query string, body map[string]any) certAnswer {
	c.e.t.Helper()
	body["ValidationMethod"] = "Http"
	cert := c.orderCert(query, body)
	if got := c.validateCert(cert.Handle); got.Status != "ISSUED" {
		c.e.t.Fatalf("certificate %s after validation: %+v", cert.Handle, got)
	}
	return c.getCert(cert.Handle)
}

func (c *client) download(handle string) issuedAnswer {
	c.e.t.Helper()
	var out issuedAnswer
	c.do("GET", "Certificate/"+handle+"/Certificate", nil).want(http.StatusOK).decode(&out)
	return out
}

// addTXT adds a TXT record to a zone.
func (c *client) addTXT(zone, host, data string) {
	c.e.t.Helper()
	c.do("POST", "Zone/"+zone+"/Record", map[string]any{"Host": host, "Type": "TXT", "Data": data}).want(http.StatusCreated)
}

// now is the sandbox time.
func (e *env) now() time.Time {
	e.t.Helper()
	var clock struct{ Now time.Time }
	e.admin("GET", "/_sandbox/clock", nil).want(http.StatusOK).decode(&clock)
	return clock.Now
}

func (e *env) settings(change map[string]any) {
	e.t.Helper()
	e.admin("PUT", "/_sandbox/settings", change).want(http.StatusOK)
}

// verifyIssued checks that an issued certificate verifies at the time at
// against its chain (the intermediate, then the root) and returns it.
func verifyIssued(t *testing.T, issued issuedAnswer, at time.Time) *x509.Certificate {
	t.Helper()
	leaf := parseCertificates(t, issued.Certificate)
	chain := parseCertificates(t, issued.Chain)
	if len(leaf) != 1 || len(chain) != 2 {
		t.Fatalf("%d certificates and a chain of %d, want 1 and 2", len(leaf), len(chain))
	}
	intermediate, root := chain[0], chain[1]
	if !intermediate.IsCA || !root.IsCA || root.CheckSignatureFrom(root) != nil || intermediate.CheckSignatureFrom(root) != nil {
		t.Fatalf("the chain is not an intermediate CA then its self-signed root: %s then %s", intermediate.Subject, root.Subject)
	}
	roots, intermediates := x509.NewCertPool(), x509.NewCertPool()
	roots.AddCert(root)
	intermediates.AddCert(intermediate)
	// A second of slack: the wall clock of a busy machine may step back
	// between the issuance and the reading of the sandbox time.
	if _, err := leaf[0].Verify(x509.VerifyOptions{
		Roots: roots, Intermediates: intermediates, CurrentTime: at.Add(time.Second),
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}); err != nil {
		t.Fatalf("the certificate does not verify at %s: %v", at, err)
	}
	return leaf[0]
}

func parseCertificates(t *testing.T, raw string) []*x509.Certificate {
	t.Helper()
	var out []*x509.Certificate
	rest := []byte(raw)
	for {
		var block *pem.Block
		if block, rest = pem.Decode(rest); block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			t.Fatalf("PEM block %q, want CERTIFICATE", block.Type)
		}
		cert, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, cert)
	}
	return out
}

// on returns c reporting its failures to t, for subtests.
func (c *client) on(t *testing.T) *client {
	e := *c.e
	e.t = t
	return &client{e: &e, auth: c.auth}
}
