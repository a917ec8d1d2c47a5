package namebay

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// RSA key sizes the CSR route generates, the first by default.
var csrKeySizes = []int{2048, 3072, 4096}

// minRSABits is the smallest RSA key an order accepts.
const minRSABits = 2048

// maxSubjectField bounds the subject fields of a generated CSR (the X.509
// upper bound of an organisation name).
const maxSubjectField = 64

// oidEmailAddress is the PKCS #9 e-mail address of a subject.
var oidEmailAddress = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 1}

// certNameProblem says what is wrong with a certificate name, or "" when it
// is a host name in lower case without a final dot (with a leading "*."
// when wildcard allows it).
func certNameProblem(name string, wildcard bool) string {
	base, isWildcard := strings.CutPrefix(name, "*.")
	switch {
	case !isDomainName(base):
		return fmt.Sprintf("%q is not a host name in lower case without a final dot", name)
	case isWildcard && !wildcard:
		return fmt.Sprintf("%q is a wildcard name, which only %s takes", name, wildcardProducts())
	}
	return ""
}

// parseCSR reads a PEM certificate request and checks its signature and
// key.
func parseCSR(raw string) (*x509.CertificateRequest, error) {
	if strings.TrimSpace(raw) == "" {
		return nil, errInvalid("CSR", "CSR is required: a PEM CERTIFICATE REQUEST (POST api/Certificate/Csr makes one).")
	}
	block, _ := pem.Decode([]byte(strings.TrimSpace(raw)))
	if block == nil || block.Type != "CERTIFICATE REQUEST" {
		return nil, errInvalid("CSR", "CSR is not a PEM CERTIFICATE REQUEST.")
	}
	csr, err := x509.ParseCertificateRequest(block.Bytes)
	if err != nil {
		return nil, errInvalid("CSR", "The CSR cannot be read: %v.", err)
	}
	if err := csr.CheckSignature(); err != nil {
		return nil, errInvalid("CSR", "The signature of the CSR does not match its key: %v.", err)
	}
	switch key := csr.PublicKey.(type) {
	case *rsa.PublicKey:
		if bits := key.N.BitLen(); bits < minRSABits {
			return nil, errInvalid("CSR", "The CSR's RSA key has %d bits: it needs %d or more.", bits, minRSABits)
		}
	case *ecdsa.PublicKey:
		if key.Curve != elliptic.P256() && key.Curve != elliptic.P384() {
			return nil, errInvalid("CSR", "The CSR's ECDSA key is on %s: use P-256 or P-384.", key.Curve.Params().Name)
		}
	default:
		return nil, errInvalid("CSR", "The CSR's key is %s: use RSA of %d bits or more, or ECDSA P-256 or P-384.", csr.PublicKeyAlgorithm, minRSABits)
	}
	return csr, nil
}

// certRequest is a checked request: the CSR as sent, its common name, and
// the other names.
type certRequest struct {
	CSR        string
	CommonName string
	San        []string
}

