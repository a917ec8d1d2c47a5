package namebay_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/resellerkit/terraform-provider-reseller/internal/acctest"
)

const (
	sslAddr           = "reseller_ssl_certificate.site"
	sslValidationAddr = "reseller_ssl_certificate_validation.site"
)

// sslHCL is a contact, domain with hosted DNS, a certificate with certAttrs,
// the DNS records of its validation and the validation with validationAttrs.
func sslHCL(sb *acctest.Sandbox, domain, certAttrs, validationAttrs string) string {
	return sb.ProviderConfig() + contactHCL("owner", "") + fmt.Sprintf(`
resource "reseller_domain" "site" {
  name               = %[1]q
  registrant_contact = reseller_contact.owner.id
  admin_contact      = reseller_contact.owner.id
  hosted_dns         = true
  on_destroy         = "delete"
}

resource "reseller_ssl_certificate" "site" {
  common_name   = %[1]q
  admin_contact = reseller_contact.owner.id
  on_destroy    = "revoke"
  %[2]s
}

# count, not for_each: the test framework's state shim cannot index by
# string. The number of records is known at plan all the same.
resource "reseller_dns_record" "validation" {
  count = length(reseller_ssl_certificate.site.validation_records)

  zone  = reseller_domain.site.name
  name  = reseller_ssl_certificate.site.validation_records[count.index].name
  type  = reseller_ssl_certificate.site.validation_records[count.index].type
  value = reseller_ssl_certificate.site.validation_records[count.index].value
}

resource "reseller_ssl_certificate_validation" "site" {
  certificate_id     = reseller_ssl_certificate.site.id
  validation_records = [for r in reseller_dns_record.validation : r.value]
  %[3]s
}
`, domain, certAttrs, validationAttrs)
}

// sslCSR is a PEM request for names, its key ECDSA P-256.
func sslCSR(t *testing.T, cn string, sans ...string) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{
		Subject:  pkix.Name{CommonName: cn},
		DNSNames: append([]string{cn}, sans...),
	}, key)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der}))
}

// sslIssuedFor checks that the validation resource holds a certificate for
// names that verifies against its chain.
func sslIssuedFor(names ...string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[sslValidationAddr]
		if !ok {
			return fmt.Errorf("%s is not in the state", sslValidationAddr)
		}
		leaf, err := sslParse(rs.Primary.Attributes["certificate_pem"])
		if err != nil {
			return err
		}
		pool := x509.NewCertPool()
		inter := x509.NewCertPool()
		rest := []byte(rs.Primary.Attributes["chain_pem"])
		for i := 0; ; i++ {
			var block *pem.Block
			block, rest = pem.Decode(rest)
			if block == nil {
				break
			}
			c, err := x509.ParseCertificate(block.Bytes)
			if err != nil {
				return err
			}
			if c.IsCA && c.Subject.String() == c.Issuer.String() {
				pool.AddCert(c)
			} else {
				inter.AddCert(c)
			}
		}
		if _, err := leaf.Verify(x509.VerifyOptions{Roots: pool, Intermediates: inter, CurrentTime: leaf.NotBefore.Add(time.Minute)}); err != nil {
			return fmt.Errorf("the issued certificate does not verify against its chain: %v", err)
		}
		got := slices.Clone(leaf.DNSNames)
		slices.Sort(got)
		want := slices.Clone(names)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			return fmt.Errorf("the certificate names %v, want %v", got, want)
		}
		return nil
	}
}

func sslParse(certPEM string) (*x509.Certificate, error) {
	block, _ := pem.Decode([]byte(certPEM))
	if block == nil {
		return nil, fmt.Errorf("no PEM certificate in %q", certPEM)
	}
	return x509.ParseCertificate(block.Bytes)
}

func sslOrders(t *testing.T, sb *acctest.Sandbox, operation, object string, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := sb.CountOrders(t, operation, object); got != want {
			return fmt.Errorf("the ledger has %d %s for %s, want %d", got, operation, object, want)
		}
		return nil
	}
}

// sslError matches phrases in order, whatever the wrapping of Terraform's output.
func sslError(phrases ...string) *regexp.Regexp {
	parts := make([]string, len(phrases))
	for i, p := range phrases {
		parts[i] = strings.ReplaceAll(regexp.QuoteMeta(p), " ", `\s+`)
	}
	return regexp.MustCompile(strings.Join(parts, `[\s\S]*`))
}

