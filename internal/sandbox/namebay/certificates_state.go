package namebay

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// Certificate statuses.
const (
	certPending = "PENDING"
	certIssued  = "ISSUED"
	certRevoked = "REVOKED"
	certExpired = "EXPIRED"
)

// certificate is a stored SSL certificate. CommonName, San and CSR are
// those of the current request; Leaf is the last certificate issued, which
// stays downloadable while a renewal or reissue waits for validation.
type certificate struct {
	Id               int64
	Handle           string
	Account          string
	ProductName      string
	Period           int // years ordered
	CommonName       string
	San              []string
	CSR              string // PEM, as sent
	ValidationMethod string
	ApproverEmail    string
	Admin            string // contact handles
	Billing          string
	AutoRenew        bool
	OrderId          string
	TicketId         string
	Token            string // of the current validation
	Pending          bool   // waiting for validation
	RenewYears       int    // added to ExpDate by the pending renewal's issuance
	Error            string // why the last validation failed
	RegDate          *time.Time
	ExpDate          *time.Time
	Expired          bool
	RevocationDate   *time.Time
	Leaf             string // PEM
	IssuedAt         time.Time
}

func (cert *certificate) status() string {
	switch {
	case cert.RevocationDate != nil:
		return certRevoked
	case cert.Expired:
		return certExpired
	case cert.Pending:
		return certPending
	default:
		return certIssued
	}
}

// product is the certificate's product; stored certificates only name
// products of the catalog.
func (cert *certificate) product() *certProduct { return certProductOf(cert.ProductName) }

// names lists the common name, then the other names.
func (cert *certificate) names() []string {
	return append([]string{cert.CommonName}, cert.San...)
}

// fqdns lists the names validated: every name, a wildcard as its base name,
// each once.
func (cert *certificate) fqdns() []string {
	var out []string
	for _, name := range cert.names() {
		base := strings.TrimPrefix(name, "*.")
		if !slices.Contains(out, base) {
			out = append(out, base)
		}
	}
	return out
}

// dnsTxt is the TXT record that DNS validation looks for.
func (cert *certificate) dnsTxt() string { return "globalsign-domain-verification=" + cert.Token }

// approverMails are the addresses that may approve an e-mail validation:
// the usual administrative mailboxes of the registrable part of the common
// name (its last two labels).
func approverMails(commonName string) []string {
	labels := strings.Split(strings.TrimPrefix(commonName, "*."), ".")
	domain := strings.Join(labels[max(len(labels)-2, 0):], ".")
	out := make([]string, 0, 5)
	for _, box := range []string{"admin", "administrator", "hostmaster", "postmaster", "webmaster"} {
		out = append(out, box+"@"+domain)
	}
	return out
}

func (cert *certificate) wire() wireCertDetails {
	fqdns := cert.fqdns()
	out := wireCertDetails{
		Handle: cert.Handle, CommonName: cert.CommonName, San: slices.Clone(cert.San),
		ProductName: cert.ProductName, Period: cert.Period,
		AdminContact: cert.Admin, BillingContact: cert.Billing,
		ValidationMethod: cert.ValidationMethod, ApproverEmail: cert.ApproverEmail,
		OrderId: cert.OrderId, TicketId: cert.TicketId, DnsTxt: cert.dnsTxt(), MetaTag: cert.Token,
		VerificationFQDNList: fqdns, ApproverMailList: approverMails(cert.CommonName),
		RegDate: cert.RegDate, ExpDate: cert.ExpDate, Status: cert.status(), AutoRenew: cert.AutoRenew,
		TicketState: "completed", Error: cert.Error, Account: cert.Account,
	}
	if out.San == nil {
		out.San = []string{}
	}
	for _, name := range fqdns {
		out.VerificationUrlList = append(out.VerificationUrlList, "http://"+name+"/")
		out.WellknownUrlList = append(out.WellknownUrlList, "http://"+name+"/.well-known/pki-validation/gsdv.txt")
	}
	if cert.Pending {
		out.TicketState = "pending"
	}
	return out
}

// loadCertificates reads the CA and the certificates back from the store.
func (e *Emulator) loadCertificates() error {
	w := e.world
	if err := platform.Load(w, caBucket, func(_ string, s storedCA) error {
		ca, err := s.parse()
		e.ca = ca
		return err
	}); err != nil {
		return err
	}
	return platform.Load(w, certsBucket, func(_ string, cert certificate) error {
		e.certs[cert.Handle] = &cert
		return nil
	})
}

func (e *Emulator) saveCertificate(tx *platform.Tx, cert *certificate) {
	tx.Put(certsBucket, cert.Handle, cert)
}

// certsInOrder lists the certificates matching keep, in id order.
func (e *Emulator) certsInOrder(keep func(*certificate) bool) []*certificate {
	var out []*certificate
	for _, cert := range e.certs {
		if keep(cert) {
			out = append(out, cert)
		}
	}
	slices.SortFunc(out, func(a, b *certificate) int { return cmp.Compare(a.Id, b.Id) })
	return out
}

// dueCertificates lists, in id order, the issued certificates whose expiry
// date has come. A certificate waiting for a paid renewal is left alone:
// the renewal extends it once validated.
func (e *Emulator) dueCertificates(now time.Time) []*certificate {
	return e.certsInOrder(func(cert *certificate) bool {
		return cert.RevocationDate == nil && !cert.Expired && cert.RenewYears == 0 &&
			cert.ExpDate != nil && !cert.ExpDate.After(now)
	})
}

// settleCertificates renews the certificates whose expiry date has passed
// when they auto-renew (billed, and issued at once), and expires the
// others.
func (e *Emulator) settleCertificates(now time.Time, tx *platform.Tx) {
	now = now.Truncate(time.Second)
	for _, cert := range e.dueCertificates(now) {
		if !cert.AutoRenew {
			cert.Expired, cert.Pending = true, false
			e.saveCertificate(tx, cert)
			continue
		}
		for !cert.ExpDate.After(now) {
			next := cert.ExpDate.AddDate(1, 0, 0)
			cert.ExpDate = &next
			e.bill(tx, cert.Account, cert.CommonName, "ssl.autorenew", 1, cert.product().Price)
		}
		if err := e.issue(tx, cert, now); err != nil {
			cert.Error = err.Error()
		}
		e.saveCertificate(tx, cert)
	}
}
