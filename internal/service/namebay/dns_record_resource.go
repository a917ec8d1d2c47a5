package namebay

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/api/namebay"
	"github.com/resellerkit/terraform-provider-reseller/internal/dnsrecord"
	"github.com/resellerkit/terraform-provider-reseller/internal/providerdata"
	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

type dnsRecordResource struct{ base.Resource }

func newDNSRecordResource() resource.Resource {
	return &dnsRecordResource{base.Resource{Name: "dns_record"}}
}

var (
	_ resource.ResourceWithImportState    = (*dnsRecordResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*dnsRecordResource)(nil)
	_ resource.ResourceWithValidateConfig = (*dnsRecordResource)(nil)
)

type dnsRecordModel struct {
	ID            types.String `tfsdk:"id"`
	Zone          types.String `tfsdk:"zone"`
	ClientAccount types.String `tfsdk:"client_account"`
	Name          types.String `tfsdk:"name"`
	Type          types.String `tfsdk:"type"`
	Value         types.String `tfsdk:"value"`
	Priority      types.Int64  `tfsdk:"priority"`
	ZoneHandle    types.String `tfsdk:"zone_handle"`
}

var recordFields = fieldPaths{
	"Host":            path.Root("name"),
	"Type":            path.Root("type"),
	"Data":            path.Root("value"),
	"Weight":          path.Root("priority"),
	"NaptrPreference": path.Root("value"),
	"NaptrFlag":       path.Root("value"),
	"NaptrService":    path.Root("value"),
	"NaptrRegExp":     path.Root("value"),
}

func (r *dnsRecordResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "One DNS record of a zone Namebay hosts (a `reseller_domain` with `hosted_dns = true`).\n\n" +
			"Names and values are compared in canonical form, so any equivalent spelling (upper case, a final dot, " +
			"a relative or absolute owner name, an internationalised name, TXT text quoted or not) never shows a diff; " +
			"what cannot be stored as written is refused at plan. The zone's `zone_ttl` applies to every record: " +
			"Namebay has no per-record TTL.\n\n" +
			"Refreshing many records of a zone costs one listing of that zone per Terraform operation, not one request per record.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, MarkdownDescription: "Record ID in the zone.", PlanModifiers: keep,
			},
			"zone": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The zone's domain name, usually `reseller_domain.<name>.name`. " +
					"Internationalised names may be written in Unicode or in their `xn--` form.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 253)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(zoneMoved,
					"Moving the record to another zone replaces it; another spelling of the same zone does not.",
					"Moving the record to another zone replaces it; another spelling of the same zone does not.")},
			},
			"client_account": clientAccountAttribute("record"),
			"name": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString("@"),
				MarkdownDescription: "Owner name: `@` (the default) or `\"\"` for the zone apex, a name relative to the zone (`www`, `*.dev`, `_dmarc`), " +
					"or an absolute name ending with the zone (`www.example.com.`; the final dot is optional).",
			},
			"type": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Record type, in upper case: `A`, `AAAA`, `CNAME`, `MX`, `TXT`, `NS`, `SRV`, `CAA` or `NAPTR`. Changing it replaces the record.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 8)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"value": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Record data, by type: an IPv4 address (`A`); an IPv6 address (`AAAA`); a host name, always absolute, " +
					"with or without the final dot (`CNAME`, `MX`, `NS`); text, quoted or not, split into 255-byte strings when longer (`TXT`); " +
					"`weight port target` (`SRV`); `flags tag \"value\"` (`CAA`); `preference \"flags\" \"service\" \"regexp\" replacement` (`NAPTR`).",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"priority": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "Required for `MX` (preference), `SRV` (priority) and `NAPTR` (order), 0 to 65535; refused for other types.",
			},
			"zone_handle": schema.StringAttribute{
				Computed: true, MarkdownDescription: "Handle of the zone.", PlanModifiers: keep,
			},
		},
	}
}

// zoneMoved requires a replacement when the zone changes, not when only its
// spelling does (case, final dot, Unicode or xn-- form).
func zoneMoved(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	was, errWas := dnsrecord.CanonicalZone(req.StateValue.ValueString())
	now, errNow := dnsrecord.CanonicalZone(req.PlanValue.ValueString())
	resp.RequiresReplace = req.PlanValue.IsUnknown() || errWas != nil || errNow != nil || was != now
}

