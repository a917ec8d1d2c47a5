package namebay_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/resellerkit/terraform-provider-reseller/internal/acctest"
)

const (
	ftpAddr = "reseller_ftp_user.web"
	// ftpPassword and ftpNewPassword satisfy the API's policy.
	ftpPassword    = "Upl0ad-day"
	ftpNewPassword = "R0tated#2026"
	// ftpClient is the client account the sandbox seeds, with login ftpClientLogin.
	ftpClient      = "CL-000001"
	ftpClientLogin = "client"
)

// The request counters of the FTP user routes.
const (
	ftpCreateRoute   = "POST /namebay/api/Hosting/{hosting}/User"
	ftpEditRoute     = "PUT /namebay/api/Hosting/{hosting}/User/{id}"
	ftpPasswordRoute = "POST /namebay/api/Hosting/{hosting}/User/{id}/Password"
)

// ftpConfig is the pack "site" of domain on a Start offer with the FTP user
// "web" in it, whose body is user.
func ftpConfig(sb *acctest.Sandbox, domain, user string) string {
	return hostingPackHCL(sb, domain, "HOSTING-START", "") + ftpUserHCL("web", user)
}

// ftpUserHCL is an FTP user of the pack "site" named label.
func ftpUserHCL(label, body string) string {
	return fmt.Sprintf(`
resource "reseller_ftp_user" %q {
  hosting_pack = reseller_hosting_pack.site.id
  %s
}
`, label, body)
}

// ftpBody is the body of the FTP user login with password sent at version
// (unset when 0); lines adds attributes.
func ftpBody(login, password string, version int, lines ...string) string {
	body := fmt.Sprintf("login       = %q\n  password_wo = %q\n", login, password)
	if version != 0 {
		body += fmt.Sprintf("  password_wo_version = %d\n", version)
	}
	for _, l := range lines {
		body += "  " + l + "\n"
	}
	return body
}

func ftpStateIs(attr string, want knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(ftpAddr, tfjsonpath.New(attr), want)
}

// ftpPlan asserts the action planned for the user and any further checks
// of the plan, then that the apply converged.
func ftpPlan(action plancheck.ResourceActionType, more ...plancheck.PlanCheck) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply:             append([]plancheck.PlanCheck{plancheck.ExpectResourceAction(ftpAddr, action)}, more...),
		PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
	}
}

// ftpErrorMatching matches phrases in order, whatever the line wrapping of
// Terraform's output.
func ftpErrorMatching(phrases ...string) *regexp.Regexp {
	parts := make([]string, len(phrases))
	for i, p := range phrases {
		parts[i] = strings.ReplaceAll(regexp.QuoteMeta(p), " ", `\s+`)
	}
	return regexp.MustCompile(strings.Join(parts, `[\s\S]*`))
}

// ftpPackHandle is the handle of domain's pack in account.
func ftpPackHandle(sb *acctest.Sandbox, account, domain string) (string, error) {
	h, err := sb.FindHosting(account, domain)
	if err != nil {
		return "", err
	}
	if h == nil {
		return "", fmt.Errorf("the sandbox account %s has no hosting pack for %s", account, domain)
	}
	return h.Handle, nil
}

// ftpHolds checks that domain's pack in account holds exactly want, in any
// order; Ids are not compared.
func ftpHolds(sb *acctest.Sandbox, account, domain string, want ...acctest.FtpUser) resource.TestCheckFunc {
	return func(*terraform.State) error {
		handle, err := ftpPackHandle(sb, account, domain)
		if err != nil {
			return err
		}
		users, err := sb.FtpUsers(account, handle)
		if err != nil {
			return err
		}
		got := make([]acctest.FtpUser, len(users))
		for i, u := range users {
			u.Id = 0
			got[i] = u
		}
		byLogin := func(a, b acctest.FtpUser) int { return strings.Compare(a.UserName, b.UserName) }
		slices.SortFunc(got, byLogin)
		want = slices.Clone(want)
		slices.SortFunc(want, byLogin)
		if !slices.Equal(got, want) {
			return fmt.Errorf("the pack of %s holds the FTP users %+v, want %+v", domain, got, want)
		}
		return nil
	}
}

