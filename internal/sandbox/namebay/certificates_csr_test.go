package namebay_test

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
)

func TestCertCsrGeneration(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	body := map[string]any{
		"CommonName": "shop.example.com", "San": []string{"www.shop.example.com", "*.cdn.example.com"},
		"Organization": "Example SARL", "Unit": "Web", "City": "Monaco", "State": "Monaco", "Country": "MC",
		"Email": "admin@example.com",
	}
	ct := c.createContact("")
	for _, keySize := range []int{0, 3072} {
		body["KeySize"] = keySize
		var out struct{ CSR, PrivateKey string }
		c.do("POST", "Certificate/Csr", body).want(http.StatusOK).decode(&out)

		block, rest := pem.Decode([]byte(out.CSR))
		if block == nil || block.Type != "CERTIFICATE REQUEST" || strings.TrimSpace(string(rest)) != "" {
			t.Fatalf("CSR %q", out.CSR)
		}
		csr, err := x509.ParseCertificateRequest(block.Bytes)
		if err != nil || csr.CheckSignature() != nil {
			t.Fatalf("CSR does not parse or verify: %v", err)
		}
		s := csr.Subject
		if s.CommonName != "shop.example.com" || !slices.Equal(csr.DNSNames, []string{"shop.example.com", "www.shop.example.com", "*.cdn.example.com"}) ||
			!slices.Equal(s.Organization, []string{"Example SARL"}) || !slices.Equal(s.OrganizationalUnit, []string{"Web"}) ||
			!slices.Equal(s.Locality, []string{"Monaco"}) || !slices.Equal(s.Province, []string{"Monaco"}) || !slices.Equal(s.Country, []string{"MC"}) {
			t.Fatalf("CSR subject %s, names %v", s, csr.DNSNames)
		}
		if i := slices.IndexFunc(s.Names, func(a pkix.AttributeTypeAndValue) bool {
			return a.Type.Equal(asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 1})
		}); i < 0 || s.Names[i].Value != "admin@example.com" {
			t.Fatalf("CSR subject without the e-mail address: %v", s.Names)
		}
		pub, ok := csr.PublicKey.(*rsa.PublicKey)
		wantBits := max(keySize, 2048)
		if !ok || pub.N.BitLen() != wantBits {
			t.Fatalf("CSR key %T, want RSA of %d bits", csr.PublicKey, wantBits)
		}
		block, _ = pem.Decode([]byte(out.PrivateKey))
		if block == nil || block.Type != "PRIVATE KEY" {
			t.Fatalf("private key PEM of type %v", block)
		}
		key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
		if err != nil || !pub.Equal(key.(*rsa.PrivateKey).Public()) {
			t.Fatalf("the private key is not the CSR's: %v", err)
		}

		// The request orders a certificate of its RSA key.
		cert := c.issueCert("", certBody("WildcardSSL", out.CSR, "Http", ct, "www.shop.example.com", "*.cdn.example.com"))
		leaf := verifyIssued(t, c.download(cert.Handle), e.now())
		if !pub.Equal(leaf.PublicKey) || leaf.KeyUsage&x509.KeyUsageKeyEncipherment == 0 {
			t.Fatalf("RSA leaf key %T, usage %v", leaf.PublicKey, leaf.KeyUsage)
		}
	}

	for _, tt := range []struct {
		name   string
		change map[string]any
		field  string
	}{
		{"no common name", map[string]any{"CommonName": ""}, "CommonName"},
		{"upper-case common name", map[string]any{"CommonName": "Shop.example.com"}, "CommonName"},
		{"single label", map[string]any{"CommonName": "localhost"}, "CommonName"},
		{"bad San", map[string]any{"San": []string{"www..example.com"}}, "San"},
		{"key of 1024 bits", map[string]any{"KeySize": 1024}, "KeySize"},
		{"key of 2000 bits", map[string]any{"KeySize": 2000}, "KeySize"},
		{"key of 8192 bits", map[string]any{"KeySize": 8192}, "KeySize"},
		{"country in lower case", map[string]any{"Country": "fr"}, "Country"},
		{"unknown country", map[string]any{"Country": "XX"}, "Country"},
		{"bad e-mail", map[string]any{"Email": "nobody"}, "Email"},
		{"long organisation", map[string]any{"Organization": strings.Repeat("o", 65)}, "Organization"},
		{"control character", map[string]any{"City": "Mona\nco"}, "City"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req := maps.Clone(body)
			req["KeySize"] = 0
			maps.Copy(req, tt.change)
			c.on(t).do("POST", "Certificate/Csr", req).wantError(http.StatusUnprocessableEntity, 530, tt.field)
		})
	}
	c.do("POST", "Certificate/Csr", "[").wantError(http.StatusBadRequest, 400, "")
	var listed []certAnswer
	c.do("GET", "Certificate", nil).want(http.StatusOK).decode(&listed)
	if len(listed) != 2 || len(e.ledger()) != 2 {
		t.Fatalf("generating CSRs left certificates or ledger entries besides the two orders: %+v", listed)
	}
}

