package namebay

import (
	"github.com/resellerkit/terraform-provider-reseller/internal/transport"

	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
)

// CodeTooEarlyToRenew is the error code of a renewal asked for more than 90
// days before the certificate expires (422).
const CodeTooEarlyToRenew = 726

// ListCertProducts returns the SSL certificate catalog.
func (c *Client) ListCertProducts(ctx context.Context, user string) ([]CertProduct, error) {
	return getList[CertProduct](ctx, c, request{path: routeCertProducts, user: user})
}

// GenerateCSR has the API generate a key pair and a signing request for the
// names in req. The API keeps neither, so the private key exists only in the
// answer: the caller must store it as a secret. Nothing is kept or billed, so
// unlike other POSTs it is retried like a read.
func (c *Client) GenerateCSR(ctx context.Context, user string, req CSRRequest) (*GeneratedCSR, error) {
	req.San = nonNil(req.San)
	r := request{method: http.MethodPost, path: routeCSR, user: user, body: req}
	out, err := sendOne[GeneratedCSR](transport.WithIdempotent(ctx), c, r)
	if err != nil {
		return nil, err
	}
	if out.CSR == "" || out.PrivateKey == "" {
		return nil, fmt.Errorf("namebay: %s %s: the answer lacks the CSR or the private key", r.method, r.path)
	}
	return out, nil
}

// CreateCertificate orders a certificate. The API answers at once with the
// order pending validation. A paid operation, never retried blindly: after
// an error for which IsAmbiguous is true, look for the order with
// FindCertificates before ordering again.
func (c *Client) CreateCertificate(ctx context.Context, user string, order NewCertificate) (*Certificate, error) {
	order.San = nonNil(order.San)
	r := request{method: http.MethodPost, path: routeCertificates, user: user, body: order}
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return decodeOrRead(r, a, func() (*Certificate, error) { return c.certificateOfTicket(ctx, r, a) })
}

// certificateOfTicket finds the order that the ticket answer a created. The
// common name is in the CSR only, so the whole account is searched.
func (c *Client) certificateOfTicket(ctx context.Context, r request, a *answer) (*Certificate, error) {
	ts, err := tickets(r, a)
	if err != nil {
		return nil, err
	}
	if len(ts) == 0 || ts[0].Data.TicketId == "" {
		return nil, fmt.Errorf("namebay: %s %s: the order was accepted but the answer names no certificate; look it up with FindCertificates before ordering again", r.method, r.path)
	}
	ticket := ts[0].Data.TicketId
	all, err := c.FindCertificates(ctx, r.user, "")
	if err != nil {
		return nil, err
	}
	for i := range all {
		if string(all[i].TicketId) == ticket {
			return &all[i], nil
		}
	}
	return nil, fmt.Errorf("namebay: %s %s: the order was accepted with ticket %s but no certificate lists it", r.method, r.path, ticket)
}

// FindCertificates lists the certificates of the account user whose common
// name is commonName, in handle order; with commonName "", all of them. A
// common name can have several orders, current or revoked.
func (c *Client) FindCertificates(ctx context.Context, user, commonName string) ([]Certificate, error) {
	r := request{path: routeCertificates, user: user}
	if commonName != "" {
		r.query = url.Values{"commonName": {commonName}}
	}
	all, err := listAll(ctx, c, r, func(cert Certificate) string { return cert.Handle })
	if err != nil {
		if isMissing(err) {
			return nil, nil
		}
		return nil, err
	}
	if commonName == "" {
		return all, nil
	}
	// The filter is a proposal: keep exact matches only, whatever the server did.
	return slices.DeleteFunc(all, func(cert Certificate) bool { return !sameName(cert.CommonName, commonName) }), nil
}

// GetCertificate reads a certificate order by handle.
func (c *Client) GetCertificate(ctx context.Context, user, handle string) (*Certificate, error) {
	return getOne[Certificate](ctx, c, request{path: certificateRoute(handle), user: user})
}

// UpdateCertificate turns automatic renewal on or off. The API refuses
// (409, code 570) once the certificate is revoked.
func (c *Client) UpdateCertificate(ctx context.Context, user, handle string, autoRenew bool) (*Certificate, error) {
	return c.changeCertificate(ctx, request{method: http.MethodPut, path: certificateRoute(handle), user: user, body: certEdit{AutoRenew: autoRenew}}, handle)
}

// ValidateCertificate runs the validation of a pending order now. It answers
// the order: CertIssued when the validation passed, otherwise still
// CertPending with Error saying what is missing. Running it twice does no
// harm, so it is retried like any PUT.
func (c *Client) ValidateCertificate(ctx context.Context, user, handle string) (*Certificate, error) {
	return c.changeCertificate(ctx, request{method: http.MethodPut, path: certificateValidateRoute(handle), user: user}, handle)
}

// DownloadCertificate returns the certificate last issued for an order.
// Before the first issuance the API answers 404 (code 570), for which
// IsNotFound is true.
func (c *Client) DownloadCertificate(ctx context.Context, user, handle string) (*IssuedCertificate, error) {
	return getOne[IssuedCertificate](ctx, c, request{path: issuedCertificateRoute(handle), user: user})
}

// GetCertificateCSR returns the signing request an order currently uses.
func (c *Client) GetCertificateCSR(ctx context.Context, user, handle string) (*CertificateCSR, error) {
	return getOne[CertificateCSR](ctx, c, request{path: certificateCSRRoute(handle), user: user})
}

// RenewCertificate renews an order for period years, with a new CSR or, when
// csr is "", the current one. The order goes back to CertPending with new
// validation values. More than 90 days before ExpDate the API refuses with
// code CodeTooEarlyToRenew. A paid operation, never retried blindly: after
// an error for which IsAmbiguous is true, read the order to see whether its
// validation values changed.
func (c *Client) RenewCertificate(ctx context.Context, user, handle string, period int64, csr string) (*Certificate, error) {
	return c.changeCertificate(ctx, request{method: http.MethodPost, path: certificateRenewRoute(handle), user: user, body: certRenewal{Period: period, CSR: csr}}, handle)
}

// ReissueCertificate replaces the key or the names of an order, within the
// product's limits: csr must name the common name plus san. Free, and the
// expiry date stays; the order goes back to CertPending. Never retried
// blindly: after an error for which IsAmbiguous is true, read the order and
// its CSR to see whether the reissue was taken.
func (c *Client) ReissueCertificate(ctx context.Context, user, handle, csr string, san []string) (*Certificate, error) {
	return c.changeCertificate(ctx, request{method: http.MethodPost, path: certificateReissueRoute(handle), user: user, body: certReissue{CSR: csr, San: nonNil(san)}}, handle)
}

// RevokeCertificate revokes a certificate; nothing is refunded. The order
// stays, as CertRevoked. A handle that does not exist is an error for which
// IsNotFound is true.
func (c *Client) RevokeCertificate(ctx context.Context, user, handle string) error {
	_, err := c.do(ctx, request{method: http.MethodDelete, path: certificateRoute(handle), user: user})
	return err
}

// changeCertificate sends a change to the order handle and returns the order
// as it now is, read back when the answer does not hold it.
func (c *Client) changeCertificate(ctx context.Context, r request, handle string) (*Certificate, error) {
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return decodeOrRead(r, a, func() (*Certificate, error) { return c.GetCertificate(ctx, r.user, handle) })
}
