package namebay_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/resellerkit/terraform-provider-reseller/internal/acctest"
	"github.com/resellerkit/terraform-provider-reseller/internal/provider"
)

const (
	dbAddr = "reseller_database.shop"
	// dbPassword and dbRotated satisfy the API's policy; dbRotated is the
	// password after a rotation.
	dbPassword = "Shop-2024!db"
	dbRotated  = "R0tated#pw"
	// dbPasswordRoute is the request counter of a password change.
	dbPasswordRoute = "POST /namebay/api/Hosting/{hosting}/Db/{name}/Password"
)

// dbNotReadBack are the attributes the API never answers: the password and
// the version that says when to send it.
var dbNotReadBack = []string{"password_wo", "password_wo_version"}

// dbHCL is the pack "site" for domain on offer with reseller_database.shop
// in it; attrs are the database's attributes besides hosting_pack.
func dbHCL(sb *acctest.Sandbox, domain, offer, attrs string) string {
	return hostingPackHCL(sb, domain, offer, "") + fmt.Sprintf(`
resource "reseller_database" "shop" {
  hosting_pack = reseller_hosting_pack.site.id
  %s
}
`, attrs)
}

// dbAttrs are the attributes of a database name with user, password
// pwd sent at version; extra adds lines.
func dbAttrs(name, user, pwd string, version int, extra string) string {
	return fmt.Sprintf(`
  name                = %q
  user                = %q
  password_wo         = %q
  password_wo_version = %d
  %s`, name, user, pwd, version, extra)
}

func dbStateIs(attr string, want knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(dbAddr, tfjsonpath.New(attr), want)
}

// dbPlan asserts the action the step plans for the database, then that the
// apply converged.
func dbPlan(action plancheck.ResourceActionType, more ...plancheck.PlanCheck) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply:             append([]plancheck.PlanCheck{plancheck.ExpectResourceAction(dbAddr, action)}, more...),
		PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
	}
}

// dbPackHandle is the handle of the sandbox's pack for domain.
func dbPackHandle(t *testing.T, sb *acctest.Sandbox, domain string) string {
	t.Helper()
	h, err := sb.FindHosting(hostingLogin(sb), domain)
	if err != nil {
		t.Fatal(err)
	}
	if h == nil {
		t.Fatalf("the sandbox holds no hosting pack for %s", domain)
	}
	return h.Handle
}

// dbsInSandbox checks the databases of the pack of domain as the sandbox
// holds them.
func dbsInSandbox(sb *acctest.Sandbox, domain string, check func([]acctest.Database) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		h, err := sb.FindHosting(hostingLogin(sb), domain)
		if err != nil {
			return err
		}
		if h == nil {
			return fmt.Errorf("the sandbox holds no hosting pack for %s", domain)
		}
		dbs, err := sb.Databases(hostingLogin(sb), h.Handle)
		if err != nil {
			return err
		}
		return check(dbs)
	}
}

// dbOnly wants the pack to hold exactly one database, want.
func dbOnly(want acctest.Database) func([]acctest.Database) error {
	return func(dbs []acctest.Database) error {
		if len(dbs) != 1 || dbs[0] != want {
			return fmt.Errorf("the sandbox pack holds databases %+v, want only %+v", dbs, want)
		}
		return nil
	}
}

// dbShopIn wants the pack of domain to hold only the database shop of
// shop_user, limited to size MB.
func dbShopIn(sb *acctest.Sandbox, domain string, size int64) resource.TestCheckFunc {
	return dbsInSandbox(sb, domain, dbOnly(acctest.Database{Name: "shop", User: "shop_user", Type: "mysql5", MaxSize: size}))
}

// dbRequests checks the sandbox's request counters of routes since they
// were last reset.
func dbRequests(t *testing.T, sb *acctest.Sandbox, want map[string]int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got := sb.Counters(t)
		for route, n := range want {
			if got[route] != n {
				return fmt.Errorf("%s was called %d times, want %d", route, got[route], n)
			}
		}
		return nil
	}
}

