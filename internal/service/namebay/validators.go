package namebay

import (
	"context"
	"fmt"
	"net/mail"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/resellerkit/terraform-provider-reseller/internal/dnsrecord"
)

// stringCheck is a plan-time string validator from a description and a check
// that returns what is wrong, or "" when the value is fine.
type stringCheck struct {
	description string
	check       func(string) string
}

func (v stringCheck) Description(context.Context) string         { return v.description }
func (v stringCheck) MarkdownDescription(context.Context) string { return v.description }

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if problem := v.check(req.ConfigValue.ValueString()); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid value", problem)
	}
}

func countryCode() validator.String {
	return stringCheck{
		description: "an ISO 3166-1 alpha-2 country code in upper case",
		check: func(s string) string {
			if countryCodes[s] {
				return ""
			}
			if countryCodes[strings.ToUpper(s)] {
				return fmt.Sprintf("country %q must be written in upper case: %q", s, strings.ToUpper(s))
			}
			return fmt.Sprintf("country %q is not an ISO 3166-1 alpha-2 code (two upper-case letters such as FR, DE, US, MC)", s)
		},
	}
}

func emailAddress() validator.String {
	return stringCheck{
		description: "an e-mail address such as name@example.com",
		check: func(s string) string {
			addr, err := mail.ParseAddress(s)
			if err != nil || addr.Address != s || !strings.Contains(s[strings.LastIndex(s, "@")+1:], ".") {
				return fmt.Sprintf("%q is not an e-mail address; write a bare address such as name@example.com", s)
			}
			return ""
		},
	}
}

var phonePattern = regexp.MustCompile(`^\+[0-9]{1,3}\.[0-9]{4,14}$`)

func phoneNumber() validator.String {
	return stringCheck{
		description: "a phone number in the registry form +CC.NUMBER, e.g. +33.123456789",
		check: func(s string) string {
			if phonePattern.MatchString(s) {
				return ""
			}
			return fmt.Sprintf("phone %q must be in the registry form +CC.NUMBER: a plus sign, the country calling code, a dot, then 4 to 14 digits (e.g. +33.123456789)", s)
		},
	}
}

func domainName() validator.String {
	return stringCheck{
		description: "a domain name in lower-case ASCII (internationalised names in their xn-- form)",
		check: func(s string) string {
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

func hostName() validator.String {
	return stringCheck{
		description: "a host name such as ns1.example.net",
		check: func(s string) string {
			if _, err := dnsrecord.CanonicalData(dnsrecord.TypeNS, s, nil); err != nil {
				return err.Error()
			}
			if strings.ToLower(strings.TrimSuffix(s, ".")) != s {
				return fmt.Sprintf("write the name server %q in lower case without the final dot: %q", s, strings.ToLower(strings.TrimSuffix(s, ".")))
			}
			return ""
		},
	}
}