// canonical is the record the model describes, in the API's form.
func (m dnsRecordModel) canonical() (dnsrecord.Record, error) {
	var priority *int64
	if !m.Priority.IsNull() {
		p := m.Priority.ValueInt64()
		priority = &p
	}
	return dnsrecord.Canonical(m.Zone.ValueString(), m.Type.ValueString(), m.Name.ValueString(), m.Value.ValueString(), priority)
}

// addRecordErrors puts each input error on the attribute it is about.
func addRecordErrors(diags *diag.Diagnostics, err error) {
	for _, e := range dnsrecord.Errors(err) {
		diags.AddAttributeError(path.Root(string(e.Field)), "Invalid DNS record", e.Msg)
	}
	if len(dnsrecord.Errors(err)) == 0 && err != nil {
		diags.AddError("Invalid DNS record", err.Error())
	}
}

func (r *dnsRecordResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg dnsRecordModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if cfg.Type.IsUnknown() || cfg.Value.IsUnknown() || cfg.Priority.IsUnknown() || cfg.Name.IsUnknown() {
		return
	}
	if cfg.Name.IsNull() {
		cfg.Name = types.StringValue("@")
	}
	if cfg.Zone.IsUnknown() {
		var priority *int64
		if !cfg.Priority.IsNull() {
			p := cfg.Priority.ValueInt64()
			priority = &p
		}
		_, err := dnsrecord.CanonicalData(cfg.Type.ValueString(), cfg.Value.ValueString(), priority)
		addRecordErrors(&resp.Diagnostics, err)
		return
	}
	_, err := cfg.canonical()
	addRecordErrors(&resp.Diagnostics, err)
}

func (r *dnsRecordResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	nb := base.Namebay(r.Data, "reseller_dns_record", &resp.Diagnostics)
	if nb == nil {
		return
	}
	var plan, state dnsRecordModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	}
	if resp.Diagnostics.HasError() || plan.Zone.IsUnknown() || plan.Name.IsUnknown() || plan.Type.IsUnknown() || plan.Value.IsUnknown() {
		return
	}
	want, err := plan.canonical()
	if err != nil {
		return // ValidateConfig reported it
	}
	user := base.ClientAccount(plan.ClientAccount, nb)
	own := ownRecordID(ctx, req, resp, state, plan)
	if resp.Diagnostics.HasError() {
		return
	}
	if !req.State.Raw.IsNull() {
		had, err := state.canonical()
		if err == nil && base.ClientAccount(state.ClientAccount, nb) == user && had.Zone == want.Zone && had.Host == want.Host && had.Type == want.Type {
			return // same zone, name and type: nothing new can conflict
		}
	}
	if err := nb.Planned.Claim(providerdata.SnapshotKey(user, want.Zone), want.Host, want.Type); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("type"), "Conflicting DNS records", err.Error())
		return
	}
	// Against the live zone, when it exists already.
	zone, err := r.zone(ctx, nb, user, want.Zone)
	if err != nil {
		return // the zone may be created by this same apply
	}
	snap, err := r.plannedAgainst(ctx, nb, user, zone.Handle)
	if err != nil {
		resp.Diagnostics.AddWarning("Could not check the zone for conflicting records", err.Error())
		return
	}
	for id, rec := range snap {
		if strconv.FormatInt(id, 10) == own || !hostEqual(rec.Host, want.Host) {
			continue
		}
		if got, err := fromAPIRecord(want.Zone, rec); err == nil && got.Equal(want) {
			importID := want.Zone + "/" + strconv.FormatInt(id, 10)
			if !plan.ClientAccount.IsNull() {
				importID = plan.ClientAccount.ValueString() + "/" + importID
			}
			resp.Diagnostics.AddAttributeError(path.Root("value"), "DNS record already exists",
				fmt.Sprintf("%s already has this %s record at %q (id %d), and the API refuses a second one. "+
					"Import it (import ID %q) instead of creating it, or delete it from the zone first.",
					want.Zone, want.Type, want.Host, id, importID))
			return
		}
		if want.Type == dnsrecord.TypeCNAME || rec.Type == dnsrecord.TypeCNAME {
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Conflicting DNS records",
				fmt.Sprintf("%s already has a %s record (id %d) at %q; a CNAME cannot share its name with any other record. "+
					"Choose another name, or remove the other record first (when Terraform manages it, apply its removal before adding this record).",
					want.Zone, rec.Type, id, want.Host))
			return
		}
	}
}

