# Two commands matter on a fresh machine: `make demo` and `make test`.
SHELL := /usr/bin/env bash
export CHECKPOINT_DISABLE := 1
export TF_IN_AUTOMATION := 1
export GOFLAGS := -buildvcs=false

VERSION  ?= 0.1.0
PLUGINS  := $(CURDIR)/.plugins
PROVIDER := $(PLUGINS)/registry.terraform.io/resellerkit/reseller/$(VERSION)/$(shell go env GOOS)_$(shell go env GOARCH)/terraform-provider-reseller_v$(VERSION)
TFRC     := $(CURDIR)/.cache/terraform.tfrc

.PHONY: build provider sandbox demo test unit testacc bench docs docs-check lint vet fmt clean

build: provider sandbox

provider:
	go build -ldflags "-X main.version=$(VERSION)" -o $(PROVIDER) .

sandbox:
	go build -ldflags "-X main.version=$(VERSION)" -o bin/reseller-sandbox ./cmd/reseller-sandbox

$(TFRC):
	@mkdir -p $(dir $@) && : > $@

# Builds the provider and the sandbox, applies examples/quickstart with the
# real Terraform CLI, and shows that a second plan is empty and that an
# out-of-band change shows up as drift.
demo: build $(TFRC)
	TF_CLI_CONFIG_FILE=$(TFRC) PLUGIN_DIR=$(PLUGINS) SANDBOX=$(CURDIR)/bin/reseller-sandbox scripts/demo.sh

# Unit tests and acceptance tests (real Terraform CLI against the in-process sandbox).
test: $(TFRC)
	TF_CLI_CONFIG_FILE=$(TFRC) TF_ACC=1 go test -count=1 -timeout 30m ./...

unit:
	go test -count=1 ./...

# Times `terraform plan` of 1,000 DNS records with and without refresh against
# the sandbox, with and without 50 ms of latency; fails when a target of
# bench/README.md is missed.
bench: build $(TFRC)
	TF_CLI_CONFIG_FILE=$(TFRC) PLUGIN_DIR=$(PLUGINS) SANDBOX=$(CURDIR)/bin/reseller-sandbox scripts/bench.sh

docs: $(TFRC)
	TF_CLI_CONFIG_FILE=$(TFRC) go tool tfplugindocs generate --provider-name reseller

docs-check: docs
	TF_CLI_CONFIG_FILE=$(TFRC) go tool tfplugindocs validate --provider-name reseller
	git diff --exit-code -- docs
	@untracked=$$(git ls-files --others --exclude-standard docs); \
	  if [ -n "$$untracked" ]; then echo "docs not committed: $$untracked"; exit 1; fi

vet:
	go vet ./...

lint:
	golangci-lint run ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf bin .plugins .cache dist