// The quick-start flow: order with a generated key, publish the DNS
// records, validate, and find the certificate on both resources.
func TestAccSSLCertificate_dnsValidation(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "boulangerie-ssl.fr"
	config := sslHCL(sb, domain, `product = "AlphaSSL"
  subject_alternative_names = ["www.boulangerie-ssl.fr"]`, "")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						// The record names are known at plan, so for_each can use them.
						plancheck.ExpectKnownValue(sslAddr, tfjsonpath.New("validation_records").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact(domain+".")),
						plancheck.ExpectKnownValue(sslAddr, tfjsonpath.New("validation_records").AtSliceIndex(1).AtMapKey("name"), knownvalue.StringExact("www."+domain+".")),
					},
					PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(sslValidationAddr, tfjsonpath.New("status"), knownvalue.StringExact("ISSUED")),
					statecheck.ExpectKnownValue(sslAddr, tfjsonpath.New("private_key_pem"), knownvalue.StringRegexp(regexp.MustCompile(`BEGIN PRIVATE KEY`))),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sslIssuedFor(domain, "www."+domain),
					sslOrders(t, sb, "ssl.create", domain, 1),
				),
			},
			{
				// The refresh shows the issued certificate on the order too, without a diff.
				RefreshState: true,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(sslAddr, "status", "ISSUED"),
					resource.TestCheckResourceAttrPair(sslAddr, "certificate_pem", sslValidationAddr, "certificate_pem"),
					resource.TestCheckResourceAttrPair(sslAddr, "not_after", sslValidationAddr, "not_after"),
				),
			},
			{Config: config, PlanOnly: true},
			{
				ResourceName:            sslAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"csr", "private_key_pem", "on_destroy", "deletion_protection", "early_renewal_days"},
			},
		},
	})
}

// A request from the user (as tls_cert_request makes it) is sent as is;
// one that does not name what the configuration says fails at plan.
func TestAccSSLCertificate_userCSR(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "patisserie-ssl.fr"
	good := sslCSR(t, domain, "www."+domain)
	other := sslCSR(t, domain, "shop."+domain)
	rekeyed := sslCSR(t, domain, "www."+domain)
	attrs := func(csr string) string {
		return fmt.Sprintf("product = \"AlphaSSL\"\n  subject_alternative_names = [\"www.%s\"]\n  csr = <<-EOT\n%sEOT\n", domain, csr)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      sslHCL(sb, domain, attrs(other), ""),
				PlanOnly:    true,
				ExpectError: sslError("CSR does not match the names", "it lacks www."+domain, "it also names shop."+domain),
			},
			{
				Config:           sslHCL(sb, domain, attrs(good), ""),
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(sslAddr, tfjsonpath.New("private_key_pem"), knownvalue.Null()),
				},
				Check: sslIssuedFor(domain, "www."+domain),
			},
			{
				// A new key reissues in place, for free, and validates again.
				Config: sslHCL(sb, domain, attrs(rekeyed), ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(sslAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(sslValidationAddr, plancheck.ResourceActionUpdate),
					},
					PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sslIssuedFor(domain, "www."+domain),
					sslOrders(t, sb, "ssl.create", domain, 1),
				),
			},
		},
	})
}

func TestAccSSLCertificate_invalidInput(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "fromage-ssl.fr"
	planFails := func(attrs string, phrases ...string) resource.TestStep {
		return resource.TestStep{Config: sslHCL(sb, domain, attrs, ""), PlanOnly: true, ExpectError: sslError(phrases...)}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			planFails(`product = "CheapSSL"`, "Unknown certificate product", `"CheapSSL"`, "AlphaSSL"),
			planFails(`product = "AlphaSSL"
  period = 3
  subject_alternative_names = ["*.fromage-ssl.fr"]`, "Wildcard not allowed", "AlphaSSL", "WildcardSSL"),
			planFails(`product = "AlphaSSL"
  subject_alternative_names = ["www.fromage-ssl.fr", "shop.fromage-ssl.fr"]`, "Too many names", "AlphaSSL covers at most 1", "DomainSSL"),
			planFails(`product = "AlphaSSL"
  validation_method = "email"`, "Approver e-mail required"),
			planFails(`product = "AlphaSSL"
  validation_method = "email"
  approver_email = "camille@fromage-ssl.fr"`, "Approver e-mail not allowed", "admin@fromage-ssl.fr"),
			planFails(`product = "AlphaSSL"
  csr = "not a request"`, "Invalid CSR", "CERTIFICATE REQUEST"),
			planFails(`product = "AlphaSSL"
  validation_method = "phone"`, "validation_method"),
		},
	})
}

