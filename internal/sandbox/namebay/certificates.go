package namebay

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// renewalWindow is how long before its expiry date a certificate can be
// renewed.
const renewalWindow = 90 * 24 * time.Hour

// findCertificate returns the certificate of the path's {certificate} if
// the caller can reach it.
func (c *call) findCertificate() (*certificate, error) {
	handle := c.r.PathValue("certificate")
	if cert := c.e.certs[handle]; cert != nil && c.reaches(cert.Account) {
		return cert, nil
	}
	return nil, errNotFound("", "Certificate %q does not exist.", handle)
}

// findLiveCertificate is findCertificate for the operations a revoked
// certificate refuses.
func (c *call) findLiveCertificate() (*certificate, error) {
	cert, err := c.findCertificate()
	if err != nil {
		return nil, err
	}
	if cert.status() == certRevoked {
		return nil, errStatus("The certificate %s (%s) is revoked: order a new one.", cert.Handle, cert.CommonName)
	}
	return cert, nil
}

// contactHandle checks a contact handle of a body and returns it.
func (c *call) contactHandle(handle, field string) (string, error) {
	handle = strings.TrimSpace(handle)
	if handle == "" {
		return "", errInvalid(field, "%s is required: a contact handle.", field)
	}
	ct, err := c.findContact(handle, field)
	if err != nil {
		return "", err
	}
	return ct.Handle, nil
}

// newValidation starts a validation of cert's current request: a new
// token and ticket, and the status PENDING.
func (c *call) newValidation(cert *certificate) {
	cert.Token = platform.RandomSecret(32)
	cert.TicketId = c.newTicketId()
	cert.Pending, cert.Error = true, ""
}

// listCertificates serves one page of the acting account's certificates,
// in id order.
func (e *Emulator) listCertificates(c *call) error {
	name := normalizeHostName(c.r.URL.Query().Get("commonName"))
	certs := e.certsInOrder(func(cert *certificate) bool {
		return cert.Account == c.acting.Handle && (name == "" || cert.CommonName == name)
	})
	start, end, err := c.paginate(len(certs))
	if err != nil {
		return err
	}
	out := make([]wireCertDetails, 0, end-start)
	for _, cert := range certs[start:end] {
		out = append(out, cert.wire())
	}
	return c.reply(http.StatusOK, out)
}

func (e *Emulator) orderCertificate(c *call) error {
	var in newCertificate
	if err := c.decode(&in); err != nil {
		return err
	}
	p := certProductOf(in.ProductName)
	if p == nil {
		return unknownCertProduct(in.ProductName)
	}
	if err := p.checkPeriod(in.Period); err != nil {
		return err
	}
	method, ok := validationMethodOf(in.ValidationMethod)
	if !ok {
		return errInvalid("ValidationMethod", "ValidationMethod %q is not one of %s.", in.ValidationMethod, strings.Join(validationMethods, ", "))
	}
	req, err := p.checkRequest(in.CSR, in.San, "")
	if err != nil {
		return err
	}
	approver := strings.TrimSpace(in.ApproverEmail)
	if method == "Email" {
		mails := approverMails(req.CommonName)
		i := slices.IndexFunc(mails, func(m string) bool { return strings.EqualFold(m, approver) })
		if i < 0 {
			return errInvalid("ApproverEmail", "E-mail validation needs an ApproverEmail among %s.", strings.Join(mails, ", "))
		}
		approver = mails[i]
	}
	admin, err := c.contactHandle(in.AdminContact, "AdminContact")
	if err != nil {
		return err
	}
	billing, err := c.contactHandle(in.BillingContact, "BillingContact")
	if err != nil {
		return err
	}

	id := e.world.Next(c.tx, certSeq)
	cert := &certificate{
		Id: id, Handle: fmt.Sprintf("SSL-%06d", id), Account: c.acting.Handle, OrderId: fmt.Sprintf("GS-%06d", id),
		ProductName: p.ProductName, Period: in.Period, CommonName: req.CommonName, San: req.San, CSR: req.CSR,
		ValidationMethod: method, ApproverEmail: approver, Admin: admin, Billing: billing, AutoRenew: in.AutoRenew,
	}
	c.newValidation(cert)
	e.certs[cert.Handle] = cert
	e.saveCertificate(c.tx, cert)
	e.bill(c.tx, cert.Account, cert.CommonName, "ssl.create", in.Period, p.Price)
	return c.reply(http.StatusAccepted, cert.wire())
}

func (e *Emulator) getCertificate(c *call) error {
	cert, err := c.findCertificate()
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, cert.wire())
}