// ftpRequests checks how many requests reached each route since the
// counters were last reset.
func ftpRequests(t *testing.T, sb *acctest.Sandbox, want map[string]int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		counters := sb.Counters(t)
		for route, n := range want {
			if counters[route] != n {
				return fmt.Errorf("%s was called %d times, want %d", route, counters[route], n)
			}
		}
		return nil
	}
}

// ftpUserOutOfBand calls route, whose %s is the path of the user login in
// domain's pack, behind Terraform's back.
func ftpUserOutOfBand(t *testing.T, sb *acctest.Sandbox, domain, login, method, route string, body any) {
	t.Helper()
	handle, err := ftpPackHandle(sb, hostingLogin(sb), domain)
	if err != nil {
		t.Fatal(err)
	}
	users, err := sb.FtpUsers(hostingLogin(sb), handle)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if u.UserName == login {
			sb.OutOfBand(t, hostingLogin(sb), method, fmt.Sprintf(route, fmt.Sprintf("api/Hosting/%s/User/%d", handle, u.Id)), body, nil)
			return
		}
	}
	t.Fatalf("the pack of %s has no FTP user %s", domain, login)
}

// ftpAddOutOfBand creates the FTP user login in domain's pack behind
// Terraform's back.
func ftpAddOutOfBand(t *testing.T, sb *acctest.Sandbox, domain, login, dir string) {
	t.Helper()
	handle, err := ftpPackHandle(sb, hostingLogin(sb), domain)
	if err != nil {
		t.Fatal(err)
	}
	sb.OutOfBand(t, hostingLogin(sb), http.MethodPost, "api/Hosting/"+handle+"/User",
		map[string]string{"UserName": login, "Pwd": "By-hand-1", "Dir": dir}, nil)
}

// ftpSecretNowhere fails when secret appears in a value of a plan or a
// state, sensitive or not. (The plan's copy of the configuration holds what
// the HCL says, password included: that is Terraform's, not a value.)
type ftpSecretNowhere string

func (s ftpSecretNowhere) find(what string, values any) error {
	raw, err := json.Marshal(values)
	if err != nil {
		return err
	}
	if strings.Contains(string(raw), string(s)) {
		return fmt.Errorf("the password appears in the %s", what)
	}
	return nil
}

func (s ftpSecretNowhere) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = s.find("plan", []any{req.Plan.PriorState, req.Plan.PlannedValues, req.Plan.ResourceChanges})
}

func (s ftpSecretNowhere) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = s.find("state", req.State)
}

// ftpPriorIs checks the value of a string attribute of the user before the
// planned change, that is, what the refresh found.
type ftpPriorIs struct{ attr, want string }

func (c ftpPriorIs) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != ftpAddr {
			continue
		}
		before, _ := rc.Change.Before.(map[string]any)
		if got, _ := before[c.attr].(string); got != c.want {
			resp.Error = fmt.Errorf("the refresh found %s = %q, want %q", c.attr, got, c.want)
		}
		return
	}
	resp.Error = fmt.Errorf("the plan has no change for %s", ftpAddr)
}

// ftpVerify runs checks against the sandbox alone, for what a step whose
// apply fails left behind: such a step runs no Check.
func ftpVerify(t *testing.T, checks ...resource.TestCheckFunc) {
	t.Helper()
	if err := resource.ComposeAggregateTestCheckFunc(checks...)(nil); err != nil {
		t.Fatal(err)
	}
}

// ftpNotInState checks that none of addrs is in the state.
func ftpNotInState(addrs ...string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, addr := range addrs {
			if _, ok := s.RootModule().Resources[addr]; ok {
				return fmt.Errorf("%s is still in the state", addr)
			}
		}
		return nil
	}
}