// dbPasswordChanges checks how many password changes the sandbox served
// since the counters were last reset.
func dbPasswordChanges(t *testing.T, sb *acctest.Sandbox, want int) resource.TestCheckFunc {
	return dbRequests(t, sb, map[string]int{dbPasswordRoute: want})
}

// dbSecretNotInState fails when any attribute of any resource holds secret.
func dbSecretNotInState(secret string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for addr, rs := range s.RootModule().Resources {
			for attr, v := range rs.Primary.Attributes {
				if strings.Contains(v, secret) {
					return fmt.Errorf("%s.%s holds the password", addr, attr)
				}
			}
		}
		return nil
	}
}

func TestAccDatabase_basic(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "epicerie-martin.fr"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{
				Config:           dbHCL(sb, domain, "HOSTING-START", dbAttrs("shop", "shop_user", dbPassword, 1, "")),
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					dbStateIs("id", knownvalue.StringExact(domain+"/shop")),
					dbStateIs("hosting_pack", knownvalue.StringExact(domain)),
					dbStateIs("type", knownvalue.StringExact("mysql5")),
					// Unset, the limit is the Start offer's.
					dbStateIs("size_limit_mb", knownvalue.Int64Exact(100)),
					dbStateIs("size_mb", knownvalue.Int64Exact(1)),
					dbStateIs("server", knownvalue.StringExact("mysql."+domain)),
					dbStateIs("password_wo", knownvalue.Null()),
					dbStateIs("password_wo_version", knownvalue.Int64Exact(1)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					dbSecretNotInState(dbPassword),
					dbShopIn(sb, domain, 100),
				),
			},
			{
				ResourceName:            dbAddr,
				ImportState:             true,
				ImportStateId:           domain + "/shop",
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: dbNotReadBack,
			},
			{
				ResourceName:  dbAddr,
				ImportState:   true,
				ImportStateId: "elsewhere-martin.fr/shop",
				ExpectError:   dbError("elsewhere-martin.fr"),
			},
			{
				ResourceName:  dbAddr,
				ImportState:   true,
				ImportStateId: domain + "/absent",
				ExpectError:   regexp.MustCompile(`(?s)Database not found.*` + regexp.QuoteMeta(domain) + `.*absent`),
			},
			{
				// Destroying the database alone leaves the pack empty.
				Config: hostingPackHCL(sb, domain, "HOSTING-START", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(dbAddr, plancheck.ResourceActionDestroy)},
					PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
				},
				Check: dbsInSandbox(sb, domain, func(dbs []acctest.Database) error {
					if len(dbs) != 0 {
						return fmt.Errorf("the sandbox pack still holds %+v", dbs)
					}
					return nil
				}),
			},
		},
	})
}

