package sandbox_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox"
)

// copyFile copies a store file as a crash would leave it: whatever was
// committed, without any closing step.
func copyFile(t *testing.T, from, to string) {
	t.Helper()
	raw, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, raw, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestAcknowledgedWritesSurviveACrash(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	live := filepath.Join(dir, "live.db")
	settings := sandbox.Settings{DomainPendingSeconds: 30, DnssecPendingSeconds: 5, HostingPendingSeconds: 7}
	e := start(t, sandbox.Options{DataFile: live, Settings: settings})

	ct := e.createContact()
	var d struct {
		Handle, Status, AuthInfo, Expires string
		ZoneHandle                        *string
	}
	e.namebay("POST", "Domain", domainBody("durable.com", ct), http.StatusAccepted, &d)
	var rec struct {
		Id   int64
		Data string
	}
	for i := range 3 {
		e.namebay("POST", "Zone/"+*d.ZoneHandle+"/Record", map[string]any{"Host": fmt.Sprintf("h%d", i), "Type": "TXT", "Data": "kept"}, http.StatusCreated, &rec)
	}
	e.namebay("DELETE", fmt.Sprintf("Zone/%s/Record/%d", *d.ZoneHandle, rec.Id), nil, http.StatusNoContent, nil)
	e.namebay("POST", "Domain/"+d.Handle+"/Renew", map[string]int{"Period": 1}, http.StatusOK, nil)
	e.admin("POST", "accounts", map[string]string{"Family": "namebay", "Login": "late", "Password": "late-pw", "Kind": "reseller"}, http.StatusCreated, nil)
	e.admin("POST", "clock", map[string]string{"Advance": "48h"}, http.StatusOK, nil)
	e.admin("PUT", "settings", map[string]float64{"DnssecPendingSeconds": 9}, http.StatusOK, nil)
	// A dropped answer still leaves its change on disk.
	e.setFaults(map[string]any{"Method": "POST", "Path": "/namebay/api/Contact", "Kind": "drop"})
	if _, err := e.try("POST", "/namebay/api/Contact", contactBody(), true); err == nil {
		t.Fatal("a dropped request got an answer")
	}
	ledger := e.ledger()

	crashed := filepath.Join(dir, "crashed.db")
	copyFile(t, live, crashed) // the live server is never closed before the copy
	s, err := sandbox.New(sandbox.Options{DataFile: crashed, Settings: sandbox.Settings{DomainPendingSeconds: 1}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(func() {
		srv.Close()
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	r := serve(t, s, srv.URL)

	if r.password != e.password {
		t.Fatal("the seeded reseller's password changed across the restart")
	}
	if n := r.contactCount(); n != 2 {
		t.Fatalf("%d contacts after the restart, want 2", n)
	}
	var got struct {
		Handle, Status, AuthInfo, Expires string
		ZoneHandle                        *string
	}
	r.namebay("GET", "Domain/"+d.Handle, nil, http.StatusOK, &got)
	if got.Status != "ok" || got.AuthInfo != d.AuthInfo || got.Expires == d.Expires || *got.ZoneHandle != *d.ZoneHandle {
		t.Fatalf("domain after the restart %+v, before %+v", got, d)
	}
	var records []struct{ Host, Data string }
	r.namebay("GET", "Zone/"+*d.ZoneHandle+"/Record", nil, http.StatusOK, &records)
	if len(records) != 2 || records[0].Host != "h0" || records[1].Host != "h1" || records[0].Data != `"kept"` {
		t.Fatalf("records after the restart %+v", records)
	}
	after := r.ledger()
	if len(after) != len(ledger) || len(after) != 2 {
		t.Fatalf("ledger after the restart %+v, before %+v", after, ledger)
	}
	for i := range ledger {
		if after[i] != ledger[i] {
			t.Fatalf("ledger entry %d: %+v, before %+v", i, after[i], ledger[i])
		}
	}
	var current sandbox.Settings
	r.admin("GET", "settings", nil, http.StatusOK, &current)
	if current != (sandbox.Settings{DomainPendingSeconds: 30, DnssecPendingSeconds: 9, HostingPendingSeconds: 7}) {
		t.Fatalf("settings after the restart %+v", current)
	}
	var clock, before struct{ Now string }
	e.admin("GET", "clock", nil, http.StatusOK, &before)
	r.admin("GET", "clock", nil, http.StatusOK, &clock)
	if clock.Now[:13] != before.Now[:13] {
		t.Fatalf("clock after the restart %s, before %s", clock.Now, before.Now)
	}
	// Sequences go on where they were: no handle is given twice.
	var ct3 struct{ Handle string }
	r.namebay("POST", "Contact", contactBody(), http.StatusCreated, &ct3)
	if ct3.Handle != "CT-000003" {
		t.Fatalf("next contact after the restart is %s, want CT-000003", ct3.Handle)
	}
	req, _ := http.NewRequest("GET", r.url+"/namebay/api/Tld", nil)
	req.SetBasicAuth("late", "late-pw")
	res, err := http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("an account made before the crash cannot log in: %v %v", res, err)
	}
	if err := res.Body.Close(); err != nil {
		t.Fatal(err)
	}
}

// restartFromCrash copies the live store as a crash would leave it and
// serves a new sandbox from the copy.
func restartFromCrash(t *testing.T, live string) *env {
	t.Helper()
	crashed := filepath.Join(t.TempDir(), "crashed.db")
	copyFile(t, live, crashed)
	s, err := sandbox.New(sandbox.Options{DataFile: crashed})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(func() {
		srv.Close()
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return serve(t, s, srv.URL)
}

func TestHostingSurvivesACrash(t *testing.T) {
	t.Parallel()
	live := filepath.Join(t.TempDir(), "live.db")
	e := start(t, sandbox.Options{DataFile: live, Settings: sandbox.Settings{HostingPendingSeconds: 30}})
	const ftpPassword, dbPassword, changedPassword = "Ftp-s3cret-A", "Db-s3cret-B", "Changed-s3cret-C"

	ct := e.createContact()
	hostingBody := func(domain string) map[string]any {
		return map[string]any{
			"ProductId": "HOSTING-START", "Domain": domain, "Period": 2,
			"AdminContact": map[string]string{"Handle": ct}, "BillingContact": map[string]string{"Handle": ct},
		}
	}
	var p struct{ Handle string }
	e.namebay("POST", "Hosting", hostingBody("kept.com"), http.StatusAccepted, &p)
	e.admin("POST", "clock", map[string]string{"Advance": "31s"}, http.StatusOK, nil)
	base := "Hosting/" + p.Handle
	e.namebay("PUT", base, map[string]any{"HasStats": true, "AutoRenew": true, "FrameWork": map[string]string{"Type": "PHP", "Version": "8.2"}}, http.StatusOK, nil)
	e.namebay("POST", base+"/Upgrade", map[string]string{"ProductId": "HOSTING-PRO"}, http.StatusOK, nil)
	e.namebay("POST", base+"/Renew", map[string]int{"Period": 1}, http.StatusOK, nil)
	for _, a := range []string{"kept.net", "kept.org"} {
		e.namebay("POST", base+"/Alias", map[string]string{"Domain": a, "Path": "/" + a}, http.StatusCreated, nil)
	}
	e.namebay("DELETE", base+"/Alias/kept.org", nil, http.StatusNoContent, nil)
	for _, name := range []string{"first", "second", "third"} {
		e.namebay("POST", base+"/User", map[string]string{"UserName": name, "Pwd": ftpPassword, "Dir": "/" + name}, http.StatusCreated, nil)
	}
	e.namebay("DELETE", base+"/User/2", nil, http.StatusNoContent, nil)
	e.namebay("PUT", base+"/User/3", map[string]string{"Description": "edited"}, http.StatusOK, nil)
	e.namebay("POST", base+"/User/3/Password", map[string]string{"Pwd": changedPassword}, http.StatusNoContent, nil)
	e.namebay("POST", base+"/Db", map[string]any{"Name": "shop", "User": "shop_rw", "Pwd": dbPassword, "Type": "mysql5"}, http.StatusCreated, nil)
	e.namebay("POST", base+"/Db", map[string]any{"Name": "blog", "User": "blog_rw", "Pwd": dbPassword, "Type": "mysql5", "MaxSize": 20}, http.StatusCreated, nil)
	e.namebay("PUT", base+"/Db/shop", map[string]int{"MaxSize": 300}, http.StatusOK, nil)
	var pending struct{ Handle string }
	e.namebay("POST", "Hosting", hostingBody("later.com"), http.StatusAccepted, &pending)

	reads := []string{base, base + "/Alias", base + "/User", base + "/User/3", base + "/Db", base + "/Db/shop", "Hosting", "Hosting/" + pending.Handle}
	before := map[string]string{}
	for _, path := range reads {
		before[path] = string(e.namebay("GET", path, nil, http.StatusOK, nil).Body)
	}
	ledger := e.ledger()

	r := restartFromCrash(t, live)
	for _, path := range reads {
		if got := string(r.namebay("GET", path, nil, http.StatusOK, nil).Body); got != before[path] {
			t.Errorf("GET %s after the restart:\n%s\nbefore:\n%s", path, got, before[path])
		}
	}
	if !bytes.Contains([]byte(before["Hosting/"+pending.Handle]), []byte(`"Status":"pending"`)) {
		t.Fatalf("the second pack should still be set up: %s", before["Hosting/"+pending.Handle])
	}
	after := r.ledger()
	if len(after) != len(ledger) || len(after) != 4 {
		t.Fatalf("ledger after the restart %+v, before %+v", after, ledger)
	}
	for i := range ledger {
		if after[i] != ledger[i] {
			t.Fatalf("ledger entry %d: %+v, before %+v", i, after[i], ledger[i])
		}
	}
	var settings sandbox.Settings
	r.admin("GET", "settings", nil, http.StatusOK, &settings)
	if settings.HostingPendingSeconds != 30 {
		t.Fatalf("settings after the restart %+v", settings)
	}
	// Sequences go on; the domain and alias indexes came back.
	var next struct{ Handle string }
	r.namebay("POST", "Hosting", hostingBody("third.com"), http.StatusAccepted, &next)
	if next.Handle != "HO-000003" {
		t.Fatalf("next pack after the restart is %s, want HO-000003", next.Handle)
	}
	r.namebay("POST", "Hosting", hostingBody("kept.com"), http.StatusConflict, nil)
	r.namebay("POST", "Hosting", hostingBody("kept.net"), http.StatusConflict, nil)
	r.namebay("POST", "Hosting", hostingBody("kept.org"), http.StatusAccepted, nil)
	var user struct{ Id int64 }
	r.namebay("POST", base+"/User", map[string]string{"UserName": "fourth", "Pwd": ftpPassword}, http.StatusCreated, &user)
	if user.Id != 4 {
		t.Fatalf("next FTP user after the restart has id %d, want 4", user.Id)
	}
	r.namebay("POST", base+"/User", map[string]string{"UserName": "third", "Pwd": ftpPassword}, http.StatusConflict, nil)
	r.namebay("DELETE", "Contact/"+ct, nil, http.StatusConflict, nil)

	// Passwords are never written in clear.
	raw, err := os.ReadFile(live)
	if err != nil {
		t.Fatal(err)
	}
	for _, pwd := range []string{ftpPassword, dbPassword, changedPassword} {
		if bytes.Contains(raw, []byte(pwd)) {
			t.Errorf("the store holds the password %q in clear", pwd)
		}
	}
	if !bytes.Contains(raw, []byte("Sha256")) {
		t.Error("the store holds no password hash")
	}
}

func TestCertificatesSurviveACrash(t *testing.T) {
	t.Parallel()
	live := filepath.Join(t.TempDir(), "live.db")
	e := start(t, sandbox.Options{DataFile: live})
	ct := e.createContact()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	order := func(name, method string) string {
		der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{
			Subject: pkix.Name{CommonName: name}, DNSNames: []string{name, "www." + name},
		}, key)
		if err != nil {
			t.Fatal(err)
		}
		var cert struct{ Handle string }
		e.namebay("POST", "Certificate", map[string]any{
			"ProductName": "DomainSSL", "Period": 1, "San": []string{"www." + name}, "ValidationMethod": method,
			"CSR":          string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der})),
			"AdminContact": ct, "BillingContact": ct, "AutoRenew": true,
		}, http.StatusAccepted, &cert)
		return cert.Handle
	}
	issued, pending := order("kept.com", "Http"), order("waiting.com", "Dns")
	e.namebay("PUT", "Certificate/"+issued+"/Validate", nil, http.StatusOK, nil)
	e.admin("PUT", "settings", map[string]bool{"CertEmailValidation": false}, http.StatusOK, nil)
	var download struct{ Certificate, Chain string }
	reads := []string{"Certificate/" + issued, "Certificate/" + pending, "Certificate/" + issued + "/Certificate", "Certificate/" + pending + "/csr", "Certificate"}
	before := map[string]string{}
	for _, path := range reads {
		before[path] = string(e.namebay("GET", path, nil, http.StatusOK, nil).Body)
	}
	ledger := e.ledger()

	r := restartFromCrash(t, live)
	for _, path := range reads {
		if got := string(r.namebay("GET", path, nil, http.StatusOK, nil).Body); got != before[path] {
			t.Errorf("GET %s after the restart:\n%s\nbefore:\n%s", path, got, before[path])
		}
	}
	if after := r.ledger(); len(after) != 2 || after[0] != ledger[0] || after[1] != ledger[1] {
		t.Fatalf("ledger after the restart %+v, before %+v", after, ledger)
	}
	var settings map[string]any
	r.admin("GET", "settings", nil, http.StatusOK, &settings)
	if settings["CertEmailValidation"] != false || settings["CertHttpValidation"] != true {
		t.Fatalf("settings after the restart %v", settings)
	}

	// The CA came back: a certificate issued before the restart and one
	// issued after it verify against the same chain.
	r.namebay("GET", "Certificate/"+issued+"/Certificate", nil, http.StatusOK, &download)
	chain := download.Chain
	verifyLeaf(t, download.Certificate, chain)
	r.namebay("POST", "Certificate/"+issued+"/Reissue", map[string]any{"CSR": mustCSR(t, key, "kept.com"), "San": []string{}}, http.StatusAccepted, nil)
	r.namebay("PUT", "Certificate/"+issued+"/Validate", nil, http.StatusOK, nil)
	r.namebay("GET", "Certificate/"+issued+"/Certificate", nil, http.StatusOK, &download)
	if download.Chain != chain {
		t.Fatal("the chain changed across the restart")
	}
	leaf := verifyLeaf(t, download.Certificate, chain)
	if len(leaf.DNSNames) != 1 {
		t.Fatalf("reissued leaf names %v", leaf.DNSNames)
	}
	var next struct{ Handle string }
	r.namebay("POST", "Certificate", map[string]any{
		"ProductName": "AlphaSSL", "Period": 1, "CSR": mustCSR(t, key, "next.com"), "ValidationMethod": "Http",
		"AdminContact": ct, "BillingContact": ct,
	}, http.StatusAccepted, &next)
	if next.Handle != "SSL-000003" {
		t.Fatalf("next certificate after the restart is %s, want SSL-000003", next.Handle)
	}
}

// mustCSR makes a PEM request of key for commonName alone.
func mustCSR(t *testing.T, key *ecdsa.PrivateKey, commonName string) string {
	t.Helper()
	der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{Subject: pkix.Name{CommonName: commonName}}, key)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der}))
}

// verifyLeaf checks that a PEM certificate verifies against chain (the
// intermediate, then the root) now and returns it.
func verifyLeaf(t *testing.T, leafPEM, chain string) *x509.Certificate {
	t.Helper()
	var certs []*x509.Certificate
	for rest := []byte(leafPEM + chain); ; {
		var block *pem.Block
		if block, rest = pem.Decode(rest); block == nil {
			break
		}
		cert, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			t.Fatal(err)
		}
		certs = append(certs, cert)
	}
	if len(certs) != 3 {
		t.Fatalf("%d certificates in the leaf and chain, want 3", len(certs))
	}
	roots, intermediates := x509.NewCertPool(), x509.NewCertPool()
	intermediates.AddCert(certs[1])
	roots.AddCert(certs[2])
	if _, err := certs[0].Verify(x509.VerifyOptions{Roots: roots, Intermediates: intermediates}); err != nil {
		t.Fatalf("the certificate does not verify against its chain: %v", err)
	}
	return certs[0]
}
