package namebay

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// NewContact is the body of a contact creation or update.
type NewContact struct {
	FirstName    string
	LastName     string
	OrgName      string `json:",omitempty"` // required when IsIndividual is false
	Address      string
	City         string
	Pc           string
	Cc           string // ISO 3166-1 alpha-2, upper case; never changes after creation
	MailAddress  string
	Phone        string `json:",omitempty"` // +CC.NUMBER
	IsIndividual bool
}

// Contact is a contact as the API reports it.
type Contact struct {
	Handle       string
	FirstName    string
	LastName     string
	OrgName      string
	Address      string
	City         string
	Pc           string
	Cc           string
	MailAddress  string
	Phone        string
	IsIndividual bool
	Entity       int // EntityOrganisation or EntityIndividual
	IsActive     bool
	Account      string // handle of the owning account
}

// Values of Contact.Entity.
const (
	EntityOrganisation = 1
	EntityIndividual   = 2
)

// Tld is one entry of the TLD price list. Prices are per year in Currency.
type Tld struct {
	TldId          ID
	TldName        string
	MinPeriod      int64
	MaxPeriod      int64
	CreatePrice    float64
	RenewPrice     float64
	TradePrice     float64
	TransferPrice  float64
	Currency       string
	Dnssec         bool
	AnonymousWhois bool
}

// DomainAvailability is the answer for one domain name.
type DomainAvailability struct {
	Name            string // normalised: lower-case ASCII
	Status          string // AvailabilityAvailable or AvailabilityUnavailable
	Notices         string
	Forbidden       bool
	ForbiddenReason string
	Reserved        bool
	ReservedReason  string
	Error           string
	Price           float64
	Currency        string
	MinPeriod       int64
	MaxPeriod       int64
}

// Values of DomainAvailability.Status.
const (
	AvailabilityAvailable   = "available"
	AvailabilityUnavailable = "unavailable"
)

// CreateDomain orders a domain. Exactly one of NameServer (2 to 6 entries)
// and UseNamebayDns must be given.
type CreateDomain struct {
	DomainName          string
	Period              int64
	RegistrantContactId string
	AdminContactId      string
	TechContactId       string
	BillingContactId    string
	NameServer          []NameServer `json:",omitempty"`
	UseNamebayDns       bool
	AutoRenew           bool
	HasAnonymousWhois   bool
	Protect             bool
}

// Domain is a registered (or pending) domain.
type Domain struct {
	Id                ID
	Handle            string
	Name              string
	Status            string // DomainPending, DomainOK, DomainProtected or DomainExpired
	Created           string // RFC 3339, as the API sends it
	Expires           string
	Renewal           string
	TldId             ID
	TldName           string
	Registrar         string
	AuthInfo          string
	HasAnonymousWhois bool
	AutoRenew         bool
	CurrentProductID  ID
	UseNamebayDns     bool
	ZoneHandle        string
}

// Values of Domain.Status.
const (
	DomainPending   = "pending"
	DomainOK        = "ok"
	DomainProtected = "protected"
	DomainExpired   = "expired"
)

// UpdateDomain changes the settings of a domain; nil fields are left as they are.
type UpdateDomain struct {
	Status            *string `json:",omitempty"` // DomainProtect or DomainUnprotect
	HasAnonymousWhois *bool   `json:",omitempty"`
	AutoRenew         *bool   `json:",omitempty"`
}

// Values of UpdateDomain.Status.
const (
	DomainProtect   = "protect"
	DomainUnprotect = "unprotect"
)

// NameServer is one name server of a domain.
type NameServer struct {
	Name string
}

// DomainContact links a contact to a domain in one role.
type DomainContact struct {
	Handle string
	Type   string // ContactRegistrant, ContactAdmin, ContactTech or ContactBilling
}

// Values of DomainContact.Type.
const (
	ContactRegistrant = "O"
	ContactAdmin      = "A"
	ContactTech       = "T"
	ContactBilling    = "B"
)