func TestAccDatabase_update(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "fromagerie-martin.fr"
	config := func(name, user, pwd string, version, size int) string {
		return dbHCL(sb, domain, "HOSTING-PRO", dbAttrs(name, user, pwd, version, fmt.Sprintf("size_limit_mb = %d", size)))
	}
	resetCounters := func() { sb.ResetCounters(t) }
	want := func(name, user string, size int64) resource.TestCheckFunc {
		return dbsInSandbox(sb, domain, dbOnly(acctest.Database{Name: name, User: user, Type: "mysql5", MaxSize: size}))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{
				Config:            config("shop", "shop_user", dbPassword, 1, 200),
				ConfigPlanChecks:  emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{dbStateIs("size_limit_mb", knownvalue.Int64Exact(200))},
				Check:             want("shop", "shop_user", 200),
			},
			{
				// A resize is in place and sends no password.
				PreConfig:         resetCounters,
				Config:            config("shop", "shop_user", dbPassword, 1, 1024),
				ConfigPlanChecks:  dbPlan(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{dbStateIs("size_limit_mb", knownvalue.Int64Exact(1024))},
				Check:             resource.ComposeAggregateTestCheckFunc(want("shop", "shop_user", 1024), dbPasswordChanges(t, sb, 0)),
			},
			{
				// A new password alone is not sent: its version says when.
				PreConfig: resetCounters,
				Config:    config("shop", "shop_user", dbRotated, 1, 1024),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: dbPasswordChanges(t, sb, 0),
			},
			{
				PreConfig:         resetCounters,
				Config:            config("shop", "shop_user", dbRotated, 2, 1024),
				ConfigPlanChecks:  dbPlan(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{dbStateIs("password_wo_version", knownvalue.Int64Exact(2))},
				Check: resource.ComposeAggregateTestCheckFunc(
					dbPasswordChanges(t, sb, 1),
					dbSecretNotInState(dbRotated),
					want("shop", "shop_user", 1024),
				),
			},
			{
				PreConfig:        resetCounters,
				Config:           config("boutique", "shop_user", dbRotated, 2, 1024),
				ConfigPlanChecks: dbPlan(plancheck.ResourceActionReplace),
				ConfigStateChecks: []statecheck.StateCheck{
					dbStateIs("id", knownvalue.StringExact(domain+"/boutique")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(want("boutique", "shop_user", 1024), dbPasswordChanges(t, sb, 0)),
			},
			{
				Config:           config("boutique", "boutique_user", dbRotated, 2, 1024),
				ConfigPlanChecks: dbPlan(plancheck.ResourceActionReplace),
				Check:            want("boutique", "boutique_user", 1024),
			},
		},
	})
}

// The API has no route that changes a database's name, user or type, so a
// change of any of them must replace the database. The sandbox's offers
// list one type only, so this is checked on the schema.
func TestDatabaseSchema_replacement(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var database fwresource.Resource
	for _, newResource := range provider.New("test")().Resources(ctx) {
		r := newResource()
		var meta fwresource.MetadataResponse
		r.Metadata(ctx, fwresource.MetadataRequest{ProviderTypeName: "reseller"}, &meta)
		if meta.TypeName == "reseller_database" {
			database = r
		}
	}
	if database == nil {
		t.Fatal("the provider has no reseller_database resource")
	}
	var resp fwresource.SchemaResponse
	database.Schema(ctx, fwresource.SchemaRequest{}, &resp)
	replaces := stringplanmodifier.RequiresReplace().Description(ctx)
	for _, attr := range []string{"hosting_pack", "name", "user", "type", "client_account"} {
		a, ok := resp.Schema.Attributes[attr].(schema.StringAttribute)
		if !ok {
			t.Fatalf("%s is not a string attribute", attr)
		}
		if !dbHasModifier(ctx, a.PlanModifiers, replaces) {
			t.Errorf("a change of %s does not replace the database", attr)
		}
	}
	for _, attr := range []string{"size_limit_mb", "password_wo_version"} {
		a := resp.Schema.Attributes[attr].(schema.Int64Attribute)
		for _, m := range a.PlanModifiers {
			if strings.Contains(strings.ToLower(m.Description(ctx)), "recreate") {
				t.Errorf("%s changes in place, but its plan modifier %q replaces the database", attr, m.Description(ctx))
			}
		}
	}
}

func dbHasModifier(ctx context.Context, modifiers []planmodifier.String, description string) bool {
	for _, m := range modifiers {
		if m.Description(ctx) == description {
			return true
		}
	}
	return false
}

func TestAccDatabase_drift(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "primeur-martin.fr"
	config := dbHCL(sb, domain, "HOSTING-PRO", dbAttrs("shop", "shop_user", dbPassword, 1, "size_limit_mb = 300"))
	outOfBand := func(method, route string, body any) func() {
		return func() {
			handle := dbPackHandle(t, sb, domain)
			sb.OutOfBand(t, hostingLogin(sb), method, fmt.Sprintf(route, handle), body, nil)
		}
	}
	restored := dbShopIn(sb, domain, 300)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{Config: config, ConfigPlanChecks: emptyPlanAfterApply, Check: restored},
			{
				PreConfig:        outOfBand(http.MethodDelete, "api/Hosting/%s/Db/shop", nil),
				Config:           config,
				ConfigPlanChecks: dbPlan(plancheck.ResourceActionCreate),
				Check:            restored,
			},
			{
				PreConfig: outOfBand(http.MethodPut, "api/Hosting/%s/Db/shop", map[string]int64{"MaxSize": 50}),
				Config:    config,
				ConfigPlanChecks: dbPlan(plancheck.ResourceActionUpdate,
					plancheck.ExpectKnownValue(dbAddr, tfjsonpath.New("size_limit_mb"), knownvalue.Int64Exact(300))),
				Check: restored,
			},
		},
	})
}

