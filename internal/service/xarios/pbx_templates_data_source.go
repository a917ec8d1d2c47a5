package xarios

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

type pbxTemplatesDataSource struct{ base.DataSource }

func newPBXTemplatesDataSource() datasource.DataSource {
	return &pbxTemplatesDataSource{base.DataSource{Name: "pbx_templates"}}
}

type pbxTemplateModel struct {
	ID      types.String `tfsdk:"id"`
	Name    types.String `tfsdk:"name"`
	Type    types.String `tfsdk:"type"`
	Default types.Bool   `tfsdk:"default"`
}

func (d *pbxTemplatesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The reseller's PBX templates: the values of `reseller_customer.pbx_connection.template_id`.",
		Attributes: map[string]schema.Attribute{
			"templates": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The templates.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":      schema.StringAttribute{Computed: true, MarkdownDescription: "Template id."},
					"name":    schema.StringAttribute{Computed: true, MarkdownDescription: "Name."},
					"type":    schema.StringAttribute{Computed: true, MarkdownDescription: "`kazoo`, `threecx` or `teams`."},
					"default": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it is the reseller's default template."},
				}},
			},
		},
	}
}

func (d *pbxTemplatesDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	x := base.Xarios(d.Data, "data.reseller_pbx_templates", &resp.Diagnostics)
	if x == nil {
		return
	}
	all, err := x.Client.PBXTemplates(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Could not read the Xarios PBX templates", err.Error())
		return
	}
	out := []pbxTemplateModel{}
	for _, t := range all {
		out = append(out, pbxTemplateModel{ID: types.StringValue(t.ID), Name: types.StringValue(t.Name), Type: types.StringValue(pbxKind(t.Type)), Default: types.BoolValue(t.Default)})
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("templates"), out)...)
}