func TestAccFtpUser_basic(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "fromagerie-martin.fr"
	config := ftpConfig(sb, domain, ftpBody("webmaster", ftpPassword, 1,
		`directory = "/www"`, `full_name = "Camille Martin"`, `description = "Site uploads"`))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{
				PreConfig: func() { sb.ResetCounters(t) },
				Config:    config,
				ConfigPlanChecks: ftpPlan(plancheck.ResourceActionCreate,
					plancheck.ExpectKnownValue(ftpAddr, tfjsonpath.New("password_wo"), knownvalue.Null()),
					ftpSecretNowhere(ftpPassword)),
				ConfigStateChecks: []statecheck.StateCheck{
					ftpStateIs("id", knownvalue.StringExact(domain+"/webmaster")),
					ftpStateIs("hosting_pack", knownvalue.StringExact(domain)),
					ftpStateIs("login", knownvalue.StringExact("webmaster")),
					ftpStateIs("directory", knownvalue.StringExact("/www")),
					ftpStateIs("full_name", knownvalue.StringExact("Camille Martin")),
					ftpStateIs("description", knownvalue.StringExact("Site uploads")),
					ftpStateIs("client_account", knownvalue.Null()),
					ftpStateIs("host", knownvalue.StringExact("ftp."+domain)),
					ftpStateIs("user_id", knownvalue.NotNull()),
					ftpStateIs("password_wo", knownvalue.Null()),
					ftpStateIs("password_wo_version", knownvalue.Int64Exact(1)),
					ftpSecretNowhere(ftpPassword),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					ftpHolds(sb, hostingLogin(sb), domain,
						acctest.FtpUser{UserName: "webmaster", Dir: "/www", FullName: "Camille Martin", Description: "Site uploads"}),
					// The password goes with the creation, not in a second request.
					ftpRequests(t, sb, map[string]int{ftpCreateRoute: 1, ftpPasswordRoute: 0}),
				),
			},
			{
				ResourceName:            ftpAddr,
				ImportState:             true,
				ImportStateId:           domain + "/webmaster",
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"password_wo", "password_wo_version"},
			},
			{
				ResourceName:  ftpAddr,
				ImportState:   true,
				ImportStateId: domain + "/nobody",
				ExpectError:   ftpErrorMatching("FTP user not found", "The hosting pack of "+domain+" has no FTP user nobody"),
			},
			{
				ResourceName:  ftpAddr,
				ImportState:   true,
				ImportStateId: "ailleurs-martin.fr/webmaster",
				ExpectError:   ftpErrorMatching("Hosting pack not found", "No hosting pack for ailleurs-martin.fr"),
			},
			{
				ResourceName:  ftpAddr,
				ImportState:   true,
				ImportStateId: "webmaster",
				ExpectError:   ftpErrorMatching("Invalid import ID", "<hosting_pack>/<login> or <client_account>/<hosting_pack>/<login>"),
			},
			{
				// Removing the user from the configuration deletes it, and only it.
				Config: hostingPackHCL(sb, domain, "HOSTING-START", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(ftpAddr, plancheck.ResourceActionDestroy),
						plancheck.ExpectResourceAction(packAddr, plancheck.ResourceActionNoop),
					},
					PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
				},
				Check: ftpHolds(sb, hostingLogin(sb), domain),
			},
		},
	})
}

