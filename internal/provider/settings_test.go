package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func blockNamed(t *testing.T, name string) block {
	t.Helper()
	for _, b := range blocks {
		if b.name == name {
			return b
		}
	}
	t.Fatalf("no block %q", name)
	return block{}
}

// objectOf builds a block value with every setting null except those given.
func objectOf(b block, set map[string]attr.Value) types.Object {
	typesByName := map[string]attr.Type{}
	values := map[string]attr.Value{}
	for _, s := range b.settings {
		switch s.kind {
		case kindFloat:
			typesByName[s.name], values[s.name] = types.Float64Type, types.Float64Null()
		case kindInt:
			typesByName[s.name], values[s.name] = types.Int64Type, types.Int64Null()
		default:
			typesByName[s.name], values[s.name] = types.StringType, types.StringNull()
		}
	}
	for k, v := range set {
		values[k] = v
	}
	return types.ObjectValueMust(typesByName, values)
}

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestEverySettingHasItsEnvironmentVariable(t *testing.T) {
	t.Parallel()
	for _, b := range blocks {
		sch := b.schema()
		for _, s := range b.settings {
			want := "RESELLER_" + strings.ToUpper(b.name) + "_" + strings.ToUpper(s.name)
			if got := b.envName(s); got != want {
				t.Errorf("%s.%s: env %q, want %q", b.name, s.name, got, want)
			}
			a, ok := sch.Attributes[s.name]
			if !ok {
				t.Fatalf("%s.%s missing from the schema", b.name, s.name)
			}
			if !strings.Contains(a.GetMarkdownDescription(), want) {
				t.Errorf("%s.%s: description does not name %s", b.name, s.name, want)
			}
			if strings.Contains(s.name, "password") || strings.Contains(s.name, "secret") || strings.Contains(s.name, "token") {
				if !a.IsSensitive() {
					t.Errorf("%s.%s holds a credential but is not Sensitive", b.name, s.name)
				}
			}
		}
	}
}

func TestResolveConfigurationWinsOverEnvironment(t *testing.T) {
	t.Parallel()
	b := blockNamed(t, "namebay")
	env := envOf(map[string]string{
		"RESELLER_NAMEBAY_USERNAME":                "from-env",
		"RESELLER_NAMEBAY_PASSWORD":                "env-password",
		"RESELLER_NAMEBAY_MAX_REQUESTS_PER_SECOND": "4",
	})
	r := resolve(b, objectOf(b, map[string]attr.Value{"username": types.StringValue("from-config")}), env)
	if got := r.values["username"]; got != "from-config" {
		t.Errorf("username = %q, want the configured value", got)
	}
	if got := r.values["password"]; got != "env-password" {
		t.Errorf("password = %q, want the environment's", got)
	}
	if rate, err := r.float("max_requests_per_second", 10); err != nil || rate != 4 {
		t.Errorf("rate = %v, %v; want 4 from the environment", rate, err)
	}
	if !r.configured() {
		t.Error("credentials from config and env together should configure the family")
	}
}

func TestResolveWithoutBlockUsesEnvironmentOnly(t *testing.T) {
	t.Parallel()
	b := blockNamed(t, "namebay")
	r := resolve(b, types.ObjectNull(objectOf(b, nil).AttributeTypes(t.Context())), envOf(map[string]string{
		"RESELLER_NAMEBAY_USERNAME": "u",
	}))
	if r.configured() {
		t.Fatal("a family without its password must not count as configured")
	}
	if got := r.missing(); len(got) != 1 || got[0] != "password" {
		t.Errorf("missing = %v, want [password]", got)
	}
	msg := unconfiguredMessage(r, false)
	for _, want := range []string{`"namebay" block`, "RESELLER_NAMEBAY_PASSWORD", "password"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not mention %s", msg, want)
		}
	}
}

func TestResolveUnknownValueDefersConfiguration(t *testing.T) {
	t.Parallel()
	b := blockNamed(t, "namebay")
	r := resolve(b, objectOf(b, map[string]attr.Value{"password": types.StringUnknown()}), envOf(nil))
	if !r.unknown {
		t.Error("a value known only after apply must mark the block unknown")
	}
}

func TestInvalidNumbersFromEnvironmentAreRefused(t *testing.T) {
	t.Parallel()
	b := blockNamed(t, "namebay")
	r := resolve(b, types.ObjectNull(objectOf(b, nil).AttributeTypes(t.Context())), envOf(map[string]string{
		"RESELLER_NAMEBAY_MAX_REQUESTS_PER_SECOND": "fast",
		"RESELLER_NAMEBAY_MAX_RETRIES":             "-2",
	}))
	if _, err := r.float("max_requests_per_second", 10); err == nil || !strings.Contains(err.Error(), "RESELLER_NAMEBAY_MAX_REQUESTS_PER_SECOND") {
		t.Errorf("rate error = %v, want one naming the variable", err)
	}
	if _, err := r.int("max_retries", 5); err == nil || !strings.Contains(err.Error(), "RESELLER_NAMEBAY_MAX_RETRIES") {
		t.Errorf("retries error = %v, want one naming the variable", err)
	}
}
