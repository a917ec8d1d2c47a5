package namebay

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/resellerkit/terraform-provider-reseller/internal/api/namebay"
	"github.com/resellerkit/terraform-provider-reseller/internal/providerdata"
	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

type sslCertificateResource struct{ base.Resource }

func newSSLCertificateResource() resource.Resource {
	return &sslCertificateResource{base.Resource{Name: "ssl_certificate"}}
}

var (
	_ resource.ResourceWithImportState    = (*sslCertificateResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*sslCertificateResource)(nil)
	_ resource.ResourceWithValidateConfig = (*sslCertificateResource)(nil)
)

type sslCertificateModel struct {
	ID                 types.String `tfsdk:"id"`
	ClientAccount      types.String `tfsdk:"client_account"`
	Product            types.String `tfsdk:"product"`
	Period             types.Int64  `tfsdk:"period"`
	CommonName         types.String `tfsdk:"common_name"`
	SANs               types.Set    `tfsdk:"subject_alternative_names"`
	CSR                types.String `tfsdk:"csr"`
	ValidationMethod   types.String `tfsdk:"validation_method"`
	ApproverEmail      types.String `tfsdk:"approver_email"`
	AdminContact       types.String `tfsdk:"admin_contact"`
	BillingContact     types.String `tfsdk:"billing_contact"`
	AutoRenew          types.Bool   `tfsdk:"auto_renew"`
	EarlyRenewalDays   types.Int64  `tfsdk:"early_renewal_days"`
	DeletionProtection types.Bool   `tfsdk:"deletion_protection"`
	OnDestroy          types.String `tfsdk:"on_destroy"`
	Status             types.String `tfsdk:"status"`
	CSRPEM             types.String `tfsdk:"csr_pem"`
	PrivateKeyPEM      types.String `tfsdk:"private_key_pem"`
	ValidationRecords  types.List   `tfsdk:"validation_records"`
	HTTPValidationURLs types.List   `tfsdk:"http_validation_urls"`
	HTTPValidationBody types.String `tfsdk:"http_validation_content"`
	ApproverEmails     types.List   `tfsdk:"approver_emails"`
	CertificatePEM     types.String `tfsdk:"certificate_pem"`
	ChainPEM           types.String `tfsdk:"chain_pem"`
	NotBefore          types.String `tfsdk:"not_before"`
	NotAfter           types.String `tfsdk:"not_after"`
	ReadyForRenewal    types.Bool   `tfsdk:"ready_for_renewal"`
}

var sslCertificateFields = fieldPaths{
	"ProductName":      path.Root("product"),
	"Period":           path.Root("period"),
	"CSR":              path.Root("csr"),
	"San":              path.Root("subject_alternative_names"),
	"ValidationMethod": path.Root("validation_method"),
	"ApproverEmail":    path.Root("approver_email"),
	"AdminContact":     path.Root("admin_contact"),
	"BillingContact":   path.Root("billing_contact"),
}

