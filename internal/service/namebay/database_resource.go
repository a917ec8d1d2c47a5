package namebay

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
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

var databaseIdentifierPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{2,15}$`)

const databaseIdentifierRule = "3 to 16 lower-case letters, digits and _, starting with a letter"

type databaseResource struct{ base.Resource }

func newDatabaseResource() resource.Resource {
	return &databaseResource{base.Resource{Name: "database"}}
}

var (
	_ resource.ResourceWithImportState = (*databaseResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*databaseResource)(nil)
)

type databaseModel struct {
	ID                types.String `tfsdk:"id"`
	ClientAccount     types.String `tfsdk:"client_account"`
	HostingPack       types.String `tfsdk:"hosting_pack"`
	Name              types.String `tfsdk:"name"`
	Type              types.String `tfsdk:"type"`
	SizeLimitMB       types.Int64  `tfsdk:"size_limit_mb"`
	User              types.String `tfsdk:"user"`
	PasswordWO        types.String `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64  `tfsdk:"password_wo_version"`
	Server            types.String `tfsdk:"server"`
	SizeMB            types.Int64  `tfsdk:"size_mb"`
}

var databaseFields = fieldPaths{
	"Name":    path.Root("name"),
	"User":    path.Root("user"),
	"Type":    path.Root("type"),
	"MaxSize": path.Root("size_limit_mb"),
	"Pwd":     path.Root("password_wo"),
}

func (r *databaseResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A database of a Namebay hosting pack, with its user.\n\n" +
			"The password is write-only: it is sent to Namebay and never stored in the state or shown in a plan. " +
			"Change `password_wo_version` to send a new one. A new `name`, `user` or `type` replaces the database, and its data with it: " +
			"use `lifecycle { prevent_destroy = true }` on databases that hold data.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, MarkdownDescription: "`<hosting pack domain>/<name>`.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"client_account": clientAccountAttribute("database"),
			"hosting_pack": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Domain of the hosting pack (the `id` of a `reseller_hosting_pack`).",
				Validators:          []validator.String{domainName()},
				PlanModifiers:       replace,
			},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Database name: " + databaseIdentifierRule + ". Unique in the pack.",
				Validators:          []validator.String{identifier("database name", databaseIdentifierPattern, databaseIdentifierRule)},
				PlanModifiers:       replace,
			},
			"type": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString("mysql5"),
				MarkdownDescription: "Database engine, one the offer lists (`mysql5` on Linux packs). Default: `mysql5`.",
				PlanModifiers:       replace,
			},
			"size_limit_mb": schema.Int64Attribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Largest size the database may grow to, in MB, up to the offer's limit. Changes in place. " +
					"Unset: the offer's limit when the database is created, and whatever the database holds afterwards.",
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"user": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Database user: " + databaseIdentifierRule + ".",
				Validators:          []validator.String{identifier("database user", databaseIdentifierPattern, databaseIdentifierRule)},
				PlanModifiers:       replace,
			},
			"password_wo": schema.StringAttribute{
				Required: true, WriteOnly: true, Sensitive: true,
				MarkdownDescription: "Password of the database user (write-only, never stored): 6 to 20 characters with at least one letter, " +
					"one digit and one other character. Sent at creation and whenever `password_wo_version` changes.",
				Validators: []validator.String{hostingPassword()},
			},
			"password_wo_version": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "Change this number to send `password_wo` again, e.g. after rotating it.",
			},
			"server": schema.StringAttribute{
				Computed: true, MarkdownDescription: "Database server to connect to.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"size_mb": schema.Int64Attribute{
				Computed: true, MarkdownDescription: "Space in use, in MB, as of the last refresh.",
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
		},
	}
}