// Zone is a DNS zone hosted by Namebay. Only Ttl can be changed.
type Zone struct {
	Handle        string
	Name          string
	SoaExpire     int64
	SoaMinimum    int64
	SoaPrimaryNs  string
	SoaSerial     int64
	SoaRefresh    int64
	SoaRespPerson string
	SoaRetry      int64
	Ttl           int64
}

// Dnssec is the DNSSEC state of a zone.
type Dnssec struct {
	Enabled bool
	Status  string // one of the Dnssec* status values
}

// Values of Dnssec.Status.
const (
	DnssecEnabled           = "enabled"
	DnssecDisabled          = "disabled"
	DnssecEnableInProgress  = "enableInProgress"
	DnssecDisableInProgress = "disableInProgress"
)

// Record is one DNS record. Host is relative to the zone ("@" for the apex);
// Weight is the MX and SRV priority and the NAPTR order. There is no
// per-record TTL: the zone's applies.
type Record struct {
	Id              int64 `json:",omitempty"`
	ZoneId          ID    `json:",omitempty"`
	Host            string
	Type            string
	Data            string
	Weight          *int64 `json:",omitempty"`
	DateCreated     string `json:",omitempty"`
	NaptrPreference *int64 `json:",omitempty"`
	NaptrFlag       string `json:",omitempty"`
	NaptrService    string `json:",omitempty"`
	NaptrRegExp     string `json:",omitempty"`
}

// Ticket acknowledges an asynchronous operation (a 202 answer).
type Ticket struct {
	Code   int
	Detail string
	Data   TicketData
}

// TicketData carries the identifier of a ticket.
type TicketData struct {
	TicketId string
}

// ID is an identifier the API may send as a number or as a string. It is
// kept as text and sent back as a number when it is one.
type ID string

// UnmarshalJSON accepts a JSON number, a JSON string or null.
func (id *ID) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*id = ID(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("an identifier must be a number or a string, not %s", b)
	}
	*id = ID(n)
	return nil
}

// MarshalJSON sends an integer as a JSON number and anything else as a string.
func (id ID) MarshalJSON() ([]byte, error) {
	if n, err := strconv.ParseInt(string(id), 10, 64); err == nil && strconv.FormatInt(n, 10) == string(id) {
		return []byte(id), nil
	}
	return json.Marshal(string(id))
}

// tokenAnswer is the answer of the token route.
type tokenAnswer struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int64  `json:"expires_in"`
}

// login is the body of the token route.
type login struct {
	Login    string
	Password string
}

type authInfo struct {
	AuthInfo string
}

type trade struct {
	NewRegistrantContactId string
}

type renewal struct {
	Period int64
}

type newZone struct {
	Name string
}

type zoneTTL struct {
	Name string
	Ttl  int64
}

type dnssecChange struct {
	Enabled bool
}

// HostingOffer is one offer of the hosting catalog. Quotas are per pack;
// Price is per year in Currency.
type HostingOffer struct {
	ProductId         string
	Name              string
	Rank              int64 // 1 is the smallest offer
	DiskQuotaMb       int64
	MaxFtpUsers       int64
	MaxDatabases      int64
	MaxAliases        int64
	DatabaseMaxSizeMb int64
	DatabaseTypes     []string
	Php               []string // the PHP versions offered, oldest first
	MinPeriod         int64    // years
	MaxPeriod         int64
	Price             float64
	Currency          string
}

// HandleRef names an object, a contact for instance, by its handle.
type HandleRef struct {
	Handle string
}

// FrameWork is the runtime a hosting pack serves its site with.
type FrameWork struct {
	Type    string // FrameWorkPHP
	Version string // one of the offer's Php versions
}

// FrameWorkPHP is the only FrameWork.Type.
const FrameWorkPHP = "PHP"