func (r *sslCertificateResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	keepList := []planmodifier.List{listplanmodifier.UseStateForUnknown()}
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc, PlanModifiers: keep}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A GlobalSign SSL certificate ordered through Namebay. Ordering and renewing are paid; a retried apply " +
			"adopts the pending order it finds for the same names instead of ordering again, and the plan warns with the price of a renewal or a new order.\n\n" +
			"The key: give `csr` (for example `tls_cert_request.x.cert_request_pem` from the `tls` provider, so the private key never leaves your own state), " +
			"or leave it unset and the platform generates the request, whose private key is returned once in `private_key_pem` (Sensitive).\n\n" +
			"Validation: publish `validation_records` (DNS), serve `http_validation_content` (HTTP) or approve the mail sent to `approver_email`, then let a " +
			"`reseller_ssl_certificate_validation` trigger it and wait for issuance. The issued certificate shows here after a refresh.\n\n" +
			"A new `csr` or new names reissue the certificate in place (free). Within `early_renewal_days` of its expiry the plan renews it (billed), " +
			"which asks for a new validation. **Destroying** never revokes by accident: `on_destroy = \"abandon\"` (the default) turns auto-renew off and " +
			"forgets the certificate, which stays valid; `revoke` revokes it; `deletion_protection = true` makes a destroy fail.",
		Attributes: map[string]schema.Attribute{
			"id":             computed("Namebay handle of the certificate (`SSL-…`)."),
			"client_account": clientAccountAttribute("certificate"),
			"product": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Product name from `reseller_ssl_products`, e.g. `AlphaSSL` or `WildcardSSL`. Changing it orders a new certificate.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 64)},
				PlanModifiers:       replace,
			},
			"period": schema.Int64Attribute{
				Optional: true, Computed: true, Default: int64default.StaticInt64(1),
				MarkdownDescription: "Years ordered, and added by each renewal; one of the product's periods. Default: `1`.",
				Validators:          []validator.Int64{int64validator.Between(1, 3)},
			},
			"common_name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Main name of the certificate, in lower case, e.g. `example.com` or `*.example.com` on a wildcard product. Changing it orders a new certificate.",
				Validators:          []validator.String{certName()},
				PlanModifiers:       replace,
			},
			"subject_alternative_names": schema.SetAttribute{
				ElementType: types.StringType, Optional: true,
				MarkdownDescription: "Other names the certificate covers, besides `common_name`; at most the product's `max_san`. Changing them reissues the certificate (free).",
				Validators:          []validator.Set{setvalidator.ValueStringsAre(certName())},
			},
			"csr": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "PEM certificate request naming exactly `common_name` and `subject_alternative_names` (RSA of 2048 bits or more, or ECDSA P-256/P-384). " +
					"Unset: the platform generates a 2048-bit RSA key and its request. Changing it reissues the certificate (free).",
			},
			"validation_method": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(validationDNS),
				MarkdownDescription: "How control of the names is proven: `dns` (publish `validation_records`), `http` (serve `http_validation_content` at `http_validation_urls`) or `email` (approve the mail sent to `approver_email`). Default: `dns`. Changing it orders a new certificate.",
				Validators:          []validator.String{stringvalidator.OneOf(validationDNS, validationHTTP, validationEmail)},
				PlanModifiers:       replace,
			},
			"approver_email": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "With `validation_method = \"email\"`: the address that approves the order, one of `admin@`, `administrator@`, `hostmaster@`, `postmaster@` or `webmaster@` the registrable domain of `common_name`.",
				PlanModifiers:       replace,
			},
			"admin_contact": schema.StringAttribute{
				Required: true, MarkdownDescription: "Handle of the administrative contact (a `reseller_contact` id). Changing it orders a new certificate.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)}, PlanModifiers: replace,
			},
			"billing_contact": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Handle of the billing contact. Defaults to the administrative contact. Changing it orders a new certificate.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
			},
			"auto_renew": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Let Namebay renew the certificate at expiry (billed, outside Terraform). Default: `false`: Terraform renews it within `early_renewal_days`.",
			},
			"early_renewal_days": schema.Int64Attribute{
				Optional: true, Computed: true, Default: int64default.StaticInt64(30),
				MarkdownDescription: "Renew when the certificate expires within this many days: from then on the plan shows the renewal (billed). Namebay renews at most 90 days ahead. Default: `30`.",
				Validators:          []validator.Int64{int64validator.Between(0, 1095)},
			},
			"deletion_protection": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "When `true`, destroying (or replacing) the certificate fails. Default: `false`.",
			},
			"on_destroy": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(onDestroyAbandon),
				MarkdownDescription: "What destroying does: `abandon` (default) turns auto-renew off and forgets the certificate, which stays valid until it expires; `revoke` revokes it.",
				Validators:          []validator.String{stringvalidator.OneOf(onDestroyAbandon, onDestroyRevoke)},
			},
			"status":          schema.StringAttribute{Computed: true, MarkdownDescription: "`PENDING` (waiting for validation), `ISSUED`, `REVOKED` or `EXPIRED`.", PlanModifiers: keep},
			"csr_pem":         computed("The certificate request in use: `csr`, or the one the platform generated."),
			"private_key_pem": schema.StringAttribute{Computed: true, Sensitive: true, MarkdownDescription: "Private key of a platform-generated request (PEM, PKCS #8); null when `csr` is given.", PlanModifiers: keep},
			"validation_records": schema.ListNestedAttribute{
				Computed:            true,
				PlanModifiers:       keepList,
				MarkdownDescription: "With DNS validation, the TXT records to publish, one per name: `name` (absolute, with the final dot), `type` and `value`. Feed them to `reseller_dns_record`.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":  schema.StringAttribute{Computed: true, MarkdownDescription: "Owner name, absolute."},
					"type":  schema.StringAttribute{Computed: true, MarkdownDescription: "Always `TXT`."},
					"value": schema.StringAttribute{Computed: true, MarkdownDescription: "The token to publish."},
				}},
			},
			"http_validation_urls": schema.ListAttribute{
				ElementType: types.StringType, Computed: true, PlanModifiers: keepList,
				MarkdownDescription: "With HTTP validation, the URLs that must serve `http_validation_content`.",
			},
			"http_validation_content": computed("With HTTP validation, the content of `gsdv.txt`."),
			"approver_emails": schema.ListAttribute{
				ElementType: types.StringType, Computed: true, PlanModifiers: keepList,
				MarkdownDescription: "Addresses allowed as `approver_email`.",
			},
			"certificate_pem": computed("The issued certificate (PEM), once validated; shown after a refresh."),
			"chain_pem":       computed("The issuing chain (PEM): intermediate, then root."),
			"not_before":      computed("Start of the issued certificate's validity (RFC 3339)."),
			"not_after":       computed("End of the issued certificate's validity (RFC 3339)."),
			"ready_for_renewal": schema.BoolAttribute{
				Computed: true, PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
				MarkdownDescription: "Whether the certificate is within `early_renewal_days` of its expiry (or expired), so the next apply renews it.",
			},
		},
	}
}