// editCertificate turns auto-renewal on or off.
func (e *Emulator) editCertificate(c *call) error {
	cert, err := c.findLiveCertificate()
	if err != nil {
		return err
	}
	var in editCertificate
	if err := c.decode(&in); err != nil {
		return err
	}
	if in.AutoRenew != nil {
		cert.AutoRenew = *in.AutoRenew
		e.saveCertificate(c.tx, cert)
	}
	return c.reply(http.StatusOK, cert.wire())
}

// validateCertificate runs the validation of a pending request now.
func (e *Emulator) validateCertificate(c *call) error {
	cert, err := c.findLiveCertificate()
	if err != nil {
		return err
	}
	switch cert.status() {
	case certExpired:
		return errStatus("The certificate %s (%s) has expired: renew it first.", cert.Handle, cert.CommonName)
	case certPending:
		if err := e.validate(c.tx, cert, c.now.Truncate(time.Second)); err != nil {
			return err
		}
		e.saveCertificate(c.tx, cert)
	}
	return c.reply(http.StatusOK, cert.wire())
}

// downloadCertificate serves the last certificate issued, with its chain.
func (e *Emulator) downloadCertificate(c *call) error {
	cert, err := c.findCertificate()
	if err != nil {
		return err
	}
	if cert.Leaf == "" {
		return newError(http.StatusNotFound, 570, "", "The certificate %s (%s) has not been issued yet: validate it first.", cert.Handle, cert.CommonName)
	}
	ca, err := e.authority(c.tx, c.now)
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, wireIssued{
		Handle: cert.Handle, CommonName: cert.CommonName, Certificate: cert.Leaf, Chain: ca.chain,
		RegistrationDate: cert.IssuedAt, RevocationDate: cert.RevocationDate, Revoked: cert.RevocationDate != nil,
	})
}

func (e *Emulator) getCertificateCsr(c *call) error {
	cert, err := c.findCertificate()
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, wireCsr{CSR: cert.CSR, CommonName: cert.CommonName})
}

// renewCertificate orders Period more years, billed now and added to the
// expiry date once the new validation passes.
func (e *Emulator) renewCertificate(c *call) error {
	cert, err := c.findLiveCertificate()
	if err != nil {
		return err
	}
	switch {
	case cert.ExpDate == nil:
		return errStatus("The certificate %s (%s) has not been issued yet: validate it before renewing it.", cert.Handle, cert.CommonName)
	case cert.RenewYears > 0:
		return errStatus("The certificate %s (%s) already has a renewal waiting for validation: validate it.", cert.Handle, cert.CommonName)
	}
	var in renewCertificate
	if err := c.decode(&in); err != nil {
		return err
	}
	p := cert.product()
	if err := p.checkPeriod(in.Period); err != nil {
		return err
	}
	if opens := cert.ExpDate.Add(-renewalWindow); c.now.Before(opens) {
		return errTooEarly("Too early to renew: the certificate %s (%s) expires on %s and can be renewed from %s.",
			cert.Handle, cert.CommonName, cert.ExpDate.Format(time.DateOnly), opens.Format(time.DateOnly))
	}
	if strings.TrimSpace(in.CSR) != "" {
		req, err := p.checkRequest(in.CSR, cert.San, cert.CommonName)
		if err != nil {
			return err
		}
		cert.CSR = req.CSR
	}
	cert.RenewYears, cert.Expired = in.Period, false
	c.newValidation(cert)
	e.saveCertificate(c.tx, cert)
	e.bill(c.tx, cert.Account, cert.CommonName, "ssl.renew", in.Period, p.Price)
	return c.reply(http.StatusAccepted, cert.wire())
}

// reissueCertificate replaces the key or the other names of a certificate,
// free of charge and without changing its expiry date.
func (e *Emulator) reissueCertificate(c *call) error {
	cert, err := c.findLiveCertificate()
	if err != nil {
		return err
	}
	if cert.status() == certExpired {
		return errStatus("The certificate %s (%s) has expired: renew it instead.", cert.Handle, cert.CommonName)
	}
	var in reissueCertificate
	if err := c.decode(&in); err != nil {
		return err
	}
	req, err := cert.product().checkRequest(in.CSR, in.San, cert.CommonName)
	if err != nil {
		return err
	}
	cert.CSR, cert.San = req.CSR, req.San
	c.newValidation(cert)
	e.saveCertificate(c.tx, cert)
	return c.reply(http.StatusAccepted, cert.wire())
}

// revokeCertificate serves DELETE: the certificate is revoked, not
// removed, and nothing is refunded. Revoking it again changes nothing.
func (e *Emulator) revokeCertificate(c *call) error {
	cert, err := c.findCertificate()
	if err != nil {
		return err
	}
	if cert.RevocationDate == nil {
		now := c.now.Truncate(time.Second)
		cert.RevocationDate, cert.Pending = &now, false
		e.saveCertificate(c.tx, cert)
	}
	return c.noContent()
}