// Hosting is a hosting pack.
type Hosting struct {
	Handle         string
	Domain         string
	ProductId      string
	OfferName      string
	Status         string // HostingPending, HostingActive or HostingExpired
	Created        string // RFC 3339, as the API sends it
	Expires        string
	AutoRenew      bool
	HasStats       bool
	FrameWork      FrameWork
	DiskQuotaMb    int64
	DiskUsedMb     int64
	FtpHost        string
	FtpUserCount   int64
	DatabaseCount  int64
	AliasCount     int64
	AdminContact   HandleRef
	BillingContact HandleRef
	Account        string // handle of the owning account
}

// Values of Hosting.Status.
const (
	HostingPending = "pending"
	HostingActive  = "active"
	HostingExpired = "expired"
)

// NewHosting orders a hosting pack for Period years. The domain need not be
// registered at Namebay.
type NewHosting struct {
	ProductId      string
	Domain         string
	Period         int64
	AutoRenew      bool
	AdminContact   HandleRef
	BillingContact HandleRef
}

// EditHosting changes the settings of a hosting pack; nil fields are left
// as they are.
type EditHosting struct {
	AdminContact   *HandleRef `json:",omitempty"`
	BillingContact *HandleRef `json:",omitempty"`
	FrameWork      *FrameWork `json:",omitempty"`
	AutoRenew      *bool      `json:",omitempty"`
	HasStats       *bool      `json:",omitempty"`
}

// HostingAlias is another domain a hosting pack serves, from the directory
// Path ("/" when empty).
type HostingAlias struct {
	Domain string
	Path   string `json:",omitempty"`
}

// FtpUser is an FTP account of a hosting pack. Its password is never answered.
type FtpUser struct {
	Id            int64
	HostingHandle string
	Host          string // the pack's FtpHost
	UserName      string // unique in the pack
	FullName      string
	Description   string
	Dir           string // inside the pack's root, starting with "/"
}

// NewFtpUser creates an FTP user; an empty Dir is the pack's root.
type NewFtpUser struct {
	UserName    string
	Pwd         string
	FullName    string
	Description string
	Dir         string
}

// FtpUserUpdate changes an FTP user; nil fields are left as they are.
type FtpUserUpdate struct {
	FullName    *string `json:",omitempty"`
	Description *string `json:",omitempty"`
	Dir         *string `json:",omitempty"`
}

// Database is a database of a hosting pack. Sizes are in MB. Its password
// is never answered.
type Database struct {
	Name          string // unique in the pack
	HostingHandle string
	User          string
	Type          string // one of the offer's DatabaseTypes
	Size          int64
	MaxSize       int64
	Server        string
	DateCre       string // RFC 3339, as the API sends it
	Etat          string // "active"
}

// NewDatabase creates a database. An empty Type or a zero MaxSize leaves
// the choice to the API (MaxSize: the offer's DatabaseMaxSizeMb).
type NewDatabase struct {
	Name    string
	User    string
	Pwd     string
	Type    string
	MaxSize int64
}

// ftpUserModel is the wire body of an FTP user creation.
type ftpUserModel struct {
	HostingHandle string
	UserName      string
	Pwd           string
	FullName      string `json:",omitempty"`
	Description   string `json:",omitempty"`
	Dir           string `json:",omitempty"`
}

// databaseModel is the wire body of a database creation.
type databaseModel struct {
	Name          string
	HostingHandle string
	User          string
	Pwd           string
	Type          string `json:",omitempty"`
	MaxSize       int64  `json:",omitempty"`
}

type hostingUpgrade struct {
	ProductId string
}

type databaseResize struct {
	MaxSize int64
}

type passwordChange struct {
	Pwd string
}

// CertProduct is one SSL certificate product. Price is per year in Currency.
type CertProduct struct {
	ProductName string
	Validation  string // "DV", "OV" or "EV"
	Wildcard    bool   // whether names may start with "*."
	MaxSan      int64  // the most names besides the common name
	Periods     []int64
	Price       float64
	Currency    string
}

