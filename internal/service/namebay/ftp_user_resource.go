package namebay

import (
	"context"
	"errors"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/api/namebay"
	"github.com/resellerkit/terraform-provider-reseller/internal/providerdata"
	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

var ftpLoginPattern = regexp.MustCompile(`^[a-z][a-z0-9_-]{2,31}$`)

type ftpUserResource struct{ base.Resource }

func newFtpUserResource() resource.Resource {
	return &ftpUserResource{base.Resource{Name: "ftp_user"}}
}

var (
	_ resource.ResourceWithImportState = (*ftpUserResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*ftpUserResource)(nil)
)

type ftpUserModel struct {
	ID                types.String `tfsdk:"id"`
	ClientAccount     types.String `tfsdk:"client_account"`
	HostingPack       types.String `tfsdk:"hosting_pack"`
	Login             types.String `tfsdk:"login"`
	Directory         types.String `tfsdk:"directory"`
	FullName          types.String `tfsdk:"full_name"`
	Description       types.String `tfsdk:"description"`
	PasswordWO        types.String `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64  `tfsdk:"password_wo_version"`
	UserID            types.Int64  `tfsdk:"user_id"`
	Host              types.String `tfsdk:"host"`
}

var ftpUserFields = fieldPaths{
	"UserName":    path.Root("login"),
	"Dir":         path.Root("directory"),
	"Description": path.Root("description"),
	"FullName":    path.Root("full_name"),
	"Pwd":         path.Root("password_wo"),
}

func (r *ftpUserResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An FTP user of a Namebay hosting pack, confined to a directory of the pack.\n\n" +
			"The password is write-only: it is sent to Namebay and never stored in the state or shown in a plan. " +
			"Change `password_wo_version` to send a new one. An offer allows a fixed number of FTP users; past it the apply fails " +
			"and names the offer that allows more.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, MarkdownDescription: "`<hosting pack domain>/<login>`.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"client_account": clientAccountAttribute("FTP user"),
			"hosting_pack": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Domain of the hosting pack (the `id` of a `reseller_hosting_pack`).",
				Validators:          []validator.String{domainName()},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"login": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "FTP login: 3 to 32 lower-case letters, digits, `-` and `_`, starting with a letter. Unique in the pack; changing it replaces the user.",
				Validators:          []validator.String{identifier("login", ftpLoginPattern, "3 to 32 lower-case letters, digits, - and _, starting with a letter")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"directory": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString("/"),
				MarkdownDescription: "Directory the user is confined to, inside the pack's root: starts with `/`, no `..`. Default: `/`.",
				Validators:          []validator.String{packPath("directory")},
			},
			"full_name": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Name of the person using the account.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 255)},
			},
			"description": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Free text, at most 255 characters.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 255)},
			},
			"password_wo": schema.StringAttribute{
				Required: true, WriteOnly: true, Sensitive: true,
				MarkdownDescription: "Password (write-only, never stored): 6 to 20 characters with at least one letter, one digit and one other character. " +
					"Sent at creation and whenever `password_wo_version` changes.",
				Validators: []validator.String{hostingPassword()},
			},
			"password_wo_version": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "Change this number to send `password_wo` again, e.g. after rotating it.",
			},
			"user_id": schema.Int64Attribute{
				Computed: true, MarkdownDescription: "Namebay's numeric ID of the user.",
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"host": schema.StringAttribute{
				Computed: true, MarkdownDescription: "FTP server to connect to.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

func (r *ftpUserResource) ModifyPlan(_ context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	base.Namebay(r.Data, "reseller_ftp_user", &resp.Diagnostics)
}

func (r *ftpUserResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan, config ftpUserModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	nb := base.Namebay(r.Data, "reseller_ftp_user", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	user := base.ClientAccount(plan.ClientAccount, nb)
	domain, login := plan.HostingPack.ValueString(), plan.Login.ValueString()
	what := fmt.Sprintf("FTP user %s of", login)
	pack, err := packOf(ctx, nb, user, domain)
	if err != nil {
		addAPIError(&resp.Diagnostics, objectSummary("create", what, domain), err, nil)
		return
	}
	order := namebay.NewFtpUser{
		UserName:    login,
		Pwd:         config.PasswordWO.ValueString(),
		FullName:    plan.FullName.ValueString(),
		Description: plan.Description.ValueString(),
		Dir:         plan.Directory.ValueString(),
	}
	created, err := nb.Client.CreateFtpUser(ctx, user, pack.Handle, order)
	if namebay.IsAmbiguous(err) {
		// No answer: the user may exist now. Adopt it rather than fail on a
		// duplicate login at the next apply, unless it is plainly not the
		// one asked for.
		if found, findErr := findFtpUser(ctx, nb.Client, user, pack.Handle, login); findErr == nil && found != nil {
			if found.Dir != order.Dir || found.FullName != order.FullName || found.Description != order.Description {
				resp.Diagnostics.AddError(objectSummary("create", what, domain),
					fmt.Sprintf("The answer to the creation was lost, and the pack now has an FTP user %s whose directory (%s), full name or description differ from this configuration's: it is not the one this apply asked for. Remove it or import it. %v", login, found.Dir, err))
				return
			}
			created, err = found, nil
		}
	}
	if namebay.HasCode(err, namebay.CodeExists) {
		err = fmt.Errorf("%w. To manage this FTP user with Terraform, import it: terraform import reseller_ftp_user.<name> %s", err, importID(plan.ClientAccount, domain+"/"+login))
	}
	if err != nil {
		err = quotaError(ctx, nb, user, pack, "FTP users", func(o namebay.HostingOffer) int64 { return o.MaxFtpUsers }, err)
		addAPIError(&resp.Diagnostics, objectSummary("create", what, domain), err, ftpUserFields)
		return
	}
	plan.setFrom(created, domain)
	plan.PasswordWO = types.StringNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func findFtpUser(ctx context.Context, client *namebay.Client, user, pack, login string) (*namebay.FtpUser, error) {
	all, err := client.ListFtpUsers(ctx, user, pack)
	if err != nil {
		return nil, err
	}
	for i := range all {
		if all[i].UserName == login {
			return &all[i], nil
		}
	}
	return nil, nil
}

func (m *ftpUserModel) setFrom(u *namebay.FtpUser, domain string) {
	m.ID = types.StringValue(domain + "/" + u.UserName)
	m.HostingPack = types.StringValue(domain)
	m.Login = types.StringValue(u.UserName)
	m.UserID = types.Int64Value(u.Id)
	m.Host = types.StringValue(u.Host)
	m.Directory = types.StringValue(u.Dir)
	m.FullName = optionalString(u.FullName)
	m.Description = optionalString(u.Description)
}

func (r *ftpUserResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state ftpUserModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_ftp_user", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	user := base.ClientAccount(state.ClientAccount, nb)
	domain, login := state.HostingPack.ValueString(), state.Login.ValueString()
	found, gone := r.lookup(ctx, nb, user, state, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if gone {
		if state.UserID.IsNull() { // an import from a domain without a pack
			resp.Diagnostics.AddError("Hosting pack not found",
				fmt.Sprintf("No hosting pack for %s in the account%s, so it has no FTP user %s. The import ID is <hosting pack domain>/<login>, or <client account>/<hosting pack domain>/<login>.", domain, forAccount(user), login))
			return
		}
		resp.State.RemoveResource(ctx)
		return
	}
	if found == nil {
		if state.UserID.IsNull() { // an import of a login that is not there
			resp.Diagnostics.AddError("FTP user not found", fmt.Sprintf("The hosting pack of %s has no FTP user %s.", domain, login))
			return
		}
		resp.State.RemoveResource(ctx)
		return
	}
	state.setFrom(found, domain)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// lookup reads the user by ID, or by login after an import. gone reports that
// the whole pack is missing.
func (r *ftpUserResource) lookup(ctx context.Context, nb *providerdata.Namebay, user string, m ftpUserModel, diags *diag.Diagnostics) (found *namebay.FtpUser, gone bool) {
	domain := m.HostingPack.ValueString()
	pack, err := packOf(ctx, nb, user, domain)
	if errors.Is(err, errPackNotFound) {
		return nil, true
	}
	if err != nil {
		addAPIError(diags, objectSummary("find", "the hosting pack of", domain), err, nil)
		return nil, false
	}
	if m.UserID.IsNull() || m.UserID.IsUnknown() {
		found, err = findFtpUser(ctx, nb.Client, user, pack.Handle, m.Login.ValueString())
	} else {
		found, err = nb.Client.GetFtpUser(ctx, user, pack.Handle, m.UserID.ValueInt64())
		if namebay.IsNotFound(err) {
			return nil, false
		}
	}
	if err != nil {
		addAPIError(diags, objectSummary("read", "FTP user "+m.Login.ValueString()+" of", domain), err, nil)
	}
	return found, false
}

func (r *ftpUserResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state, config ftpUserModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	nb := base.Namebay(r.Data, "reseller_ftp_user", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	user := base.ClientAccount(plan.ClientAccount, nb)
	domain := state.HostingPack.ValueString()
	what := "FTP user " + state.Login.ValueString() + " of"
	pack, err := packOf(ctx, nb, user, domain)
	if err != nil {
		addAPIError(&resp.Diagnostics, objectSummary("update", what, domain), err, nil)
		return
	}
	id := state.UserID.ValueInt64()
	// On an error the prior state stands, with each change recorded in it
	// once made: the next apply sends again only what failed.
	if !plan.Directory.Equal(state.Directory) || !plan.FullName.Equal(state.FullName) || !plan.Description.Equal(state.Description) {
		updated, err := nb.Client.UpdateFtpUser(ctx, user, pack.Handle, id, namebay.FtpUserUpdate{
			Dir:         plan.Directory.ValueStringPointer(),
			FullName:    emptyIfNull(plan.FullName),
			Description: emptyIfNull(plan.Description),
		})
		if err != nil {
			addAPIError(&resp.Diagnostics, objectSummary("update", what, domain), err, ftpUserFields)
			return
		}
		state.setFrom(updated, domain)
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	}
	if !plan.PasswordWOVersion.Equal(state.PasswordWOVersion) {
		if err := nb.Client.SetFtpUserPassword(ctx, user, pack.Handle, id, config.PasswordWO.ValueString()); err != nil {
			addAPIError(&resp.Diagnostics, objectSummary("change the password of", what, domain), err, ftpUserFields)
			return
		}
		state.PasswordWOVersion = plan.PasswordWOVersion
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// emptyIfNull sends "" for an unset optional text, so removing it from the
// configuration clears it.
func emptyIfNull(v types.String) *string {
	s := v.ValueString()
	return &s
}

func (r *ftpUserResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state ftpUserModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_ftp_user", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	user := base.ClientAccount(state.ClientAccount, nb)
	domain := state.HostingPack.ValueString()
	pack, err := packOf(ctx, nb, user, domain)
	if errors.Is(err, errPackNotFound) {
		return
	}
	if err == nil {
		err = nb.Client.DeleteFtpUser(ctx, user, pack.Handle, state.UserID.ValueInt64())
	}
	if err != nil && !namebay.IsNotFound(err) {
		addAPIError(&resp.Diagnostics, objectSummary("delete", "FTP user "+state.Login.ValueString()+" of", domain), err, nil)
	}
}

func (r *ftpUserResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts, err := base.ParseImportID(req.ID, "hosting_pack/login", "client_account/hosting_pack/login")
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("hosting_pack"), parts["hosting_pack"])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("login"), parts["login"])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), parts["hosting_pack"]+"/"+parts["login"])...)
	if acct, ok := parts["client_account"]; ok {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("client_account"), acct)...)
	}
}