// A lost answer to the order is adopted, not ordered again.
func TestAccSSLCertificate_orderAnswerLost(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "traiteur-ssl.fr"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					sb.SetFaults(t, 1, acctest.FaultRule{Method: http.MethodPost, Path: "/namebay/api/Certificate", Kind: "drop", Count: 1})
				},
				Config:           sslHCL(sb, domain, `product = "AlphaSSL"`, ""),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check: resource.ComposeAggregateTestCheckFunc(
					func(*terraform.State) error {
						if fired := sb.FaultsFired(t); len(fired) != 1 || fired[0] != 1 {
							return fmt.Errorf("the drop fault fired %v times, want [1]", fired)
						}
						return nil
					},
					sslOrders(t, sb, "ssl.create", domain, 1),
					sslIssuedFor(domain),
				),
			},
		},
	})
}

// Revoked behind Terraform's back: the plan replaces the certificate (a new,
// billed order) and the apply gets a valid one.
func TestAccSSLCertificate_revokedOutOfBand(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "primeur-ssl.fr"
	config := sslHCL(sb, domain, `product = "AlphaSSL"`, "")
	var handle string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: emptyPlanAfterApply,
				Check: resource.TestCheckResourceAttrWith(sslAddr, "id", func(v string) error {
					handle = v
					return nil
				}),
			},
			{
				PreConfig: func() {
					sb.OutOfBand(t, hostingLogin(sb), http.MethodDelete, "api/Certificate/"+handle, nil, nil)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(sslAddr, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sslOrders(t, sb, "ssl.create", domain, 2),
					sslIssuedFor(domain),
				),
			},
		},
	})
}

// Within early_renewal_days the plan renews in place; the apply renews once,
// publishes the new token and validates again.
func TestAccSSLCertificate_renewal(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "caviste-ssl.fr"
	// 400 days before the expiry of a one-year certificate is already past:
	// the provider plans the renewal, and with the sandbox clock 300 days on,
	// Namebay (90 days at most) accepts it.
	config := sslHCL(sb, domain, `product = "AlphaSSL"
  early_renewal_days = 400`, "")
	var firstNotAfter string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           sslHCL(sb, domain, `product = "AlphaSSL"`, ""),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check: resource.TestCheckResourceAttrWith(sslValidationAddr, "not_after", func(v string) error {
					firstNotAfter = v
					return nil
				}),
			},
			{
				PreConfig: func() { sb.AdvanceClock(t, 300*24*time.Hour) },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(sslAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(sslValidationAddr, plancheck.ResourceActionUpdate),
					},
					PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sslOrders(t, sb, "ssl.renew", domain, 1),
					sslOrders(t, sb, "ssl.create", domain, 1),
					resource.TestCheckResourceAttrWith(sslValidationAddr, "not_after", func(v string) error {
						if v <= firstNotAfter {
							return fmt.Errorf("not_after %s did not move past %s", v, firstNotAfter)
						}
						return nil
					}),
					resource.TestCheckResourceAttr(sslAddr, "ready_for_renewal", "false"),
				),
			},
		},
	})
}