// An unset size limit is the offer's limit when the database is created,
// and what the database holds afterwards.
func TestAccDatabase_defaultSizeKept(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "cremerie-martin.fr"
	config := dbHCL(sb, domain, "HOSTING-PRO", dbAttrs("shop", "shop_user", dbPassword, 1, ""))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{
				Config:            config,
				ConfigPlanChecks:  emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{dbStateIs("size_limit_mb", knownvalue.Int64Exact(1024))},
			},
			{
				PreConfig: func() {
					handle := dbPackHandle(t, sb, domain)
					sb.OutOfBand(t, hostingLogin(sb), http.MethodPut, "api/Hosting/"+handle+"/Db/shop", map[string]int64{"MaxSize": 50}, nil)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{dbStateIs("size_limit_mb", knownvalue.Int64Exact(50))},
			},
		},
	})
}

// dbText matches phrase in a message Terraform may have wrapped.
func dbText(phrase string) string {
	return strings.Join(strings.Fields(regexp.QuoteMeta(phrase)), `\s+`)
}

// dbError matches a message holding phrases in order.
func dbError(phrases ...string) *regexp.Regexp {
	for i, p := range phrases {
		phrases[i] = dbText(p)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(phrases, `.*`))
}

// dbPlanFails is a plan-only step of attrs that must fail with a message
// holding phrases.
func dbPlanFails(sb *acctest.Sandbox, attrs string, phrases ...string) resource.TestStep {
	return resource.TestStep{
		Config:      dbHCL(sb, "refus-martin.fr", "HOSTING-START", attrs),
		PlanOnly:    true,
		ExpectError: dbError(phrases...),
	}
}

func TestAccDatabase_invalidInput(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const rule = "3 to 16 lower-case letters, digits and _, starting with a letter"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			dbPlanFails(sb, dbAttrs("Shop", "shop_user", dbPassword, 1, ""), `name = "Shop"`, `database name "Shop" is not valid: `+rule),
			dbPlanFails(sb, dbAttrs("my-shop", "shop_user", dbPassword, 1, ""), `database name "my-shop" is not valid: `+rule),
			dbPlanFails(sb, dbAttrs("shop_database_2024", "shop_user", dbPassword, 1, ""), `database name "shop_database_2024" is not valid: `+rule),
			dbPlanFails(sb, dbAttrs("shop", "1shop", dbPassword, 1, ""), `user = "1shop"`, `database user "1shop" is not valid: `+rule),
			dbPlanFails(sb, dbAttrs("shop", "shop_user", "password", 1, ""),
				"password_wo", "the password (8 characters) must have 6 to 20 characters with at least one letter, one digit and one character that is neither"),
			dbPlanFails(sb, dbAttrs("shop", "shop_user", "S3c!", 1, ""), "the password (4 characters) must have 6 to 20 characters"),
			dbPlanFails(sb, dbAttrs("shop", "shop_user", "Shop-2024!database-pw", 1, ""), "the password (21 characters) must have 6 to 20 characters"),
			dbPlanFails(sb, dbAttrs("shop", "shop_user", dbPassword, 1, "size_limit_mb = 0"), "size_limit_mb = 0", "must be at least 1"),
		},
	})
}