// The user lives in the client account of its pack; the import ID names it.
func TestAccFtpUser_clientAccount(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "fromagerie-client.fr"
	inClient := `client_account = "` + ftpClient + `"`
	config := sb.ProviderConfig() + contactHCL("owner", inClient) + `
resource "reseller_hosting_pack" "site" {
  ` + inClient + `
  domain        = "` + domain + `"
  offer         = "HOSTING-START"
  admin_contact = reseller_contact.owner.id
  on_destroy    = "delete"
}
` + ftpUserHCL("web", ftpBody("webmaster", ftpPassword, 1, inClient, `directory = "/www"`))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, ftpClientLogin, domain),
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					ftpStateIs("client_account", knownvalue.StringExact(ftpClient)),
					ftpStateIs("id", knownvalue.StringExact(domain+"/webmaster")),
					ftpSecretNowhere(ftpPassword),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					ftpHolds(sb, ftpClientLogin, domain, acctest.FtpUser{UserName: "webmaster", Dir: "/www"}),
					packGone(sb, hostingLogin(sb), domain),
				),
			},
			{
				ResourceName:            ftpAddr,
				ImportState:             true,
				ImportStateId:           ftpClient + "/" + domain + "/webmaster",
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"password_wo", "password_wo_version"},
			},
			{
				// The reseller's own account has no pack for the domain.
				ResourceName:  ftpAddr,
				ImportState:   true,
				ImportStateId: domain + "/webmaster",
				ExpectError:   ftpErrorMatching("Hosting pack not found", domain),
			},
		},
	})
}

// The provider's client_account places the user, and a plain import ID is
// looked up there.
func TestAccFtpUser_providerClientAccount(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "fromagerie-defaut.fr"
	config := strings.Replace(ftpConfig(sb, domain, ftpBody("webmaster", ftpPassword, 1)),
		sb.ProviderConfig(), sb.ProviderConfigWith(`client_account = "`+ftpClient+`"`), 1)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, ftpClientLogin, domain),
		Steps: []resource.TestStep{
			{
				Config:            config,
				ConfigPlanChecks:  emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{ftpStateIs("client_account", knownvalue.Null())},
				Check:             ftpHolds(sb, ftpClientLogin, domain, acctest.FtpUser{UserName: "webmaster", Dir: "/"}),
			},
			{
				ResourceName:            ftpAddr,
				ImportState:             true,
				ImportStateId:           domain + "/webmaster",
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"password_wo", "password_wo_version"},
			},
		},
	})
}

func TestAccFtpUser_update(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "chocolaterie-martin.fr"
	step := func(body string, action plancheck.ResourceActionType, requests map[string]int, want acctest.FtpUser, checks ...statecheck.StateCheck) resource.TestStep {
		return resource.TestStep{
			PreConfig:         func() { sb.ResetCounters(t) },
			Config:            ftpConfig(sb, domain, body),
			ConfigPlanChecks:  ftpPlan(action),
			ConfigStateChecks: checks,
			Check: resource.ComposeAggregateTestCheckFunc(
				ftpRequests(t, sb, requests),
				ftpHolds(sb, hostingLogin(sb), domain, want),
			),
		}
	}
	blog := []string{`directory = "/blog"`, `full_name = "Camille Martin"`, `description = "Blog uploads"`}
	shop := []string{`directory = "/shop/images"`, `full_name = "Camille Durand"`, `description = "Shop pictures"`}
	shopUser := acctest.FtpUser{UserName: "webmaster", Dir: "/shop/images", FullName: "Camille Durand", Description: "Shop pictures"}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			step(ftpBody("webmaster", ftpPassword, 1), plancheck.ResourceActionCreate,
				map[string]int{ftpCreateRoute: 1, ftpPasswordRoute: 0},
				acctest.FtpUser{UserName: "webmaster", Dir: "/"},
				ftpStateIs("directory", knownvalue.StringExact("/")), ftpStateIs("full_name", knownvalue.Null())),
			step(ftpBody("webmaster", ftpPassword, 1, blog...), plancheck.ResourceActionUpdate,
				map[string]int{ftpEditRoute: 1, ftpPasswordRoute: 0},
				acctest.FtpUser{UserName: "webmaster", Dir: "/blog", FullName: "Camille Martin", Description: "Blog uploads"}),
			step(ftpBody("webmaster", ftpPassword, 1, shop...), plancheck.ResourceActionUpdate,
				map[string]int{ftpEditRoute: 1, ftpPasswordRoute: 0}, shopUser),
			// A new password without a new version is not sent.
			step(ftpBody("webmaster", ftpNewPassword, 1, shop...), plancheck.ResourceActionNoop,
				map[string]int{ftpEditRoute: 0, ftpPasswordRoute: 0}, shopUser),
			// A new version sends it, once, and touches nothing else.
			step(ftpBody("webmaster", ftpNewPassword, 2, shop...), plancheck.ResourceActionUpdate,
				map[string]int{ftpEditRoute: 0, ftpPasswordRoute: 1}, shopUser,
				ftpStateIs("password_wo_version", knownvalue.Int64Exact(2)), ftpSecretNowhere(ftpNewPassword)),
			// Removing the directory and the texts clears them.
			step(ftpBody("webmaster", ftpNewPassword, 2), plancheck.ResourceActionUpdate,
				map[string]int{ftpEditRoute: 1, ftpPasswordRoute: 0},
				acctest.FtpUser{UserName: "webmaster", Dir: "/"},
				ftpStateIs("directory", knownvalue.StringExact("/")),
				ftpStateIs("full_name", knownvalue.Null()), ftpStateIs("description", knownvalue.Null())),
			// A new login is a new user.
			step(ftpBody("editor", ftpNewPassword, 2), plancheck.ResourceActionDestroyBeforeCreate,
				map[string]int{ftpCreateRoute: 1, ftpPasswordRoute: 0},
				acctest.FtpUser{UserName: "editor", Dir: "/"}),
		},
	})
}