// replacedRecordKey is the private-state key under which a plan that replaces
// a record passes its ID to the second plan Terraform makes for the new
// record, which has no prior state.
const replacedRecordKey = "replaced_record_id"

// ownRecordID is the ID of the record this plan changes or replaces, which
// the planned record cannot conflict with: it is that record, or it goes
// away first. "" for a new record.
func ownRecordID(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, state, plan dnsRecordModel) string {
	if req.State.Raw.IsNull() {
		// Terraform plans the create half of a replacement without prior
		// state, but hands back the private state of the first plan.
		raw, diags := req.Private.GetKey(ctx, replacedRecordKey)
		resp.Diagnostics.Append(diags...)
		if len(raw) == 0 {
			return ""
		}
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, replacedRecordKey, nil)...)
		var id string
		if err := json.Unmarshal(raw, &id); err != nil {
			return ""
		}
		return id
	}
	// The attributes that require a replacement.
	was, _ := dnsrecord.CanonicalZone(state.Zone.ValueString())
	now, _ := dnsrecord.CanonicalZone(plan.Zone.ValueString())
	if was == now && state.Type.Equal(plan.Type) && state.ClientAccount.Equal(plan.ClientAccount) {
		return state.ID.ValueString() // updated in place
	}
	raw, _ := json.Marshal(state.ID.ValueString())
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, replacedRecordKey, raw)...)
	return state.ID.ValueString()
}

// hostEqual compares the API's Host, which it lower-cases, with a canonical one.
func hostEqual(apiHost, canonicalHost string) bool {
	return strings.EqualFold(strings.TrimSuffix(apiHost, "."), canonicalHost)
}

var errZoneNotFound = errors.New("zone not found")

// zone finds a hosted zone by name, once per operation.
func (r *dnsRecordResource) zone(ctx context.Context, nb *providerdata.Namebay, user, name string) (*namebay.Zone, error) {
	return nb.Zones.Get(ctx, user+"|"+name, func(ctx context.Context) (*namebay.Zone, error) {
		z, err := nb.Client.FindZone(ctx, user, name)
		if err == nil && z == nil {
			// Not cached: the domain creating it may be applied in this very operation.
			return nil, fmt.Errorf("%w: %s has no zone hosted by Namebay%s; give its reseller_domain hosted_dns = true", errZoneNotFound, name, forAccount(user))
		}
		return z, err
	})
}

// snapshot lists a zone's records once per operation, shared by every record of the zone.
func (r *dnsRecordResource) snapshot(ctx context.Context, nb *providerdata.Namebay, user, zoneHandle string) (providerdata.RecordSnapshot, error) {
	return nb.Records.Get(ctx, providerdata.SnapshotKey(user, zoneHandle), func(ctx context.Context) (providerdata.RecordSnapshot, error) {
		records, err := nb.Client.ListRecords(ctx, user, zoneHandle)
		if err != nil {
			return nil, err
		}
		snap := make(providerdata.RecordSnapshot, len(records))
		for _, rec := range records {
			snap[rec.Id] = rec
		}
		return snap, nil
	})
}

// plannedAgainst is the zone as this operation first listed it, which plans
// are checked against. The operation's own writes do not drop it: the records
// they add are claimed in nb.Planned, so listing the zone again after every
// create of an apply would only cost one listing per record.
func (r *dnsRecordResource) plannedAgainst(ctx context.Context, nb *providerdata.Namebay, user, zoneHandle string) (providerdata.RecordSnapshot, error) {
	return nb.Records.Get(ctx, providerdata.SnapshotKey(user, zoneHandle)+"|planned", func(ctx context.Context) (providerdata.RecordSnapshot, error) {
		return r.snapshot(ctx, nb, user, zoneHandle)
	})
}