func certName() validator.String {
	return stringCheck{
		Text: "a host name in lower case, optionally starting with *.",
		Test: func(s string) string {
			base := strings.TrimPrefix(s, "*.")
			if strings.Contains(base, "*") {
				return fmt.Sprintf("%q: a wildcard is allowed only as the whole first label, e.g. *.example.com", s)
			}
			if problem := domainName().(stringCheck).Test(base); problem != "" {
				return fmt.Sprintf("%q is not a valid name: %s", s, problem)
			}
			return ""
		},
	}
}

func (r *sslCertificateResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m sslCertificateModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	method := m.ValidationMethod.ValueString()
	if m.ValidationMethod.IsNull() {
		method = validationDNS
	}
	switch {
	case method == validationEmail && m.ApproverEmail.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("approver_email"), "Approver e-mail required",
			"E-mail validation needs approver_email: admin@, administrator@, hostmaster@, postmaster@ or webmaster@ the registrable domain of common_name.")
	case known(m.ApproverEmail) && known(m.ValidationMethod) && method != validationEmail:
		resp.Diagnostics.AddAttributeError(path.Root("approver_email"), "Approver e-mail unused",
			fmt.Sprintf("approver_email applies to e-mail validation only; validation_method is %q.", method))
	case known(m.ApproverEmail) && known(m.CommonName) && !slices.Contains(approverEmails(m.CommonName.ValueString()), m.ApproverEmail.ValueString()):
		resp.Diagnostics.AddAttributeError(path.Root("approver_email"), "Approver e-mail not allowed",
			fmt.Sprintf("%q cannot approve a certificate for %s; use one of %s.", m.ApproverEmail.ValueString(), m.CommonName.ValueString(), strings.Join(approverEmails(m.CommonName.ValueString()), ", ")))
	}
	if known(m.CSR) && known(m.CommonName) && !m.SANs.IsUnknown() {
		inCSR, err := csrNames(m.CSR.ValueString())
		if err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("csr"), "Invalid CSR", err.Error())
			return
		}
		planned := sortedSet(append(setStrings(m.SANs), m.CommonName.ValueString()))
		if diff := nameDifference(inCSR, planned); diff != "" {
			resp.Diagnostics.AddAttributeError(path.Root("csr"), "CSR does not match the names",
				fmt.Sprintf("The CSR must name exactly common_name and subject_alternative_names (%s): %s.", strings.Join(planned, ", "), diff))
		}
	}
}

func setStrings(s types.Set) []string {
	if s.IsNull() || s.IsUnknown() {
		return nil
	}
	out := make([]string, 0, len(s.Elements()))
	for _, v := range s.Elements() {
		if str, ok := v.(types.String); ok && !str.IsUnknown() {
			out = append(out, str.ValueString())
		}
	}
	return out
}

// renewalDue reports whether a certificate expiring at notAfter is within
// days of its expiry.
func renewalDue(notAfter types.String, days int64, now time.Time) bool {
	if !known(notAfter) {
		return false
	}
	end, err := time.Parse(time.RFC3339, notAfter.ValueString())
	if err != nil {
		return false
	}
	return !now.Before(end.Add(-time.Duration(days) * 24 * time.Hour))
}

