package namebay

import (
	"context"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"golang.org/x/net/publicsuffix"

	"github.com/resellerkit/terraform-provider-reseller/internal/api/namebay"
	"github.com/resellerkit/terraform-provider-reseller/internal/providerdata"
)

const (
	validationDNS   = "dns"
	validationHTTP  = "http"
	validationEmail = "email"

	onDestroyRevoke = "revoke"
)

// apiValidationMethod maps the schema's lower-case method to the API's.
var apiValidationMethod = map[string]string{
	validationDNS:   namebay.ValidationDNS,
	validationHTTP:  namebay.ValidationHTTP,
	validationEmail: namebay.ValidationEmail,
}

// certProducts reads the certificate catalog once per operation and account.
func certProducts(ctx context.Context, nb *providerdata.Namebay, user string) ([]namebay.CertProduct, error) {
	return nb.CertProducts.Get(ctx, user, func(ctx context.Context) ([]namebay.CertProduct, error) {
		return nb.Client.ListCertProducts(ctx, user)
	})
}

func findCertProduct(all []namebay.CertProduct, name string) *namebay.CertProduct {
	for i := range all {
		if all[i].ProductName == name {
			return &all[i]
		}
	}
	return nil
}

func certProductNames(all []namebay.CertProduct) string {
	names := make([]string, len(all))
	for i, p := range all {
		names[i] = p.ProductName
	}
	return strings.Join(names, ", ")
}

// csrNames reads the names a PEM certificate request asks for: its subject
// CN and DNS names, as a sorted set. It also refuses keys no CA signs.
func csrNames(csrPEM string) ([]string, error) {
	block, _ := pem.Decode([]byte(csrPEM))
	if block == nil || block.Type != "CERTIFICATE REQUEST" {
		return nil, errors.New(`the CSR is not a PEM "CERTIFICATE REQUEST" block`)
	}
	csr, err := x509.ParseCertificateRequest(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("the CSR cannot be parsed: %v", err)
	}
	if err := csr.CheckSignature(); err != nil {
		return nil, fmt.Errorf("the CSR's signature does not verify: %v", err)
	}
	switch key := csr.PublicKey.(type) {
	case *rsa.PublicKey:
		if key.N.BitLen() < 2048 {
			return nil, fmt.Errorf("the CSR's RSA key has %d bits; at least 2048 are needed", key.N.BitLen())
		}
	case *ecdsa.PublicKey:
		if name := key.Curve.Params().Name; name != "P-256" && name != "P-384" {
			return nil, fmt.Errorf("the CSR's ECDSA key is on %s; P-256 or P-384 are accepted", name)
		}
	default:
		return nil, fmt.Errorf("the CSR's key is a %T; RSA (2048 bits or more) or ECDSA (P-256, P-384) are accepted", key)
	}
	names := append([]string{}, csr.DNSNames...)
	if csr.Subject.CommonName != "" {
		names = append(names, csr.Subject.CommonName)
	}
	return sortedSet(names), nil
}

func sortedSet(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		out = append(out, strings.ToLower(strings.TrimSuffix(n, ".")))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// nameDifference explains how the names of a CSR differ from those planned.
func nameDifference(inCSR, planned []string) string {
	var missing, extra []string
	for _, n := range planned {
		if !slices.Contains(inCSR, n) {
			missing = append(missing, n)
		}
	}
	for _, n := range inCSR {
		if !slices.Contains(planned, n) {
			extra = append(extra, n)
		}
	}
	var parts []string
	if len(missing) > 0 {
		parts = append(parts, "it lacks "+strings.Join(missing, ", "))
	}
	if len(extra) > 0 {
		parts = append(parts, "it also names "+strings.Join(extra, ", "))
	}
	return strings.Join(parts, "; ")
}

// approverEmails are the addresses GlobalSign accepts for e-mail validation
// of a common name: the usual administrative boxes of its registrable domain.
func approverEmails(commonName string) []string {
	base, err := publicsuffix.EffectiveTLDPlusOne(strings.TrimPrefix(commonName, "*."))
	if err != nil {
		return nil
	}
	boxes := []string{"admin", "administrator", "hostmaster", "postmaster", "webmaster"}
	out := make([]string, len(boxes))
	for i, b := range boxes {
		out[i] = b + "@" + base
	}
	return out
}

// validationRecordType is the object type of one DNS record to publish.
var validationRecordType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"name":  types.StringType,
	"type":  types.StringType,
	"value": types.StringType,
}}

// validationRecords lists the TXT records DNS validation looks for: one per
// distinct name, with an absolute owner name.
func validationRecords(c *namebay.Certificate) types.List {
	if c.ValidationMethod != namebay.ValidationDNS || c.DnsTxt == "" {
		return types.ListValueMust(validationRecordType, []attr.Value{})
	}
	elems := make([]attr.Value, 0, len(c.VerificationFQDNList))
	for _, fqdn := range sortedSet(c.VerificationFQDNList) {
		elems = append(elems, types.ObjectValueMust(validationRecordType.AttrTypes, map[string]attr.Value{
			"name":  types.StringValue(fqdn + "."),
			"type":  types.StringValue("TXT"),
			"value": types.StringValue(c.DnsTxt),
		}))
	}
	return types.ListValueMust(validationRecordType, elems)
}

// plannedValidationRecords are the records DNS validation will ask for, as
// far as the plan knows them: the names follow from the configuration, the
// token only from the order. Known names let for_each build the records.
func plannedValidationRecords(method, commonName string, sans []string) types.List {
	if method != validationDNS {
		return types.ListValueMust(validationRecordType, []attr.Value{})
	}
	names := make([]string, 0, len(sans)+1)
	for _, n := range append(sans, commonName) {
		names = append(names, strings.TrimPrefix(n, "*."))
	}
	elems := []attr.Value{}
	for _, n := range sortedSet(names) {
		elems = append(elems, types.ObjectValueMust(validationRecordType.AttrTypes, map[string]attr.Value{
			"name":  types.StringValue(n + "."),
			"type":  types.StringValue("TXT"),
			"value": types.StringUnknown(),
		}))
	}
	return types.ListValueMust(validationRecordType, elems)
}

func listOfStrings(values []string) types.List {
	elems := make([]attr.Value, len(values))
	for i, v := range values {
		elems[i] = types.StringValue(v)
	}
	return types.ListValueMust(types.StringType, elems)
}

// issuedDates reads the validity of a PEM certificate.
func issuedDates(certPEM string) (notBefore, notAfter time.Time, err error) {
	block, _ := pem.Decode([]byte(certPEM))
	if block == nil {
		return time.Time{}, time.Time{}, errors.New("the issued certificate is not PEM")
	}
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	return cert.NotBefore, cert.NotAfter, nil
}

// samePEM compares two PEM texts, ignoring line endings and surrounding space.
func samePEM(a, b string) bool {
	norm := func(s string) string { return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")) }
	return norm(a) == norm(b)
}
