package namebay

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

const (
	caBucket = "namebay.ca"
	caKey    = "ca"
	// caLifetime outlasts any certificate the sandbox can issue, however
	// far its clock is moved.
	caLifetime = 100 // years
)

// certAuthority is the sandbox's certification authority: a root and the
// intermediate that signs every certificate. It is made on first use and
// kept in the store, so certificates issued before a restart still verify.
// The root's key is never needed again and is not kept.
type certAuthority struct {
	intermediate *x509.Certificate
	key          *ecdsa.PrivateKey // the intermediate's
	chain        string            // PEM: the intermediate, then the root
}

// storedCA is the store's copy of the authority, in PEM.
type storedCA struct {
	Root            string
	Intermediate    string
	IntermediateKey string // PKCS #8
}

// authority returns the sandbox's CA, making (and storing) it the first
// time.
func (e *Emulator) authority(tx *platform.Tx, now time.Time) (*certAuthority, error) {
	if e.ca != nil {
		return e.ca, nil
	}
	stored, err := newStoredCA(now)
	if err != nil {
		return nil, err
	}
	ca, err := stored.parse()
	if err != nil {
		return nil, err
	}
	tx.Put(caBucket, caKey, stored)
	e.ca = ca
	return ca, nil
}

// newStoredCA makes a root and an intermediate, valid from a day before now.
func newStoredCA(now time.Time) (storedCA, error) {
	rootKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return storedCA{}, err
	}
	interKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return storedCA{}, err
	}
	from := now.Add(-24 * time.Hour).Truncate(time.Second)
	until := from.AddDate(caLifetime, 0, 0)
	root := &x509.Certificate{
		SerialNumber: randomSerial(),
		Subject:      pkix.Name{Organization: []string{"Namebay Sandbox"}, CommonName: "Namebay Sandbox Root CA"},
		NotBefore:    from, NotAfter: until,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true, IsCA: true,
	}
	rootDER, err := x509.CreateCertificate(rand.Reader, root, root, rootKey.Public(), rootKey)
	if err != nil {
		return storedCA{}, fmt.Errorf("signing the sandbox root CA: %w", err)
	}
	if root, err = x509.ParseCertificate(rootDER); err != nil {
		return storedCA{}, err
	}
	inter := &x509.Certificate{
		SerialNumber: randomSerial(),
		Subject:      pkix.Name{Organization: []string{"Namebay Sandbox"}, CommonName: "Namebay Sandbox DV CA"},
		NotBefore:    from, NotAfter: until,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true, IsCA: true, MaxPathLenZero: true,
	}
	interDER, err := x509.CreateCertificate(rand.Reader, inter, root, interKey.Public(), rootKey)
	if err != nil {
		return storedCA{}, fmt.Errorf("signing the sandbox intermediate CA: %w", err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(interKey)
	if err != nil {
		return storedCA{}, err
	}
	return storedCA{
		Root:            pemString("CERTIFICATE", rootDER),
		Intermediate:    pemString("CERTIFICATE", interDER),
		IntermediateKey: pemString("PRIVATE KEY", keyDER),
	}, nil
}

// parse reads the stored authority back.
func (s storedCA) parse() (*certAuthority, error) {
	block, _ := pem.Decode([]byte(s.Intermediate))
	if block == nil {
		return nil, errors.New("the stored intermediate CA is not PEM")
	}
	inter, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("the stored intermediate CA: %w", err)
	}
	if block, _ = pem.Decode([]byte(s.IntermediateKey)); block == nil {
		return nil, errors.New("the stored intermediate CA key is not PEM")
	}
	key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("the stored intermediate CA key: %w", err)
	}
	ecKey, ok := key.(*ecdsa.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("the stored intermediate CA key is a %T, not ECDSA", key)
	}
	return &certAuthority{intermediate: inter, key: ecKey, chain: s.Intermediate + s.Root}, nil
}

// sign issues a server certificate for pub: the first name is the subject
// CN, every name a DNS SAN.
func (ca *certAuthority) sign(pub any, names []string, notBefore, notAfter time.Time) (string, error) {
	usage := x509.KeyUsageDigitalSignature
	if _, isRSA := pub.(*rsa.PublicKey); isRSA {
		usage |= x509.KeyUsageKeyEncipherment
	}
	leaf := &x509.Certificate{
		SerialNumber: randomSerial(),
		Subject:      pkix.Name{CommonName: names[0]},
		DNSNames:     names,
		NotBefore:    notBefore, NotAfter: notAfter,
		KeyUsage:              usage,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, leaf, ca.intermediate, pub, ca.key)
	if err != nil {
		return "", fmt.Errorf("signing the certificate of %s: %w", names[0], err)
	}
	return pemString("CERTIFICATE", der), nil
}

// randomSerial draws a positive serial number of up to 128 bits.
func randomSerial() *big.Int {
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		// crypto/rand does not fail on the platforms Go supports.
		panic(err)
	}
	return n.Add(n, big.NewInt(1))
}

func pemString(typ string, der []byte) string {
	return string(pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}))
}