func (r *sslCertificateResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		var state sslCertificateModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if state.DeletionProtection.ValueBool() {
			resp.Diagnostics.AddError("Certificate is protected from deletion",
				fmt.Sprintf("Certificate %s (%s) has deletion_protection = true. Set it to false and apply before destroying.", state.ID.ValueString(), state.CommonName.ValueString()))
		}
		return
	}
	nb := base.Namebay(r.Data, "reseller_ssl_certificate", &resp.Diagnostics)
	if nb == nil {
		return
	}
	var plan sslCertificateModel
	var billing types.String
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("billing_contact"), &billing)...)
	var state *sslCertificateModel
	if !req.State.Raw.IsNull() {
		state = &sslCertificateModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if billing.IsNull() && state == nil {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("billing_contact"), plan.AdminContact)...)
	}
	user := base.ClientAccount(plan.ClientAccount, nb)
	product := r.checkProduct(ctx, nb, user, plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if known(plan.ValidationMethod) && known(plan.CommonName) && !plan.SANs.IsUnknown() && (state == nil || plan.Status.IsUnknown()) {
		records := plannedValidationRecords(plan.ValidationMethod.ValueString(), plan.CommonName.ValueString(), setStrings(plan.SANs))
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("validation_records"), records)...)
	}
	if state == nil {
		if product != nil {
			resp.Diagnostics.AddWarning("Certificate order is billed",
				fmt.Sprintf("Applying orders a %s certificate for %s for %d year(s), billed %.2f %s.", product.ProductName, plan.CommonName.ValueString(), plan.Period.ValueInt64(), product.Price*float64(plan.Period.ValueInt64()), product.Currency))
		}
		return
	}

	replacing := !plan.Product.Equal(state.Product) || !plan.CommonName.Equal(state.CommonName) || !plan.ValidationMethod.Equal(state.ValidationMethod) ||
		!plan.ApproverEmail.Equal(state.ApproverEmail) || !plan.AdminContact.Equal(state.AdminContact) || (!billing.IsNull() && !plan.BillingContact.Equal(state.BillingContact))
	if state.Status.ValueString() == namebay.CertRevoked {
		// Terraform replaces only for a path whose value changes: the new
		// order's status is not known yet.
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("status"), types.StringUnknown())...)
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("status"))
		replacing = true
	}
	if replacing {
		if state.DeletionProtection.ValueBool() {
			resp.Diagnostics.AddError("Certificate is protected from deletion",
				fmt.Sprintf("This plan replaces certificate %s (%s), which has deletion_protection = true.", state.ID.ValueString(), state.CommonName.ValueString()))
			return
		}
		if product != nil {
			resp.Diagnostics.AddWarning("Replacing the certificate orders a new one",
				fmt.Sprintf("Certificate %s for %s is replaced by a new %s order, billed %.2f %s.", state.ID.ValueString(), state.CommonName.ValueString(), product.ProductName, product.Price*float64(plan.Period.ValueInt64()), product.Currency))
		}
		return
	}

	reissue := (!plan.CSR.Equal(state.CSR)) || !plan.SANs.Equal(state.SANs) || (plan.CSR.IsNull() && state.PrivateKeyPEM.IsNull())
	due := state.Status.ValueString() == namebay.CertExpired ||
		(state.Status.ValueString() == namebay.CertIssued && renewalDue(state.NotAfter, plan.EarlyRenewalDays.ValueInt64(), time.Now()))
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("ready_for_renewal"), types.BoolValue(due))...)
	if !reissue && !due {
		return
	}
	for _, attr := range []string{"status", "http_validation_urls", "http_validation_content", "certificate_pem", "chain_pem", "not_before", "not_after"} {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(attr), unknownOf(attr))...)
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("validation_records"),
		plannedValidationRecords(plan.ValidationMethod.ValueString(), plan.CommonName.ValueString(), setStrings(plan.SANs)))...)
	if reissue {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("csr_pem"), types.StringUnknown())...)
		if plan.CSR.IsNull() {
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("private_key_pem"), types.StringUnknown())...)
		} else {
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("private_key_pem"), types.StringNull())...)
		}
	}
	if due {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("ready_for_renewal"), types.BoolValue(false))...)
		price := ""
		if product != nil {
			price = fmt.Sprintf(", billed %.2f %s", product.Price*float64(plan.Period.ValueInt64()), product.Currency)
		}
		resp.Diagnostics.AddAttributeWarning(path.Root("ready_for_renewal"), "Certificate renewal is billed",
			fmt.Sprintf("Certificate %s for %s expires on %s: applying renews it for %d year(s)%s. It then needs a new validation.",
				state.ID.ValueString(), state.CommonName.ValueString(), state.NotAfter.ValueString(), plan.Period.ValueInt64(), price))
	}
}

func unknownOf(attr string) attr.Value {
	switch attr {
	case "http_validation_urls":
		return types.ListUnknown(types.StringType)
	default:
		return types.StringUnknown()
	}
}