// ModifyPlan checks the type and the size limit against the pack's offer.
func (r *databaseResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	nb := base.Namebay(r.Data, "reseller_database", &resp.Diagnostics)
	if nb == nil {
		return
	}
	var plan, config databaseModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() || !known(plan.HostingPack) {
		return
	}
	user := base.ClientAccount(plan.ClientAccount, nb)
	pack, err := packOf(ctx, nb, user, plan.HostingPack.ValueString())
	if err != nil {
		return // the pack may be planned in this same run; the apply reports what is wrong
	}
	all, err := offers(ctx, nb, user)
	if err != nil {
		return
	}
	// A pack whose offer changes in this same plan is updated before its
	// databases, so they are checked against the offer it is moving to.
	productID := pack.ProductId
	if planned, ok := nb.PlannedOffers.Get(providerdata.SnapshotKey(user, pack.Domain)); ok {
		productID = planned
	}
	offer := findOffer(all, productID)
	if offer == nil {
		return
	}
	if known(plan.Type) && !slices.Contains(offer.DatabaseTypes, plan.Type.ValueString()) {
		resp.Diagnostics.AddAttributeError(path.Root("type"), "Database type not offered",
			fmt.Sprintf("The %s offer of %s has databases of type %s; %q is not one of them.", offer.Name, pack.Domain, strings.Join(offer.DatabaseTypes, ", "), plan.Type.ValueString()))
	}
	// Only a limit the configuration sets is checked: an unset one is the
	// offer's, and the one a replaced database leaves in the plan came from
	// its old pack.
	if size := config.SizeLimitMB; !size.IsNull() && !size.IsUnknown() && size.ValueInt64() > offer.DatabaseMaxSizeMb {
		resp.Diagnostics.AddAttributeError(path.Root("size_limit_mb"), "Database size limit too large",
			fmt.Sprintf("The %s offer of %s allows databases of up to %d MB; size_limit_mb = %d is larger.%s", offer.Name, pack.Domain, offer.DatabaseMaxSizeMb, size.ValueInt64(),
				raiseHint(all, size.ValueInt64()-1, "MB per database", func(o namebay.HostingOffer) int64 { return o.DatabaseMaxSizeMb })))
	}
}

