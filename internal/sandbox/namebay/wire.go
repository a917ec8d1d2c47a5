package namebay

import (
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// The JSON shapes of the API, PascalCase as Namebay writes them.

type wireError struct {
	Code   int
	Detail string
	Data   any
}

type fieldData struct {
	Field string
}

type ticketData struct {
	TicketId string
}

type tokenRequest struct {
	Login    string
	Password string
}

type tokenAnswer struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int    `json:"expires_in"`
}

// newContact is the body of POST and PUT api/Contact.
type newContact struct {
	FirstName    string
	LastName     string
	OrgName      string
	Address      string
	City         string
	Pc           string
	Cc           string
	MailAddress  string
	Phone        string
	IsIndividual *bool
}

type wireContact struct {
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
	Entity       int // 1 organisation, 2 individual
	IsActive     bool
	Account      string
}

type wireTld struct {
	TldId          int
	TldName        string
	MinPeriod      int
	MaxPeriod      int
	CreatePrice    platform.Money
	RenewPrice     platform.Money
	TradePrice     platform.Money
	TransferPrice  platform.Money
	Currency       string
	Dnssec         bool
	AnonymousWhois bool
}

type wireAvailability struct {
	Name            string
	Status          string // available, unavailable
	Notices         string
	Forbidden       bool
	ForbiddenReason string
	Reserved        bool
	ReservedReason  string
	Error           string
	Price           *platform.Money
	Currency        string
	MinPeriod       int
	MaxPeriod       int
}

type nameServer struct {
	Name string
}

// newDomain is the body of POST api/Domain.
type newDomain struct {
	DomainName          string
	Period              int
	RegistrantContactId string
	AdminContactId      string
	TechContactId       string
	BillingContactId    string
	NameServer          []nameServer
	UseNamebayDns       bool
	AutoRenew           bool
	HasAnonymousWhois   bool
	Protect             bool
}

type wireDomain struct {
	Id                int64
	Handle            string
	Name              string
	Status            string
	Created           time.Time
	Expires           time.Time
	Renewal           time.Time
	TldId             int
	TldName           string
	Registrar         string
	AuthInfo          string
	HasAnonymousWhois bool
	AutoRenew         bool
	CurrentProductID  int
	UseNamebayDns     bool
	ZoneHandle        *string
}

// updateDomain is the body of PUT api/Domain/{handle}; absent fields keep
// their value.
type updateDomain struct {
	Status            *string // protect, unprotect
	HasAnonymousWhois *bool
	AutoRenew         *bool
}

type domainContact struct {
	Handle string
	Type   string // O registrant, A admin, T tech, B billing
}

type tradeRequest struct {
	NewRegistrantContactId string
}

type renewRequest struct {
	Period int
}

type authInfoAnswer struct {
	AuthInfo string
}

type newZone struct {
	Name string
}

type wireZone struct {
	Handle        string
	Name          string
	SoaExpire     int
	SoaMinimum    int
	SoaPrimaryNs  string
	SoaSerial     int64
	SoaRefresh    int
	SoaRespPerson string
	SoaRetry      int
	Ttl           int
}

type updateZone struct {
	Name string
	Ttl  *int
}

type wireDnssec struct {
	Enabled bool
	Status  string // enabled, disabled, enableInProgress, disableInProgress
}

type updateDnssec struct {
	Enabled *bool
}

// newRecord is the body of POST and PUT api/Zone/{zone}/Record.
type newRecord struct {
	Host            string
	Type            string
	Data            string
	Weight          *int
	NaptrPreference *int
	NaptrFlag       string
	NaptrService    string
	NaptrRegExp     string
}

type wireRecord struct {
	Id              int64
	ZoneId          int64
	Host            string
	Type            string
	Data            string
	Weight          *int
	DateCreated     time.Time
	NaptrPreference *int   `json:",omitempty"`
	NaptrFlag       string `json:",omitempty"`
	NaptrService    string `json:",omitempty"`
	NaptrRegExp     string `json:",omitempty"`
}

type wireHostingOffer struct {
	ProductId         string
	Name              string
	Rank              int
	DiskQuotaMb       int
	MaxFtpUsers       int
	MaxDatabases      int
	MaxAliases        int
	DatabaseMaxSizeMb int
	DatabaseTypes     []string
	Php               []string
	MinPeriod         int
	MaxPeriod         int
	Price             platform.Money
	Currency          string
}

// handleRef refers to a contact: {"Handle": "CT-000001"}.
type handleRef struct {
	Handle string
}

type frameWork struct {
	Type    string // PHP
	Version string
}

// newHosting is the body of POST api/Hosting.
type newHosting struct {
	ProductId      string
	Domain         string
	Period         int
	AutoRenew      bool
	AdminContact   *handleRef
	BillingContact *handleRef
}