// The offer's limits are checked at plan once the pack exists, and at apply
// when the pack is created in the same run.
func TestAccDatabase_offerLimits(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "traiteur-martin.fr"
	tooLarge := dbAttrs("shop", "shop_user", dbPassword, 1, "size_limit_mb = 500")
	postgres := dbAttrs("shop", "shop_user", dbPassword, 1, `type = "postgres"`)
	noDatabase := func(dbs []acctest.Database) error {
		if len(dbs) != 0 {
			return fmt.Errorf("the sandbox pack holds %+v, want no database", dbs)
		}
		return nil
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{
				Config:      dbHCL(sb, domain, "HOSTING-START", tooLarge),
				ExpectError: dbError("size_limit_mb = 500", "The Start offer of "+domain+" allows databases of up to 100 MB", "HOSTING-PRO"),
			},
			{
				Config:           hostingPackHCL(sb, domain, "HOSTING-START", ""),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check:            dbsInSandbox(sb, domain, noDatabase),
			},
			{
				Config:   dbHCL(sb, domain, "HOSTING-START", tooLarge),
				PlanOnly: true,
				ExpectError: dbError("Database size limit too large", "size_limit_mb = 500",
					"The Start offer of "+domain+" allows databases of up to 100 MB; size_limit_mb = 500 is larger", "HOSTING-PRO (Pro, 1024)"),
			},
			{
				Config:   dbHCL(sb, domain, "HOSTING-START", postgres),
				PlanOnly: true,
				ExpectError: dbError("Database type not offered", `type = "postgres"`,
					`The Start offer of `+domain+` has databases of type mysql5; "postgres" is not one of them`),
			},
			{
				Config:           hostingPackHCL(sb, domain, "HOSTING-START", ""),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check:            dbsInSandbox(sb, domain, noDatabase),
			},
			{
				// The pack moves to Pro in the same plan: the database is
				// checked against the offer it will live on.
				Config:           dbHCL(sb, domain, "HOSTING-PRO", tooLarge),
				ConfigPlanChecks: dbPlan(plancheck.ResourceActionCreate),
				Check:            dbShopIn(sb, domain, 500),
			},
		},
	})
}

// An unsupported type fails clearly at apply when the pack is created in
// the same run, so the offer could not be checked at plan.
func TestAccDatabase_typeRefusedAtApply(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "charcuterie-martin.fr"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{
				Config:      dbHCL(sb, domain, "HOSTING-START", dbAttrs("shop", "shop_user", dbPassword, 1, `type = "postgres"`)),
				ExpectError: dbError(`type = "postgres"`, `The Start offer of `+domain+` has databases of type mysql5; "postgres" is not one of them`),
			},
		},
	})
}