// CSRRequest asks the API for a key pair and a certificate signing request.
// Empty fields and a zero KeySize leave the choice to the API.
type CSRRequest struct {
	CommonName   string
	San          []string // the names besides CommonName
	Organization string   `json:",omitempty"`
	Unit         string   `json:",omitempty"`
	City         string   `json:",omitempty"`
	State        string   `json:",omitempty"`
	Country      string   `json:",omitempty"`
	Email        string   `json:",omitempty"`
	KeySize      int64    `json:",omitempty"`
}

// GeneratedCSR is a CSR with its private key, both PEM. The API keeps
// neither: PrivateKey exists only here and must never be logged.
type GeneratedCSR struct {
	CSR        string
	PrivateKey string
}

// String hides the private key from anything that formats the value.
func (g GeneratedCSR) String() string { return "GeneratedCSR{CSR: " + g.CSR + ", PrivateKey: ***}" }

// GoString hides the private key from %#v.
func (g GeneratedCSR) GoString() string { return g.String() }

// NewCertificate orders a certificate for the subject of CSR plus San, for
// Period years. The contacts are contact handles.
type NewCertificate struct {
	ProductName      string
	Period           int64
	CSR              string   // PEM; its CN and DNS names must be the common name plus San
	San              []string // the names besides the common name
	ValidationMethod string   // ValidationDNS, ValidationHTTP or ValidationEmail
	ApproverEmail    string   `json:",omitempty"` // one of ApproverMailList, for ValidationEmail
	AdminContact     string
	BillingContact   string
	AutoRenew        bool
}

// Certificate is an SSL certificate order as the API reports it (the API's
// CertDetails). The validation fields that apply depend on ValidationMethod.
type Certificate struct {
	Handle           string
	CommonName       string
	San              []string // the names besides CommonName
	ProductName      string
	Period           int64
	AdminContact     string // contact handle
	BillingContact   string // contact handle
	ValidationMethod string // ValidationDNS, ValidationHTTP or ValidationEmail
	ApproverEmail    string
	OrderId          ID
	TicketId         ID
	// DnsTxt is the TXT value every name of VerificationFQDNList must have.
	DnsTxt string
	// MetaTag is the content of the files at WellknownUrlList.
	MetaTag                  string
	VerificationFQDNList     []string
	VerificationUrlList      []string
	WellknownUrlList         []string
	ApproverMailList         []string
	PossiblePhishingDetected bool
	RegDate                  string // RFC 3339; "" until the first issuance
	ExpDate                  string // RFC 3339; "" until the first issuance
	Status                   string // CertPending, CertIssued, CertRevoked or CertExpired
	AutoRenew                bool
	TicketState              string
	Error                    string // why the last validation did not pass
	Account                  string // handle of the owning account
}

// Values of Certificate.Status.
const (
	CertPending = "PENDING" // ordered, renewed or reissued, waiting for validation
	CertIssued  = "ISSUED"
	CertRevoked = "REVOKED"
	CertExpired = "EXPIRED"
)

// Values of NewCertificate.ValidationMethod and Certificate.ValidationMethod.
const (
	ValidationDNS   = "Dns"
	ValidationHTTP  = "Http"
	ValidationEmail = "Email"
)

// IssuedCertificate is the certificate last issued for an order, PEM.
// Chain holds the intermediate then the root.
type IssuedCertificate struct {
	Handle           string
	CommonName       string
	Certificate      string
	Chain            string
	RegistrationDate string // RFC 3339
	RevocationDate   string // RFC 3339; "" unless Revoked
	Revoked          bool
}

// CertificateCSR is the signing request an order currently uses.
type CertificateCSR struct {
	CSR        string
	CommonName string
}

type certRenewal struct {
	Period int64
	CSR    string `json:",omitempty"` // empty keeps the current one
}

type certReissue struct {
	CSR string
	San []string
}

type certEdit struct {
	AutoRenew bool
}