// editHosting is the body of PUT api/Hosting/{handle}; absent fields keep
// their value.
type editHosting struct {
	AdminContact   *handleRef
	BillingContact *handleRef
	FrameWork      *frameWork
	AutoRenew      *bool
	HasStats       *bool
}

type upgradeRequest struct {
	ProductId string
}

type wireHosting struct {
	Handle         string
	Domain         string
	ProductId      string
	OfferName      string
	Status         string // pending, active, expired
	Created        time.Time
	Expires        time.Time
	AutoRenew      bool
	HasStats       bool
	FrameWork      frameWork
	DiskQuotaMb    int
	DiskUsedMb     int
	FtpHost        string
	FtpUserCount   int
	DatabaseCount  int
	AliasCount     int
	AdminContact   handleRef
	BillingContact handleRef
	Account        string
}

// wireAlias is an alias and the body of POST api/Hosting/{handle}/Alias.
type wireAlias struct {
	Domain string
	Path   string
}

// userModel is the body of POST api/Hosting/{handle}/User.
type userModel struct {
	HostingHandle string
	UserName      string
	Pwd           string
	FullName      string
	Description   string
	Dir           string
}

// editFtpUser is the body of PUT api/Hosting/{handle}/User/{id}; absent
// fields keep their value.
type editFtpUser struct {
	FullName    *string
	Description *string
	Dir         *string
}

type wireFtpUser struct {
	Id            int64
	HostingHandle string
	Host          string
	UserName      string
	FullName      string
	Description   string
	Dir           string
}

// newDb is the body of POST api/Hosting/{handle}/Db.
type newDb struct {
	Name          string
	HostingHandle string
	User          string
	Pwd           string
	Type          string
	MaxSize       *int
}

// editDb is the body of PUT api/Hosting/{handle}/Db/{name}.
type editDb struct {
	MaxSize *int
}

type wireDb struct {
	Name          string
	HostingHandle string
	User          string
	Type          string
	Size          int
	MaxSize       int
	Server        string
	DateCre       time.Time
	Etat          string // active
}

// passwordRequest is the body of the Password routes.
type passwordRequest struct {
	Pwd string
}

type wireCertProduct struct {
	ProductName string
	Validation  string // DV, OV, EV
	Wildcard    bool
	MaxSan      int
	Periods     []int
	Price       platform.Money
	Currency    string
}

// csrRequest is the body of POST api/Certificate/Csr.
type csrRequest struct {
	CommonName   string
	San          []string
	Organization string
	Unit         string
	City         string
	State        string
	Country      string
	Email        string
	KeySize      int
}

type csrAnswer struct {
	CSR        string
	PrivateKey string
}

// newCertificate is the body of POST api/Certificate. The contacts are
// handles.
type newCertificate struct {
	ProductName      string
	Period           int
	CSR              string
	San              []string
	ValidationMethod string // Dns, Http, Email
	ApproverEmail    string
	AdminContact     string
	BillingContact   string
	AutoRenew        bool
}

// editCertificate is the body of PUT api/Certificate/{handle}; without
// AutoRenew nothing changes.
type editCertificate struct {
	AutoRenew *bool
}

// renewCertificate is the body of POST api/Certificate/{handle}/Renew;
// without CSR the current request is kept.
type renewCertificate struct {
	Period int
	CSR    string
}

// reissueCertificate is the body of POST api/Certificate/{handle}/Reissue.
type reissueCertificate struct {
	CSR string
	San []string
}

type wireCertDetails struct {
	Handle                   string
	CommonName               string
	San                      []string
	ProductName              string
	Period                   int
	AdminContact             string
	BillingContact           string
	ValidationMethod         string
	ApproverEmail            string
	OrderId                  string
	TicketId                 string
	DnsTxt                   string
	MetaTag                  string
	VerificationFQDNList     []string
	VerificationUrlList      []string
	WellknownUrlList         []string
	ApproverMailList         []string
	PossiblePhishingDetected bool
	RegDate                  *time.Time
	ExpDate                  *time.Time
	Status                   string // PENDING, ISSUED, REVOKED, EXPIRED
	AutoRenew                bool
	TicketState              string // pending, completed
	Error                    string
	Account                  string
}

// wireIssued is the answer of GET api/Certificate/{handle}/Certificate.
type wireIssued struct {
	Handle           string
	CommonName       string
	Certificate      string // PEM
	Chain            string // PEM: the intermediate, then the root
	RegistrationDate time.Time
	RevocationDate   *time.Time
	Revoked          bool
}

// wireCsr is the answer of GET api/Certificate/{handle}/csr.
type wireCsr struct {
	CSR        string
	CommonName string
}
