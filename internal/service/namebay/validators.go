package namebay

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/resellerkit/terraform-provider-reseller/internal/dnsrecord"
	"github.com/resellerkit/terraform-provider-reseller/internal/service/validate"
)

// stringCheck is a plan-time string validator from a description and a check
// that returns what is wrong, or "" when the value is fine.
type stringCheck = validate.Check

func countryCode() validator.String {
	return stringCheck{
		Text: "an ISO 3166-1 alpha-2 country code in upper case",
		Test: func(s string) string {
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

func emailAddress() validator.String { return validate.EmailAddress() }

var phonePattern = regexp.MustCompile(`^\+[0-9]{1,3}\.[0-9]{4,14}$`)

func phoneNumber() validator.String {
	return stringCheck{
		Text: "a phone number in the registry form +CC.NUMBER, e.g. +33.123456789",
		Test: func(s string) string {
			if phonePattern.MatchString(s) {
				return ""
			}
			return fmt.Sprintf("phone %q must be in the registry form +CC.NUMBER: a plus sign, the country calling code, a dot, then 4 to 14 digits (e.g. +33.123456789)", s)
		},
	}
}

func domainName() validator.String { return validate.DomainName() }

func hostName() validator.String {
	return stringCheck{
		Text: "a host name such as ns1.example.net",
		Test: func(s string) string {
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
