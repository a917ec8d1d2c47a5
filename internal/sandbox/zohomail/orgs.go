package zohomail

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/mail"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

var (
	domainPattern = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$`)
	letter        = regexp.MustCompile(`[A-Za-z]`)
	digit         = regexp.MustCompile(`[0-9]`)
)

// trials are the trial plans, by planName, with the basePlan they show.
var trials = map[string]string{
	"basicTrial":        "Workplace Standard Trial",
	"professionalTrial": "Workplace Professional Trial",
	"mailPremiumTrial":  "Mail Premium Trial",
}

const (
	trialDays     = 15
	freeMailboxes = 5
)

func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s[strings.LastIndex(s, "@")+1:], ".")
}

func (c *call) createOrg() error {
	var in struct {
		DomainName, EmailID, FirstName, LastName, OrgName, Password, PlanName string
	}
	if err := c.decode(&in); err != nil {
		return err
	}
	bad := func(format string, args ...any) error {
		return failure(http.StatusBadRequest, "INVALID_INPUT", format, args...)
	}
	switch {
	case !domainPattern.MatchString(in.DomainName):
		return bad("%q is not a valid domain name.", in.DomainName)
	case !validEmail(in.EmailID):
		return bad("%q is not a valid e-mail address.", in.EmailID)
	case len(in.FirstName) < 1 || len(in.FirstName) > 50 || len(in.LastName) < 1 || len(in.LastName) > 50:
		return bad("firstName and lastName are 1-50 characters.")
	case len(in.OrgName) > 100:
		return bad("orgName is at most 100 characters.")
	case in.Password != "" && (len(in.Password) < 8 || len(in.Password) > 100 || !letter.MatchString(in.Password) || !digit.MatchString(in.Password)):
		return bad("The password must be 8-100 characters with a letter and a digit.")
	case in.PlanName != "" && in.PlanName != "free" && trials[in.PlanName] == "":
		return bad("Unknown planName %q.", in.PlanName)
	case c.e.byDomain[in.DomainName] != nil:
		return bad("The domain is already associated with another organization.")
	case c.e.emailTaken(in.EmailID):
		return failure(http.StatusInternalServerError, "", "This email address is already associated with a Zoho account. Ask the customer to tag you as their partner: https://store.zoho.com/html/store/tagyourpartner.html")
	}
	o := &org{
		ZOID: firstZOID + c.e.world.Next(c.tx, orgSeq), ZAID: strconv.FormatInt(rand.Int64N(1e9)+1e9, 10), Partner: c.partner.Handle,
		OrgName: in.OrgName, Domain: in.DomainName, SuperAdmin: in.EmailID, FirstName: in.FirstName, LastName: in.LastName,
		Created: c.now, CNAMECode: fmt.Sprintf("zb%08d", rand.IntN(1e8)), HTMLCode: fmt.Sprintf("%010d", rand.Int64N(1e10)),
		Mailboxes: []string{in.EmailID},
	}
	if o.OrgName == "" {
		o.OrgName = o.Domain
	}
	if trials[in.PlanName] != "" {
		o.Trial, o.TrialEnds, o.TrialUsed = in.PlanName, c.now.AddDate(0, 0, trialDays), true
	}
	c.e.saveOrg(c.tx, o)
	c.e.world.Ledger.Append(c.tx, platform.Entry{Family: Family, Account: c.partner.Handle, Operation: "zoho.org.create", Object: o.Domain, Currency: currency})
	data := c.e.orgData(o)
	data["zoid"] = strconv.FormatInt(o.ZOID, 10) // a string in this answer only
	data["domainName"] = o.Domain
	data["usedLicenseCount"] = len(o.Mailboxes)
	data["isTrialAllowed"] = !o.TrialUsed && o.Sub == nil
	return c.reply(http.StatusOK, http.StatusCreated, data)
}

func (o *org) planType() string {
	switch {
	case o.Sub != nil:
		return "paid"
	case o.Trial != "":
		return "trial"
	}
	return "free"
}

func (o *org) basePlan() string {
	switch {
	case o.Sub != nil:
		return planByID(o.Sub.PlanID).Name
	case o.Trial != "":
		return trials[o.Trial]
	}
	return "Mail Free"
}

func (o *org) licenceCount() int {
	switch {
	case o.Sub != nil:
		return o.Sub.Licences
	case o.Trial != "":
		return 10
	}
	return freeMailboxes
}

// orgData is an org as GET api/organization/{zoid} answers it.
func (e *Emulator) orgData(o *org) map[string]any {
	domains := append([]string{o.Domain}, o.OtherDomains...)
	return map[string]any{
		"zoid": o.ZOID, "zaid": o.ZAID, "orgName": o.OrgName, "encryptedZoid": fmt.Sprintf("%064x", o.ZOID),
		"st_enc_zoid": fmt.Sprintf("%032x", o.ZOID), "URI": "/api/organization/" + strconv.FormatInt(o.ZOID, 10),
		"superAdmin": o.SuperAdmin, "superAdminFullName": o.FirstName + " " + o.LastName, "primaryDomainName": o.Domain,
		"domains": domains, "basePlan": o.basePlan(), "planType": o.planType(), "licenseCount": o.licenceCount(),
		"usersCount": len(o.Mailboxes), "mailboxCount": len(o.Mailboxes), "orgCreationTime": millis(o.Created),
		"isVerified": o.Verified, "trialExpiryTime": millis(o.TrialEnds),
	}
}

func (c *call) listOrgs() error {
	if c.r.URL.Query().Get("mode") != "getCustomerOrgDetails" {
		// The partner's own org.
		return c.reply(http.StatusOK, http.StatusOK, map[string]any{"orgName": c.partner.Login, "partnerOrgCount": len(c.mine())})
	}
	key := strings.ToLower(c.r.URL.Query().Get("searchKey"))
	list := []map[string]any{}
	for _, o := range c.mine() {
		if key != "" && !strings.Contains(o.Domain, key) {
			continue
		}
		list = append(list, map[string]any{
			"zoid": o.ZOID, "domainName": o.Domain, "superAdmin": o.SuperAdmin, "orgName": o.OrgName, "basePlan": o.basePlan(),
			"isVerified": o.Verified, "isTrialAllowed": !o.TrialUsed && o.Sub == nil, "extendTrial": o.Trial != "" && !o.TrialExtended,
		})
	}
	return c.reply(http.StatusOK, http.StatusOK, list)
}

// mine lists the partner's orgs by ZOID.
func (c *call) mine() []*org {
	var out []*org
	for _, o := range c.e.orgs {
		if o.Partner == c.partner.Handle {
			out = append(out, o)
		}
	}
	slices.SortFunc(out, func(a, b *org) int { return int(a.ZOID - b.ZOID) })
	return out
}

func (c *call) getOrg() error {
	o, err := c.org()
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, http.StatusOK, c.e.orgData(o))
}

func (c *call) addMailbox() error {
	o, err := c.org()
	if err != nil {
		return err
	}
	var in struct{ PrimaryEmailAddress, DisplayName, Password string }
	if err := c.decode(&in); err != nil {
		return err
	}
	switch {
	case !validEmail(in.PrimaryEmailAddress):
		return failure(http.StatusBadRequest, "INVALID_INPUT", "%q is not a valid e-mail address.", in.PrimaryEmailAddress)
	case c.e.emailTaken(in.PrimaryEmailAddress):
		return failure(http.StatusBadRequest, "", "The e-mail address is already in use.")
	case len(o.Mailboxes) >= o.licenceCount():
		return failure(http.StatusBadRequest, "", "MAXIMUM USER LICENSE LIMIT REACHED")
	}
	o.Mailboxes = append(o.Mailboxes, in.PrimaryEmailAddress)
	c.e.saveOrg(c.tx, o)
	return c.reply(http.StatusCreated, http.StatusCreated, map[string]any{"accountId": strconv.Itoa(len(o.Mailboxes)), "primaryEmailAddress": in.PrimaryEmailAddress})
}

func (c *call) addDomain() error {
	o, err := c.org()
	if err != nil {
		return err
	}
	var in struct{ DomainName string }
	if err := c.decode(&in); err != nil {
		return err
	}
	if !domainPattern.MatchString(in.DomainName) || c.e.byDomain[in.DomainName] != nil {
		return failure(http.StatusBadRequest, "INVALID_INPUT", "The domain %q is invalid or already associated with an organization.", in.DomainName)
	}
	o.OtherDomains = append(o.OtherDomains, in.DomainName)
	c.e.saveOrg(c.tx, o)
	return c.reply(http.StatusCreated, http.StatusCreated, c.e.domainData(o, in.DomainName))
}

func (e *Emulator) domainData(o *org, domain string) map[string]any {
	primary := domain == o.Domain
	verified := primary && o.Verified
	return map[string]any{
		"domainName": domain, "domainId": strconv.FormatInt(o.ZOID, 10) + "-" + domain, "zoid": o.ZOID, "primary": primary,
		"isDomainAlias": false, "verificationStatus": verified, "CNAMEVerificationCode": o.CNAMECode,
		"HTMLVerificationCode": o.HTMLCode, "mailHostingEnabled": verified, "mxstatus": false, "spfstatus": false,
		"createdTime": millis(o.Created), "verifiedDate": millis(o.VerifiedAt), "status": "enabled",
	}
}

func (c *call) getDomain() error {
	o, err := c.org()
	if err != nil {
		return err
	}
	domain := c.r.PathValue("domain")
	if domain != o.Domain && !slices.Contains(o.OtherDomains, domain) {
		return failure(http.StatusNotFound, "", "Domain not found")
	}
	return c.reply(http.StatusOK, http.StatusOK, c.e.domainData(o, domain))
}

// verifyDomain looks for the proof in the sandbox's hosted zones. A failed
// verification answers HTTP 200, as Zoho's does.
func (c *call) verifyDomain() error {
	o, err := c.org()
	if err != nil {
		return err
	}
	if c.r.PathValue("domain") != o.Domain {
		return failure(http.StatusNotFound, "", "Domain not found")
	}
	if o.Verified {
		return failure(http.StatusBadRequest, "DOMAIN_ALREADY_VERIFIED", "The domain is already verified.")
	}
	var in struct{ Mode string }
	if err := c.decode(&in); err != nil {
		return err
	}
	found, code, message := false, "", ""
	switch in.Mode {
	case "verifyDomainByCName":
		for _, target := range c.e.dns.RecordsAt(o.CNAMECode+"."+o.Domain, "CNAME") {
			found = found || strings.TrimSuffix(strings.ToLower(target), ".") == "business.zoho.com"
		}
		code, message = "CNAME_RECORD_NOT_FOUND", fmt.Sprintf("No CNAME %s.%s pointing to business.zoho.com was found.", o.CNAMECode, o.Domain)
	case "verifyDomainByTXT":
		want := "zoho-verification=" + o.CNAMECode + ".zmverify.zoho.com"
		for _, v := range c.e.dns.RecordsAt(o.Domain, "TXT") {
			found = found || v == want
		}
		code, message = "TXT_RECORD_NOT_FOUND", fmt.Sprintf("No TXT record %q was found at %s.", want, o.Domain)
	case "verifyDomainByHTML":
		code, message = "HTML_VERIFICATION_FAILED", "The verification page was not found."
	default:
		return failure(http.StatusBadRequest, "INVALID_INPUT", "Unknown mode %q.", in.Mode)
	}
	if !found {
		return c.reply(http.StatusOK, http.StatusOK, map[string]any{"status": false, "error": code, "message": message})
	}
	o.Verified, o.VerifiedAt = true, c.now
	c.e.saveOrg(c.tx, o)
	return c.reply(http.StatusOK, http.StatusOK, map[string]any{"status": true})
}

func (c *call) enableTrial() error {
	o, err := c.org()
	if err != nil {
		return err
	}
	name := c.r.URL.Query().Get("planName")
	switch {
	case trials[name] == "":
		return failure(http.StatusBadRequest, "INVALID_INPUT", "Unknown planName %q.", name)
	case o.Sub != nil:
		return failure(http.StatusInternalServerError, "", "Organization is on a paid plan")
	case o.TrialUsed:
		return failure(http.StatusInternalServerError, "", "Trial already availed")
	}
	o.Trial, o.TrialEnds, o.TrialUsed = name, c.now.AddDate(0, 0, trialDays), true
	c.e.saveOrg(c.tx, o)
	return c.reply(http.StatusOK, http.StatusOK, nil)
}

func (c *call) extendTrial() error {
	o, err := c.org()
	if err != nil {
		return err
	}
	if o.Trial == "" || o.TrialExtended {
		return failure(http.StatusInternalServerError, "", "The trial cannot be extended")
	}
	o.TrialEnds, o.TrialExtended = o.TrialEnds.AddDate(0, 0, trialDays), true
	c.e.saveOrg(c.tx, o)
	return c.reply(http.StatusOK, http.StatusOK, nil)
}

// settle ends trials and renews subscriptions whose period ended.
func (e *Emulator) settle(now time.Time, tx *platform.Tx) {
	for _, o := range e.orgs {
		changed := false
		if o.Trial != "" && !now.Before(o.TrialEnds) {
			o.Trial, changed = "", true
		}
		for o.Sub != nil && !now.Before(o.Sub.Renews) {
			p := planByID(o.Sub.PlanID)
			months := periodMonths(o.Sub.PayPeriod)
			e.world.Ledger.Append(tx, platform.Entry{Family: Family, Account: o.Partner, Operation: "zoho.subscription.renew", Object: o.Domain,
				Period: months, Amount: p.price(o.Sub.PayPeriod).Times(o.Sub.Licences), Currency: currency})
			o.Sub.Renews, changed = o.Sub.Renews.AddDate(0, months, 0), true
		}
		if changed {
			e.saveOrg(tx, o)
		}
	}
}