// A change that fails half-way is tried again by the next apply: whatever
// failed, the edit or the password, is sent again, and only that.
func TestAccFtpUser_updateFailsHalfWay(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "confiserie-martin.fr"
	config := func(version int, dir string) string {
		return ftpConfig(sb, domain, ftpBody("webmaster", ftpPassword, version, `directory = "`+dir+`"`))
	}
	failOnce := func(method, path string) {
		sb.ResetCounters(t)
		sb.SetFaults(t, 1, acctest.FaultRule{Method: method, Path: path, Kind: "error", Status: http.StatusBadRequest, Count: 1})
	}
	summary := "Could not update FTP user webmaster of " + domain
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{Config: config(1, "/www"), ConfigPlanChecks: emptyPlanAfterApply},
			{
				// The edit fails: nothing is sent after it.
				PreConfig:   func() { failOnce(http.MethodPut, "/namebay/api/Hosting/*/User/*") },
				Config:      config(2, "/blog"),
				ExpectError: ftpErrorMatching(summary),
			},
			{
				// The password fails after the edit, which is kept.
				PreConfig: func() {
					ftpVerify(t,
						ftpRequests(t, sb, map[string]int{ftpEditRoute: 1, ftpPasswordRoute: 0}),
						ftpHolds(sb, hostingLogin(sb), domain, acctest.FtpUser{UserName: "webmaster", Dir: "/www"}))
					failOnce(http.MethodPost, "/namebay/api/Hosting/*/User/*/Password")
				},
				Config: config(2, "/blog"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(ftpAddr, plancheck.ResourceActionUpdate),
					ftpPriorIs{"directory", "/www"},
				}},
				ExpectError: ftpErrorMatching("Could not change the password of FTP user webmaster of " + domain),
			},
			{
				PreConfig: func() {
					ftpVerify(t,
						ftpRequests(t, sb, map[string]int{ftpEditRoute: 1, ftpPasswordRoute: 1}),
						ftpHolds(sb, hostingLogin(sb), domain, acctest.FtpUser{UserName: "webmaster", Dir: "/blog"}))
					sb.ResetCounters(t)
				},
				Config: config(2, "/blog"),
				ConfigPlanChecks: ftpPlan(plancheck.ResourceActionUpdate,
					ftpPriorIs{"directory", "/blog"},
					plancheck.ExpectKnownValue(ftpAddr, tfjsonpath.New("password_wo_version"), knownvalue.Int64Exact(2))),
				ConfigStateChecks: []statecheck.StateCheck{ftpStateIs("password_wo_version", knownvalue.Int64Exact(2))},
				Check: resource.ComposeAggregateTestCheckFunc(
					ftpRequests(t, sb, map[string]int{ftpEditRoute: 0, ftpPasswordRoute: 1}),
					ftpHolds(sb, hostingLogin(sb), domain, acctest.FtpUser{UserName: "webmaster", Dir: "/blog"}),
				),
			},
		},
	})
}

