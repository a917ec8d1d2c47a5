package provider

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox"
)

// sandboxEnv starts a private sandbox and returns the variables it prints,
// plus the user agents of the requests it served.
func sandboxEnv(t *testing.T) (map[string]string, func() []string) {
	t.Helper()
	srv, err := sandbox.New(sandbox.Options{Seed: 1, Settings: sandbox.Settings{DomainPendingSeconds: 0.1, DnssecPendingSeconds: 0.1}})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var agents []string
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/namebay/") {
			mu.Lock()
			agents = append(agents, r.UserAgent())
			mu.Unlock()
		}
		srv.Handler().ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		ts.Close()
		_ = srv.Close()
	})
	env := map[string]string{}
	for _, v := range srv.Env(ts.URL) {
		env[v.Name] = v.Value
	}
	return env, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), agents...)
	}
}

// factoriesWithEnv serves the provider with getenv reading env only, so tests
// can run in parallel without touching the process environment.
func factoriesWithEnv(env map[string]string) map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"reseller": providerserver.NewProtocol6WithError(&resellerProvider{
			version: "1.2.3",
			getenv:  func(k string) string { return env[k] },
		}),
	}
}

const contactConfig = `
provider "reseller" {}

resource "reseller_contact" "c" {
  first_name  = "Camille"
  last_name   = "Martin"
  address     = "12 rue des Lilas"
  city        = "Lyon"
  postal_code = "69003"
  country     = "FR"
  email       = "camille.martin@example.net"
  phone       = "+33.472000000"
}
`

func TestAccProvider_configuredFromEnvironment(t *testing.T) {
	env, agents := sandboxEnv(t)
	env["RESELLER_NAMEBAY_MAX_REQUESTS_PER_SECOND"] = "0"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesWithEnv(env),
		Steps: []resource.TestStep{{
			Config: contactConfig,
			Check:  resource.TestMatchResourceAttr("reseller_contact.c", "id", regexp.MustCompile(`^CT-\d+$`)),
		}},
	})
	seen := agents()
	if len(seen) == 0 {
		t.Fatal("the sandbox served no Namebay request")
	}
	for _, ua := range seen {
		if !strings.Contains(ua, "terraform-provider-reseller/1.2.3") || !regexp.MustCompile(`Terraform/1\.\d+`).MatchString(ua) {
			t.Fatalf("user agent %q does not carry the provider and Terraform versions", ua)
		}
	}
}

func TestAccProvider_missingBlockFailsAtPlan(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesWithEnv(map[string]string{}),
		Steps: []resource.TestStep{{
			Config:      contactConfig,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)reseller_contact needs the Namebay partner API.*"namebay".*RESELLER_NAMEBAY_USERNAME.*RESELLER_NAMEBAY_PASSWORD`),
		}},
	})
}

func TestAccProvider_incompleteBlockNamesWhatIsMissing(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesWithEnv(map[string]string{}),
		Steps: []resource.TestStep{{
			Config:      strings.Replace(contactConfig, `provider "reseller" {}`, "provider \"reseller\" {\n  namebay {\n    username = \"reseller\"\n  }\n}", 1),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`"namebay" block of the\s+provider is missing password: set it in the block or through\s+RESELLER_NAMEBAY_PASSWORD`),
		}},
	})
}

func TestAccProvider_wrongPasswordIsRefused(t *testing.T) {
	env, _ := sandboxEnv(t)
	env["RESELLER_NAMEBAY_PASSWORD"] = "not-the-password"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesWithEnv(env),
		Steps: []resource.TestStep{{
			Config:      contactConfig,
			ExpectError: regexp.MustCompile(`Could not create contact Camille Martin(?s:.*)POST api/Token: 401 code 401: Authorization has been denied`),
		}},
	})
}

const licenseConfig = `
provider "reseller" {}

resource "reseller_ispmanager_license" "l" {
  product_id = 55227
  name       = "web1.example"
  ip         = "203.0.113.10"
}
`

func TestAccProvider_ispmanagerMissingBlockFailsAtPlan(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesWithEnv(map[string]string{}),
		Steps: []resource.TestStep{{
			Config:      licenseConfig,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)reseller_ispmanager_license needs the ispmanager partner API.*"ispmanager".*RESELLER_ISPMANAGER_USERNAME.*RESELLER_ISPMANAGER_PASSWORD`),
		}},
	})
}