// checkProduct refuses, at plan, a product the catalog lacks, a period it
// does not sell, too many names and a wildcard on a product without.
func (r *sslCertificateResource) checkProduct(ctx context.Context, nb *providerdata.Namebay, user string, plan sslCertificateModel, diags *diag.Diagnostics) *namebay.CertProduct {
	if !known(plan.Product) {
		return nil
	}
	all, err := certProducts(ctx, nb, user)
	if err != nil {
		diags.AddWarning("Could not check the certificate catalog", err.Error())
		return nil
	}
	product := findCertProduct(all, plan.Product.ValueString())
	if product == nil {
		diags.AddAttributeError(path.Root("product"), "Unknown certificate product",
			fmt.Sprintf("%q is not in the certificate catalog. Products: %s.", plan.Product.ValueString(), certProductNames(all)))
		return nil
	}
	if p := plan.Period.ValueInt64(); !plan.Period.IsUnknown() && !slices.Contains(product.Periods, p) {
		diags.AddAttributeError(path.Root("period"), "Period not sold",
			fmt.Sprintf("%s is sold for %s year(s); period = %d is not one of them.", product.ProductName, joinInts(product.Periods), p))
	}
	sans := setStrings(plan.SANs)
	if int64(len(sans)) > product.MaxSan {
		diags.AddAttributeError(path.Root("subject_alternative_names"), "Too many names",
			fmt.Sprintf("%s covers at most %d name(s) besides the common name; %d are configured.%s", product.ProductName, product.MaxSan, len(sans), largerProduct(all, *product, int64(len(sans)))))
	}
	if !product.Wildcard {
		for _, n := range append(sans, plan.CommonName.ValueString()) {
			if strings.HasPrefix(n, "*.") {
				diags.AddAttributeError(path.Root("common_name"), "Wildcard not allowed",
					fmt.Sprintf("%s does not cover wildcard names such as %q; use a wildcard product (%s).", product.ProductName, n, wildcardProducts(all)))
				break
			}
		}
	}
	return product
}

func joinInts(values []int64) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = fmt.Sprint(v)
	}
	return strings.Join(parts, ", ")
}

func largerProduct(all []namebay.CertProduct, current namebay.CertProduct, need int64) string {
	var names []string
	for _, p := range all {
		if p.MaxSan >= need && p.Validation == current.Validation && p.Wildcard == current.Wildcard {
			names = append(names, fmt.Sprintf("%s (%d)", p.ProductName, p.MaxSan))
		}
	}
	if len(names) == 0 {
		return ""
	}
	return " Products that cover more: " + strings.Join(names, ", ") + "."
}

func wildcardProducts(all []namebay.CertProduct) string {
	var names []string
	for _, p := range all {
		if p.Wildcard {
			names = append(names, p.ProductName)
		}
	}
	return strings.Join(names, ", ")
}