func TestAccDatabase_quota(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "caviste-martin.fr"
	second := `
resource "reseller_database" "stock" {
  hosting_pack        = reseller_hosting_pack.site.id
  name                = "stock"
  user                = "stock_user"
  password_wo         = "St0ck!pw"
  password_wo_version = 1
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{
				Config:           dbHCL(sb, domain, "HOSTING-START", dbAttrs("shop", "shop_user", dbPassword, 1, "")),
				ConfigPlanChecks: emptyPlanAfterApply,
			},
			{
				Config: dbHCL(sb, domain, "HOSTING-START", dbAttrs("shop", "shop_user", dbPassword, 1, "")) + second,
				ExpectError: dbError("Could not create database stock of "+domain,
					"the hosting pack of "+domain+" (HO-000001) is on the Start offer (HOSTING-START), which allows 1", "HOSTING-PRO"),
			},
		},
	})
}

// When the answer to the creation is lost, the provider adopts the database
// the sandbox created instead of failing on its name at the next apply.
func TestAccDatabase_createAnswerLost(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "rotisserie-martin.fr"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					sb.SetFaults(t, 1, acctest.FaultRule{Method: http.MethodPost, Path: "/namebay/api/Hosting/*/Db", Kind: "drop", Count: 1})
				},
				Config:            dbHCL(sb, domain, "HOSTING-START", dbAttrs("shop", "shop_user", dbPassword, 1, "")),
				ConfigPlanChecks:  emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{dbStateIs("server", knownvalue.StringExact("mysql."+domain))},
				Check: resource.ComposeAggregateTestCheckFunc(
					func(*terraform.State) error {
						if fired := sb.FaultsFired(t); len(fired) != 1 || fired[0] != 1 {
							return fmt.Errorf("the drop fault fired %v times, want [1]", fired)
						}
						return nil
					},
					dbShopIn(sb, domain, 100),
				),
			},
		},
	})
}

// A pack deleted behind Terraform's back takes its databases with it: they
// leave the state quietly and the next apply creates them again.
func TestAccDatabase_packDeletedOutOfBand(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "poissonnerie-martin.fr"
	config := dbHCL(sb, domain, "HOSTING-START", dbAttrs("shop", "shop_user", dbPassword, 1, ""))
	deletePack := func() {
		sb.OutOfBand(t, hostingLogin(sb), http.MethodDelete, "api/Hosting/"+dbPackHandle(t, sb, domain), nil, nil)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{Config: config, ConfigPlanChecks: emptyPlanAfterApply},
			{
				PreConfig:          deletePack,
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: func(s *terraform.State) error {
					for _, addr := range []string{dbAddr, packAddr} {
						if _, ok := s.RootModule().Resources[addr]; ok {
							return fmt.Errorf("%s is still in the state after its pack was deleted", addr)
						}
					}
					return nil
				},
			},
			{
				Config: config,
				ConfigPlanChecks: dbPlan(plancheck.ResourceActionCreate,
					plancheck.ExpectResourceAction(packAddr, plancheck.ResourceActionCreate)),
				Check: dbShopIn(sb, domain, 100),
			},
		},
	})
}

func TestAccDatabase_clientAccount(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "glacier-martin.fr"
	inClient := `client_account = "` + packClient + `"`
	config := sb.ProviderConfig() + contactHCL("owner", inClient) + `
resource "reseller_hosting_pack" "site" {
  ` + inClient + `
  domain        = "` + domain + `"
  offer         = "HOSTING-START"
  admin_contact = reseller_contact.owner.id
  on_destroy    = "delete"
}

resource "reseller_database" "shop" {
  ` + inClient + `
  hosting_pack = reseller_hosting_pack.site.id
  ` + dbAttrs("shop", "shop_user", dbPassword, 1, "") + `
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, "client", domain),
		Steps: []resource.TestStep{
			{
				Config:            config,
				ConfigPlanChecks:  emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{dbStateIs("client_account", knownvalue.StringExact(packClient))},
				Check: func(*terraform.State) error {
					h, err := sb.FindHosting("client", domain)
					if err != nil || h == nil {
						return fmt.Errorf("the client account holds no pack for %s: %v", domain, err)
					}
					dbs, err := sb.Databases("client", h.Handle)
					if err != nil {
						return err
					}
					return dbOnly(acctest.Database{Name: "shop", User: "shop_user", Type: "mysql5", MaxSize: 100})(dbs)
				},
			},
			{
				ResourceName:            dbAddr,
				ImportState:             true,
				ImportStateId:           packClient + "/" + domain + "/shop",
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: dbNotReadBack,
			},
			{
				// The reseller's own account has no pack for the domain.
				ResourceName:  dbAddr,
				ImportState:   true,
				ImportStateId: domain + "/shop",
				ExpectError:   dbError(domain),
			},
			{
				ResourceName:  dbAddr,
				ImportState:   true,
				ImportStateId: "shop",
				ExpectError:   dbError("<hosting_pack>/<name>"),
			},
		},
	})
}