func TestAccProvider_ispmanagerConfiguredFromEnvironment(t *testing.T) {
	env, _ := sandboxEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesWithEnv(env),
		Steps: []resource.TestStep{{
			Config: `
provider "reseller" {}

data "reseller_ispmanager_products" "all" {}
`,
			Check: resource.TestCheckResourceAttrWith("data.reseller_ispmanager_products.all", "products.#", func(v string) error {
				if v == "0" {
					return errors.New("the catalog is empty")
				}
				return nil
			}),
		}},
	})
}

func TestAccProvider_ispmanagerWrongPasswordIsRefused(t *testing.T) {
	env, _ := sandboxEnv(t)
	env["RESELLER_ISPMANAGER_PASSWORD"] = "not-the-password"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesWithEnv(env),
		Steps: []resource.TestStep{{
			Config:      licenseConfig,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Could not read the ispmanager catalog.*auth`),
		}},
	})
}

func TestIspmanagerRegionsHaveEndpoints(t *testing.T) {
	t.Parallel()
	for _, b := range blocks {
		if b.name != "ispmanager" {
			continue
		}
		for _, s := range b.settings {
			for _, region := range s.oneOf {
				if !strings.HasPrefix(ispmanagerEndpoints[region], "https://") || !strings.HasSuffix(ispmanagerEndpoints[region], "/billmgr") {
					t.Errorf("region %q has endpoint %q", region, ispmanagerEndpoints[region])
				}
			}
		}
	}
}

func TestAccProvider_zohoMailMissingBlockFailsAtPlan(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesWithEnv(map[string]string{}),
		Steps: []resource.TestStep{{
			Config: `
provider "reseller" {}

data "reseller_zoho_mail_plans" "all" {}
`,
			ExpectError: regexp.MustCompile(`(?s)needs the Zoho Mail partner API.*"zoho_mail".*RESELLER_ZOHO_MAIL_CLIENT_ID`),
		}},
	})
}

func TestAccProvider_zohoMailPlanIDsOverride(t *testing.T) {
	env, _ := sandboxEnv(t)
	env["RESELLER_ZOHO_MAIL_PLAN_IDS"] = `{"standard": {"plan_id": 99001, "user_addon_id": 99002}}`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesWithEnv(env),
		Steps: []resource.TestStep{{
			Config: `
provider "reseller" {}

data "reseller_zoho_mail_plans" "all" {}

output "standard_plan_id" {
  value = one([for p in data.reseller_zoho_mail_plans.all.plans : p.plan_id if p.name == "standard"])
}

output "professional_plan_id" {
  value = one([for p in data.reseller_zoho_mail_plans.all.plans : p.plan_id if p.name == "professional"])
}
`,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckOutput("standard_plan_id", "99001"),
				resource.TestCheckOutput("professional_plan_id", "10731"),
			),
		}},
	})
}

func TestAccProvider_zohoMailBadPlanIDs(t *testing.T) {
	env, _ := sandboxEnv(t)
	env["RESELLER_ZOHO_MAIL_PLAN_IDS"] = `standard=1`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesWithEnv(env),
		Steps: []resource.TestStep{{
			Config:      "provider \"reseller\" {}\n\ndata \"reseller_zoho_mail_plans\" \"all\" {}\n",
			ExpectError: regexp.MustCompile(`plan_ids must be a JSON object`),
		}},
	})
}

func TestAccProvider_xariosMissingBlockFailsAtPlan(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesWithEnv(map[string]string{}),
		Steps: []resource.TestStep{{
			Config:      "provider \"reseller\" {}\n\ndata \"reseller_product_types\" \"all\" {}\n",
			ExpectError: regexp.MustCompile(`(?s)needs the Xarios reseller API.*"xarios".*RESELLER_XARIOS_CLIENT_ID`),
		}},
	})
}

func TestAccProvider_xariosWrongSecretIsRefused(t *testing.T) {
	env, _ := sandboxEnv(t)
	env["RESELLER_XARIOS_CLIENT_SECRET"] = "not-the-secret"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesWithEnv(env),
		Steps: []resource.TestStep{{
			Config:      "provider \"reseller\" {}\n\ndata \"reseller_product_types\" \"all\" {}\n",
			ExpectError: regexp.MustCompile(`client_id or client_secret is wrong`),
		}},
	})
}
