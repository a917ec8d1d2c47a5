package namebay

import (
	"fmt"
	"strings"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// Validation methods, as the API writes them.
var validationMethods = []string{"Dns", "Http", "Email"}

// validationMethodOf returns the method called name, in the API's spelling.
func validationMethodOf(name string) (string, bool) {
	for _, m := range validationMethods {
		if strings.EqualFold(m, strings.TrimSpace(name)) {
			return m, true
		}
	}
	return "", false
}

// validate runs the validation of cert's current request and issues it
// when it passes; otherwise cert.Error says what is missing.
func (e *Emulator) validate(tx *platform.Tx, cert *certificate, now time.Time) error {
	if problem := e.validationProblem(cert); problem != "" {
		cert.Error = problem
		return nil
	}
	return e.issue(tx, cert, now)
}

// validationProblem says why the validation of cert does not pass, or ""
// when it does. HTTP and e-mail validation cannot really run: the sandbox
// settings decide them.
func (e *Emulator) validationProblem(cert *certificate) string {
	settings := e.world.Settings()
	switch cert.ValidationMethod {
	case "Dns":
		want := cert.dnsTxt()
		for _, fqdn := range cert.fqdns() {
			if !e.hasTxt(cert.Account, fqdn, want) {
				return fmt.Sprintf("No TXT record %q at %s in a zone hosted by Namebay: add it, then validate again.", want, fqdn)
			}
		}
	case "Http":
		if settings.CertHttpValidationFails {
			return fmt.Sprintf("http://%s/.well-known/pki-validation/gsdv.txt does not answer the MetaTag %s.", cert.fqdns()[0], cert.Token)
		}
	case "Email":
		if settings.CertEmailValidationFails {
			return fmt.Sprintf("%s has not approved the request yet.", cert.ApproverEmail)
		}
	}
	return ""
}

// hasTxt reports whether fqdn has a TXT record whose text is value, in the
// zone that is the longest suffix of fqdn among those of owner's estate.
func (e *Emulator) hasTxt(owner, fqdn, value string) bool {
	estate := e.estateOf(owner)
	for zoneName := fqdn; zoneName != ""; _, zoneName, _ = strings.Cut(zoneName, ".") {
		z := e.zonesByName[zoneName]
		if z == nil || e.estateOf(z.Account) != estate {
			continue
		}
		host := "@"
		if zoneName != fqdn {
			host = strings.TrimSuffix(fqdn, "."+zoneName)
		}
		for _, r := range z.byHost[host] {
			if r.Type == "TXT" && txtText(r.Data) == value {
				return true
			}
		}
		return false
	}
	return false
}

// estateOf is the reseller whose estate the account handle belongs to: a
// client's reseller, or the account itself.
func (e *Emulator) estateOf(handle string) string {
	accounts := e.world.Accounts
	if acct := accounts.ByHandle(Family, handle); acct != nil && acct.Kind == platform.KindClient {
		if reseller := accounts.ByLogin(Family, acct.Reseller); reseller != nil {
			return reseller.Handle
		}
	}
	return handle
}

// txtText is the text of stored TXT data: its quoted strings, joined.
func txtText(data string) string {
	parts, err := parseQuoted(data)
	if err != nil {
		return ""
	}
	return strings.Join(parts, "")
}

// issue completes cert's pending request with a new certificate. The first
// issuance runs Period years from now; a renewal extends ExpDate (from now
// once it has passed); a reissue keeps it.
func (e *Emulator) issue(tx *platform.Tx, cert *certificate, now time.Time) error {
	var expires time.Time
	switch {
	case cert.ExpDate == nil:
		expires = now.AddDate(cert.Period, 0, 0)
	case cert.RenewYears > 0:
		expires = cert.ExpDate.AddDate(cert.RenewYears, 0, 0)
		if cert.ExpDate.Before(now) {
			expires = now.AddDate(cert.RenewYears, 0, 0)
		}
	default:
		expires = *cert.ExpDate
	}
	ca, err := e.authority(tx, now)
	if err != nil {
		return err
	}
	req, err := parseCSR(cert.CSR)
	if err != nil {
		return err
	}
	leaf, err := ca.sign(req.PublicKey, cert.names(), now, expires)
	if err != nil {
		return err
	}
	cert.Leaf, cert.IssuedAt, cert.ExpDate = leaf, now, &expires
	if cert.RegDate == nil {
		cert.RegDate = &now
	}
	cert.Pending, cert.RenewYears, cert.Error = false, 0, ""
	return nil
}