func toAPIRecord(rec dnsrecord.Record) namebay.Record {
	return namebay.Record{
		Host:            rec.Host,
		Type:            rec.Type,
		Data:            rec.Data,
		Weight:          rec.Weight,
		NaptrPreference: rec.NaptrPreference,
		NaptrFlag:       rec.NaptrFlag,
		NaptrService:    rec.NaptrService,
		NaptrRegExp:     rec.NaptrRegExp,
	}
}

func fromAPIRecord(zone string, rec namebay.Record) (dnsrecord.Record, error) {
	return dnsrecord.FromAPI(zone, rec.Host, rec.Type, dnsrecord.RData{
		Data:            rec.Data,
		Weight:          rec.Weight,
		NaptrPreference: rec.NaptrPreference,
		NaptrFlag:       rec.NaptrFlag,
		NaptrService:    rec.NaptrService,
		NaptrRegExp:     rec.NaptrRegExp,
	})
}

func (r *dnsRecordResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan dnsRecordModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	nb := base.Namebay(r.Data, "reseller_dns_record", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	want, err := plan.canonical()
	if err != nil {
		addRecordErrors(&resp.Diagnostics, err)
		return
	}
	user := base.ClientAccount(plan.ClientAccount, nb)
	zone, err := r.zone(ctx, nb, user, want.Zone)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("zone"), "Zone not found", err.Error())
		return
	}
	key := providerdata.SnapshotKey(user, zone.Handle)
	created, err := nb.Client.CreateRecord(ctx, user, zone.Handle, toAPIRecord(want))
	nb.Records.Invalidate(key)
	if err != nil && namebay.IsAmbiguous(err) {
		// The answer was lost: the record may exist. Adopt it rather than add a twin.
		created, err = r.findRecord(ctx, nb, user, zone.Handle, want, err)
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, objectSummary("create", want.Type+" record", want.Host+" in "+want.Zone), err, recordFields)
		return
	}
	plan.ID = types.StringValue(strconv.FormatInt(created.Id, 10))
	plan.ZoneHandle = types.StringValue(zone.Handle)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// findRecord looks for want in the zone after a create whose answer was lost
// (cause): the record found is the one created.
func (r *dnsRecordResource) findRecord(ctx context.Context, nb *providerdata.Namebay, user, zoneHandle string, want dnsrecord.Record, cause error) (*namebay.Record, error) {
	records, err := nb.Client.ListRecords(ctx, user, zoneHandle)
	if err != nil {
		return nil, fmt.Errorf("%w (and listing the zone to check whether it was created failed: %v)", cause, err)
	}
	for i := range records {
		if got, err := fromAPIRecord(want.Zone, records[i]); err == nil && got.Equal(want) {
			return &records[i], nil
		}
	}
	return nil, fmt.Errorf("%w; the zone does not hold the record, so it was not created: apply again", cause)
}