func TestCertOrderRefusals(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	ct := c.createContact("")
	good, _ := newCSR(t, "example.com", "www.example.com")
	rsaSmall, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	p224, err := ecdsa.GenerateKey(elliptic.P224(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	_, edKey, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode([]byte(good))
	tampered := slices.Clone(block.Bytes)
	tampered[len(tampered)-1] ^= 0xff
	key := newKey(t)
	csr := func(cn string, names ...string) string { return csrOf(t, key, cn, names...) }
	ours := []string{"example.com", "www.example.com"}

	tests := []struct {
		name         string
		change       map[string]any
		status, code int
		field        string
	}{
		{"unknown product", map[string]any{"ProductName": "MegaSSL"}, 422, 530, "ProductName"},
		{"missing product", map[string]any{"ProductName": ""}, 422, 530, "ProductName"},
		{"period zero", map[string]any{"Period": 0}, 422, 550, "Period"},
		{"period four", map[string]any{"Period": 4}, 422, 550, "Period"},
		{"unknown method", map[string]any{"ValidationMethod": "Fax"}, 422, 530, "ValidationMethod"},
		{"missing method", map[string]any{"ValidationMethod": ""}, 422, 530, "ValidationMethod"},
		{"missing CSR", map[string]any{"CSR": ""}, 422, 530, "CSR"},
		{"CSR not PEM", map[string]any{"CSR": "hello"}, 422, 530, "CSR"},
		{"certificate instead of a CSR", map[string]any{"CSR": strings.ReplaceAll(good, "CERTIFICATE REQUEST", "CERTIFICATE")}, 422, 530, "CSR"},
		{"tampered signature", map[string]any{"CSR": string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: tampered}))}, 422, 530, "CSR"},
		{"RSA of 1024 bits", map[string]any{"CSR": csrOf(t, rsaSmall, "example.com", ours...)}, 422, 530, "CSR"},
		{"ECDSA P-224", map[string]any{"CSR": csrOf(t, p224, "example.com", ours...)}, 422, 530, "CSR"},
		{"Ed25519", map[string]any{"CSR": csrOf(t, edKey, "example.com", ours...)}, 422, 530, "CSR"},
		{"no common name", map[string]any{"CSR": csr("", ours...)}, 422, 530, "CSR"},
		{"upper-case common name", map[string]any{"CSR": csr("Example.com", "Example.com", "www.example.com")}, 422, 530, "CSR"},
		{"common name with a final dot", map[string]any{"CSR": csr("example.com.", "www.example.com")}, 422, 530, "CSR"},
		{"wildcard common name", map[string]any{"CSR": csr("*.example.com", "www.example.com")}, 422, 530, "CSR"},
		{"wildcard San", map[string]any{"CSR": csr("example.com", "*.example.com"), "San": []string{"*.example.com"}}, 422, 530, "San"},
		{"upper-case San", map[string]any{"CSR": csr("example.com", "WWW.example.com"), "San": []string{"WWW.example.com"}}, 422, 530, "San"},
		{"San not a host name", map[string]any{"San": []string{"www..example.com"}}, 422, 530, "San"},
		{"too many names", map[string]any{"ProductName": "AlphaSSL", "CSR": csr("example.com", "www.example.com", "shop.example.com"), "San": []string{"www.example.com", "shop.example.com"}}, 422, 550, "San"},
		{"San repeats the common name", map[string]any{"San": []string{"example.com", "www.example.com"}}, 422, 551, "San"},
		{"San twice", map[string]any{"San": []string{"www.example.com", "www.example.com"}}, 422, 551, "San"},
		{"CSR names more", map[string]any{"CSR": csr("example.com", "www.example.com", "shop.example.com")}, 422, 530, "CSR"},
		{"CSR names fewer", map[string]any{"CSR": csr("example.com")}, 422, 530, "CSR"},
		{"e-mail without approver", map[string]any{"ValidationMethod": "Email"}, 422, 530, "ApproverEmail"},
		{"approver not listed", map[string]any{"ValidationMethod": "Email", "ApproverEmail": "ceo@example.com"}, 422, 530, "ApproverEmail"},
		{"missing admin", map[string]any{"AdminContact": ""}, 422, 530, "AdminContact"},
		{"unknown admin", map[string]any{"AdminContact": "CT-999999"}, 404, 510, "AdminContact"},
		{"missing billing", map[string]any{"BillingContact": nil}, 422, 530, "BillingContact"},
		{"unknown billing", map[string]any{"BillingContact": "CT-999999"}, 404, 510, "BillingContact"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := certBody("DomainSSL", good, "Dns", ct, "www.example.com")
			maps.Copy(body, tt.change)
			c.on(t).do("POST", "Certificate", body).wantError(tt.status, tt.code, tt.field)
		})
	}
	c.do("POST", "Certificate", "{").wantError(http.StatusBadRequest, 400, "")
	if n := len(e.ledger()); n != 0 {
		t.Fatalf("refused orders were billed: %d ledger entries", n)
	}

	// Accepted: a wildcard on WildcardSSL, ECDSA P-384, the CSR without
	// the common name among its DNS names.
	p384, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	c.orderCert("", certBody("WildcardSSL", csr("*.example.com", "*.example.com", "example.com"), "Dns", ct, "example.com"))
	c.orderCert("", certBody("DomainSSL", csrOf(t, p384, "example.com", "www.example.com"), "Dns", ct, "www.example.com"))
}