// A validation that cannot pass in time leaves the order pending with a
// warning; once the records exist, the next apply validates it.
func TestAccSSLCertificate_validationTimeout(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "epicier-ssl.fr"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() { sb.SetCertValidation(t, false, false) },
				Config: sslHCL(sb, domain, `product = "AlphaSSL"
  validation_method = "http"`, `timeouts = { create = "2s" }`),
				ExpectNonEmptyPlan: true,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(sslValidationAddr, "status", "PENDING"),
					resource.TestCheckResourceAttr(sslAddr, "status", "PENDING"),
				),
			},
			{
				PreConfig: func() { sb.SetCertValidation(t, true, true) },
				Config: sslHCL(sb, domain, `product = "AlphaSSL"
  validation_method = "http"`, `timeouts = { create = "2s" }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(sslValidationAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sslIssuedFor(domain),
					sslOrders(t, sb, "ssl.create", domain, 1),
				),
			},
		},
	})
}

// Reissued behind Terraform's back with another key: with the user's CSR the
// plan puts that CSR back; with a generated key, whose private half the
// state no longer matches, it generates a new one. Either way it validates
// again and nothing is ordered.
func TestAccSSLCertificate_reissuedOutOfBand(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "brasserie-ssl.fr"
	mine := sslCSR(t, domain)
	theirs := sslCSR(t, domain)
	userCSR := sslHCL(sb, domain, "product = \"AlphaSSL\"\n  csr = <<-EOT\n"+mine+"EOT\n", "")
	generated := sslHCL(sb, domain, `product = "AlphaSSL"`, "")
	var handle, key string
	reissueElsewhere := func() {
		sb.OutOfBand(t, hostingLogin(sb), http.MethodPost, "api/Certificate/"+handle+"/Reissue", map[string]any{"CSR": theirs, "San": []string{}}, nil)
	}
	planned := resource.ConfigPlanChecks{
		PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(sslAddr, plancheck.ResourceActionUpdate),
			plancheck.ExpectResourceAction(sslValidationAddr, plancheck.ResourceActionCreate),
		},
		PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           userCSR,
				ConfigPlanChecks: emptyPlanAfterApply,
				Check: resource.TestCheckResourceAttrWith(sslAddr, "id", func(v string) error {
					handle = v
					return nil
				}),
			},
			{
				PreConfig:        reissueElsewhere,
				Config:           userCSR,
				ConfigPlanChecks: planned,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(sslAddr, "csr_pem", mine),
					sslIssuedFor(domain),
				),
			},
			{
				// Dropping csr hands the key to the platform: a reissue.
				Config: generated,
				Check: resource.TestCheckResourceAttrWith(sslAddr, "private_key_pem", func(v string) error {
					if !strings.Contains(v, "PRIVATE KEY") {
						return fmt.Errorf("private_key_pem = %q, want a PEM key", v)
					}
					key = v
					return nil
				}),
			},
			{
				PreConfig:        reissueElsewhere,
				Config:           generated,
				ConfigPlanChecks: planned,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrWith(sslAddr, "private_key_pem", func(v string) error {
						if v == key || !strings.Contains(v, "PRIVATE KEY") {
							return fmt.Errorf("private_key_pem was not replaced by a new key")
						}
						return nil
					}),
					sslIssuedFor(domain),
					sslOrders(t, sb, "ssl.create", domain, 1),
				),
			},
		},
	})
}

func TestAccSSLProducts(t *testing.T) {
	sb := acctest.NewSandbox(t)
	product := func(i int, name, validation string, wildcard bool, maxSan int64, price float64) []statecheck.StateCheck {
		at := func(attr string) tfjsonpath.Path { return tfjsonpath.New("products").AtSliceIndex(i).AtMapKey(attr) }
		return []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.reseller_ssl_products.all", at("name"), knownvalue.StringExact(name)),
			statecheck.ExpectKnownValue("data.reseller_ssl_products.all", at("validation"), knownvalue.StringExact(validation)),
			statecheck.ExpectKnownValue("data.reseller_ssl_products.all", at("wildcard"), knownvalue.Bool(wildcard)),
			statecheck.ExpectKnownValue("data.reseller_ssl_products.all", at("max_san"), knownvalue.Int64Exact(maxSan)),
			statecheck.ExpectKnownValue("data.reseller_ssl_products.all", at("price"), knownvalue.Float64Exact(price)),
			statecheck.ExpectKnownValue("data.reseller_ssl_products.all", at("periods"),
				knownvalue.ListExact([]knownvalue.Check{knownvalue.Int64Exact(1), knownvalue.Int64Exact(2), knownvalue.Int64Exact(3)})),
		}
	}
	var checks []statecheck.StateCheck
	checks = append(checks, product(0, "AlphaSSL", "DV", false, 1, 39)...)
	checks = append(checks, product(2, "WildcardSSL", "DV", true, 10, 199)...)
	checks = append(checks, product(4, "BusinessSSL", "EV", false, 25, 399)...)
	checks = append(checks, statecheck.ExpectKnownValue("data.reseller_ssl_products.all", tfjsonpath.New("products"), knownvalue.ListSizeExact(5)))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:            sb.ProviderConfig() + `data "reseller_ssl_products" "all" {}`,
			ConfigStateChecks: checks,
		}},
	})
}
