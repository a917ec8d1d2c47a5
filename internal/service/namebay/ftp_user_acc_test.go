package namebay_test

import (
	"fmt"
	"net/http"
	"regexp"
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
	ftpAccAddr = "reseller_ftp_user.web"
	// ftpAccPassword and ftpAccRotated satisfy the API's policy.
	ftpAccPassword = "Webm4ster!ftp"
	ftpAccRotated  = "N3w-secret"
	// ftpAccPasswordRoute is the request counter of a password change.
	ftpAccPasswordRoute = "POST /namebay/api/Hosting/{hosting}/User/{id}/Password"
)

// ftpAccHCL is the pack "site" for domain on offer with the FTP user
// reseller_ftp_user.web in it; attrs are the user's other attributes.
func ftpAccHCL(sb *acctest.Sandbox, domain, offer, attrs string) string {
	return hostingPackHCL(sb, domain, offer, "") + fmt.Sprintf(`
resource "reseller_ftp_user" "web" {
  hosting_pack = reseller_hosting_pack.site.id
  %s
}
`, attrs)
}

// ftpAccAttrs are the attributes of login with password pwd sent at
// version; extra adds lines.
func ftpAccAttrs(login, pwd string, version int, extra string) string {
	return fmt.Sprintf(`
  login               = %q
  password_wo         = %q
  password_wo_version = %d
  %s`, login, pwd, version, extra)
}

func ftpAccStateIs(attr string, want knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(ftpAccAddr, tfjsonpath.New(attr), want)
}

// ftpAccUsers checks the FTP users the sandbox holds for domain's pack.
func ftpAccUsers(sb *acctest.Sandbox, domain string, check func([]acctest.FtpUser) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		h, err := sb.FindHosting(hostingLogin(sb), domain)
		if err != nil {
			return err
		}
		if h == nil {
			return fmt.Errorf("the sandbox has no hosting pack for %s", domain)
		}
		users, err := sb.FtpUsers(hostingLogin(sb), h.Handle)
		if err != nil {
			return err
		}
		return check(users)
	}
}

// ftpAccOnly checks that the pack holds exactly want (Id ignored).
func ftpAccOnly(want acctest.FtpUser) func([]acctest.FtpUser) error {
	return func(users []acctest.FtpUser) error {
		if len(users) != 1 {
			return fmt.Errorf("the sandbox pack holds %d FTP users (%+v), want only %s", len(users), users, want.UserName)
		}
		got := users[0]
		got.Id = 0
		if got != want {
			return fmt.Errorf("the sandbox holds %+v, want %+v", got, want)
		}
		return nil
	}
}

// ftpAccPasswordChanges checks how many password changes were sent since
// the counters were last reset.
func ftpAccPasswordChanges(t *testing.T, sb *acctest.Sandbox, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := sb.Counters(t)[ftpAccPasswordRoute]; got != want {
			return fmt.Errorf("%d password changes were sent, want %d", got, want)
		}
		return nil
	}
}

// ftpAccSecretAbsent checks that no attribute of any resource holds secret.
func ftpAccSecretAbsent(secret string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for addr, rs := range s.RootModule().Resources {
			for k, v := range rs.Primary.Attributes {
				if strings.Contains(v, secret) {
					return fmt.Errorf("%s.%s holds the password", addr, k)
				}
			}
		}
		return nil
	}
}

func ftpAccPackHandle(t *testing.T, sb *acctest.Sandbox, domain string) string {
	t.Helper()
	h, err := sb.FindHosting(hostingLogin(sb), domain)
	if err != nil || h == nil {
		t.Fatalf("find the pack of %s: %v", domain, err)
	}
	return h.Handle
}

func ftpAccUserID(t *testing.T, sb *acctest.Sandbox, handle, login string) int64 {
	t.Helper()
	users, err := sb.FtpUsers(hostingLogin(sb), handle)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if u.UserName == login {
			return u.Id
		}
	}
	t.Fatalf("the pack %s has no FTP user %s", handle, login)
	return 0
}