func (r *databaseResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan, config databaseModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	nb := base.Namebay(r.Data, "reseller_database", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	user := base.ClientAccount(plan.ClientAccount, nb)
	domain, name := plan.HostingPack.ValueString(), plan.Name.ValueString()
	what := "database " + name + " of"
	pack, err := packOf(ctx, nb, user, domain)
	if err != nil {
		addAPIError(&resp.Diagnostics, objectSummary("create", what, domain), err, nil)
		return
	}
	order := namebay.NewDatabase{Name: name, User: plan.User.ValueString(), Pwd: config.PasswordWO.ValueString(), Type: plan.Type.ValueString()}
	if !plan.SizeLimitMB.IsUnknown() {
		order.MaxSize = plan.SizeLimitMB.ValueInt64()
	}
	created, err := nb.Client.CreateDatabase(ctx, user, pack.Handle, order)
	if namebay.IsAmbiguous(err) {
		// No answer: the database may exist now; adopt it rather than fail on
		// a duplicate name next time, unless it is plainly someone else's.
		if found, getErr := nb.Client.GetDatabase(ctx, user, pack.Handle, name); getErr == nil {
			if found.User != order.User {
				resp.Diagnostics.AddError(objectSummary("create", what, domain),
					fmt.Sprintf("The answer to the creation was lost, and the pack now has a database %s with the user %s instead of %s: it is not the one this apply asked for. %v", name, found.User, order.User, err))
				return
			}
			created, err = found, nil
		}
	}
	if namebay.HasCode(err, namebay.CodeExists) {
		err = fmt.Errorf("%w. To manage this database with Terraform, import it: terraform import reseller_database.<name> %s", err, importID(plan.ClientAccount, domain+"/"+name))
	}
	if err != nil {
		err = quotaError(ctx, nb, user, pack, "databases", func(o namebay.HostingOffer) int64 { return o.MaxDatabases }, err)
		addAPIError(&resp.Diagnostics, objectSummary("create", what, domain), err, databaseFields)
		return
	}
	plan.setFrom(created, domain)
	plan.PasswordWO = types.StringNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (m *databaseModel) setFrom(db *namebay.Database, domain string) {
	m.ID = types.StringValue(domain + "/" + db.Name)
	m.HostingPack = types.StringValue(domain)
	m.Name = types.StringValue(db.Name)
	m.User = types.StringValue(db.User)
	m.Type = types.StringValue(db.Type)
	m.SizeLimitMB = types.Int64Value(db.MaxSize)
	m.SizeMB = types.Int64Value(db.Size)
	m.Server = types.StringValue(db.Server)
}

func (r *databaseResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state databaseModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_database", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	user := base.ClientAccount(state.ClientAccount, nb)
	domain, name := state.HostingPack.ValueString(), state.Name.ValueString()
	importing := state.Server.IsNull() // only an import leaves the server unknown
	pack, err := packOf(ctx, nb, user, domain)
	var db *namebay.Database
	if err == nil {
		db, err = nb.Client.GetDatabase(ctx, user, pack.Handle, name)
	}
	switch {
	case importing && errors.Is(err, errPackNotFound):
		resp.Diagnostics.AddError("Hosting pack not found",
			fmt.Sprintf("No hosting pack serves %s in the account%s, so there is no database %s to import. Check the domain, and the client account the pack belongs to (import ID <client_account>/<hosting_pack>/<name>).", domain, forAccount(user), name))
		return
	case importing && namebay.IsNotFound(err):
		resp.Diagnostics.AddError("Database not found", fmt.Sprintf("The hosting pack of %s has no database %s.", domain, name))
		return
	case errors.Is(err, errPackNotFound), namebay.IsNotFound(err):
		// Deleted behind Terraform's back, alone or with its pack.
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, objectSummary("read", "database "+name+" of", domain), err, nil)
		return
	}
	state.setFrom(db, domain)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *databaseResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state, config databaseModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	nb := base.Namebay(r.Data, "reseller_database", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	user := base.ClientAccount(plan.ClientAccount, nb)
	domain, name := state.HostingPack.ValueString(), state.Name.ValueString()
	what := "database " + name + " of"
	pack, err := packOf(ctx, nb, user, domain)
	if err != nil {
		addAPIError(&resp.Diagnostics, objectSummary("update", what, domain), err, nil)
		return
	}
	if !plan.SizeLimitMB.IsUnknown() && !plan.SizeLimitMB.Equal(state.SizeLimitMB) {
		db, err := nb.Client.ResizeDatabase(ctx, user, pack.Handle, name, plan.SizeLimitMB.ValueInt64())
		if err != nil {
			addAPIError(&resp.Diagnostics, objectSummary("resize", what, domain), err, databaseFields)
			return
		}
		// The space in use was planned as it was at the refresh; the next
		// refresh brings the new figure, which would not match the plan now.
		state.setFrom(db, domain)
		state.SizeMB = plan.SizeMB
		// Saved now, so that a failed password change below keeps the
		// resize and is tried again by the next apply.
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	}
	if !plan.PasswordWOVersion.Equal(state.PasswordWOVersion) {
		if err := nb.Client.SetDatabasePassword(ctx, user, pack.Handle, name, config.PasswordWO.ValueString()); err != nil {
			addAPIError(&resp.Diagnostics, objectSummary("change the password of", what, domain), err, databaseFields)
			return
		}
		state.PasswordWOVersion = plan.PasswordWOVersion
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *databaseResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state databaseModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_database", &resp.Diagnostics)
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
		err = nb.Client.DeleteDatabase(ctx, user, pack.Handle, state.Name.ValueString())
	}
	if err != nil && !namebay.IsNotFound(err) {
		addAPIError(&resp.Diagnostics, objectSummary("delete", "database "+state.Name.ValueString()+" of", domain), err, nil)
	}
}

func (r *databaseResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts, err := base.ParseImportID(req.ID, "hosting_pack/name", "client_account/hosting_pack/name")
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("hosting_pack"), parts["hosting_pack"])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), parts["name"])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), parts["hosting_pack"]+"/"+parts["name"])...)
	if acct, ok := parts["client_account"]; ok {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("client_account"), acct)...)
	}
}
