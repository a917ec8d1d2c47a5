// Command reseller-sandbox serves the partner-API emulator on one loopback
// port. See README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"syscall"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

const usage = `usage:
  reseller-sandbox serve [--listen 127.0.0.1:8765] [--data FILE] [--seed N]
  reseller-sandbox version
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		_, _ = fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "serve":
		return serve(args[1:], stdout, stderr)
	case "version", "--version", "-version":
		if _, err := fmt.Fprintln(stdout, "reseller-sandbox", version); err != nil {
			return 1
		}
		return 0
	default:
		_, _ = fmt.Fprintf(stderr, "unknown command %q\n%s", args[0], usage)
		return 2
	}
}

func serve(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	flags.SetOutput(stderr)
	listen := flags.String("listen", "127.0.0.1:8765", "address to listen on; port 0 picks a free port")
	data := flags.String("data", "", "file of the embedded store (default: memory only)")
	seed := flags.Int64("seed", 1, "seed of the fault rules' random draws")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() > 0 {
		_, _ = fmt.Fprintf(stderr, "unexpected arguments: %v\n%s", flags.Args(), usage)
		return 2
	}
	logger := log.New(stderr, "reseller-sandbox: ", log.LstdFlags)

	s, err := sandbox.New(sandbox.Options{
		DataFile: *data,
		Seed:     *seed,
		Settings: sandbox.Settings{DomainPendingSeconds: 2, DnssecPendingSeconds: 2, HostingPendingSeconds: 2, LicenseKeySeconds: 2},
	})
	if err != nil {
		logger.Print(err)
		return 1
	}
	defer func() {
		if err := s.Close(); err != nil {
			logger.Print(err)
		}
	}()

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		logger.Print(err)
		return 1
	}
	baseURL := "http://" + ln.Addr().String()
	var banner strings.Builder
	for _, v := range s.Env(baseURL) {
		fmt.Fprintf(&banner, "export %s=%s\n", v.Name, shellQuote(v.Value))
	}
	fmt.Fprintf(&banner, "# reseller-sandbox listening on %s\n", baseURL)
	if _, err := io.WriteString(stdout, banner.String()); err != nil {
		logger.Print(err)
		return 1
	}
	if f, ok := stdout.(*os.File); ok {
		_ = f.Sync() // a pipe cannot sync; the lines are written either way
	}

	server := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          logger,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- server.Serve(ln) }()

	select {
	case err := <-served:
		logger.Print(err)
		return 1
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := server.Shutdown(shutdown); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		logger.Print(err)
		return 1
	}
	logger.Print("stopped")
	return 0
}

var shellSafe = regexp.MustCompile(`^[A-Za-z0-9_./:@%+=,-]*$`)

// shellQuote leaves plain values alone and single-quotes the others, so
// the printed lines can be evaluated by a shell.
func shellQuote(v string) string {
	if shellSafe.MatchString(v) {
		return v
	}
	return "'" + strings.ReplaceAll(v, "'", `'\''`) + "'"
}