func (r *sslCertificateResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan sslCertificateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	nb := base.Namebay(r.Data, "reseller_ssl_certificate", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	user := base.ClientAccount(plan.ClientAccount, nb)
	name := plan.CommonName.ValueString()
	if !known(plan.BillingContact) {
		plan.BillingContact = plan.AdminContact
	}
	csr, key := plan.CSR.ValueString(), ""
	if plan.CSR.IsNull() {
		generated, err := nb.Client.GenerateCSR(ctx, user, namebay.CSRRequest{CommonName: name, San: setStrings(plan.SANs), KeySize: 2048})
		if err != nil {
			addAPIError(&resp.Diagnostics, objectSummary("generate", "a certificate request for", name), err, sslCertificateFields)
			return
		}
		csr, key = generated.CSR, generated.PrivateKey
	}
	cert, adoptedCSR, err := r.order(ctx, nb, user, plan, csr)
	if err != nil {
		addAPIError(&resp.Diagnostics, objectSummary("order", "a certificate for", name), err, sslCertificateFields)
		return
	}
	plan.ID = types.StringValue(cert.Handle)
	plan.CSRPEM = types.StringValue(csr)
	plan.PrivateKeyPEM = optionalString(key)
	if adoptedCSR != "" && !samePEM(adoptedCSR, csr) {
		// An adopted pending order with another request: reissue it with ours (free).
		if cert, err = nb.Client.ReissueCertificate(ctx, user, cert.Handle, csr, setStrings(plan.SANs)); err != nil {
			resp.Diagnostics.Append(resp.State.Set(ctx, r.pendingState(plan))...)
			addAPIError(&resp.Diagnostics, objectSummary("reissue", "certificate", plan.ID.ValueString()), err, sslCertificateFields)
			return
		}
	}
	if plan.AutoRenew.ValueBool() != cert.AutoRenew {
		if cert, err = nb.Client.UpdateCertificate(ctx, user, cert.Handle, plan.AutoRenew.ValueBool()); err != nil {
			resp.Diagnostics.Append(resp.State.Set(ctx, r.pendingState(plan))...)
			addAPIError(&resp.Diagnostics, objectSummary("set auto-renew on", "certificate", plan.ID.ValueString()), err, nil)
			return
		}
	}
	r.setFrom(&plan, cert)
	r.setIssued(ctx, nb, user, &plan, cert, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// pendingState is what state keeps of an order whose follow-up call failed:
// the order exists and must never be placed again.
func (r *sslCertificateResource) pendingState(m sslCertificateModel) sslCertificateModel {
	m.Status = types.StringValue(namebay.CertPending)
	m.ValidationRecords = types.ListValueMust(validationRecordType, nil)
	m.HTTPValidationURLs = types.ListValueMust(types.StringType, nil)
	m.HTTPValidationBody = types.StringNull()
	m.ApproverEmails = types.ListValueMust(types.StringType, nil)
	m.CertificatePEM, m.ChainPEM, m.NotBefore, m.NotAfter = types.StringNull(), types.StringNull(), types.StringNull(), types.StringNull()
	m.ReadyForRenewal = types.BoolValue(false)
	return m
}

// order places the order unless a pending order for the same names and
// product already exists in the account: that is this configuration's
// earlier order whose answer was lost, and it is adopted. For an adopted
// order it also returns the request the order carries.
func (r *sslCertificateResource) order(ctx context.Context, nb *providerdata.Namebay, user string, plan sslCertificateModel, csr string) (*namebay.Certificate, string, error) {
	name := plan.CommonName.ValueString()
	wanted := sortedSet(setStrings(plan.SANs))
	find := func(sameCSR bool) (*namebay.Certificate, string, error) {
		all, err := nb.Client.FindCertificates(ctx, user, name)
		if err != nil {
			return nil, "", err
		}
		for i := range all {
			c := &all[i]
			if c.Status != namebay.CertPending || c.RegDate != "" || c.ProductName != plan.Product.ValueString() ||
				!slices.Equal(sortedSet(c.San), wanted) || c.ValidationMethod != apiValidationMethod[plan.ValidationMethod.ValueString()] {
				continue
			}
			current, err := nb.Client.GetCertificateCSR(ctx, user, c.Handle)
			if err != nil {
				return nil, "", err
			}
			if sameCSR && !samePEM(current.CSR, csr) {
				continue
			}
			tflog.Info(ctx, "adopting a certificate order this configuration already placed", map[string]any{"common_name": name, "handle": c.Handle})
			return c, current.CSR, nil
		}
		return nil, "", nil
	}
	if existing, existingCSR, err := find(false); err != nil || existing != nil {
		return existing, existingCSR, err
	}
	cert, err := nb.Client.CreateCertificate(ctx, user, namebay.NewCertificate{
		ProductName:      plan.Product.ValueString(),
		Period:           plan.Period.ValueInt64(),
		CSR:              csr,
		San:              setStrings(plan.SANs),
		ValidationMethod: apiValidationMethod[plan.ValidationMethod.ValueString()],
		ApproverEmail:    plan.ApproverEmail.ValueString(),
		AdminContact:     plan.AdminContact.ValueString(),
		BillingContact:   plan.BillingContact.ValueString(),
		AutoRenew:        plan.AutoRenew.ValueBool(),
	})
	if err == nil || !namebay.IsAmbiguous(err) {
		return cert, "", err
	}
	// No answer: the order may or may not have been taken. Look before anything else.
	existing, existingCSR, findErr := find(true)
	if findErr != nil {
		return nil, "", fmt.Errorf("%w; checking whether the order went through also failed: %v. Run apply again: the provider adopts a pending order for the same names before ordering", err, findErr)
	}
	if existing == nil {
		return nil, "", err
	}
	return existing, existingCSR, nil
}

// setFrom copies what the API says of the order into m.
func (r *sslCertificateResource) setFrom(m *sslCertificateModel, c *namebay.Certificate) {
	m.ID = types.StringValue(c.Handle)
	m.Status = types.StringValue(c.Status)
	m.AutoRenew = types.BoolValue(c.AutoRenew)
	m.BillingContact = types.StringValue(c.BillingContact)
	m.ValidationRecords = validationRecords(c)
	urls := []string{}
	body := types.StringNull()
	if c.ValidationMethod == namebay.ValidationHTTP {
		urls, body = c.WellknownUrlList, types.StringValue(c.MetaTag)
	}
	m.HTTPValidationURLs = listOfStrings(urls)
	m.HTTPValidationBody = body
	m.ApproverEmails = listOfStrings(c.ApproverMailList)
}

// setIssued downloads the issued certificate, when there is one, into m.
func (r *sslCertificateResource) setIssued(ctx context.Context, nb *providerdata.Namebay, user string, m *sslCertificateModel, c *namebay.Certificate, diags *diag.Diagnostics) {
	m.CertificatePEM, m.ChainPEM, m.NotBefore, m.NotAfter = types.StringNull(), types.StringNull(), types.StringNull(), types.StringNull()
	m.ReadyForRenewal = types.BoolValue(c.Status == namebay.CertExpired)
	if c.RegDate == "" {
		return
	}
	issued, err := nb.Client.DownloadCertificate(ctx, user, c.Handle)
	if namebay.IsNotFound(err) {
		return
	}
	if err != nil {
		addAPIError(diags, objectSummary("download", "certificate", c.Handle), err, nil)
		return
	}
	m.CertificatePEM, m.ChainPEM = types.StringValue(issued.Certificate), types.StringValue(issued.Chain)
	notBefore, notAfter, err := issuedDates(issued.Certificate)
	if err != nil {
		diags.AddWarning("Unreadable certificate", fmt.Sprintf("Certificate %s could not be parsed: %v.", c.Handle, err))
		return
	}
	m.NotBefore = types.StringValue(notBefore.UTC().Format(time.RFC3339))
	m.NotAfter = types.StringValue(notAfter.UTC().Format(time.RFC3339))
	if c.Status == namebay.CertIssued {
		m.ReadyForRenewal = types.BoolValue(renewalDue(m.NotAfter, m.EarlyRenewalDays.ValueInt64(), time.Now()))
	}
}

func (r *sslCertificateResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state sslCertificateModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_ssl_certificate", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	user := base.ClientAccount(state.ClientAccount, nb)
	handle := state.ID.ValueString()
	cert, err := nb.Client.GetCertificate(ctx, user, handle)
	if namebay.IsNotFound(err) {
		if state.Product.IsNull() { // an import of a handle that is not there
			resp.Diagnostics.AddError("Certificate not found", fmt.Sprintf("No certificate %s in the account%s.", handle, forAccount(user)))
			return
		}
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, objectSummary("read", "certificate", handle), err, nil)
		return
	}
	imported := state.Product.IsNull()
	r.setFrom(&state, cert)
	state.Product = types.StringValue(cert.ProductName)
	state.CommonName = types.StringValue(cert.CommonName)
	state.ValidationMethod = types.StringValue(strings.ToLower(cert.ValidationMethod))
	state.ApproverEmail = optionalString(cert.ApproverEmail)
	state.AdminContact = types.StringValue(cert.AdminContact)
	if sans := sortedSet(cert.San); len(sans) > 0 || !state.SANs.IsNull() {
		state.SANs = types.SetValueMust(types.StringType, listOfStrings(sans).Elements())
	}
	if imported {
		state.Period = types.Int64Value(cert.Period)
		state.EarlyRenewalDays = types.Int64Value(30)
		state.DeletionProtection = types.BoolValue(false)
		state.OnDestroy = types.StringValue(onDestroyAbandon)
	}

	// A request changed behind Terraform's back (an out-of-band reissue)
	// shows: as a diff on csr, or, for a generated key, as a lost key the
	// next apply replaces.
	current, err := nb.Client.GetCertificateCSR(ctx, user, handle)
	if err != nil {
		addAPIError(&resp.Diagnostics, objectSummary("read the request of", "certificate", handle), err, nil)
		return
	}
	if !samePEM(current.CSR, state.CSRPEM.ValueString()) {
		if imported || !state.CSR.IsNull() {
			state.CSR = types.StringValue(current.CSR)
		}
		state.CSRPEM = types.StringValue(current.CSR)
		state.PrivateKeyPEM = types.StringNull()
	}
	r.setIssued(ctx, nb, user, &state, cert, &resp.Diagnostics)
	switch cert.Status {
	case namebay.CertRevoked:
		resp.Diagnostics.AddWarning("Certificate revoked",
			fmt.Sprintf("Certificate %s for %s was revoked. The next apply orders a new one (billed).", handle, cert.CommonName))
	case namebay.CertExpired:
		resp.Diagnostics.AddWarning("Certificate expired",
			fmt.Sprintf("Certificate %s for %s expired on %s. The next apply renews it (billed).", handle, cert.CommonName, cert.ExpDate))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *sslCertificateResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state sslCertificateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_ssl_certificate", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	user := base.ClientAccount(plan.ClientAccount, nb)
	handle := state.ID.ValueString()
	cert, err := nb.Client.GetCertificate(ctx, user, handle)
	if err != nil {
		addAPIError(&resp.Diagnostics, objectSummary("read", "certificate", handle), err, nil)
		return
	}

	csr, key := plan.CSR.ValueString(), state.PrivateKeyPEM
	reissue := plan.CSRPEM.IsUnknown()
	if reissue && plan.CSR.IsNull() {
		generated, err := nb.Client.GenerateCSR(ctx, user, namebay.CSRRequest{CommonName: plan.CommonName.ValueString(), San: setStrings(plan.SANs), KeySize: 2048})
		if err != nil {
			addAPIError(&resp.Diagnostics, objectSummary("generate", "a certificate request for", plan.CommonName.ValueString()), err, sslCertificateFields)
			return
		}
		csr, key = generated.CSR, types.StringValue(generated.PrivateKey)
	} else if !reissue {
		csr = state.CSRPEM.ValueString()
	}
	if !plan.CSR.IsNull() {
		key = types.StringNull()
	}

	if plan.Status.IsUnknown() && !reissue { // a renewal
		if cert, err = r.renew(ctx, nb, user, cert, plan.Period.ValueInt64()); err != nil {
			addAPIError(&resp.Diagnostics, objectSummary("renew", "certificate", handle), err, sslCertificateFields)
			return
		}
	}
	if reissue {
		if cert, err = nb.Client.ReissueCertificate(ctx, user, handle, csr, setStrings(plan.SANs)); err != nil {
			addAPIError(&resp.Diagnostics, objectSummary("reissue", "certificate", handle), err, sslCertificateFields)
			return
		}
	}
	if plan.AutoRenew.ValueBool() != cert.AutoRenew {
		if cert, err = nb.Client.UpdateCertificate(ctx, user, handle, plan.AutoRenew.ValueBool()); err != nil {
			addAPIError(&resp.Diagnostics, objectSummary("set auto-renew on", "certificate", handle), err, nil)
			return
		}
	}
	plan.CSRPEM, plan.PrivateKeyPEM = types.StringValue(csr), key
	r.setFrom(&plan, cert)
	r.setIssued(ctx, nb, user, &plan, cert, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// renew is paid and never repeated: after a lost answer the certificate is
// read to learn whether the renewal went through (a renewal draws a new
// validation token).
func (r *sslCertificateResource) renew(ctx context.Context, nb *providerdata.Namebay, user string, before *namebay.Certificate, period int64) (*namebay.Certificate, error) {
	renewed, err := nb.Client.RenewCertificate(ctx, user, before.Handle, period, "")
	if err == nil || !namebay.IsAmbiguous(err) {
		return renewed, err
	}
	now, readErr := nb.Client.GetCertificate(ctx, user, before.Handle)
	if readErr != nil {
		return nil, fmt.Errorf("%w; whether the renewal went through is unknown (%v): check the certificate before applying again", err, readErr)
	}
	if now.Status == namebay.CertPending && (now.DnsTxt != before.DnsTxt || now.MetaTag != before.MetaTag) {
		return now, nil
	}
	return nil, err
}

func (r *sslCertificateResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state sslCertificateModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_ssl_certificate", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	handle := state.ID.ValueString()
	if state.DeletionProtection.ValueBool() {
		resp.Diagnostics.AddError("Certificate is protected from deletion",
			fmt.Sprintf("Certificate %s (%s) has deletion_protection = true. Set it to false and apply before destroying.", handle, state.CommonName.ValueString()))
		return
	}
	user := base.ClientAccount(state.ClientAccount, nb)
	if state.OnDestroy.ValueString() == onDestroyRevoke {
		err := nb.Client.RevokeCertificate(ctx, user, handle)
		if err != nil && !namebay.IsNotFound(err) && !namebay.HasCode(err, 570) {
			addAPIError(&resp.Diagnostics, objectSummary("revoke", "certificate", handle), err, nil)
		}
		return
	}
	if state.AutoRenew.ValueBool() {
		if _, err := nb.Client.UpdateCertificate(ctx, user, handle, false); err != nil && !namebay.IsNotFound(err) && !namebay.HasCode(err, 570) {
			addAPIError(&resp.Diagnostics, objectSummary("turn auto-renew off for", "certificate", handle), err, nil)
			return
		}
	}
	resp.Diagnostics.AddWarning("Certificate abandoned, not revoked",
		fmt.Sprintf("Certificate %s for %s stays valid until it expires; auto-renew is off and Terraform no longer manages it. Set on_destroy = \"revoke\" to revoke a certificate on destroy.", handle, state.CommonName.ValueString()))
}

func (r *sslCertificateResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts, err := base.ParseImportID(req.ID, "handle", "client_account/handle")
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), parts["handle"])...)
	if acct, ok := parts["client_account"]; ok {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("client_account"), acct)...)
	}
}
