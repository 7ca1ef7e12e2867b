# Rastro: the commands of the README. `make dev` runs everything locally,
# `make test` tests everything; both install what a fresh machine lacks.

GO            ?= go
TOOLS         := $(CURDIR)/.tools/bin
VERSITYGW     := github.com/versity/versitygw/cmd/versitygw@v1.8.0
STATICCHECK   := honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOARCH_LAMBDA ?= arm64
FUNCTIONS     := $(notdir $(wildcard functions/*))
LAMBDA_FLAGS  := -tags lambda.norpc,timetzdata -trimpath -ldflags "-s -w"
TEST_TIMEOUT  ?= 20m

.PHONY: help tools dev dev-bin dev-reset test test-go test-probe test-fuzz test-frontend test-e2e build lint deploy bench bench-go bench-data bench-data-exports frontend-deps frontend-build

help:
	@echo "make dev        run the whole system locally with demo data (http://127.0.0.1:3000)"
	@echo "make dev-reset  wipe the local data in .dev/"
	@echo "make test       run every test (Go unit + integration against DynamoDB Local and versitygw, dashboard unit tests, browser e2e)"
	@echo "make test-e2e   the dashboard's Playwright e2e tests alone (Debian chromium)"
	@echo "make test-probe the tenancy probe alone: every endpoint as every principal, with its count of probes"
	@echo "make build      build every Lambda bootstrap into build/<function>/ (GOARCH_LAMBDA=amd64 for local runs)"
	@echo "make invoke     FN=<function> [EVENT=<file>]: its real bootstrap under the Lambda emulator (README)"
	@echo "make lint       gofmt, go vet, staticcheck"
	@echo "make bench      [N=1000000] the scale proof: loads the data once, measures every figure, writes docs/benchmarks/nN.md and plots"
	@echo "make bench-go   the Go benchmarks one by one, on make bench-data's data sets"
	@echo "make bench-data load (or finish loading) the 1M-interaction benchmark tenant into .bench/"
	@echo "make bench-data-exports  the export benchmark's million voice calls, into .bench/exports/"
	@echo "make deploy     sam build && sam deploy"
	@echo "make deploy-frontend  build the dashboard, upload it, invalidate CloudFront (needs the AWS CLI)"

## tools: the local stand-ins for AWS, pinned.
tools: $(TOOLS)/versitygw infra/node_modules/.installed

$(TOOLS)/versitygw:
	GOBIN=$(TOOLS) $(GO) install $(VERSITYGW)

infra/node_modules/.installed: infra/package.json infra/package-lock.json
	npm ci --prefix infra --no-audit --no-fund --loglevel=error
	@touch $@

$(TOOLS)/staticcheck:
	GOBIN=$(TOOLS) $(GO) install $(STATICCHECK)

## frontend: installed and built when it has a package.json.
frontend-deps:
	@if [ -f frontend/package.json ]; then \
		[ frontend/node_modules/.installed -nt frontend/package-lock.json ] || \
		(PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix frontend --no-audit --no-fund --loglevel=error && touch frontend/node_modules/.installed); \
	fi

frontend-build: frontend-deps
	@if [ -f frontend/package.json ]; then npm run --prefix frontend build; fi

# The installs and builds are independent: run them side by side (on a cold
# machine compiling versitygw alone takes two minutes), then the server.
dev:
	@$(MAKE) --no-print-directory -j3 tools frontend-build dev-bin
	./build/dev/rastro-dev

dev-bin:
	$(GO) build -o build/dev/rastro-dev ./infra/dev

dev-reset:
	rm -rf .dev

# The e2e stack seeds its demo tenant while the unit tests run (frontend/e2e/with-stack.sh),
# then the browser tests run against it: the same three suites as test-go, test-frontend
# and test-e2e, minutes sooner.
test: tools frontend-deps
	@sh frontend/e2e/with-stack.sh $(MAKE) --no-print-directory test-go test-probe test-fuzz test-frontend

# test-probe runs apart from the rest so that its count of probes shows (go test
# prints a passing package's log only with -v); its whole log when it fails.
test-go: tools
	$(GO) test -timeout $(TEST_TIMEOUT) -count=1 -skip '^TestProbeTenancy$$' ./...

# The tenancy probe (infra/devserver/probe_test.go): PROBES random requests (default
# 3000) besides the systematic ones; RASTRO_PROBE_SEED repeats a run's random part.
test-probe: tools
	@log=$$(mktemp); $(GO) test -timeout 10m -count=1 -run '^TestProbeTenancy$$' -v ./infra/devserver/ >$$log 2>&1 \
		&& { grep -E 'probes|^ok' $$log; rm -f $$log; } || { cat $$log; rm -f $$log; exit 1; }

# Each fuzz target for FUZZTIME (test-go already ran their corpora in
# testdata/fuzz). A failure writes the input to that testdata directory:
# commit it with the fix, and it is a test case from then on.
FUZZTIME ?= 5s
FUZZ_TARGETS = FuzzValidEmail:./shared/domain FuzzOpen:./shared/cursor FuzzParse:./shared/tracking \
	FuzzIngestJSON:./shared/ingest FuzzSessionMetadata:./shared/sessionmeta
test-fuzz: tools
	@log=$$(mktemp); for t in $(FUZZ_TARGETS); do \
		echo "fuzz $${t%%:*} for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$${t%%:*}\$$" -fuzztime $(FUZZTIME) $${t#*:} >$$log 2>&1 || { cat $$log; rm -f $$log; exit 1; }; \
	done; rm -f $$log

test-frontend: frontend-deps
	@if [ -f frontend/package.json ]; then npm test --prefix frontend; fi

# Browser e2e: Playwright drives Debian's Chromium (/usr/bin/chromium, never a
# downloaded browser) against its own `make dev` stack on a free port with a
# fresh data directory (frontend/playwright.config.ts), or E2E_BASE_URL's (make test
# passes the stack with-stack.sh started). Screenshots and
# failure traces land in frontend/e2e/output.
test-e2e: frontend-deps
	@test -x /usr/bin/chromium || { echo "make test-e2e needs Debian's chromium at /usr/bin/chromium (apt-get install chromium; .ci/run installs it)" >&2; exit 1; }
	cd frontend && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test

# The scale proof in one command (infra/benchrun): loads the N-interaction data sets once
# (.bench/mixed-N and .bench/voice-N, each on its own DynamoDB Local; later runs reuse them),
# runs every benchmark RUNS times (versitygw started by the export benchmark), builds the
# dashboard, and writes docs/benchmarks/nN.md with its plots. ONLY=Ingest,Exports measures
# some sections; the data sets are loaded either way.
N    ?= 1000000
RUNS ?= 3
ONLY ?=
bench: tools frontend-deps
	$(GO) run ./infra/benchrun/cmd/bench -n $(N) -runs $(RUNS) -only '$(ONLY)'

# The benchmarks one by one, on the data sets of make bench-data and bench-data-exports.
bench-go: tools
	$(GO) test -run '^$$' -bench . -benchtime 2000x -count 1 ./shared/ingest/
	$(GO) test -run '^$$' -bench 'Tracking|Aggregates|BotReport' -benchtime 20x -count 1 -timeout 60m ./infra/bench/
	$(GO) test -run '^$$' -bench Export -benchtime 1x -count 1 -timeout 120m ./infra/bench/
	$(GO) test -run '^$$' -bench CellForms -benchtime 3x -count 1 ./infra/bench/

# Under an hour the first time; resumes if interrupted; seconds once
# loaded. BENCH_FLAGS=-replace discards another data set (docs/benchmarks.md).
BENCH_N     ?= 1000000
BENCH_FLAGS ?=
bench-data: tools
	$(GO) run ./infra/benchdata/cmd/load -n $(BENCH_N) $(BENCH_FLAGS)

# The export benchmark's data set: a million voice calls, in .bench/exports.
bench-data-exports: tools
	$(GO) run ./infra/benchdata/cmd/load -n 1000000 -media voice -rollups=false -dir .bench/exports $(BENCH_FLAGS)

## build: one bootstrap per function, as SAM's makefile builder would.
build: $(addprefix build-,$(FUNCTIONS))

build-%:
	CGO_ENABLED=0 GOOS=linux GOARCH=$(GOARCH_LAMBDA) $(GO) build $(LAMBDA_FLAGS) -o build/$*/bootstrap ./functions/$*

## invoke: one function's real bootstrap, built as for Lambda but for this
## machine, under the Lambda Runtime API emulator (infra/lambdaemu), with
## template.yaml's environment valued from infra/sam/env.json. It starts
## DynamoDB Local and versitygw in memory unless INVOKE_FLAGS points at
## running ones (-dynamodb <url> -s3 <url>, e.g. make dev's). Without EVENT
## it serves invocations on 127.0.0.1:9000 like the official emulator.
.PHONY: invoke deploy-frontend
FN           ?=
EVENT        ?=
INVOKE_FLAGS ?=
invoke: tools
	@test -n "$(FN)" || { echo "usage: make invoke FN=<function> [EVENT=<file>] [INVOKE_FLAGS='-dynamodb <url> -s3 <url>']" >&2; exit 2; }
	CGO_ENABLED=0 GOOS=linux GOARCH=$$($(GO) env GOARCH) $(GO) build $(LAMBDA_FLAGS) -o build/invoke/$(FN)/bootstrap ./functions/$(FN)
	$(GO) run ./infra/lambdaemu/cmd/invoke -fn $(FN) -bootstrap build/invoke/$(FN)/bootstrap $(if $(EVENT),-event $(EVENT)) $(INVOKE_FLAGS)

# SAM (BuildMethod: makefile) calls build-<LogicalId> with ARTIFACTS_DIR.
build-IngestFunction:
	CGO_ENABLED=0 GOOS=linux GOARCH=arm64 $(GO) build $(LAMBDA_FLAGS) -o $(ARTIFACTS_DIR)/bootstrap ./functions/ingest
build-SettingsFunction:
	CGO_ENABLED=0 GOOS=linux GOARCH=arm64 $(GO) build $(LAMBDA_FLAGS) -o $(ARTIFACTS_DIR)/bootstrap ./functions/settings
build-TrackingFunction:
	CGO_ENABLED=0 GOOS=linux GOARCH=arm64 $(GO) build $(LAMBDA_FLAGS) -o $(ARTIFACTS_DIR)/bootstrap ./functions/tracking
build-HistoryFunction:
	CGO_ENABLED=0 GOOS=linux GOARCH=arm64 $(GO) build $(LAMBDA_FLAGS) -o $(ARTIFACTS_DIR)/bootstrap ./functions/history
build-BotFunction:
	CGO_ENABLED=0 GOOS=linux GOARCH=arm64 $(GO) build $(LAMBDA_FLAGS) -o $(ARTIFACTS_DIR)/bootstrap ./functions/bot
build-AgentsFunction:
	CGO_ENABLED=0 GOOS=linux GOARCH=arm64 $(GO) build $(LAMBDA_FLAGS) -o $(ARTIFACTS_DIR)/bootstrap ./functions/agents
build-IvrFunction:
	CGO_ENABLED=0 GOOS=linux GOARCH=arm64 $(GO) build $(LAMBDA_FLAGS) -o $(ARTIFACTS_DIR)/bootstrap ./functions/ivr
build-ConversationsFunction:
	CGO_ENABLED=0 GOOS=linux GOARCH=arm64 $(GO) build $(LAMBDA_FLAGS) -o $(ARTIFACTS_DIR)/bootstrap ./functions/conversations
build-TagsFunction:
	CGO_ENABLED=0 GOOS=linux GOARCH=arm64 $(GO) build $(LAMBDA_FLAGS) -o $(ARTIFACTS_DIR)/bootstrap ./functions/tags
build-ExportsFunction:
	CGO_ENABLED=0 GOOS=linux GOARCH=arm64 $(GO) build $(LAMBDA_FLAGS) -o $(ARTIFACTS_DIR)/bootstrap ./functions/exports
build-ExporterFunction:
	CGO_ENABLED=0 GOOS=linux GOARCH=arm64 $(GO) build $(LAMBDA_FLAGS) -o $(ARTIFACTS_DIR)/bootstrap ./functions/exporter

lint: $(TOOLS)/staticcheck
	@out=$$(gofmt -l functions shared infra); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(TOOLS)/staticcheck ./...

deploy:
	sam build && sam deploy

# The stack must exist (make deploy); STACK names it (samconfig.toml: rastro).
STACK ?= rastro
deploy-frontend:
	@command -v aws >/dev/null 2>&1 || { echo "make deploy-frontend needs the AWS CLI (Debian: apt-get install awscli) with credentials for the stack's account" >&2; exit 1; }
	@$(MAKE) --no-print-directory frontend-build
	STACK=$(STACK) infra/sam/deploy-frontend.sh
