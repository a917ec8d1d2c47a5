package validate

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func check(v validator.String, value string) bool {
	var resp validator.StringResponse
	v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("x"), ConfigValue: types.StringValue(value)}, &resp)
	return !resp.Diagnostics.HasError()
}

func TestDomainName(t *testing.T) {
	t.Parallel()
	for value, want := range map[string]bool{
		"example.com": true, "xn--bcher-kva.example": true, "Example.com": false, "example.com.": false,
		"bücher.example": false, "-bad.example": false, "": false,
	} {
		if got := check(DomainName(), value); got != want {
			t.Errorf("DomainName(%q) accepts = %v, want %v", value, got, want)
		}
	}
}

func TestEmailAddress(t *testing.T) {
	t.Parallel()
	for value, want := range map[string]bool{
		"camille@example.com": true, "Camille <camille@example.com>": false, "camille@localhost": false,
		"camille at example.com": false, "": false,
	} {
		if got := check(EmailAddress(), value); got != want {
			t.Errorf("EmailAddress(%q) accepts = %v, want %v", value, got, want)
		}
	}
}

func TestUnknownAndNullPass(t *testing.T) {
	t.Parallel()
	for _, value := range []types.String{types.StringNull(), types.StringUnknown()} {
		var resp validator.StringResponse
		DomainName().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("x"), ConfigValue: value}, &resp)
		if resp.Diagnostics.HasError() {
			t.Errorf("%v refused", value)
		}
	}
}
