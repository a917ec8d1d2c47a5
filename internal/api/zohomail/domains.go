package zohomail

import (
	"context"
	"errors"
	"fmt"
	"net/http"
)

// Domain is a domain of an organisation.
type Domain struct {
	DomainName  string
	Primary     bool
	Verified    bool
	CNAMECode   string // zb + 8 digits: the CNAME <code>.<domain> and the TXT zoho-verification=<code>.zmverify.zoho.com prove the domain
	HTMLCode    string
	MailHosting bool
}

// VerifyResult is the outcome of a verification attempt. A failed
// verification (the DNS record is not there yet) is a result, not an error.
type VerifyResult struct {
	Verified bool
	Error    string // e.g. "CNAME_RECORD_NOT_FOUND"
	Message  string
}

// Domain reads a domain of an organisation.
func (c *Client) Domain(ctx context.Context, zoid ZOID, domain string) (*Domain, error) {
	if zoid == "" || domain == "" {
		return nil, errors.New("zoho mail: Domain: the zoid and the domain are required")
	}
	r := request{service: serviceMail, method: http.MethodGet, path: domainRoute(zoid, domain), scope: scopeDomainRead}
	data, err := c.call(ctx, r)
	if err != nil {
		return nil, err
	}
	var w struct {
		DomainName            string `json:"domainName"`
		Primary               bool   `json:"primary"`
		VerificationStatus    bool   `json:"verificationStatus"`
		CNAMEVerificationCode string `json:"CNAMEVerificationCode"`
		HTMLVerificationCode  string `json:"HTMLVerificationCode"`
		MailHostingEnabled    bool   `json:"mailHostingEnabled"`
	}
	if err := decodeData(r, data, &w); err != nil {
		return nil, err
	}
	return &Domain{
		DomainName:  w.DomainName,
		Primary:     w.Primary,
		Verified:    w.VerificationStatus,
		CNAMECode:   w.CNAMEVerificationCode,
		HTMLCode:    w.HTMLVerificationCode,
		MailHosting: w.MailHostingEnabled,
	}, nil
}

// verifyModes maps the provider's verification methods to Zoho's modes.
var verifyModes = map[string]string{
	"cname": "verifyDomainByCName",
	"txt":   "verifyDomainByTXT",
	"html":  "verifyDomainByHTML",
}

// VerifyDomain asks Zoho to verify domain by mode: "cname", "txt" or
// "html". A domain already verified is Verified. It tries the newer path
// .../domains/{domain}/verifyDomain and, when that answers 404, the older
// .../domains/{domain}. Each attempt is sent once.
func (c *Client) VerifyDomain(ctx context.Context, zoid ZOID, domain, mode string) (VerifyResult, error) {
	zohoMode, ok := verifyModes[mode]
	if !ok {
		return VerifyResult{}, fmt.Errorf("zoho mail: VerifyDomain: the mode %q is not one of cname, txt, html", mode)
	}
	if zoid == "" || domain == "" {
		return VerifyResult{}, errors.New("zoho mail: VerifyDomain: the zoid and the domain are required")
	}
	res, err := c.verify(ctx, verifyDomainRoute(zoid, domain), zohoMode)
	if IsNotFound(err) {
		res, err = c.verify(ctx, domainRoute(zoid, domain), zohoMode)
	}
	return res, err
}

func (c *Client) verify(ctx context.Context, path, mode string) (VerifyResult, error) {
	r := request{service: serviceMail, method: http.MethodPut, path: path, once: true, scope: scopeDomainUpdate}
	if err := jsonBody(&r, map[string]string{"mode": mode}); err != nil {
		return VerifyResult{}, err
	}
	data, err := c.call(ctx, r)
	if apiErr, ok := errors.AsType[*APIError](err); ok && apiErr.ErrorCode == CodeDomainAlreadyVerified {
		return VerifyResult{Verified: true, Message: apiErr.Message}, nil
	}
	if err != nil {
		return VerifyResult{}, err
	}
	var w struct {
		Status  bool   `json:"status"`
		Error   string `json:"error"`
		Message string `json:"message"`
	}
	if err := decodeData(r, data, &w); err != nil {
		return VerifyResult{}, err
	}
	return VerifyResult{Verified: w.Status, Error: w.Error, Message: w.Message}, nil
}
