package xarios

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

type userRolesDataSource struct{ base.DataSource }

func newUserRolesDataSource() datasource.DataSource {
	return &userRolesDataSource{base.DataSource{Name: "user_roles"}}
}

type roleModel struct {
	Key           types.String `tfsdk:"key"`
	Name          types.String `tfsdk:"name"`
	Group         types.String `tfsdk:"group"`
	Prerequisites []string     `tfsdk:"prerequisites"`
	Licensed      types.Bool   `tfsdk:"licensed"`
	ReadOnly      types.Bool   `tfsdk:"read_only"`
}

func (d *userRolesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The roles a customer's users can hold: the values of `reseller_customer.primary_user.roles`, with their prerequisites.",
		Attributes: map[string]schema.Attribute{
			"roles": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The roles.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"key":           schema.StringAttribute{Computed: true, MarkdownDescription: "Role key."},
					"name":          schema.StringAttribute{Computed: true, MarkdownDescription: "Name."},
					"group":         schema.StringAttribute{Computed: true, MarkdownDescription: "`userAccess`, `supervisorAccess` (at most one per user) or `admin`."},
					"prerequisites": schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "Roles it needs."},
					"licensed":      schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it uses a paid licence."},
					"read_only":     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether only the platform gives it."},
				}},
			},
		},
	}
}

func (d *userRolesDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	x := base.Xarios(d.Data, "data.reseller_user_roles", &resp.Diagnostics)
	if x == nil {
		return
	}
	all, err := x.Client.Roles(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Could not read the Xarios roles", err.Error())
		return
	}
	out := []roleModel{}
	for _, r := range all {
		out = append(out, roleModel{Key: types.StringValue(r.Key), Name: types.StringValue(r.Name), Group: types.StringValue(r.Group),
			Prerequisites: append([]string{}, r.Prerequisites...), Licensed: types.BoolValue(r.Licensed), ReadOnly: types.BoolValue(r.ReadOnly)})
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("roles"), out)...)
}