func TestAccFTPUser_basic(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "fromagerie-martin.fr"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{
				Config:           ftpAccHCL(sb, domain, "HOSTING-START", ftpAccAttrs("webmaster", ftpAccPassword, 1, `directory = "/www"`+"\n"+`full_name = "Camille Martin"`)),
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					ftpAccStateIs("id", knownvalue.StringExact(domain+"/webmaster")),
					ftpAccStateIs("hosting_pack", knownvalue.StringExact(domain)),
					ftpAccStateIs("directory", knownvalue.StringExact("/www")),
					ftpAccStateIs("full_name", knownvalue.StringExact("Camille Martin")),
					ftpAccStateIs("description", knownvalue.Null()),
					ftpAccStateIs("host", knownvalue.StringExact("ftp."+domain)),
					ftpAccStateIs("user_id", knownvalue.NotNull()),
					ftpAccStateIs("password_wo", knownvalue.Null()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					ftpAccSecretAbsent(ftpAccPassword),
					ftpAccUsers(sb, domain, ftpAccOnly(acctest.FtpUser{UserName: "webmaster", FullName: "Camille Martin", Dir: "/www"})),
				),
			},
			{
				ResourceName:            ftpAccAddr,
				ImportState:             true,
				ImportStateId:           domain + "/webmaster",
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"password_wo", "password_wo_version"},
			},
			{
				ResourceName:  ftpAccAddr,
				ImportState:   true,
				ImportStateId: domain + "/nobody",
				ExpectError:   ftpAccError("FTP user not found", domain, "nobody"),
			},
			{
				ResourceName:  ftpAccAddr,
				ImportState:   true,
				ImportStateId: "ailleurs-martin.fr/webmaster",
				ExpectError:   ftpAccError("Hosting pack not found", "ailleurs-martin.fr"),
			},
			{
				ResourceName:  ftpAccAddr,
				ImportState:   true,
				ImportStateId: "webmaster",
				ExpectError:   regexp.MustCompile(`Invalid import ID`),
			},
		},
	})
}

func TestAccFTPUser_update(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "chocolaterie-martin.fr"
	step := func(pwd string, version int, extra string, action plancheck.ResourceActionType, passwordChanges int, want acctest.FtpUser) resource.TestStep {
		return resource.TestStep{
			PreConfig: func() { sb.ResetCounters(t) },
			Config:    ftpAccHCL(sb, domain, "HOSTING-START", ftpAccAttrs("webmaster", pwd, version, extra)),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(ftpAccAddr, action)},
				PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				ftpAccPasswordChanges(t, sb, passwordChanges),
				ftpAccSecretAbsent(pwd),
				ftpAccUsers(sb, domain, ftpAccOnly(want)),
			),
		}
	}
	withText := "directory = \"/blog\"\nfull_name = \"Camille Martin\"\ndescription = \"Blog uploads\""
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			step(ftpAccPassword, 1, "", plancheck.ResourceActionCreate, 0, acctest.FtpUser{UserName: "webmaster", Dir: "/"}),
			step(ftpAccPassword, 1, withText, plancheck.ResourceActionUpdate, 0,
				acctest.FtpUser{UserName: "webmaster", Dir: "/blog", FullName: "Camille Martin", Description: "Blog uploads"}),
			// A new password alone is not sent: only a new version sends it.
			step(ftpAccRotated, 1, withText, plancheck.ResourceActionNoop, 0,
				acctest.FtpUser{UserName: "webmaster", Dir: "/blog", FullName: "Camille Martin", Description: "Blog uploads"}),
			step(ftpAccRotated, 2, withText, plancheck.ResourceActionUpdate, 1,
				acctest.FtpUser{UserName: "webmaster", Dir: "/blog", FullName: "Camille Martin", Description: "Blog uploads"}),
			// Removing the texts and the directory clears them.
			step(ftpAccRotated, 2, "", plancheck.ResourceActionUpdate, 0, acctest.FtpUser{UserName: "webmaster", Dir: "/"}),
			// A new login is a new user.
			{
				Config: ftpAccHCL(sb, domain, "HOSTING-START", ftpAccAttrs("editor", ftpAccRotated, 2, "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(ftpAccAddr, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
				},
				Check: ftpAccUsers(sb, domain, ftpAccOnly(acctest.FtpUser{UserName: "editor", Dir: "/"})),
			},
		},
	})
}

// A user deleted or moved behind Terraform's back shows in the plan, and the
// apply puts it back.
func TestAccFTPUser_drift(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "biscuiterie-martin.fr"
	config := ftpAccHCL(sb, domain, "HOSTING-START", ftpAccAttrs("webmaster", ftpAccPassword, 1, `directory = "/www"`))
	want := ftpAccUsers(sb, domain, ftpAccOnly(acctest.FtpUser{UserName: "webmaster", Dir: "/www"}))
	outOfBand := func(method, suffix string, body any) func() {
		return func() {
			handle := ftpAccPackHandle(t, sb, domain)
			route := fmt.Sprintf("api/Hosting/%s/User/%d%s", handle, ftpAccUserID(t, sb, handle, "webmaster"), suffix)
			sb.OutOfBand(t, hostingLogin(sb), method, route, body, nil)
		}
	}
	expect := func(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
		return resource.ConfigPlanChecks{
			PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(ftpAccAddr, action)},
			PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{Config: config, ConfigPlanChecks: emptyPlanAfterApply, Check: want},
			{
				PreConfig:        outOfBand(http.MethodDelete, "", nil),
				Config:           config,
				ConfigPlanChecks: expect(plancheck.ResourceActionCreate),
				Check:            want,
			},
			{
				PreConfig:        outOfBand(http.MethodPut, "", map[string]any{"Dir": "/elsewhere"}),
				Config:           config,
				ConfigPlanChecks: expect(plancheck.ResourceActionUpdate),
				Check:            want,
			},
			{
				// The pack itself deleted: both leave the state and come back.
				PreConfig: func() {
					sb.OutOfBand(t, hostingLogin(sb), http.MethodDelete, "api/Hosting/"+ftpAccPackHandle(t, sb, domain), nil, nil)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(ftpAccAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction(packAddr, plancheck.ResourceActionCreate),
					},
					PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
				},
				Check: want,
			},
		},
	})
}

