// Package validate holds the plan-time string checks the partner families
// share: domain names and e-mail addresses.
package validate

import (
	"context"
	"fmt"
	"net/mail"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/resellerkit/terraform-provider-reseller/internal/dnsrecord"
)

// Check is a plan-time string validator from a description and a check that
// returns what is wrong, or "" when the value is fine.
type Check struct {
	Text string
	Test func(string) string
}

func (v Check) Description(context.Context) string         { return v.Text }
func (v Check) MarkdownDescription(context.Context) string { return v.Text }

func (v Check) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if problem := v.Test(req.ConfigValue.ValueString()); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid value", problem)
	}
}

// EmailAddress accepts a bare address such as name@example.com.
func EmailAddress() validator.String {
	return Check{
		Text: "an e-mail address such as name@example.com",
		Test: func(s string) string {
			addr, err := mail.ParseAddress(s)
			if err != nil || addr.Address != s || !strings.Contains(s[strings.LastIndex(s, "@")+1:], ".") {
				return fmt.Sprintf("%q is not an e-mail address; write a bare address such as name@example.com", s)
			}
			return ""
		},
	}
}

// DomainName accepts a domain in its canonical form: lower-case ASCII,
// internationalised labels as xn--, no final dot.
func DomainName() validator.String {
	return Check{
		Text: "a domain name in lower-case ASCII (internationalised names in their xn-- form)",
		Test: func(s string) string {
			canonical, err := dnsrecord.CanonicalZone(s)
			if err != nil {
				return err.Error()
			}
			if canonical != s {
				return fmt.Sprintf("write the domain name as %q: lower-case ASCII, internationalised labels in their xn-- form, no final dot", canonical)
			}
			return ""
		},
	}
}