// A user deleted or edited behind Terraform's back shows in the plan, and
// the apply puts it back.
func TestAccFtpUser_drift(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "biscuiterie-martin.fr"
	config := ftpConfig(sb, domain, ftpBody("webmaster", ftpPassword, 1, `directory = "/www"`, `full_name = "Camille Martin"`))
	want := ftpHolds(sb, hostingLogin(sb), domain, acctest.FtpUser{UserName: "webmaster", Dir: "/www", FullName: "Camille Martin"})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{Config: config, ConfigPlanChecks: emptyPlanAfterApply, Check: want},
			{
				PreConfig: func() {
					ftpUserOutOfBand(t, sb, domain, "webmaster", http.MethodDelete, "%s", nil)
					sb.ResetCounters(t)
				},
				Config:           config,
				ConfigPlanChecks: ftpPlan(plancheck.ResourceActionCreate),
				Check:            resource.ComposeAggregateTestCheckFunc(want, ftpRequests(t, sb, map[string]int{ftpCreateRoute: 1})),
			},
			{
				PreConfig: func() {
					ftpUserOutOfBand(t, sb, domain, "webmaster", http.MethodPut, "%s",
						map[string]string{"Dir": "/elsewhere", "FullName": "Someone Else", "Description": "Added by hand"})
				},
				Config: config,
				ConfigPlanChecks: ftpPlan(plancheck.ResourceActionUpdate,
					ftpPriorIs{"directory", "/elsewhere"},
					ftpPriorIs{"full_name", "Someone Else"},
					ftpPriorIs{"description", "Added by hand"},
					plancheck.ExpectKnownValue(ftpAddr, tfjsonpath.New("directory"), knownvalue.StringExact("/www")),
					plancheck.ExpectKnownValue(ftpAddr, tfjsonpath.New("description"), knownvalue.Null())),
				Check: want,
			},
		},
	})
}

// With its pack deleted behind Terraform's back, the user leaves the state
// without an error, and the apply brings both back.
func TestAccFtpUser_packDeletedOutOfBand(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "boulangerie-durand.fr"
	config := ftpConfig(sb, domain, ftpBody("webmaster", ftpPassword, 1, `directory = "/www"`))
	want := ftpHolds(sb, hostingLogin(sb), domain, acctest.FtpUser{UserName: "webmaster", Dir: "/www"})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{Config: config, ConfigPlanChecks: emptyPlanAfterApply, Check: want},
			{
				PreConfig: func() {
					handle, err := ftpPackHandle(sb, hostingLogin(sb), domain)
					if err != nil {
						t.Fatal(err)
					}
					sb.OutOfBand(t, hostingLogin(sb), http.MethodDelete, "api/Hosting/"+handle, nil, nil)
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check:              ftpNotInState(ftpAddr, packAddr),
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(ftpAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction(packAddr, plancheck.ResourceActionCreate),
					},
					PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
				},
				Check: want,
			},
		},
	})
}