// ftpAccError matches phrases in order, whatever the line wrapping of
// Terraform's output.
func ftpAccError(phrases ...string) *regexp.Regexp {
	parts := make([]string, len(phrases))
	for i, p := range phrases {
		parts[i] = strings.ReplaceAll(regexp.QuoteMeta(p), " ", `\s+`)
	}
	return regexp.MustCompile(strings.Join(parts, `[\s\S]*`))
}

func TestAccFTPUser_invalidInput(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "cremerie-martin.fr"
	planFails := func(attrs, message string) resource.TestStep {
		return resource.TestStep{
			Config:      ftpAccHCL(sb, domain, "HOSTING-START", attrs),
			PlanOnly:    true,
			ExpectError: ftpAccError(message),
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			planFails(ftpAccAttrs("WebMaster", ftpAccPassword, 1, ""), `login "WebMaster" is not valid: 3 to 32 lower-case`),
			planFails(ftpAccAttrs("wm", ftpAccPassword, 1, ""), `login "wm" is not valid`),
			planFails(ftpAccAttrs("9lives", ftpAccPassword, 1, ""), `starting with a letter`),
			planFails(ftpAccAttrs("webmaster", ftpAccPassword, 1, `directory = "/www/../etc"`), `must stay inside the pack's root`),
			planFails(ftpAccAttrs("webmaster", ftpAccPassword, 1, `directory = "www"`), `must start with /`),
			planFails(ftpAccAttrs("webmaster", "a1!", 1, ""), `password (3 characters) must have 6 to 20`),
			planFails(ftpAccAttrs("webmaster", "no-digits-here", 1, ""), `at least one letter, one digit`),
			planFails(ftpAccAttrs("webmaster", "NoSymbol123", 1, ""), `one character that is neither`),
			planFails(ftpAccAttrs("webmaster", "Much-too-long-password-1", 1, ""), `password (24 characters)`),
		},
	})
}

// A Start pack allows two FTP users: the third fails at apply, naming the
// pack, its limit and the offer that allows more.
func TestAccFTPUser_quota(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "patisserie-durand.fr"
	users := func(n int) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, `
resource "reseller_ftp_user" "u%d" {
  hosting_pack = reseller_hosting_pack.site.id
  login        = "user%d"
  password_wo  = %q
}
`, i, i, ftpAccPassword)
		}
		return b.String()
	}
	count := func(want int) resource.TestCheckFunc {
		return ftpAccUsers(sb, domain, func(u []acctest.FtpUser) error {
			if len(u) != want {
				return fmt.Errorf("the sandbox pack holds %d FTP users, want %d", len(u), want)
			}
			return nil
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{
				Config:           hostingPackHCL(sb, domain, "HOSTING-START", "") + users(2),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check:            count(2),
			},
			{
				Config: hostingPackHCL(sb, domain, "HOSTING-START", "") + users(3),
				ExpectError: ftpAccError("Could not create FTP user user3 of "+domain, "the hosting pack of "+domain+" (HO-",
					"is on the Start offer (HOSTING-START), which allows 2 FTP users", "HOSTING-PRO (Pro, 10) raises the limit"),
			},
			{
				// Upgrading the pack in the same apply makes room.
				Config: hostingPackHCL(sb, domain, "HOSTING-PRO", "") + users(3),
				Check:  count(3),
			},
		},
	})
}

// When the answer to the creation is lost, the provider adopts the user the
// sandbox created: one user, no duplicate-login failure.
func TestAccFTPUser_createAnswerLost(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "glacier-martin.fr"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					sb.SetFaults(t, 1, acctest.FaultRule{Method: http.MethodPost, Path: "/namebay/api/Hosting/*/User", Kind: "drop", Count: 1})
				},
				Config:           ftpAccHCL(sb, domain, "HOSTING-START", ftpAccAttrs("webmaster", ftpAccPassword, 1, "")),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check: resource.ComposeAggregateTestCheckFunc(
					func(*terraform.State) error {
						if fired := sb.FaultsFired(t); len(fired) != 1 || fired[0] != 1 {
							return fmt.Errorf("the drop fault fired %v times, want [1]", fired)
						}
						return nil
					},
					ftpAccUsers(sb, domain, ftpAccOnly(acctest.FtpUser{UserName: "webmaster", Dir: "/"})),
				),
			},
		},
	})
}
