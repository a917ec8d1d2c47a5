package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// build compiles the command once per test into a temporary directory.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "reseller-sandbox")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// running is a started sandbox process and what it printed.
type running struct {
	cmd    *exec.Cmd
	lines  []string
	env    map[string]string
	stderr *bytes.Buffer
}

var exportLine = regexp.MustCompile(`^export ([A-Z_]+)=(\S+)$`)

// launch starts `serve` and reads its output up to the listening line.
func launch(t *testing.T, bin string, args ...string) *running {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"serve", "--listen", "127.0.0.1:0"}, args...)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	r := &running{cmd: cmd, env: map[string]string{}, stderr: &bytes.Buffer{}}
	cmd.Stderr = r.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// Stopped processes are already gone; these only reap the others.
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
		_, _ = io.Copy(io.Discard, stdout)
	}()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("the sandbox exited early; printed %q, stderr %s", r.lines, r.stderr)
			}
			r.lines = append(r.lines, line)
			if m := exportLine.FindStringSubmatch(line); m != nil {
				r.env[m[1]] = m[2]
			}
			if strings.HasPrefix(line, "# reseller-sandbox listening on http://127.0.0.1:") {
				return r
			}
		case <-timeout:
			t.Fatalf("no listening line after 20 s; printed %q", r.lines)
		}
	}
}

func (r *running) call(t *testing.T, method, path, body string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, r.env["RESELLER_NAMEBAY_ENDPOINT"]+"/api/"+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth(r.env["RESELLER_NAMEBAY_USERNAME"], r.env["RESELLER_NAMEBAY_PASSWORD"])
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(res.Body)
	if closeErr := res.Body.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, raw
}

func TestServePrintsExportsAndStopsOnSignal(t *testing.T) {
	t.Parallel()
	r := launch(t, build(t))
	exports := []string{
		"RESELLER_NAMEBAY_ENDPOINT", "RESELLER_NAMEBAY_USERNAME", "RESELLER_NAMEBAY_PASSWORD",
		"RESELLER_ISPMANAGER_ENDPOINT", "RESELLER_ISPMANAGER_USERNAME", "RESELLER_ISPMANAGER_PASSWORD",
		"RESELLER_ZOHO_MAIL_ACCOUNTS_ENDPOINT", "RESELLER_ZOHO_MAIL_MAIL_ENDPOINT", "RESELLER_ZOHO_MAIL_MAILADMIN_ENDPOINT",
		"RESELLER_ZOHO_MAIL_STORE_ENDPOINT", "RESELLER_ZOHO_MAIL_CLIENT_ID", "RESELLER_ZOHO_MAIL_CLIENT_SECRET", "RESELLER_ZOHO_MAIL_REFRESH_TOKEN",
		"RESELLER_XARIOS_LOGIN_ENDPOINT", "RESELLER_XARIOS_API_ENDPOINT", "RESELLER_XARIOS_CLIENT_ID", "RESELLER_XARIOS_CLIENT_SECRET", "RESELLER_XARIOS_REFRESH_TOKEN",
	}
	if len(r.lines) != len(exports)+1 {
		t.Fatalf("printed %q, want %d export lines and the listening line", r.lines, len(exports))
	}
	for i, name := range exports {
		if !strings.HasPrefix(r.lines[i], "export "+name+"=") {
			t.Fatalf("line %d is %q, want export %s=...", i, r.lines[i], name)
		}
	}
	last := r.lines[len(exports)]
	endpoint := r.env["RESELLER_NAMEBAY_ENDPOINT"]
	if !regexp.MustCompile(`^http://127\.0\.0\.1:[1-9][0-9]*/namebay$`).MatchString(endpoint) || r.env["RESELLER_NAMEBAY_USERNAME"] != "reseller" || len(r.env["RESELLER_NAMEBAY_PASSWORD"]) < 16 {
		t.Fatalf("exports %v", r.env)
	}
	if !strings.HasSuffix(last, strings.TrimSuffix(endpoint, "/namebay")) {
		t.Fatalf("listening line %q does not match the endpoint %s", last, endpoint)
	}
	if status, body := r.call(t, "GET", "Tld", ""); status != http.StatusOK {
		t.Fatalf("GET Tld: %d %s", status, body)
	}

	if err := r.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- r.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v; stderr %s", err, r.stderr)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the sandbox did not stop on SIGTERM")
	}
}