// checkRequest checks a CSR and the other names of an order, renewal or
// reissue of product p. commonName, when not "", is the name the CSR must
// keep.
func (p *certProduct) checkRequest(csrPEM string, san []string, commonName string) (certRequest, error) {
	csr, err := parseCSR(csrPEM)
	if err != nil {
		return certRequest{}, err
	}
	cn := csr.Subject.CommonName
	if cn == "" {
		return certRequest{}, errInvalid("CSR", "The CSR has no common name (CN).")
	}
	if problem := certNameProblem(cn, p.Wildcard); problem != "" {
		return certRequest{}, errInvalid("CSR", "The common name of the CSR: %s.", problem)
	}
	if commonName != "" && cn != commonName {
		return certRequest{}, errInvalid("CSR", "The CSR names %s, but the common name of this certificate is %s and cannot change: order a new certificate instead.", cn, commonName)
	}
	if len(san) > p.MaxSan {
		return certRequest{}, errPolicy("San", "%s takes at most %d names besides the common name, not %d.", p.ProductName, p.MaxSan, len(san))
	}
	wanted := []string{cn}
	for _, name := range san {
		if problem := certNameProblem(name, p.Wildcard); problem != "" {
			return certRequest{}, errInvalid("San", "San: %s.", problem)
		}
		if slices.Contains(wanted, name) {
			return certRequest{}, newError(http.StatusUnprocessableEntity, 551, "San", "San lists %s twice (the common name counts): list each other name once.", name)
		}
		wanted = append(wanted, name)
	}
	inCSR := append([]string{cn}, csr.DNSNames...)
	var missing, extra []string
	for _, name := range wanted {
		if !slices.Contains(inCSR, name) {
			missing = append(missing, name)
		}
	}
	for _, name := range inCSR {
		if !slices.Contains(wanted, name) && !slices.Contains(extra, name) {
			extra = append(extra, name)
		}
	}
	if len(missing)+len(extra) > 0 {
		var diff []string
		if len(missing) > 0 {
			diff = append(diff, "the CSR lacks "+strings.Join(missing, ", "))
		}
		if len(extra) > 0 {
			diff = append(diff, "the CSR names "+strings.Join(extra, ", ")+", which San does not list")
		}
		return certRequest{}, errInvalid("CSR", "The CSR must name exactly the common name and San: %s.", strings.Join(diff, "; "))
	}
	return certRequest{CSR: csrPEM, CommonName: cn, San: append([]string{}, san...)}, nil
}

// generateCsr serves POST api/Certificate/Csr: a new RSA key and a request
// signed with it. Nothing is kept.
func (e *Emulator) generateCsr(c *call) error {
	var in csrRequest
	if err := c.decode(&in); err != nil {
		return err
	}
	subject, err := csrSubject(in)
	if err != nil {
		return err
	}
	names := []string{subject.CommonName}
	for _, name := range in.San {
		if problem := certNameProblem(name, true); problem != "" {
			return errInvalid("San", "San: %s.", problem)
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	bits := in.KeySize
	if bits == 0 {
		bits = csrKeySizes[0]
	}
	if !slices.Contains(csrKeySizes, bits) {
		return errInvalid("KeySize", "KeySize must be one of 2048, 3072 or 4096 bits, not %d.", in.KeySize)
	}
	key, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		return err
	}
	der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{
		Subject: subject, DNSNames: names, SignatureAlgorithm: x509.SHA256WithRSA,
	}, key)
	if err != nil {
		return err
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, csrAnswer{CSR: pemString("CERTIFICATE REQUEST", der), PrivateKey: pemString("PRIVATE KEY", keyDER)})
}

// csrSubject checks the subject fields of a CSR to generate.
func csrSubject(in csrRequest) (pkix.Name, error) {
	var subject pkix.Name
	if problem := certNameProblem(in.CommonName, true); problem != "" {
		return subject, errInvalid("CommonName", "CommonName: %s.", problem)
	}
	subject.CommonName = in.CommonName
	for _, f := range []struct {
		field, value string
		into         *[]string
	}{
		{"Organization", in.Organization, &subject.Organization},
		{"Unit", in.Unit, &subject.OrganizationalUnit},
		{"City", in.City, &subject.Locality},
		{"State", in.State, &subject.Province},
	} {
		value := strings.TrimSpace(f.value)
		if len(value) > maxSubjectField || strings.ContainsFunc(value, isControl) {
			return subject, errInvalid(f.field, "%s is at most %d printable characters.", f.field, maxSubjectField)
		}
		if value != "" {
			*f.into = []string{value}
		}
	}
	if in.Country != "" {
		if !isCountry(in.Country) {
			return subject, errInvalid("Country", "Country %q is not an ISO 3166-1 alpha-2 country code in upper case (for example FR).", in.Country)
		}
		subject.Country = []string{in.Country}
	}
	if in.Email != "" {
		if !isMailAddress(in.Email) {
			return subject, errInvalid("Email", "Email %q is not an e-mail address.", in.Email)
		}
		subject.ExtraNames = []pkix.AttributeTypeAndValue{{Type: oidEmailAddress, Value: in.Email}}
	}
	return subject, nil
}

func isControl(r rune) bool { return r < ' ' || r == 0x7f }
