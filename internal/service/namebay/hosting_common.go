package namebay

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/resellerkit/terraform-provider-reseller/internal/api/namebay"
	"github.com/resellerkit/terraform-provider-reseller/internal/providerdata"
)

// offers reads the hosting catalog once per operation and account.
func offers(ctx context.Context, nb *providerdata.Namebay, user string) ([]namebay.HostingOffer, error) {
	return nb.Offers.Get(ctx, user, func(ctx context.Context) ([]namebay.HostingOffer, error) {
		return nb.Client.ListHostingOffers(ctx, user)
	})
}

func findOffer(all []namebay.HostingOffer, productID string) *namebay.HostingOffer {
	for i := range all {
		if all[i].ProductId == productID {
			return &all[i]
		}
	}
	return nil
}

func offerIDs(all []namebay.HostingOffer) string {
	ids := make([]string, len(all))
	for i, o := range all {
		ids[i] = o.ProductId
	}
	return strings.Join(ids, ", ")
}

// smallestOfferAbove names the cheapest-ranked offer whose limit, read by
// limit, exceeds current; "" when none does.
func smallestOfferAbove(all []namebay.HostingOffer, current int64, limit func(namebay.HostingOffer) int64) string {
	var best *namebay.HostingOffer
	for i := range all {
		o := &all[i]
		if limit(*o) > current && (best == nil || o.Rank < best.Rank) {
			best = o
		}
	}
	if best == nil {
		return ""
	}
	return fmt.Sprintf("%s (%s, %d)", best.ProductId, best.Name, limit(*best))
}

// raiseHint is a sentence naming the smallest offer whose limit, read by
// limit, exceeds current; "" when none does.
func raiseHint(all []namebay.HostingOffer, current int64, what string, limit func(namebay.HostingOffer) int64) string {
	if up := smallestOfferAbove(all, current, limit); up != "" {
		return fmt.Sprintf(" The offer %s allows more %s.", up, what)
	}
	return ""
}

// errPackNotFound reports that no hosting pack serves a domain.
var errPackNotFound = errors.New("hosting pack not found")

// packOf finds the hosting pack of domain, once per operation. FTP users and
// databases name their pack by domain, which is what users write and import.
func packOf(ctx context.Context, nb *providerdata.Namebay, user, domain string) (*namebay.Hosting, error) {
	return nb.Packs.Get(ctx, providerdata.SnapshotKey(user, domain), func(ctx context.Context) (*namebay.Hosting, error) {
		h, err := nb.Client.FindHosting(ctx, user, domain)
		if err != nil {
			return nil, err
		}
		if h == nil {
			return nil, fmt.Errorf("%w: no hosting pack for %s in the account%s", errPackNotFound, domain, forAccount(user))
		}
		return h, nil
	})
}

// quotaError turns a 513 answer into a message that names the pack, its
// offer's limit and the offer that raises it.
func quotaError(ctx context.Context, nb *providerdata.Namebay, user string, pack *namebay.Hosting, what string, limit func(namebay.HostingOffer) int64, err error) error {
	if !namebay.HasCode(err, namebay.CodeQuotaExceeded) {
		return err
	}
	all, listErr := offers(ctx, nb, user)
	if listErr != nil {
		return err
	}
	current := findOffer(all, pack.ProductId)
	if current == nil {
		return err
	}
	n := limit(*current)
	msg := fmt.Sprintf("the hosting pack of %s (%s) is on the %s offer (%s), which allows %d %s, and all are in use",
		pack.Domain, pack.Handle, current.Name, current.ProductId, n, countNoun(n, what))
	if up := smallestOfferAbove(all, n, limit); up != "" {
		msg += fmt.Sprintf("; the offer %s raises the limit on %s: set offer on the reseller_hosting_pack to upgrade", up, what)
	} else {
		msg += "; no offer allows more"
	}
	return fmt.Errorf("%s: %w", msg, err)
}

// countNoun is plural, a quota's noun ("databases", "aliases"), agreeing with n.
func countNoun(n int64, plural string) string {
	if n != 1 {
		return plural
	}
	if strings.HasSuffix(plural, "ses") {
		return strings.TrimSuffix(plural, "es")
	}
	return strings.TrimSuffix(plural, "s")
}

// hostingPassword checks the API's password policy at plan time.
func hostingPassword() validator.String {
	return stringCheck{
		Text: "6 to 20 characters with at least one letter, one digit and one other character",
		Test: func(s string) string {
			var letter, digit, other bool
			for _, r := range s {
				switch {
				case unicode.IsControl(r):
					return "the password must not contain control characters"
				case unicode.IsLetter(r):
					letter = true
				case unicode.IsDigit(r):
					digit = true
				default:
					other = true
				}
			}
			n := len([]rune(s))
			if n < 6 || n > 20 || !letter || !digit || !other {
				return fmt.Sprintf("the password (%d characters) must have 6 to 20 characters with at least one letter, one digit and one character that is neither", n)
			}
			return ""
		},
	}
}

var packPathPattern = regexp.MustCompile(`^/[^\x00-\x1f]*$`)

// packPath checks a directory inside a hosting pack's root.
func packPath(what string) validator.String {
	return stringCheck{
		Text: "a path inside the pack's root, starting with /, without .. or //, at most 255 characters",
		Test: func(s string) string {
			switch {
			case !packPathPattern.MatchString(s):
				return fmt.Sprintf("%s %q must start with / (the pack's root) and hold no control characters", what, s)
			case len(s) > 255:
				return fmt.Sprintf("%s is %d characters long; at most 255 are allowed", what, len(s))
			case strings.Contains(s, "//"):
				return fmt.Sprintf("%s %q must not contain //", what, s)
			}
			if strings.Contains(s, "..") {
				return fmt.Sprintf("%s %q must stay inside the pack's root: .. is not allowed", what, s)
			}
			return ""
		},
	}
}

// identifier checks FTP logins and database names and users.
func identifier(what string, pattern *regexp.Regexp, rule string) validator.String {
	return stringCheck{
		Text: rule,
		Test: func(s string) string {
			if pattern.MatchString(s) {
				return ""
			}
			return fmt.Sprintf("%s %q is not valid: %s", what, s, rule)
		},
	}
}