func TestAccFtpUser_invalidInput(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "cremerie-martin.fr"
	planFails := func(body string, phrases ...string) resource.TestStep {
		return resource.TestStep{
			Config:      ftpConfig(sb, domain, body),
			PlanOnly:    true,
			ExpectError: ftpErrorMatching(phrases...),
		}
	}
	withPassword := func(pwd string) string { return ftpBody("webmaster", pwd, 1) }
	withLine := func(line string) string { return ftpBody("webmaster", ftpPassword, 1, line) }
	policy := "must have 6 to 20 characters with at least one letter, one digit and one character that is neither"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			planFails(ftpBody("WebMaster", ftpPassword, 1), `login "WebMaster" is not valid: 3 to 32 lower-case letters, digits, - and _, starting with a letter`),
			planFails(ftpBody("wm", ftpPassword, 1), `login "wm" is not valid`),
			planFails(ftpBody("9lives", ftpPassword, 1), `login "9lives" is not valid`),
			planFails(ftpBody("web.master", ftpPassword, 1), `login "web.master" is not valid`),
			planFails(ftpBody(strings.Repeat("w", 33), ftpPassword, 1), `is not valid: 3 to 32`),
			planFails(withLine(`directory = "/www/../etc"`), `directory "/www/../etc" must stay inside the pack's root`),
			planFails(withLine(`directory = ".."`), `must start with /`),
			planFails(withLine(`directory = "www"`), `directory "www" must start with /`),
			planFails(withLine(`directory = "/v1..2"`), `directory "/v1..2" must stay inside the pack's root`),
			planFails(withLine(`directory = "/www//cgi"`), `must not contain //`),
			planFails(withLine(`full_name = ""`), `full_name`, `length must be between 1 and 255`),
			planFails(withLine(`description = "`+strings.Repeat("d", 256)+`"`), `description`, `length must be between 1 and 255`),
			planFails(withPassword("a1!"), `the password (3 characters) `+policy),
			planFails(withPassword("no-digits-here"), `the password (14 characters) `+policy),
			planFails(withPassword("NoSymbol123"), `the password (11 characters) `+policy),
			planFails(withPassword("1234-5678"), `the password (9 characters) `+policy),
			planFails(withPassword("abc12\t!"), `the password must not contain control characters`),
			planFails(withPassword("Much-too-long-password-1"), `the password (24 characters) `+policy),
		},
	})
}

// A Start pack allows two FTP users: the third fails at apply, naming the
// pack, its limit and the offer that allows more.
func TestAccFtpUser_quota(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "patisserie-durand.fr"
	users := func(n int) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			b.WriteString(ftpUserHCL(fmt.Sprintf("u%d", i), ftpBody(fmt.Sprintf("user%d", i), ftpPassword, 0)))
		}
		return b.String()
	}
	logins := func(n int) []acctest.FtpUser {
		out := make([]acctest.FtpUser, n)
		for i := range out {
			out[i] = acctest.FtpUser{UserName: fmt.Sprintf("user%d", i+1), Dir: "/"}
		}
		return out
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{
				Config:           hostingPackHCL(sb, domain, "HOSTING-START", "") + users(2),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check:            ftpHolds(sb, hostingLogin(sb), domain, logins(2)...),
			},
			{
				Config: hostingPackHCL(sb, domain, "HOSTING-START", "") + users(3),
				ExpectError: ftpErrorMatching("Could not create FTP user user3 of "+domain,
					"the hosting pack of "+domain+" (HO-", "is on the Start offer (HOSTING-START), which allows 2 FTP users, and all are in use",
					"the offer HOSTING-PRO (Pro, 10) raises the limit on FTP users"),
			},
			{
				// Upgrading the pack in the same apply makes room.
				PreConfig:        func() { ftpVerify(t, ftpHolds(sb, hostingLogin(sb), domain, logins(2)...)) },
				Config:           hostingPackHCL(sb, domain, "HOSTING-PRO", "") + users(3),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check:            ftpHolds(sb, hostingLogin(sb), domain, logins(3)...),
			},
		},
	})
}

