package namebay

import (
	"net/http"
	"strings"

	"golang.org/x/net/idna"
)

// reservedLabels are names no one can register.
var reservedLabels = map[string]bool{"nic": true, "whois": true, "registry": true}

// takenPrefix marks names that are registered elsewhere: always unavailable.
const takenPrefix = "taken"

// availability answers for one name as typed by the user.
func (e *Emulator) availability(input string) wireAvailability {
	out := wireAvailability{Name: strings.ToLower(strings.TrimSpace(input)), Status: "unavailable"}
	name, err := idna.Lookup.ToASCII(strings.TrimSuffix(strings.TrimSpace(input), "."))
	if err != nil {
		out.Error = "The name is not a valid domain name: " + err.Error()
		return out
	}
	out.Name = name
	label, extension, ok := splitDomainName(name)
	if !ok {
		out.Error = "Only second-level names (label.tld) made of letters, digits and hyphens can be registered."
		return out
	}
	t := tldOf(extension)
	switch {
	case t == nil:
		out.Forbidden, out.ForbiddenReason = true, "The extension ."+extension+" is not offered."
		return out
	case reservedLabels[label]:
		out.Reserved, out.ReservedReason = true, "The name is reserved by the registry."
	case strings.HasPrefix(label, takenPrefix) || e.domainsByName[name] != nil:
		out.Notices = "registered"
	default:
		out.Status = "available"
	}
	price := t.Price
	out.Price, out.Currency, out.MinPeriod, out.MaxPeriod = &price, currency, t.MinPeriod, t.MaxPeriod
	return out
}

// availabilityOne serves GET api/Domain/{domain}/Availability.
func (e *Emulator) availabilityOne(c *call) error {
	return c.reply(http.StatusOK, e.availability(c.r.PathValue("domain")))
}

// availabilityList serves GET api/Domain/Availability?domain=a&domain=b.
func (e *Emulator) availabilityList(c *call) error {
	names := c.r.URL.Query()["domain"]
	if len(names) == 0 {
		return errInvalid("Domain", "Name at least one domain: ?domain=example.com.")
	}
	out := make([]wireAvailability, 0, len(names))
	for _, name := range names {
		out = append(out, e.availability(name))
	}
	return c.reply(http.StatusOK, out)
}

// suggest serves GET api/Domain/Suggest?name=foo&tlds=com,fr: the name and
// a few variants of it in each extension asked (every one on sale when
// tlds is absent).
func (e *Emulator) suggest(c *call) error {
	q := c.r.URL.Query()
	base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(q.Get("name"))), ".")
	if !ldhPattern.MatchString(base) {
		return errInvalid("Name", "name must be a label of letters, digits and hyphens, such as example.")
	}
	var extensions []string
	for _, ext := range strings.Split(q.Get("tlds"), ",") {
		if ext = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(ext)), "."); ext != "" {
			extensions = append(extensions, ext)
		}
	}
	if len(extensions) == 0 {
		for _, t := range tlds {
			extensions = append(extensions, t.Name)
		}
	}
	variants := []string{base, "get" + base, "my" + base, base + "-online"}
	out := []wireAvailability{}
	for _, ext := range extensions {
		for _, v := range variants {
			if len(v) <= 63 {
				out = append(out, e.availability(v+"."+ext))
			}
		}
	}
	return c.reply(http.StatusOK, out)
}
