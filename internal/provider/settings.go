package provider

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// kind is the Terraform type of a setting.
type kind int

const (
	kindString kind = iota
	kindFloat
	kindInt
)

// setting is one attribute of a partner block. The schema, the environment
// fallback and the documentation all derive from this table, so they cannot
// disagree.
type setting struct {
	name        string
	description string
	kind        kind
	sensitive   bool
	oneOf       []string
	// credential settings are what decides that a family is configured at all.
	credential bool
}

// block is one partner family's provider block.
type block struct {
	name        string
	description string
	settings    []setting
}

func (b block) envName(s setting) string {
	return "RESELLER_" + strings.ToUpper(b.name) + "_" + strings.ToUpper(s.name)
}

var rateSettings = []setting{
	{
		name:        "max_requests_per_second",
		description: "Client-side limit on requests per second to this partner (a token bucket shared by all resources). `0` disables the limit. Default: `10`.",
		kind:        kindFloat,
	},
	{
		name:        "max_retries",
		description: "How many times an idempotent request is retried after a 429, 502, 503, 504 or a connection error, with exponential backoff and jitter, honouring `Retry-After`. Creates are never retried blindly. Default: `5`.",
		kind:        kindInt,
	},
}

var blocks = []block{
	{
		name:        "namebay",
		description: "Namebay REST API (white-label registrar and hosting): contacts, domains, DNS, certificates, hosting.",
		settings: append([]setting{
			{name: "endpoint", description: "Base URL of the Namebay REST API, without `/api`. Default: `https://rest.namebay.com`; the test platform is `https://rest.ote.namebay.com`; the sandbox prints its own.", kind: kindString},
			{name: "username", description: "Login of the reseller account.", kind: kindString, credential: true},
			{name: "password", description: "Password of the reseller account.", kind: kindString, sensitive: true, credential: true},
			{name: "client_account", description: "Default client account handle (the API's `?user=`) for Namebay objects. Resources may override it with their own `client_account`. Unset: objects belong to the reseller account itself.", kind: kindString},
		}, rateSettings...),
	},
	{
		name:        "ispmanager",
		description: "ispmanager BILLmanager partner API: server licences, SSL and modules by product ID.",
		settings: append([]setting{
			{name: "region", description: "Partner area: `eu` (`https://api-eu.ispmanager.com/billmgr`, the default) or `global` (`https://api.ispmanager.com/billmgr`).", kind: kindString, oneOf: []string{"eu", "global"}},
			{name: "endpoint", description: "BILLmanager API URL including `/billmgr`; overrides `region`.", kind: kindString},
			{name: "username", description: "Login (e-mail) of the partner account, sent as `authinfo`.", kind: kindString, credential: true},
			{name: "password", description: "Password of the partner account.", kind: kindString, sensitive: true, credential: true},
		}, rateSettings...),
	},
	{
		name:        "zoho_mail",
		description: "Zoho Mail partner API with Zoho Accounts OAuth2: mail organisations, plans and licences.",
		settings: append([]setting{
			{name: "region", description: "Zoho data centre of the partner account. Default: `us`.", kind: kindString, oneOf: []string{"us", "eu", "in", "au", "jp", "ca", "sa", "uk", "cn", "ae"}},
			{name: "client_id", description: "OAuth2 client ID from the Zoho API console.", kind: kindString, credential: true},
			{name: "client_secret", description: "OAuth2 client secret.", kind: kindString, sensitive: true, credential: true},
			{name: "refresh_token", description: "OAuth2 refresh token with the partner scopes.", kind: kindString, sensitive: true, credential: true},
			{name: "accounts_endpoint", description: "Zoho Accounts (OAuth) base URL; overrides the region's.", kind: kindString},
			{name: "mail_endpoint", description: "Zoho Mail API base URL; overrides the region's.", kind: kindString},
			{name: "mailadmin_endpoint", description: "Zoho Mail admin API base URL (trials); overrides the region's.", kind: kindString},
			{name: "store_endpoint", description: "Zoho Store subscription API base URL; overrides the region's.", kind: kindString},
			{name: "plan_ids", description: "JSON object overriding the Zoho Store IDs of paid plans where this partner account's data centre or currency uses others, e.g. `{\"standard\": {\"plan_id\": 10730, \"user_addon_id\": 10779}}`. Plans: `standard`, `professional`, `mail_lite`, `mail_10gb`, `mail_premium`. Default: the IDs of Zoho's own WHMCS module.", kind: kindString},
		}, rateSettings...),
	},
	{
		name:        "xarios",
		description: "Xarios call-analytics reseller API: customers and product types.",
		settings: append([]setting{
			{name: "region", description: "Xarios region of the reseller account. Default: `eu`.", kind: kindString, oneOf: []string{"au", "eu", "na", "uk"}},
			{name: "client_id", description: "OAuth2 client ID.", kind: kindString, credential: true},
			{name: "client_secret", description: "OAuth2 client secret.", kind: kindString, sensitive: true, credential: true},
			{name: "refresh_token", description: "OAuth2 refresh token (scope `openid offline_access onboarding`).", kind: kindString, sensitive: true, credential: true},
			{name: "login_endpoint", description: "OAuth2 server base URL. Default: `https://login.xarios.cloud`.", kind: kindString},
			{name: "api_endpoint", description: "API base URL, without the version; overrides the region's `https://api.<region>.myreports.cloud/api`.", kind: kindString},
		}, rateSettings...),
	},
}