// A database whose size limit was left to the offer moves to a pack with a
// smaller offer: the new database gets the new offer's limit.
func TestAccDatabase_moveToSmallerPack(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const big, small = "halles-martin.fr", "kiosque-martin.fr"
	config := func(pack string) string {
		return hostingPackHCL(sb, big, "HOSTING-PRO", "") + `
resource "reseller_hosting_pack" "other" {
  domain        = "` + small + `"
  offer         = "HOSTING-START"
  admin_contact = reseller_contact.owner.id
  on_destroy    = "delete"
}

resource "reseller_database" "shop" {
  hosting_pack = ` + pack + `
  ` + dbAttrs("shop", "shop_user", dbPassword, 1, "") + `
}
`
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), small),
		Steps: []resource.TestStep{
			{
				Config:            config("reseller_hosting_pack.site.id"),
				ConfigPlanChecks:  emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{dbStateIs("size_limit_mb", knownvalue.Int64Exact(1024))},
			},
			{
				Config:           config("reseller_hosting_pack.other.id"),
				ConfigPlanChecks: dbPlan(plancheck.ResourceActionReplace),
				ConfigStateChecks: []statecheck.StateCheck{
					dbStateIs("id", knownvalue.StringExact(small+"/shop")),
					dbStateIs("size_limit_mb", knownvalue.Int64Exact(100)),
					dbStateIs("server", knownvalue.StringExact("mysql."+small)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					dbShopIn(sb, small, 100),
					dbsInSandbox(sb, big, func(dbs []acctest.Database) error {
						if len(dbs) != 0 {
							return fmt.Errorf("the pack of %s still holds %+v", big, dbs)
						}
						return nil
					}),
				),
			},
		},
	})
}

// A database of the same name made behind Terraform's back is not taken
// over: the apply fails and says how to import it.
func TestAccDatabase_nameTaken(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "brasserie-martin.fr"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{
				Config:           hostingPackHCL(sb, domain, "HOSTING-PRO", ""),
				ConfigPlanChecks: emptyPlanAfterApply,
			},
			{
				PreConfig: func() {
					sb.OutOfBand(t, hostingLogin(sb), http.MethodPost, "api/Hosting/"+dbPackHandle(t, sb, domain)+"/Db",
						map[string]any{"Name": "shop", "User": "someone", "Pwd": "Other-pw1"}, nil)
				},
				Config: dbHCL(sb, domain, "HOSTING-PRO", dbAttrs("shop", "shop_user", dbPassword, 1, "")),
				ExpectError: dbError("Could not create database shop of "+domain, "already",
					"terraform import reseller_database.<name> "+domain+"/shop"),
			},
		},
	})
}

// A resize that succeeds is kept when the password change after it fails:
// the next apply sends only the password.
func TestAccDatabase_passwordFailsAfterResize(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "patisserie-martin.fr"
	config := func(version, size int) string {
		return dbHCL(sb, domain, "HOSTING-PRO", dbAttrs("shop", "shop_user", dbPassword, version, fmt.Sprintf("size_limit_mb = %d", size)))
	}
	const resizeRoute = "PUT /namebay/api/Hosting/{hosting}/Db/{name}"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{Config: config(1, 200), ConfigPlanChecks: emptyPlanAfterApply},
			{
				PreConfig: func() {
					sb.SetFaults(t, 1, acctest.FaultRule{Method: http.MethodPost, Path: "/namebay/api/Hosting/*/Db/shop/Password", Kind: "error", Status: http.StatusBadRequest, Count: 1})
				},
				Config:      config(2, 300),
				ExpectError: dbError("Could not change the password of database shop of " + domain),
			},
			{
				PreConfig: func() { sb.ResetCounters(t) },
				Config:    config(2, 300),
				ConfigPlanChecks: dbPlan(plancheck.ResourceActionUpdate,
					plancheck.ExpectKnownValue(dbAddr, tfjsonpath.New("size_limit_mb"), knownvalue.Int64Exact(300))),
				ConfigStateChecks: []statecheck.StateCheck{dbStateIs("password_wo_version", knownvalue.Int64Exact(2))},
				Check: resource.ComposeAggregateTestCheckFunc(
					dbRequests(t, sb, map[string]int{resizeRoute: 0, dbPasswordRoute: 1}),
					dbShopIn(sb, domain, 300),
				),
			},
		},
	})
}