func TestKillNineLosesNothingAcknowledged(t *testing.T) {
	t.Parallel()
	bin := build(t)
	data := filepath.Join(t.TempDir(), "sandbox.db")
	first := launch(t, bin, "--data", data, "--seed", "3")

	status, body := first.call(t, "POST", "Contact", `{"FirstName":"Ada","LastName":"Lovelace","Address":"1 rue","City":"Paris","Pc":"75001","Cc":"FR","MailAddress":"ada@example.com","IsIndividual":true}`)
	if status != http.StatusCreated {
		t.Fatalf("POST Contact: %d %s", status, body)
	}
	var ct struct{ Handle string }
	if err := json.Unmarshal(body, &ct); err != nil {
		t.Fatal(err)
	}
	status, body = first.call(t, "POST", "Domain", `{"DomainName":"survivor.com","Period":1,"RegistrantContactId":"`+ct.Handle+`","AdminContactId":"`+ct.Handle+`","TechContactId":"`+ct.Handle+`","BillingContactId":"`+ct.Handle+`","UseNamebayDns":true}`)
	if status != http.StatusAccepted {
		t.Fatalf("POST Domain: %d %s", status, body)
	}
	var d struct{ Handle, ZoneHandle string }
	if err := json.Unmarshal(body, &d); err != nil {
		t.Fatal(err)
	}
	if status, body = first.call(t, "POST", "Zone/"+d.ZoneHandle+"/Record", `{"Host":"www","Type":"A","Data":"192.0.2.7"}`); status != http.StatusCreated {
		t.Fatalf("POST Record: %d %s", status, body)
	}

	if err := first.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = first.cmd.Wait() // "signal: killed", as intended

	second := launch(t, bin, "--data", data)
	if second.env["RESELLER_NAMEBAY_PASSWORD"] != first.env["RESELLER_NAMEBAY_PASSWORD"] {
		t.Fatal("the password changed across the restart")
	}
	if status, body = second.call(t, "GET", "Contact/"+ct.Handle, ""); status != http.StatusOK {
		t.Fatalf("contact after kill -9: %d %s", status, body)
	}
	if status, body = second.call(t, "GET", "Domain/"+d.Handle, ""); status != http.StatusOK {
		t.Fatalf("domain after kill -9: %d %s", status, body)
	}
	status, body = second.call(t, "GET", "Zone/"+d.ZoneHandle+"/Record", "")
	if status != http.StatusOK || !strings.Contains(string(body), `"Data":"192.0.2.7"`) {
		t.Fatalf("records after kill -9: %d %s", status, body)
	}
	res, err := http.Get(strings.TrimSuffix(second.env["RESELLER_NAMEBAY_ENDPOINT"], "/namebay") + "/_sandbox/ledger")
	if err != nil {
		t.Fatal(err)
	}
	var ledger []struct{ Operation, Object string }
	if err := json.NewDecoder(res.Body).Decode(&ledger); err != nil {
		t.Fatal(err)
	}
	if err := res.Body.Close(); err != nil {
		t.Fatal(err)
	}
	if len(ledger) != 1 || ledger[0].Operation != "domain.create" || ledger[0].Object != "survivor.com" {
		t.Fatalf("ledger after kill -9: %+v", ledger)
	}
}

func TestVersionAndUsage(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	if code := run([]string{"version"}, &out, &errOut); code != 0 || out.String() != "reseller-sandbox dev\n" {
		t.Fatalf("version: %d %q", code, out.String())
	}
	if code := run(nil, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "usage:") {
		t.Fatalf("no command: %d %q", code, errOut.String())
	}
	if code := run([]string{"serve", "--listen"}, &out, &errOut); code != 2 {
		t.Fatalf("serve with a flag missing its value: %d", code)
	}
	if code := run([]string{"serve", "--data", filepath.Join(t.TempDir(), "no", "such", "dir", "x.db")}, &out, &errOut); code != 1 {
		t.Fatalf("serve with an unusable data file: %d", code)
	}
}

func TestShellQuote(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"http://127.0.0.1:8765/namebay": "http://127.0.0.1:8765/namebay",
		"Abc123":                        "Abc123",
		"it's here":                     `'it'\''s here'`,
		"":                              "",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
