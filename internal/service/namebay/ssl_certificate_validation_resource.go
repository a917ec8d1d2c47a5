package namebay

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/api/namebay"
	"github.com/resellerkit/terraform-provider-reseller/internal/providerdata"
	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

// sslValidationResource is the waiting half of a certificate order: it
// triggers validation once the records exist and waits for issuance, so the
// order itself never blocks on DNS.
type sslValidationResource struct{ base.Resource }

func newSSLValidationResource() resource.Resource {
	return &sslValidationResource{base.Resource{Name: "ssl_certificate_validation"}}
}

var _ resource.ResourceWithImportState = (*sslValidationResource)(nil)

type sslValidationModel struct {
	ID                types.String   `tfsdk:"id"`
	ClientAccount     types.String   `tfsdk:"client_account"`
	CertificateID     types.String   `tfsdk:"certificate_id"`
	ValidationRecords types.Set      `tfsdk:"validation_records"`
	Status            types.String   `tfsdk:"status"`
	CertificatePEM    types.String   `tfsdk:"certificate_pem"`
	ChainPEM          types.String   `tfsdk:"chain_pem"`
	NotBefore         types.String   `tfsdk:"not_before"`
	NotAfter          types.String   `tfsdk:"not_after"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
}

func (r *sslValidationResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Waits for a `reseller_ssl_certificate` to be issued: it asks Namebay to check the validation (DNS records, " +
			"HTTP file or approval mail) and polls until the certificate is issued or the create timeout passes. Nothing is ordered here.\n\n" +
			"Give it the values of the validation records you published (`validation_records`): Terraform then creates them first, and a renewal " +
			"or reissue, which draws new values, validates again in the same apply. A timed-out wait leaves the order pending with a warning; the " +
			"next apply waits again. When the certificate is no longer issued (renewed, reissued or revoked elsewhere), the next plan shows this resource to be created again.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, MarkdownDescription: "The certificate's handle.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"client_account": clientAccountAttribute("certificate"),
			"certificate_id": schema.StringAttribute{
				Required: true, MarkdownDescription: "`id` of the `reseller_ssl_certificate` to validate.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"validation_records": schema.SetAttribute{
				ElementType: types.StringType, Optional: true,
				MarkdownDescription: "Values of the records published for validation, e.g. `[for r in reseller_dns_record.validation : r.value]`. Only their presence matters: they order the apply and trigger a new validation when they change.",
			},
			"status":          schema.StringAttribute{Computed: true, MarkdownDescription: "`ISSUED` once issued; `PENDING` after a timed-out wait."},
			"certificate_pem": schema.StringAttribute{Computed: true, MarkdownDescription: "The issued certificate (PEM)."},
			"chain_pem":       schema.StringAttribute{Computed: true, MarkdownDescription: "The issuing chain (PEM): intermediate, then root."},
			"not_before":      schema.StringAttribute{Computed: true, MarkdownDescription: "Start of validity (RFC 3339)."},
			"not_after":       schema.StringAttribute{Computed: true, MarkdownDescription: "End of validity (RFC 3339)."},
			"timeouts":        timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true}),
		},
	}
}

func (r *sslValidationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan sslValidationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, 30*time.Minute)
	resp.Diagnostics.Append(diags...)
	r.validate(ctx, timeout, &plan, &resp.Diagnostics)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	}
}

func (r *sslValidationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan sslValidationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, 30*time.Minute)
	resp.Diagnostics.Append(diags...)
	r.validate(ctx, timeout, &plan, &resp.Diagnostics)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	}
}

// validate asks for validation until the certificate is issued or timeout
// passes; a timeout is a warning, the order staying pending.
func (r *sslValidationResource) validate(ctx context.Context, timeout time.Duration, m *sslValidationModel, diags *diag.Diagnostics) {
	nb := base.Namebay(r.Data, "reseller_ssl_certificate_validation", diags)
	if nb == nil {
		return
	}
	user := base.ClientAccount(m.ClientAccount, nb)
	handle := m.CertificateID.ValueString()
	m.ID = types.StringValue(handle)
	waitCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	delay := 500 * time.Millisecond
	for {
		cert, err := nb.Client.ValidateCertificate(waitCtx, user, handle)
		if err != nil && waitCtx.Err() == nil {
			addAPIError(diags, objectSummary("validate", "certificate", handle), err, nil)
			return
		}
		if err == nil && cert.Status == namebay.CertIssued {
			r.setIssued(ctx, nb, user, handle, m, diags)
			return
		}
		if err == nil && cert.Status != namebay.CertPending {
			diags.AddError(objectSummary("validate", "certificate", handle),
				fmt.Sprintf("Certificate %s is %s and cannot be validated.", handle, cert.Status))
			return
		}
		last := "no answer"
		if cert != nil && cert.Error != "" {
			last = cert.Error
		}
		select {
		case <-waitCtx.Done():
			diags.AddWarning("Certificate not issued yet",
				fmt.Sprintf("Certificate %s was not validated within %s (last check: %s). The order stays pending and is not placed again; the next apply waits again.", handle, timeout, last))
			m.Status = types.StringValue(namebay.CertPending)
			m.CertificatePEM, m.ChainPEM, m.NotBefore, m.NotAfter = types.StringNull(), types.StringNull(), types.StringNull(), types.StringNull()
			return
		case <-time.After(delay):
		}
		delay = min(delay*2, 15*time.Second)
	}
}

func (r *sslValidationResource) setIssued(ctx context.Context, nb *providerdata.Namebay, user, handle string, m *sslValidationModel, diags *diag.Diagnostics) {
	issued, err := nb.Client.DownloadCertificate(ctx, user, handle)
	if err != nil {
		addAPIError(diags, objectSummary("download", "certificate", handle), err, nil)
		return
	}
	notBefore, notAfter, err := issuedDates(issued.Certificate)
	if err != nil {
		diags.AddError("Unreadable certificate", fmt.Sprintf("Certificate %s could not be parsed: %v.", handle, err))
		return
	}
	m.Status = types.StringValue(namebay.CertIssued)
	m.CertificatePEM, m.ChainPEM = types.StringValue(issued.Certificate), types.StringValue(issued.Chain)
	m.NotBefore = types.StringValue(notBefore.UTC().Format(time.RFC3339))
	m.NotAfter = types.StringValue(notAfter.UTC().Format(time.RFC3339))
}

func (r *sslValidationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state sslValidationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_ssl_certificate_validation", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	user := base.ClientAccount(state.ClientAccount, nb)
	handle := state.CertificateID.ValueString()
	if handle == "" {
		handle = state.ID.ValueString()
		state.CertificateID = state.ID
	}
	cert, err := nb.Client.GetCertificate(ctx, user, handle)
	if namebay.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, objectSummary("read", "certificate", handle), err, nil)
		return
	}
	if cert.Status != namebay.CertIssued {
		// The validation this resource stands for no longer holds: the
		// next plan creates it again, which validates the new order.
		resp.State.RemoveResource(ctx)
		return
	}
	r.setIssued(ctx, nb, user, handle, &state, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// Delete forgets the wait; the certificate is the other resource's to keep or revoke.
func (r *sslValidationResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}

func (r *sslValidationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts, err := base.ParseImportID(req.ID, "handle", "client_account/handle")
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), parts["handle"])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("certificate_id"), parts["handle"])...)
	if acct, ok := parts["client_account"]; ok {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("client_account"), acct)...)
	}
}