// When the answer to the creation is lost, the provider adopts the user the
// sandbox created: one user, one request, no duplicate-login failure.
func TestAccFtpUser_createAnswerLost(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "glacier-durand.fr"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					sb.ResetCounters(t)
					sb.SetFaults(t, 1, acctest.FaultRule{Method: http.MethodPost, Path: "/namebay/api/Hosting/*/User", Kind: "drop", Count: 1})
				},
				Config:           ftpConfig(sb, domain, ftpBody("webmaster", ftpPassword, 1, `directory = "/www"`)),
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					ftpStateIs("user_id", knownvalue.NotNull()),
					ftpStateIs("directory", knownvalue.StringExact("/www")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					func(*terraform.State) error {
						if fired := sb.FaultsFired(t); len(fired) != 1 || fired[0] != 1 {
							return fmt.Errorf("the drop fault fired %v times, want [1]", fired)
						}
						return nil
					},
					// Never sent again blindly.
					ftpRequests(t, sb, map[string]int{ftpCreateRoute: 1}),
					ftpHolds(sb, hostingLogin(sb), domain, acctest.FtpUser{UserName: "webmaster", Dir: "/www"}),
				),
			},
		},
	})
}

// A login someone else created is not taken over: the creation fails and
// says how to import it; once imported, the next apply sets its password
// and directory.
func TestAccFtpUser_loginTaken(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "torrefaction-martin.fr"
	config := ftpConfig(sb, domain, ftpBody("webmaster", ftpPassword, 1, `directory = "/www"`))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{Config: hostingPackHCL(sb, domain, "HOSTING-START", "")},
			{
				PreConfig:   func() { ftpAddOutOfBand(t, sb, domain, "webmaster", "/manual") },
				Config:      config,
				ExpectError: ftpErrorMatching("already has an FTP user webmaster", "terraform import reseller_ftp_user.<name> "+domain+"/webmaster"),
			},
			{
				PreConfig: func() {
					ftpVerify(t, ftpHolds(sb, hostingLogin(sb), domain, acctest.FtpUser{UserName: "webmaster", Dir: "/manual"}))
				},
				Config:             config,
				ResourceName:       ftpAddr,
				ImportState:        true,
				ImportStateId:      domain + "/webmaster",
				ImportStatePersist: true,
			},
			{
				PreConfig:        func() { sb.ResetCounters(t) },
				Config:           config,
				ConfigPlanChecks: ftpPlan(plancheck.ResourceActionUpdate, ftpPriorIs{"directory", "/manual"}),
				Check: resource.ComposeAggregateTestCheckFunc(
					ftpRequests(t, sb, map[string]int{ftpCreateRoute: 0, ftpEditRoute: 1, ftpPasswordRoute: 1}),
					ftpHolds(sb, hostingLogin(sb), domain, acctest.FtpUser{UserName: "webmaster", Dir: "/www"}),
				),
			},
		},
	})
}

// When the answer to a creation is lost and the login turns out to belong
// to a different user, that user is not adopted.
func TestAccFtpUser_lostAnswerOtherUser(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "torrefaction-durand.fr"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{Config: hostingPackHCL(sb, domain, "HOSTING-START", "")},
			{
				PreConfig: func() {
					ftpAddOutOfBand(t, sb, domain, "webmaster", "/manual")
					sb.SetFaults(t, 1, acctest.FaultRule{Method: http.MethodPost, Path: "/namebay/api/Hosting/*/User", Kind: "drop", Count: 1})
				},
				Config:      ftpConfig(sb, domain, ftpBody("webmaster", ftpPassword, 1, `directory = "/www"`)),
				ExpectError: ftpErrorMatching("Could not create FTP user webmaster of "+domain, "not the one this apply asked for"),
			},
			{
				// Nothing of the user reached the state, and the other user is untouched.
				PreConfig: func() {
					ftpVerify(t, ftpHolds(sb, hostingLogin(sb), domain, acctest.FtpUser{UserName: "webmaster", Dir: "/manual"}))
				},
				Config:           hostingPackHCL(sb, domain, "HOSTING-START", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}