func (b block) schema() schema.SingleNestedBlock {
	attrs := make(map[string]schema.Attribute, len(b.settings))
	for _, s := range b.settings {
		desc := fmt.Sprintf("%s Environment variable: `%s`.", s.description, b.envName(s))
		switch s.kind {
		case kindFloat:
			attrs[s.name] = schema.Float64Attribute{
				Optional:            true,
				MarkdownDescription: desc,
				Validators:          []validator.Float64{float64validator.AtLeast(0)},
			}
		case kindInt:
			attrs[s.name] = schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: desc,
				Validators:          []validator.Int64{int64validator.Between(0, 20)},
			}
		default:
			var validators []validator.String
			if len(s.oneOf) > 0 {
				validators = append(validators, stringvalidator.OneOf(s.oneOf...))
			} else {
				validators = append(validators, stringvalidator.LengthAtLeast(1))
			}
			attrs[s.name] = schema.StringAttribute{
				Optional:            true,
				Sensitive:           s.sensitive,
				MarkdownDescription: desc,
				Validators:          validators,
			}
		}
	}
	return schema.SingleNestedBlock{
		MarkdownDescription: b.description + " Every attribute falls back to its environment variable.",
		Attributes:          attrs,
	}
}

// resolved holds a block's settings after the environment fallback.
type resolved struct {
	block   block
	values  map[string]string
	unknown bool // some value is only known after apply
}

// configured reports whether the family has its credentials, from the block or the environment.
func (r resolved) configured() bool {
	for _, s := range r.block.settings {
		if s.credential && r.values[s.name] == "" {
			return false
		}
	}
	return true
}

// missing lists the credential settings that are still empty.
func (r resolved) missing() []string {
	var names []string
	for _, s := range r.block.settings {
		if s.credential && r.values[s.name] == "" {
			names = append(names, s.name)
		}
	}
	return names
}

func (r resolved) string(name, fallback string) string {
	if v := r.values[name]; v != "" {
		return v
	}
	return fallback
}

func (r resolved) float(name string, fallback float64) (float64, error) {
	v := r.values[name]
	if v == "" {
		return fallback, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 0 {
		return 0, fmt.Errorf("%s must be a non-negative number, got %q", r.block.envName(setting{name: name}), v)
	}
	return f, nil
}

func (r resolved) int(name string, fallback int) (int, error) {
	v := r.values[name]
	if v == "" {
		return fallback, nil
	}
	i, err := strconv.Atoi(v)
	if err != nil || i < 0 {
		return 0, fmt.Errorf("%s must be a non-negative integer, got %q", r.block.envName(setting{name: name}), v)
	}
	return i, nil
}

// resolve merges a block's configured attributes with the environment: a
// value in the configuration wins over the environment variable.
func resolve(b block, obj types.Object, getenv func(string) string) resolved {
	r := resolved{block: b, values: map[string]string{}}
	var attrs map[string]attr.Value
	if !obj.IsNull() && !obj.IsUnknown() {
		attrs = obj.Attributes()
	}
	if obj.IsUnknown() {
		r.unknown = true
	}
	for _, s := range b.settings {
		v, ok := attrs[s.name]
		switch {
		case ok && v.IsUnknown():
			r.unknown = true
		case ok && !v.IsNull():
			r.values[s.name] = valueString(v)
		default:
			r.values[s.name] = getenv(b.envName(s))
		}
	}
	return r
}

func valueString(v attr.Value) string {
	switch v := v.(type) {
	case types.String:
		return v.ValueString()
	case types.Float64:
		return strconv.FormatFloat(v.ValueFloat64(), 'f', -1, 64)
	case types.Int64:
		return strconv.FormatInt(v.ValueInt64(), 10)
	}
	return ""
}