func (r *dnsRecordResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state dnsRecordModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_dns_record", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	user := base.ClientAccount(state.ClientAccount, nb)
	zoneName, err := dnsrecord.CanonicalZone(state.Zone.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("zone"), "Invalid zone in state", err.Error())
		return
	}
	zoneHandle := state.ZoneHandle.ValueString()
	if zoneHandle == "" {
		zone, err := r.zone(ctx, nb, user, zoneName)
		if errors.Is(err, errZoneNotFound) {
			resp.State.RemoveResource(ctx)
			return
		}
		if err != nil {
			addAPIError(&resp.Diagnostics, objectSummary("find", "zone", zoneName), err, nil)
			return
		}
		zoneHandle = zone.Handle
	}
	id, err := strconv.ParseInt(state.ID.ValueString(), 10, 64)
	if err != nil {
		resp.Diagnostics.AddError("Invalid record ID", fmt.Sprintf("record ID %q is not a number", state.ID.ValueString()))
		return
	}

	stored, found, err := r.lookup(ctx, nb, user, zoneHandle, id)
	if err != nil {
		addAPIError(&resp.Diagnostics, objectSummary("read", "record", state.ID.ValueString()+" of "+zoneName), err, nil)
		return
	}
	if !found {
		resp.State.RemoveResource(ctx)
		return
	}
	state.ZoneHandle = types.StringValue(zoneHandle)
	current, convErr := fromAPIRecord(zoneName, *stored)
	had, hadErr := state.canonical()
	if convErr != nil || hadErr != nil || !had.Equal(current) {
		// Write what changed, and keep the configuration's spelling of the
		// rest, so a plan shows only what really differs.
		readable := convErr == nil && hadErr == nil
		shown := current.Display()
		if !readable || had.Host != current.Host {
			state.Name = types.StringValue(shown.Name)
		}
		if !readable || had.Type != current.Type || !sameData(had.RData, current.RData) {
			state.Value = types.StringValue(shown.Value)
		}
		state.Type = types.StringValue(current.Type)
		state.Priority = types.Int64PointerValue(shown.Priority)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// sameData reports whether two records' data match, priority aside: the
// value attribute holds everything but the priority.
func sameData(a, b dnsrecord.RData) bool {
	a.Weight, b.Weight = nil, nil
	return a.Equal(b)
}

// lookup finds a record in its zone's snapshot, with a direct read on a miss
// (a record created after the snapshot, or one that is gone).
func (r *dnsRecordResource) lookup(ctx context.Context, nb *providerdata.Namebay, user, zoneHandle string, id int64) (*namebay.Record, bool, error) {
	snap, err := r.snapshot(ctx, nb, user, zoneHandle)
	if err != nil && !namebay.IsNotFound(err) {
		return nil, false, err
	}
	if rec, ok := snap[id]; ok {
		return &rec, true, nil
	}
	rec, err := nb.Client.GetRecord(ctx, user, zoneHandle, id)
	if namebay.IsNotFound(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return rec, true, nil
}

func (r *dnsRecordResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state dnsRecordModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_dns_record", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	want, err := plan.canonical()
	if err != nil {
		addRecordErrors(&resp.Diagnostics, err)
		return
	}
	plan.ID, plan.ZoneHandle = state.ID, state.ZoneHandle
	if had, err := state.canonical(); err == nil && had.Equal(want) {
		// Only the spelling changed: the record already holds this data.
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
		return
	}
	user := base.ClientAccount(plan.ClientAccount, nb)
	id, _ := strconv.ParseInt(state.ID.ValueString(), 10, 64)
	zoneHandle := state.ZoneHandle.ValueString()
	_, err = nb.Client.UpdateRecord(ctx, user, zoneHandle, id, toAPIRecord(want))
	nb.Records.Invalidate(providerdata.SnapshotKey(user, zoneHandle))
	if err != nil {
		addAPIError(&resp.Diagnostics, objectSummary("update", want.Type+" record", want.Host+" in "+want.Zone), err, recordFields)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *dnsRecordResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state dnsRecordModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_dns_record", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	user := base.ClientAccount(state.ClientAccount, nb)
	id, _ := strconv.ParseInt(state.ID.ValueString(), 10, 64)
	zoneHandle := state.ZoneHandle.ValueString()
	err := nb.Client.DeleteRecord(ctx, user, zoneHandle, id)
	nb.Records.Invalidate(providerdata.SnapshotKey(user, zoneHandle))
	if err != nil && !namebay.IsNotFound(err) {
		addAPIError(&resp.Diagnostics, objectSummary("delete", "record", state.ID.ValueString()+" of "+state.Zone.ValueString()), err, nil)
	}
}

func (r *dnsRecordResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts, err := base.ParseImportID(req.ID, "zone/id", "client_account/zone/id")
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	if _, err := strconv.ParseInt(parts["id"], 10, 64); err != nil {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("record ID %q in import ID %q is not a number", parts["id"], req.ID))
		return
	}
	if _, err := dnsrecord.CanonicalZone(parts["zone"]); err != nil {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("import ID %q: %v", req.ID, err))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), parts["id"])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("zone"), parts["zone"])...)
	if acct, ok := parts["client_account"]; ok {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("client_account"), acct)...)
	}
}
