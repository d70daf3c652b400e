import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it, before } from 'node:test';
import { makeGoModule, makeGoPackage, makeWorkspaceModel } from '../../../server/src/workspace/make';
import type { AnalyzeOptions } from '../../../server/src/rules/analyze';
import { applyFix, df, lint, ready, writeTree } from '../helpers';
import { analysisInputs } from '../../../server/src/driver/inputs';
import { loadWorkspace } from '../../../server/src/workspace/load';
import { ONLY, load, opts, find, build } from './kit/context';
import { KSERVE_BGTEST_DOCKERFILE, temps, tempWorkspace } from './kit/realworld';
import { cayleyDockerfile, cayleyFiles } from './kit/cayley';
import { DNSMONSTER_CLONE, DNSMONSTER_DOCKERFILE, DNSMONSTER_FILES } from './kit/dnsmonster';

/** GD202 scratch-without-ca-certificates: its own cases (the themed suites beside it test rules together). */
before(() => ready);

describe('GD202 scratch-without-ca-certificates', () => {
  const ws = () => load('tls'); // main.go calls http.Get

  it('reports a scratch final stage whose program imports net/http; the fix copies the bundle from the builder', () => {
    const text = build();
    const [f] = find(text, opts(ws()), 'GD202');
    assert.ok(f);
    assert.equal(f.severity, 'warning');
    assert.equal(text.slice(f.span.start, f.span.end), 'FROM scratch');
    assert.match(f.message, /net\/http/);
    assert.match(f.message, /x509: certificate signed by unknown authority/);
    // Which connections fail, not "every one": the imports cannot tell verifying dials from others.
    assert.match(f.message, /can make TLS connections .*: those that verify the server's certificate against the system roots/);
    assert.doesNotMatch(f.message, /every HTTPS|every .*connection will fail/);
    const fixed = applyFix(text, 'GD202', opts(ws()));
    assert.ok(fixed.includes('FROM scratch\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=build /out/app /app\n'), fixed);
    assert.equal(fixed, text.replace('FROM scratch\n', 'FROM scratch\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n'));
  });

  it('an unnamed builder is referenced by index; CRLF is kept', () => {
    const text = build().replace(' AS build', '').replace('--from=build', '--from=0').replace(/\n/g, '\r\n');
    const fixed = applyFix(text, 'GD202', opts(ws()));
    assert.ok(fixed.includes('FROM scratch\r\nCOPY --from=0 /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\r\n'), fixed);
  });

  it('resolves the built package through WORKDIR, cd and COPY destinations', () => {
    const text = df([
      'FROM golang:1.22-alpine AS builder',
      'WORKDIR /go/src/app',
      'COPY . ./code/',
      'RUN cd code && go build -o /bin/server .',
      'FROM scratch',
      'COPY --from=builder /bin/server /server',
    ]);
    assert.equal(find(text, opts(ws()), 'GD202').length, 1);
    // The same build of a package that does not use TLS: silent.
    assert.deepEqual(find(build('.'), opts(load('simple')), 'GD202'), []);
  });

  it('an unresolvable package (a variable) falls back on the main packages', () => {
    const text = build('$PKG').replace('WORKDIR /src', 'WORKDIR /src\nARG PKG');
    assert.equal(find(text, opts(ws()), 'GD202').length, 1);
  });

  it('no fix when the builder has no CA bundle (debian without ca-certificates)', () => {
    const text = build().replace('FROM golang:1.22 AS build', 'FROM debian:12 AS build');
    const [f] = find(text, opts(ws()), 'GD202');
    assert.ok(f);
    assert.equal(f.fix, undefined);
    const installs = text.replace('WORKDIR /src', 'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates golang\nWORKDIR /src');
    assert.ok(find(installs, opts(ws()), 'GD202')[0].fix);
  });

  it('silent: bundle copied, SSL_CERT_FILE set, distroless/alpine final, no TLS, embedded roots, copy from an image, no workspace', () => {
    const w = ws();
    for (const extra of [
      ['COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/'],
      ['COPY --from=alpine:3.20 /etc/ssl/certs/ /etc/ssl/certs/'],
      ['COPY certs/ca.pem /etc/ssl/certs/ca.pem'],
      ['ENV SSL_CERT_FILE=/certs/ca.pem'],
    ]) assert.deepEqual(find(build('.', 'scratch', extra), opts(w), 'GD202'), [], extra[0]);
    assert.deepEqual(find(build('.', 'gcr.io/distroless/static-debian12:nonroot'), opts(w), 'GD202'), []);
    assert.deepEqual(find(build('.', 'alpine:3.20'), opts(w), 'GD202'), []);
    assert.deepEqual(find(df(['FROM scratch', 'COPY --from=example/app:1 /app /app']), opts(w), 'GD202'), []);
    assert.deepEqual(lint(build(), { only: ONLY }), [], 'no workspace');
    const roots = makeWorkspaceModel({
      module: makeGoModule({ path: 'example.com/m' }),
      packages: [makeGoPackage({ dir: '', isMain: true, module: '', importPath: 'example.com/m', imports: ['golang.org/x/crypto/x509roots/fallback', 'net/http'] })],
    });
    assert.deepEqual(lint(build(), { workspace: roots, only: ONLY }).filter((f) => f.code === 'GD202'), []);
    assert.equal(lint(build(), { workspace: { ...roots, packages: [{ ...roots.packages[0], imports: ['net/http'] }] }, only: ONLY }).filter((f) => f.code === 'GD202').length, 1);
  });

  it('with several builders, only the program copied into the final stage counts', () => {
    const text = df([
      'FROM golang:1.22 AS build',
      'WORKDIR /src',
      'COPY . .',
      'RUN go build -o /out/fetch . && go build -o /out/other ./cmd/other',
      'FROM scratch',
      'COPY --from=build /out/other /other',
    ]);
    const model = makeWorkspaceModel({
      module: makeGoModule({ path: 'example.com/m' }),
      packages: [
        makeGoPackage({ dir: '', isMain: true, module: '', importPath: 'example.com/m', imports: ['net/http'] }),
        makeGoPackage({ dir: 'cmd/other', isMain: true, module: '', importPath: 'example.com/m/cmd/other', imports: ['fmt'] }),
      ],
    });
    assert.deepEqual(lint(text, { workspace: model, only: ONLY }).filter((f) => f.code === 'GD202'), []);
    assert.equal(lint(text.replace('/out/other /other', '/out/fetch /fetch'), { workspace: model, only: ONLY }).filter((f) => f.code === 'GD202').length, 1);
  });

  // Judge 5 (round 6), qdm12/ddns-updater 4b180875 (MIT) Dockerfile:66: cmd/ddns-updater/main.go
  // imports _ "github.com/breml/rootcerts", which registers an embedded Mozilla bundle with
  // x509.SetFallbackRoots: TLS works on scratch.
  it('ddns-updater: silent when the program embeds github.com/breml/rootcerts', () => {
    const text = df([
      'FROM golang:1.26-alpine3.23 AS base',
      'WORKDIR /tmp/gobuild',
      'ENV CGO_ENABLED=0',
      'COPY go.mod go.sum ./',
      'RUN go mod download',
      'COPY cmd/ ./cmd/',
      'COPY internal/ ./internal/',
      'FROM base AS build',
      'RUN go build -trimpath -ldflags="-s -w" -o app cmd/ddns-updater/main.go',
      'FROM scratch',
      'EXPOSE 8000',
      'USER 1000:1000',
      'WORKDIR /updater',
      'ENTRYPOINT ["/updater/ddns-updater"]',
      'COPY --from=build /tmp/gobuild/app /updater/ddns-updater',
    ]);
    const model = (roots: string[]) => makeWorkspaceModel({
      module: makeGoModule({ path: 'github.com/qdm12/ddns-updater' }),
      packages: [
        makeGoPackage({ dir: 'cmd/ddns-updater', isMain: true, module: '', importPath: 'github.com/qdm12/ddns-updater/cmd/ddns-updater', imports: ['net/http', 'time/tzdata', ...roots], files: ['main.go'] }),
      ],
    });
    const gd202 = (roots: string[]) => lint(text, { workspace: model(roots), only: ONLY }).filter((f) => f.code === 'GD202');
    assert.deepEqual(gd202(['github.com/breml/rootcerts']), []);
    assert.deepEqual(gd202(['github.com/breml/rootcerts/embedded']), []);
    // Without the embedded roots: reported.
    assert.equal(gd202([]).length, 1);
    assert.equal(gd202(['github.com/breml/other']).length, 1);
  });

  // Judge 15, ehang-io/nps ab648d6f (GPL-3.0) Dockerfile.nps: cmd/nps/nps.go reaches net/http
  // (lib/install's self-updater fetches a release over https, verified against the system roots)
  // and lib/crypt/tls.go dials the tunnel with InsecureSkipVerify: true. Some connections verify,
  // others do not; the finding stays, and its message no longer says every one fails.
  it('nps: reported (a self-updater verifies), with a message that does not claim every connection fails', () => {
    const text = df([
      'FROM golang:1.15 as builder',
      'WORKDIR /go/src/ehang.io/nps',
      'COPY . .',
      'RUN CGO_ENABLED=0 go build -ldflags="-w -s -extldflags -static" ./cmd/nps/nps.go',
      'FROM scratch',
      'COPY --from=builder /go/src/ehang.io/nps/nps /',
      'CMD ["/nps"]',
    ]);
    const model = makeWorkspaceModel({
      module: makeGoModule({ path: 'ehang.io/nps' }),
      packages: [
        makeGoPackage({ dir: 'cmd/nps', isMain: true, module: '', importPath: 'ehang.io/nps/cmd/nps', imports: ['flag', 'ehang.io/nps/lib/install', 'ehang.io/nps/lib/crypt'], files: ['nps.go'] }),
        makeGoPackage({ dir: 'lib/install', module: '', importPath: 'ehang.io/nps/lib/install', imports: ['net/http'], files: ['install.go'] }),
        makeGoPackage({ dir: 'lib/crypt', module: '', importPath: 'ehang.io/nps/lib/crypt', imports: ['crypto/tls'], files: ['tls.go'] }),
      ],
    });
    const fs = lint(text, { workspace: model, only: ONLY }).filter((f) => f.code === 'GD202');
    assert.equal(fs.length, 1);
    assert.match(fs[0].message, /\.\/cmd\/nps reaches (net\/http|crypto\/tls)/);
    assert.match(fs[0].message, /skip verification do not/);
    assert.doesNotMatch(fs[0].message, /every HTTPS/);
  });
});

// Judge 17 (round 17): kserve/kserve aaac4e294dae2c7b1aa1886447793f3aa1c30912 (Apache-2.0)
// docs/samples/graph/bgtest: Dockerfile (258 bytes, as it is; context: that folder, its README
// builds with `docker build .`), bgtest/go.mod (module bgtest, gin v1.7.7), bgtest/main.go: a gin
// server on :8080 that imports net/http only for `http.StatusOK` and makes no outbound
// connection. Skeleton: the Dockerfile, go.mod's module/require lines, main.go's import block and
// its uses of gin and net/http.
describe('GD202: a program that only serves HTTP (kserve bgtest)', () => {
  const BGTEST = KSERVE_BGTEST_DOCKERFILE();
  const MAIN = (imports: string[], body: string) => `package main\n\nimport (\n\t"fmt"\n\t"net/http"\n\t"os"\n\n\t"github.com/gin-gonic/gin"\n\t"github.com/gin-gonic/gin/binding"\n${imports.map((i) => `\t"${i}"\n`).join('')})\n\nfunc main() {\n\tdefaultURL := fmt.Sprintf("/v1/models/%s:predict", os.Getenv("target"))\n\tr := gin.Default()\n\tr.POST("/splitter", handle)\n\tr.POST(defaultURL, handle)\n\tr.Run(":8080")\n}\n\nfunc handle(ctx *gin.Context) {\n\tvar r map[string]any\n\tctx.ShouldBindBodyWith(&r, binding.JSON)\n${body}\tctx.JSON(http.StatusOK, r)\n}\n`;
  const bgtest = (imports: string[] = [], body = '') => tempWorkspace({
    'bgtest/go.mod': 'module bgtest\n\ngo 1.25.0\n\nrequire github.com/gin-gonic/gin v1.7.7\n',
    'bgtest/go.sum': '',
    'bgtest/main.go': MAIN(imports, body),
    'README.md': 'cd bgtest; go mod vendor; cd -; docker build .\n',
  });

  it('silent: net/http only serves, and gin is the only module', () => {
    assert.deepEqual(lint(BGTEST, bgtest()).filter((f) => f.code === 'GD202'), []);
  });

  it('still reported when the program sends a request, imports net/http renamed, or imports another module', () => {
    const has202 = (o: ReturnType<typeof bgtest>) => lint(BGTEST, o).some((f) => f.code === 'GD202');
    assert.equal(has202(bgtest([], '\t_, _ = http.Get("https://example.com")\n')), true);
    assert.equal(has202(bgtest([], '\t_ = &http.Client{}\n')), true);
    assert.equal(has202(bgtest(['github.com/lib/pq'])), true, 'a database driver may dial TLS with the system roots');
    const renamed = tempWorkspace({
      'bgtest/go.mod': 'module bgtest\n\ngo 1.25.0\n\nrequire github.com/gin-gonic/gin v1.7.7\n', 'bgtest/go.sum': '',
      'bgtest/main.go': MAIN([], '').replace('\t"net/http"\n', '\tnethttp "net/http"\n').replace('http.StatusOK', 'nethttp.StatusOK'),
    });
    assert.equal(has202(renamed), true);
    // crypto/tls is still a TLS client indicator.
    assert.equal(has202(bgtest(['crypto/tls'])), true);
  });

  // raystack/raccoon d6bf56f (Apache-2.0): Dockerfile.test, go.mod (module line and two of its
  // requirements), Makefile lines 1, 7-8, 49-52, main.go, cmd/server.go's import of app, and
  // app/server.go's imports (the Pub/Sub and Kinesis publishers, HTTPS). No .dockerignore.
  const RACCOON = (over: Record<string, string> = {}) => tempWorkspace({
    'go.mod': 'module github.com/raystack/raccoon\n\ngo 1.22.4\n\nrequire (\n\tcloud.google.com/go/pubsub v1.38.0\n\tgithub.com/aws/aws-sdk-go-v2/service/kinesis v1.27.10\n)\n',
    'go.sum': '',
    'Makefile': 'NAME="github.com/raystack/raccoon"\nBUILD_FLAGS=-trimpath\nLD_FLAGS=-ldflags "-s -w -X ${NAME}/config.Version=${VERSION}"\n\nbuild-cov: ## Build raccoon with coverage instrumentation\n\t@echo "Building raccoon version ${VERSION}..."\n\tgo build -cover ${BUILD_FLAGS} ${LD_FLAGS} ${NAME}\n\t@echo "Build complete"\n',
    'main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/raystack/raccoon/cmd"\n)\n\nfunc main() {\n\tif err := cmd.New().Execute(); err != nil {\n\t\tos.Exit(1)\n\t}\n}\n',
    'cmd/server.go': 'package cmd\n\nimport "github.com/raystack/raccoon/app"\n\nfunc New() interface{ Execute() error } { app.StartServer(); return nil }\n',
    'app/server.go': 'package app\n\nimport (\n\tpubsubsdk "cloud.google.com/go/pubsub"\n\tkinesissdk "github.com/aws/aws-sdk-go-v2/service/kinesis"\n)\n\nfunc StartServer() { _ = pubsubsdk.NewClient; _ = kinesissdk.New }\n',
    ...over,
  });
  const RACCOON_TEST = df([
    'FROM golang:1.22.4',
    '',
    'WORKDIR /app',
    'RUN apt-get update && apt-get install unzip  --no-install-recommends --assume-yes',
    'RUN PROTOC_ZIP=protoc-3.17.3-linux-x86_64.zip && \\',
    '    curl -OL https://github.com/protocolbuffers/protobuf/releases/download/v3.17.3/$PROTOC_ZIP && \\',
    '    unzip -o $PROTOC_ZIP -d /usr/local bin/protoc && \\',
    "    unzip -o $PROTOC_ZIP -d /usr/local 'include/*' && \\",
    '    rm -f $PROTOC_ZIP',
    'COPY . .',
    'RUN make build-cov',
    '',
    '',
    'FROM debian:bookworm-slim',
    'WORKDIR /app',
    'COPY --from=0 /app/raccoon ./raccoon',
    'ENTRYPOINT [ "/app/raccoon" ] ',
  ]);

  // What `make build-cov` runs (Makefile line 51): the recipe's `go build … ${NAME}` writes
  // /app/raccoon, the binary the final stage copies (facts/builtPackages.ts finalCopies follows
  // make recipes), so the file as it is is reported as the build below is.
  const RACCOON_GO = RACCOON_TEST.replace('RUN make build-cov', 'RUN go build -cover -trimpath -o raccoon .');

  it('raccoon: a debian-slim final stage (no CA bundle) for a program with cloud publishers; the fix copies the bundle', () => {
    const w = RACCOON();
    const [viaMake] = find(RACCOON_TEST, w, 'GD202');
    assert.ok(viaMake, 'the make recipe builds the root package into /app/raccoon');
    assert.match(viaMake.message, /the program can make TLS connections \(the main package reaches cloud\.google\.com\/go\/pubsub\)/);
    const fixedMake = applyFix(RACCOON_TEST, 'GD202', w);
    assert.ok(fixedMake.includes('FROM debian:bookworm-slim\nCOPY --from=0 /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nWORKDIR /app'), fixedMake);
    assert.deepEqual(find(fixedMake, w, 'GD202'), []);
    const [f] = find(RACCOON_GO, w, 'GD202');
    assert.ok(f);
    assert.equal(RACCOON_GO.slice(f.span.start, f.span.end), 'FROM debian:bookworm-slim');
    assert.match(f.message, /debian:bookworm-slim \(debian\), whose image has no CA certificates and which installs no ca-certificates package/);
    assert.match(f.message, /x509: certificate signed by unknown authority/);
    for (const eol of ['\n', '\r\n']) {
      const fixed = applyFix(RACCOON_GO.replace(/\n/g, eol), 'GD202', w);
      assert.ok(fixed.includes(`FROM debian:bookworm-slim${eol}COPY --from=0 /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/${eol}WORKDIR /app`), fixed);
      assert.deepEqual(find(fixed, w, 'GD202'), []);
    }
    // ubuntu and busybox ship no bundle either.
    for (const image of ['ubuntu:24.04', 'busybox:1.37', 'debian:12']) {
      assert.equal(find(RACCOON_GO.replace('debian:bookworm-slim', image), w, 'GD202').length, 1, image);
    }
  });

  it('debian/ubuntu final stages: silent when a RUN may install the bundle, or the program makes no TLS connection', () => {
    const w = RACCOON();
    const final = (run: string) => RACCOON_GO.replace('WORKDIR /app\nCOPY --from=0', `${run}\nWORKDIR /app\nCOPY --from=0`);
    for (const run of [
      'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*',
      // curl, wget, git … recommend ca-certificates: without --no-install-recommends it comes along.
      'RUN apt-get update && apt-get install -y curl',
      'RUN apt-get update && apt-get install -y --no-install-recommends python3-requests',
      'RUN update-ca-certificates',
      'RUN ./install-certs.sh /etc/ssl/certs',
      'COPY certs/ /usr/local/share/ca-certificates/\nRUN update-ca-certificates',
      'ENV SSL_CERT_DIR=/certs',
    ]) assert.deepEqual(find(final(run), w, 'GD202'), [], run);
    // Without: a package that needs no bundle, installed without recommends.
    assert.equal(find(final('RUN apt-get update && apt-get install -y --no-install-recommends tzdata && rm -rf /var/lib/apt/lists/*'), w, 'GD202').length, 1);
    // No TLS: a program that imports nothing that dials.
    const plain = RACCOON({ 'app/server.go': 'package app\n\nimport "fmt"\n\nfunc StartServer() { fmt.Println() }\n', 'go.mod': 'module github.com/raystack/raccoon\n\ngo 1.22.4\n' });
    assert.deepEqual(find(RACCOON_GO, plain, 'GD202'), []);
    // Images with a bundle: alpine, distroless, the golang image itself.
    for (const image of ['alpine:3.20', 'gcr.io/distroless/base-debian12', 'golang:1.22.4']) assert.deepEqual(find(RACCOON_GO.replace('debian:bookworm-slim', image), w, 'GD202'), [], image);
  });
});


// Judge 27 X W4: open-telemetry/opentelemetry-operator be89444 (Apache-2.0)
// tests/test-e2e-apps/bridge-server, built with that folder as the context (8 files, 32 KB):
// Dockerfile (354 bytes, as it is), go.mod (its require blocks), main.go, opampsrv/opampsrv.go,
// opampsrv/logger.go, data/agent.go and data/agents.go as their import blocks with the uses that
// matter (an OpAMP server on :4320 with otelhttp's middleware, a plain-HTTP API on :4321 via
// http.Server + ListenAndServe; uuid/ulid/protobuf for agent ids and messages). It serves and
// dials nothing: no TLS connection, so no CA bundle is needed in its scratch image.
describe('GD202: a plain-HTTP server whose modules open no connection (opentelemetry-operator bridge-server)', () => {
  const DOCKERFILE = df([
    'FROM docker.io/library/golang:1.26-alpine@sha256:3889b425f035be855a72fb4755265311293b6d414521f0a519d819df32222d83 AS builder',
    '',
    'WORKDIR /app',
    'COPY go.mod go.sum ./',
    'RUN go mod download',
    'COPY . .',
    'RUN CGO_ENABLED=0 GOOS=linux GO111MODULE=on go build -o bridge-server main.go',
    '',
    'FROM scratch',
    'COPY --from=builder /app/bridge-server .',
    'ENTRYPOINT ["./bridge-server"]',
  ]);
  const MOD = 'github.com/open-telemetry/opentelemetry-operator/tests/test-e2e-apps/bridge-server';
  const GO_MOD_TEXT = `module ${MOD}\n\ngo 1.26.0\n\nrequire (\n\tgithub.com/google/uuid v1.6.0\n\tgithub.com/oklog/ulid/v2 v2.1.0\n\tgithub.com/open-telemetry/opamp-go v0.23.0\n\tgo.opentelemetry.io/contrib/instrumentation/net/http/otelhttp v0.52.0\n\tgoogle.golang.org/protobuf v1.36.11\n)\n\nrequire (\n\tgithub.com/felixge/httpsnoop v1.0.4 // indirect\n\tgithub.com/go-logr/logr v1.4.1 // indirect\n\tgithub.com/go-logr/stdr v1.2.2 // indirect\n\tgithub.com/gorilla/websocket v1.5.3 // indirect\n\tgo.opentelemetry.io/otel v1.27.0 // indirect\n\tgo.opentelemetry.io/otel/metric v1.27.0 // indirect\n\tgo.opentelemetry.io/otel/trace v1.27.0 // indirect\n)\n`;
  const OPAMPSRV_IMPORTS = ['"context"', '"encoding/json"', '"errors"', '"log"', '"net/http"', '"os"', '"regexp"', '"time"', '', '"github.com/google/uuid"', '"github.com/oklog/ulid/v2"', '"github.com/open-telemetry/opamp-go/protobufs"', '"github.com/open-telemetry/opamp-go/server"', '"github.com/open-telemetry/opamp-go/server/types"', '"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"', '', `"${MOD}/data"`];
  const OPAMPSRV_BODY = [
    'type Server struct {\n\topampSrv   server.OpAMPServer\n\thttpServer *http.Server\n}',
    'func (srv *Server) Start() {\n\tsettings := server.StartSettings{\n\t\tSettings: server.Settings{Callbacks: types.Callbacks{OnConnecting: func(request *http.Request) types.ConnectionResponse { return types.ConnectionResponse{Accept: true} }}},\n\t\tListenEndpoint: "0.0.0.0:4320",\n\t\tHTTPMiddleware: otelhttp.NewMiddleware("/v1/opamp"),\n\t}\n\tmux := http.NewServeMux()\n\tsrv.httpServer = &http.Server{Addr: "0.0.0.0:4321", Handler: mux}\n\tgo func() { _ = srv.httpServer.ListenAndServe() }()\n\t_ = srv.opampSrv.Start(settings)\n}',
    'func (srv *Server) getAgentById(writer http.ResponseWriter, request *http.Request) {\n\tif _, err := uuid.Parse(""); err != nil {\n\t\thttp.Error(writer, "invalid uuid", http.StatusBadRequest)\n\t}\n\t_, _ = ulid.Parse("")\n\t_ = protobufs.AgentConfigMap{}\n}',
  ];
  const goFile = (pkg: string, imports: string[], body: string[]) => `// Copyright The OpenTelemetry Authors\n// SPDX-License-Identifier: Apache-2.0\n\npackage ${pkg}\n\nimport (\n${imports.map((i) => (i ? `\t${i}\n` : '\n')).join('')})\n\n${body.join('\n\n')}\n`;
  const bridge = (over: { imports?: string[]; body?: string[]; files?: Record<string, string> } = {}) => tempWorkspace({
    'Dockerfile': DOCKERFILE,
    'go.mod': GO_MOD_TEXT,
    'go.sum': '',
    'main.go': goFile('main', ['"log"', '"os"', '"os/signal"', '', `"${MOD}/data"`, `"${MOD}/opampsrv"`], ['func main() {\n\tagents := data.NewAgents()\n\ts := opampsrv.NewServer(agents)\n\ts.Start()\n\tinterrupt := make(chan os.Signal, 1)\n\tsignal.Notify(interrupt, os.Interrupt)\n\t<-interrupt\n\tlog.Println("bye")\n}']),
    'opampsrv/opampsrv.go': goFile('opampsrv', [...OPAMPSRV_IMPORTS, ...(over.imports ?? [])], [...OPAMPSRV_BODY, ...(over.body ?? [])]),
    'opampsrv/logger.go': goFile('opampsrv', ['"context"', '"log"', '', '"github.com/open-telemetry/opamp-go/client/types"'], ['var _ types.Logger = &Logger{}', 'type Logger struct{ logger *log.Logger }', 'func (l *Logger) Debugf(ctx context.Context, format string, v ...any) { l.logger.Printf(format, v...) }']),
    'data/agents.go': goFile('data', ['"log"', '"maps"', '"sync"', '', '"github.com/open-telemetry/opamp-go/protobufs"', '"github.com/open-telemetry/opamp-go/protobufshelpers"', '"github.com/open-telemetry/opamp-go/server/types"'], ['type Agents struct{ mux sync.RWMutex }', 'func NewAgents() *Agents { return &Agents{} }']),
    'data/agent.go': goFile('data', ['"bytes"', '"context"', '"crypto/sha256"', '"encoding/json"', '"sync"', '"time"', '', '"github.com/google/uuid"', '"github.com/open-telemetry/opamp-go/protobufs"', '"github.com/open-telemetry/opamp-go/server/types"', '"google.golang.org/protobuf/proto"'], ['type InstanceId uuid.UUID']),
    ...over.files,
  });
  const gd202 = (o: AnalyzeOptions) => lint(DOCKERFILE, o).filter((f) => f.code === 'GD202');

  it('silent: net/http only serves, and every module package it imports opens no connection (uuid, ulid, protobuf, the OpAMP server, otelhttp middleware)', () => {
    assert.deepEqual(gd202(bridge()), []);
  });

  it('judge27 X reproducer: a net/http server whose only module is google/uuid is silent', () => {
    const o = tempWorkspace({
      'go.mod': 'module example.com/srv\n\ngo 1.22\n\nrequire github.com/google/uuid v1.6.0\n', 'go.sum': '',
      'main.go': 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/google/uuid"\n)\n\nfunc main() {\n\thttp.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(uuid.NewString())) })\n\thttp.ListenAndServe(":8080", nil)\n}\n',
    });
    const text = df(['FROM golang:1.22-alpine AS b', 'WORKDIR /app', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o srv .', 'FROM scratch', 'COPY --from=b /app/srv /srv', 'USER 65532:65532', 'ENTRYPOINT ["/srv"]']);
    assert.deepEqual(lint(text, o).filter((f) => f.code === 'GD202'), []);
    // The same server that also fetches over HTTPS is reported.
    const fetching = tempWorkspace({
      'go.mod': 'module example.com/srv\n\ngo 1.22\n\nrequire github.com/google/uuid v1.6.0\n', 'go.sum': '',
      'main.go': 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/google/uuid"\n)\n\nfunc main() {\n\t_, _ = http.Get("https://example.com/" + uuid.NewString())\n\thttp.ListenAndServe(":8080", nil)\n}\n',
    });
    assert.equal(lint(text, fetching).filter((f) => f.code === 'GD202').length, 1);
  });

  it('reported when the program can dial: otelhttp\'s client side (or otelhttp renamed), the OpAMP client, an OTLP exporter, a websocket client, a database driver, net/http\'s client', () => {
    for (const [label, over] of [
      ['otelhttp.Get', { body: ['func fetch(ctx context.Context) { _, _ = otelhttp.Get(ctx, "https://example.com") }'] }],
      ['otelhttp.NewTransport', { body: ['var rt = otelhttp.NewTransport(nil)'] }],
      ['otelhttp in another file', { files: { 'opampsrv/fetch.go': goFile('opampsrv', ['"context"', '', '"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"'], ['func fetch(ctx context.Context) { _, _ = otelhttp.Post(ctx, "https://example.com", "", nil) }']) } }],
      ['otelhttp renamed', { files: { 'opampsrv/mw.go': goFile('opampsrv', ['oh "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"'], ['var mw = oh.NewMiddleware("x")']) } }],
      ['the OpAMP client', { imports: ['"github.com/open-telemetry/opamp-go/client"'], body: ['var c = client.NewWebSocket(nil)'] }],
      ['an OTLP exporter', { imports: ['"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"'], body: ['var e = otlptracehttp.New'] }],
      ['a websocket client', { imports: ['"github.com/gorilla/websocket"'], body: ['var d = websocket.DefaultDialer'] }],
      ['a database driver', { imports: ['_ "github.com/lib/pq"'] }],
      ['http.Client', { body: ['var hc = &http.Client{}'] }],
    ] as [string, Parameters<typeof bridge>[0]][]) assert.equal(gd202(bridge(over)).length, 1, label);
  });
  // bluenviron/mediamtx 3e09466 (MIT), docker/standard.Dockerfile: scripts/binaries.mk builds the
  // module's root package into release tarballs before `docker build`; the image ADDs them in a
  // scratch stage and copies the one of its platform to /. Skeleton: go.mod's module line, main.go,
  // internal/core's and internal/auth's imports (auth fetches JWKS with an http.Client), the
  // .dockerignore. Users reported the x509 failures upstream (issues 4561, 4717). Judge 29, Y M5.
  const MEDIAMTX_DOCKERFILE = df([
    'FROM --platform=linux/amd64 scratch AS binaries',
    'ADD binaries/mediamtx_*_linux_amd64.tar.gz /linux/amd64',
    'ADD binaries/mediamtx_*_linux_arm64.tar.gz /linux/arm64',
    'FROM scratch',
    'ARG TARGETPLATFORM',
    'COPY --from=binaries /$TARGETPLATFORM /',
    'ENTRYPOINT [ "/mediamtx" ]',
  ]);
  const mediamtx = (auth = '\thttpClient := &http.Client{}\n\t_ = httpClient\n') => tempWorkspace({
    'go.mod': 'module github.com/bluenviron/mediamtx\n\ngo 1.26.0\n',
    'go.sum': '',
    '.dockerignore': '/tmp\n/coverage*.txt\n/internal/core/VERSION\n',
    'main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/bluenviron/mediamtx/internal/core"\n)\n\nfunc main() {\n\tcore.New(os.Args[1:])\n}\n',
    'internal/core/core.go': 'package core\n\nimport (\n\t"net"\n\n\t"github.com/bluenviron/mediamtx/internal/auth"\n)\n\nfunc New(args []string) bool {\n\t_ = net.IPv4len\n\treturn auth.Ok(args)\n}\n',
    'internal/auth/manager.go': `package auth\n\nimport (\n\t"net/http"\n)\n\nfunc Ok(args []string) bool {\n${auth}\t_ = http.MethodGet\n\treturn len(args) > 0\n}\n`,
    'docker/standard.Dockerfile': MEDIAMTX_DOCKERFILE,
  }, 'docker/standard.Dockerfile');

  it('mediamtx: a prebuilt binary the final scratch stage starts is the module\'s program: reported, with no fix', () => {
    const o = mediamtx();
    const found = lint(MEDIAMTX_DOCKERFILE, o).filter((f) => f.code === 'GD202');
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0].message, /the program it starts \(\/mediamtx, the program of the main package\)/);
    assert.match(found[0].message, /COPY --from=alpine:3/);
    assert.match(found[0].message, /x509: certificate signed by unknown authority/);
    assert.equal(found[0].fix, undefined);
  });

  it('mediamtx: silent when the started file names no main package, or the program makes no TLS connection', () => {
    const gd202 = (text: string, o: ReturnType<typeof mediamtx>) => lint(text, o).filter((f) => f.code === 'GD202');
    assert.deepEqual(gd202(MEDIAMTX_DOCKERFILE.replace('"/mediamtx"', '"/other"'), mediamtx()), []);
    assert.deepEqual(gd202(MEDIAMTX_DOCKERFILE, mediamtx('')), []);
    // rpi.Dockerfile: the Debian images' whole file systems, copied into per-platform folders of a
    // scratch stage, land in / with the binary (wget's recommends brought ca-certificates).
    const rootfs = MEDIAMTX_DOCKERFILE.replace('FROM scratch\n', 'FROM debian:bullseye-slim AS base-arm64\nRUN apt update && apt install -y wget\nFROM scratch AS base\nCOPY --from=base-arm64 / /linux/arm64\nFROM scratch\n').replace('COPY --from=binaries', 'COPY --from=base /$TARGETPLATFORM /\nCOPY --from=binaries');
    assert.deepEqual(gd202(rootfs, mediamtx()), [], rootfs);
    // regclient's build/Dockerfile.regctl (judge 28): a staging folder a RUN filled with the bundle, copied to /.
    const staged = MEDIAMTX_DOCKERFILE.replace('FROM scratch\n', 'FROM alpine:3.21 AS release-base\nRUN mkdir -p /output/etc/ssl/certs && cp -a /etc/ssl/certs/ca-certificates.crt /output/etc/ssl/certs/\nFROM scratch\n').replace('COPY --from=binaries', 'COPY --from=release-base /output /\nCOPY --from=binaries');
    assert.deepEqual(gd202(staged, mediamtx()), [], staged);
    // A CA bundle brought in.
    assert.deepEqual(gd202(MEDIAMTX_DOCKERFILE.replace('ENTRYPOINT', 'COPY --from=alpine:3 /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nENTRYPOINT'), mediamtx()), []);
  });
});

// Judge X (round 30), ncabatoff/process-exporter e52ab0a (MIT), Dockerfile:12 and
// Dockerfile.cloudbuild:1 (wrong): the exporter only serves /metrics. Skeleton: go.mod's module
// line and direct requirements, the Makefile's build target, cmd/process-exporter/main.go's import
// block and its serving calls, the import blocks of the local packages it reaches (the root
// package, collector, config, proc). No .dockerignore.
describe('GD202: an exporter that only serves /metrics (ncabatoff/process-exporter)', () => {
  const DOCKERFILE = df([
    '# Start from a Debian image with the latest version of Go installed',
    '# and a workspace (GOPATH) configured at /go.',
    'FROM --platform=$BUILDPLATFORM golang:1.23.8 AS build',
    'ARG TARGETARCH',
    'ARG BUILDPLATFORM',
    'WORKDIR /go/src/github.com/ncabatoff/process-exporter',
    'ADD . .',
    '',
    '# Build the process-exporter command inside the container.',
    'RUN CGO_ENABLED=0 GOARCH=$TARGETARCH make build',
    '',
    'FROM scratch',
    '',
    'COPY --from=build /go/src/github.com/ncabatoff/process-exporter/process-exporter /bin/process-exporter',
    '',
    '# Run the process-exporter command by default when the container starts.',
    'ENTRYPOINT ["/bin/process-exporter"]',
    '',
    '# Document that the service listens on port 9256.',
    'EXPOSE 9256',
  ]);
  const CLOUDBUILD = df(['FROM scratch', 'COPY gopath/bin/process-exporter /process-exporter', 'ENTRYPOINT ["/process-exporter"]', 'EXPOSE 9256']);
  const MOD = 'github.com/ncabatoff/process-exporter';
  const MAIN_IMPORTS = ['"context"', '"flag"', '"fmt"', '"log"', '"net/http"', '_ "net/http/pprof"', '"os"', '"os/signal"', '"regexp"', '"strings"', '"syscall"', '"time"', '',
    '"github.com/ncabatoff/fakescraper"', `common "${MOD}"`, `"${MOD}/collector"`, `"${MOD}/config"`, '"github.com/prometheus/client_golang/prometheus"',
    'verCollector "github.com/prometheus/client_golang/prometheus/collectors/version"', '"github.com/prometheus/client_golang/prometheus/promhttp"',
    '"github.com/prometheus/common/promlog"', 'promVersion "github.com/prometheus/common/version"', '"github.com/prometheus/exporter-toolkit/web"'];
  const MAIN_BODY = [
    'func main() {',
    '\tlistenAddress := flag.String("web.listen-address", ":9256", "Address on which to expose metrics and web interface.")',
    '\tmetricsPath := flag.String("web.telemetry-path", "/metrics", "Path under which to expose metrics.")',
    '\ttlsConfigFile := flag.String("web.config.file", "", "Path to a web configuration file")',
    '\tflag.Parse()',
    '\tlogger := promlog.New(&promlog.Config{})',
    '\tprometheus.MustRegister(verCollector.NewCollector("process_exporter"))',
    '\t_ = promVersion.Info()',
    '\tfscraper := fakescraper.NewFakeScraper()',
    '\t_ = fscraper',
    '\thttp.Handle(*metricsPath, promhttp.Handler())',
    '\tserver := &http.Server{Addr: *listenAddress}',
    '\tif err := web.ListenAndServe(server, &web.FlagConfig{WebListenAddresses: &[]string{*listenAddress}, WebConfigFile: tlsConfigFile}, logger); err != nil && err != http.ErrServerClosed {',
    '\t\tlog.Fatalf("Failed to start the server: %v", err)',
    '\t}',
    '}',
  ].join('\n');
  const goFile = (pkg: string, imports: string[], body: string) => `package ${pkg}\n\nimport (\n${imports.map((i) => (i ? `\t${i}\n` : '\n')).join('')})\n\n${body}\n`;
  const exporter = (extra: string[] = [], body = '') => tempWorkspace({
    'Dockerfile': DOCKERFILE,
    'Dockerfile.cloudbuild': CLOUDBUILD,
    'go.mod': `module ${MOD}\n\ngo 1.23.0\n\ntoolchain go1.23.8\n\nrequire (\n\tgithub.com/google/go-cmp v0.6.0\n\tgithub.com/ncabatoff/fakescraper v0.0.0-20201102132415-4b37ba603d65\n\tgithub.com/ncabatoff/go-seq v0.0.0-20180805175032-b08ef85ed833\n\tgithub.com/prometheus/client_golang v1.19.0\n\tgithub.com/prometheus/common v0.52.3\n\tgithub.com/prometheus/exporter-toolkit v0.11.0\n\tgithub.com/prometheus/procfs v0.14.0\n\tgopkg.in/check.v1 v1.0.0-20201130134442-10cb98267c6c\n\tgopkg.in/yaml.v2 v2.4.0\n)\n`,
    'go.sum': '',
    'Makefile': 'build:\n\t@echo ">> building code"\n\tcd cmd/process-exporter; CGO_ENABLED=0 go build -ldflags "$(VERSION_LDFLAGS)" -o ../../process-exporter -a -tags netgo\n',
    'common.go': goFile('common', ['"fmt"', '"time"'], 'type Update struct{ Start time.Time }\n\nvar _ = fmt.Sprint'),
    'cmd/process-exporter/main.go': goFile('main', [...MAIN_IMPORTS, ...extra], MAIN_BODY + body),
    'collector/process_collector.go': goFile('collector', ['"log"', '"time"', '', `common "${MOD}"`, `"${MOD}/proc"`, '"github.com/prometheus/client_golang/prometheus"'], 'var _ = log.Println\nvar _ = time.Now\nvar _ common.Update\nvar _ = proc.Count\nvar _ prometheus.Collector'),
    'config/config.go': goFile('config', ['"bytes"', '"fmt"', '"io/ioutil"', '"log"', '"path/filepath"', '"regexp"', '"strings"', '"text/template"', '"time"', '', `common "${MOD}"`, '"gopkg.in/yaml.v2"'], 'var _ common.Update\nvar _ = yaml.Marshal'),
    'proc/read.go': goFile('proc', ['"fmt"', '"os"', '"path/filepath"', '"strconv"', '"time"', '', '"github.com/prometheus/procfs"'], 'var Count = 0\nvar _ = procfs.NewFS'),
    'proc/grouper.go': goFile('proc', ['"time"', '', `common "${MOD}"`, 'seq "github.com/ncabatoff/go-seq/seq"'], 'var _ = seq.Compare\nvar _ common.Update'),
  });
  const gd202 = (text: string, o: AnalyzeOptions) => lint(text, o).filter((f) => f.code === 'GD202');

  it('silent: net/http only serves, and every module package it reaches opens no connection (procfs, promlog, version, exporter-toolkit/web, fakescraper, go-seq)', () => {
    assert.deepEqual(gd202(DOCKERFILE, exporter()), []);
    assert.deepEqual(gd202(CLOUDBUILD, exporter()), []);
  });

  it('still reported when the exporter can dial: an HTTP client from prometheus/common/config, http.Get, the push client', () => {
    assert.equal(gd202(DOCKERFILE, exporter(['config_util "github.com/prometheus/common/config"'], '\n\nvar _ = config_util.NewClientFromConfig\n')).length, 1);
    assert.equal(gd202(DOCKERFILE, exporter([], '\n\nfunc fetch() { _, _ = http.Get("https://example.com") }\n')).length, 1);
    assert.equal(gd202(CLOUDBUILD, exporter(['"github.com/prometheus/client_golang/prometheus/push"'], '\n\nvar _ = push.New\n')).length, 1);
  });
});

// Judge 31 X W2 and W7: programs whose only TLS evidence makes no connection against the system roots.
describe('GD202: plaintext gRPC, in-cluster Kubernetes clients and plain-http requests (topolvm, cri-o)', () => {
  // topolvm/topolvm 83e3dce (Apache-2.0), Dockerfile:15-34 and :50 (the `topolvm` image and
  // `topolvm-with-sidecar` FROM it; the apt and sidecar lines cut), with the skeleton of
  // ./cmd/hypertopolvm: its node's gRPC client dials lvmd's unix socket with insecure
  // credentials (cmd/topolvm-node/app/run.go:110), lvmd serves gRPC and metrics (cmd/lvmd/app/
  // root.go), the manager's configuration is controller-runtime's GetConfigOrDie (in-cluster in
  // the pod). Import blocks as in the repository, bodies cut to those calls; context: the root.
  const TOPOLVM = df([
    'FROM --platform=$BUILDPLATFORM golang:1.25-bookworm AS build-topolvm',
    'WORKDIR /workdir',
    'COPY . /workdir',
    'ARG TARGETARCH',
    'RUN GOARCH=${TARGETARCH} CGO_ENABLED=0 go build -o build/hypertopolvm ./cmd/hypertopolvm',
    '',
    'FROM ubuntu:22.04 AS topolvm',
    'COPY --from=build-topolvm /workdir/build/hypertopolvm /hypertopolvm',
    'RUN ln -s hypertopolvm /lvmd && ln -s hypertopolvm /topolvm-node',
    'COPY --from=build-topolvm /workdir/LICENSE /LICENSE',
    'ENTRYPOINT ["/hypertopolvm"]',
    '',
    'FROM topolvm AS topolvm-with-sidecar',
    'COPY --from=build-topolvm /workdir/build/csi-provisioner /csi-provisioner',
  ]);
  const NODE_RUN = (dial = 'grpc.WithTransportCredentials(insecure.NewCredentials())', credImport = '"google.golang.org/grpc/credentials/insecure"') => [
    'package app', '', 'import (', '\t"context"', '', '\t"github.com/container-storage-interface/spec/lib/go/csi"', '\t"github.com/spf13/viper"',
    '\t"google.golang.org/grpc"', `\t${credImport}`, '\t"google.golang.org/grpc/health/grpc_health_v1"', '\tstoragev1 "k8s.io/api/storage/v1"',
    '\t"k8s.io/apimachinery/pkg/runtime"', '\tutilruntime "k8s.io/apimachinery/pkg/util/runtime"', '\tclientgoscheme "k8s.io/client-go/kubernetes/scheme"',
    '\tctrl "sigs.k8s.io/controller-runtime"', '\t"sigs.k8s.io/controller-runtime/pkg/manager"', ')', '',
    'func run(ctx context.Context) error {',
    '\tmgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})',
    `\tconn, err := grpc.NewClient("unix:"+config.lvmdSocket, ${dial})`,
    '\treturn nil', '}', '',
  ].join('\n');
  const LVMD_ROOT = [
    'package app', '', 'import (', '\t"net"', '\t"net/http"', '', '\t"github.com/go-logr/logr"', '\t"github.com/prometheus/client_golang/prometheus/promhttp"',
    '\t"github.com/spf13/cobra"', '\t"google.golang.org/grpc"', '\t"google.golang.org/grpc/health/grpc_health_v1"', '\t"k8s.io/klog/v2"',
    '\tctrl "sigs.k8s.io/controller-runtime"', '\t"sigs.k8s.io/controller-runtime/pkg/log"', '\t"sigs.k8s.io/controller-runtime/pkg/log/zap"', ')', '',
    'func subMain() error {', '\tgrpcServer := grpc.NewServer()', '\tmux := http.NewServeMux()', '\tmux.Handle("/metrics", promhttp.Handler())',
    '\treturn (&http.Server{Handler: mux}).ListenAndServe()', '}', '',
  ].join('\n');
  const topolvmTree = (node = NODE_RUN()) => ({
    'go.mod': 'module github.com/topolvm/topolvm\n\ngo 1.25.7\n\nrequire (\n\tgoogle.golang.org/grpc v1.72.0\n\tsigs.k8s.io/controller-runtime v0.21.0\n)\n',
    '.dockerignore': '.git\n',
    'LICENSE': 'Apache License\n',
    'cmd/hypertopolvm/main.go': 'package main\n\nimport (\n\t"io"\n\t"os"\n\t"path/filepath"\n\n\tlvmd "github.com/topolvm/topolvm/cmd/lvmd/app"\n\tnode "github.com/topolvm/topolvm/cmd/topolvm-node/app"\n)\n\nfunc main() {}\n',
    'cmd/topolvm-node/app/run.go': node,
    'cmd/lvmd/app/root.go': LVMD_ROOT,
  });

  it('is silent on topolvm: gRPC only with insecure credentials over a unix socket, servers, an in-cluster manager', () => {
    assert.deepEqual(find(TOPOLVM, { ...tempWorkspace(topolvmTree(), 'Dockerfile'), only: ONLY }, 'GD202'), []);
  });

  it('still reports when a gRPC dial may use TLS: TLS credentials, or a dial that never asks for plaintext', () => {
    const tls = topolvmTree(NODE_RUN('grpc.WithTransportCredentials(credentials.NewTLS(nil))', '"google.golang.org/grpc/credentials"'));
    const [f] = find(TOPOLVM, { ...tempWorkspace(tls, 'Dockerfile'), only: ONLY }, 'GD202');
    assert.ok(f);
    assert.match(f.message, /reaches google\.golang\.org\/grpc/);
    const plain = topolvmTree(NODE_RUN('opts...'));
    assert.equal(find(TOPOLVM, { ...tempWorkspace(plain, 'Dockerfile'), only: ONLY }, 'GD202').length, 1);
  });

  // cri-o/cri-o f954a17 (Apache-2.0), contrib/metrics-exporter/Containerfile and main.go (its
  // import block, the in-cluster configuration at :37 and the request of :131-150; the rest cut):
  // the API server through rest.InClusterConfig() (the service account's CA) and each node's
  // CRI-O metrics port over plain http. bin/metrics-exporter is the Makefile's build; context: the root.
  const CRIO = df(['FROM scratch', 'COPY bin/metrics-exporter /metrics-exporter', 'ENTRYPOINT ["/metrics-exporter"]']);
  const EXPORTER = (scheme = 'Scheme: "http",') => [
    'package main', '', 'import (', '\t"context"', '\t"fmt"', '\t"io"', '\t"net"', '\t"net/http"', '\t"net/url"', '\t"strings"', '',
    '\t"github.com/sirupsen/logrus"', '\tv1 "k8s.io/api/core/v1"', '\tmetav1 "k8s.io/apimachinery/pkg/apis/meta/v1"', '\t"k8s.io/client-go/kubernetes"',
    '\t"k8s.io/client-go/rest"', '\t"sigs.k8s.io/release-utils/env"', ')', '',
    'func main() {', '\tif err := run(); err != nil {', '\t\tlogrus.Fatalf("Unable to run: %v", err)', '\t}', '}', '',
    'func run() error {', '\tconfig, err := rest.InClusterConfig()', '\tclientset, err := kubernetes.NewForConfig(config)',
    '\treturn http.ListenAndServe(addr, nil)', '}', '',
    'func (h *handler) ServeHTTP(w http.ResponseWriter, req *http.Request) {',
    '\tmetricsEndpoint := url.URL{', `\t\t${scheme}`, '\t\tHost:   net.JoinHostPort(h.ip, env.Default("CRIO_METRICS_PORT", "9090")),', '\t\tPath:   "/metrics",', '\t}',
    '\tmetricsReq, err := http.NewRequestWithContext(req.Context(), http.MethodGet, metricsEndpoint.String(), http.NoBody)',
    '\tresp, err := http.DefaultClient.Do(metricsReq)', '}', '',
  ].join('\n');
  const crioTree = (main = EXPORTER(), extra: Record<string, string> = {}) => ({
    'go.mod': 'module github.com/cri-o/cri-o\n\ngo 1.24\n\nrequire k8s.io/client-go v0.33.0\n',
    '.dockerignore': '.git\n',
    'contrib/metrics-exporter/main.go': main,
    'bin/metrics-exporter': 'ELF',
    ...extra,
  });

  it('is silent on cri-o\'s metrics-exporter: in-cluster client-go and plain-http requests only', () => {
    assert.deepEqual(find(CRIO, { ...tempWorkspace(crioTree(), 'contrib/metrics-exporter/Containerfile'), only: ONLY }, 'GD202'), []);
  });

  it('still reports when a request may be https, or the program reads a kubeconfig itself', () => {
    const https = crioTree(EXPORTER('Scheme: "https",'));
    const [f] = find(CRIO, { ...tempWorkspace(https, 'contrib/metrics-exporter/Containerfile'), only: ONLY }, 'GD202');
    assert.ok(f);
    assert.match(f.message, /reaches net\/http/);
    const parsed = crioTree(EXPORTER('Scheme: "http",').replace('metricsEndpoint.String()', 'mustParse(url.Parse(os.Args[1]))'));
    assert.equal(find(CRIO, { ...tempWorkspace(parsed, 'contrib/metrics-exporter/Containerfile'), only: ONLY }, 'GD202').length, 1, 'a URL parsed from text may be https');
    const kubeconfig = crioTree(EXPORTER().replace('\t"k8s.io/client-go/rest"', '\t"k8s.io/client-go/rest"\n\t"k8s.io/client-go/tools/clientcmd"').replace('func run() error {', 'func run() error {\n\tcfg, _ := clientcmd.BuildConfigFromFlags("", kubeconfig)\n\thttp.Get(cfg.Host)'));
    assert.equal(find(CRIO, { ...tempWorkspace(kubeconfig, 'contrib/metrics-exporter/Containerfile'), only: ONLY }, 'GD202').length, 1);
  });
});

// Judge Y (round 30) M5, thomaspoignant/go-feature-flag 3c7c30db (MIT),
// cmd/relayproxy/DockerfileGoreleaserBookworm:1 (and ...Trixie): goreleaser builds the relay proxy
// (`builds:` id go-feature-flag, `main: ./cmd/relayproxy`, `binary: go-feature-flag`) and its
// `dockers_v2:` entry go-feature-flag-bookworm (`ids: [go-feature-flag]`) builds this Dockerfile
// with the binary at `$TARGETPLATFORM/go-feature-flag`; debian-slim has no CA bundle and the proxy
// fetches its flag files over HTTPS. No package goes by the name go-feature-flag (the module root is
// a library), so only the config says which program it is. Skeleton: go.mod's module line, the
// .goreleaser.yaml's build and dockers_v2 entries (shortened), the import chain main.go ->
// cmd/relayproxy/service -> cmdhelpers/retrieverconf/init -> retriever/httpretriever (net/http),
// the root package's package clause. No .dockerignore.
describe('GD202: a goreleaser image of a binary named by `binary:` (thomaspoignant/go-feature-flag)', () => {
  const BOOKWORM = df(['FROM debian:bookworm-slim', 'ARG TARGETPLATFORM', 'COPY $TARGETPLATFORM/go-feature-flag /go-feature-flag', 'CMD ["/go-feature-flag"]']);
  const M = 'github.com/thomaspoignant/go-feature-flag';
  const goreleaser = (ids = '      - go-feature-flag', dockerfile = './cmd/relayproxy/DockerfileGoreleaserBookworm') => [
    'version: 2', 'dist: release', 'builds:',
    '  - id: go-feature-flag-relay-proxy', '    main: ./cmd/relayproxy', '    binary: go-feature-flag-relay-proxy', '    env:', '      - CGO_ENABLED=0',
    '  - id: go-feature-flag', '    main: ./cmd/relayproxy', '    binary: go-feature-flag', '    env:', '      - CGO_ENABLED=0',
    '  - id: go-feature-flag-cli', '    main: ./cmd/cli', '    binary: go-feature-flag-cli',
    'dockers_v2:', '  - id: go-feature-flag-bookworm', '    ids:', ids, `    dockerfile: ${dockerfile}`, '    images:', '      - gofeatureflag/go-feature-flag', '    tags:', '      - "bookworm"', '',
  ].join('\n');
  const gff = (config: string | null = goreleaser()) => tempWorkspace({
    'go.mod': `module ${M}\n\ngo 1.26.6\n`,
    'go.sum': '',
    ...(config === null ? {} : { '.goreleaser.yaml': config }),
    'feature_flag.go': 'package ffclient\n',
    'cmd/relayproxy/main.go': `package main\n\nimport (\n\t"context"\n\t"os"\n\n\t"${M}/cmd/relayproxy/service"\n)\n\nfunc main() {\n\t_ = service.New(context.Background(), os.Args)\n}\n`,
    'cmd/relayproxy/service/gofeatureflag_client.go': `package service\n\nimport (\n\t"context"\n\n\tretrieverInit "${M}/cmdhelpers/retrieverconf/init"\n)\n\nfunc New(ctx context.Context, args []string) error { return retrieverInit.InitRetriever(ctx, args) }\n`,
    'cmdhelpers/retrieverconf/init/retriever_init.go': `package init\n\nimport (\n\t"context"\n\n\t"${M}/retriever/httpretriever"\n)\n\nfunc InitRetriever(ctx context.Context, args []string) error { return httpretriever.Retrieve(ctx, args[0]) }\n`,
    'retriever/httpretriever/retriever.go': 'package httpretriever\n\nimport (\n\t"context"\n\t"net/http"\n)\n\nfunc Retrieve(ctx context.Context, url string) error {\n\treq, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)\n\t_, err := http.DefaultClient.Do(req)\n\treturn err\n}\n',
    'cmd/cli/main.go': 'package main\n\nfunc main() {}\n',
    'cmd/relayproxy/DockerfileGoreleaserBookworm': BOOKWORM,
  }, 'cmd/relayproxy/DockerfileGoreleaserBookworm');
  const gd202 = (text: string, o: AnalyzeOptions) => lint(text, o).filter((f) => f.code === 'GD202');

  it('the binary the dockers_v2 entry ships is the build of ./cmd/relayproxy: reported on the FROM line', () => {
    const found = gd202(BOOKWORM, gff());
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(BOOKWORM.slice(found[0].span.start, found[0].span.end), 'FROM debian:bookworm-slim');
    assert.match(found[0].message, /the program it starts \(\/go-feature-flag, the program of \.\/cmd\/relayproxy\)/);
    assert.match(found[0].message, /debian:bookworm-slim \(debian\)/);
    // The file under another name in the image: the context file's name is the binary's.
    const renamed = BOOKWORM.replace('/go-feature-flag /go-feature-flag', '/go-feature-flag /app').replace('"/go-feature-flag"', '"/app"');
    assert.equal(gd202(renamed, gff()).length, 1, renamed);
  });

  it('silent without the config, when the entry names another Dockerfile or selects another build, or with a bundle', () => {
    assert.deepEqual(gd202(BOOKWORM, gff(null)), []);
    assert.deepEqual(gd202(BOOKWORM, gff(goreleaser('      - go-feature-flag', './cmd/relayproxy/DockerfileGoreleaser'))), []);
    // ids: the CLI's build, whose binary is another file.
    assert.deepEqual(gd202(BOOKWORM, gff(goreleaser('      - go-feature-flag-cli'))), []);
    assert.deepEqual(gd202(BOOKWORM.replace('ARG TARGETPLATFORM', 'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*\nARG TARGETPLATFORM'), gff()), []);
  });
});

// Judge 31 X M2: aquasecurity/tfsec 1ade121 (MIT). Dockerfile.scratch as it is (420 B); goreleaser
// builds it (.goreleaser.yml, 5,673 B: the build `id: tfsec`, `main: ./cmd/tfsec`, `binary: tfsec`
// and the two `dockers:` entries of the -scratch images, other keys cut) with a context of its own
// that holds the binary alone. Skeleton of the module: go.mod's module line, the import blocks of
// cmd/tfsec/main.go (772 B) and internal/app/tfsec/cmd/flags.go (14,873 B; its `http.Get` of
// --config-file-url and --custom-check-url), the other imports of the module cut.
describe('GD202: a goreleaser image linted with goreleaser\'s context (tfsec Dockerfile.scratch)', () => {
  const SCRATCH = [
    'FROM alpine:3.17.2 as nobody', '', 'FROM scratch', '# use a non-privileged user but need to add it in', 'COPY --from=nobody /etc/group /etc/passwd /etc/',
    'USER nobody', '# work somewhere where we can write', 'COPY tfsec /usr/bin/tfsec',
    '# set the default entrypoint -- when this container is run, use this command', 'ENTRYPOINT [ "tfsec" ]',
    '# as we specified an entrypoint, this is appended as an argument (i.e., `tfsec --help`)', 'CMD [ "--help" ]', '',
  ].join('\n');
  const GORELEASER = (dockerfile = 'Dockerfile.scratch') => [
    'builds:', '  - id: tfsec', '    main: ./cmd/tfsec', '    binary: tfsec', '    env:', '      - CGO_ENABLED=0', '',
    'dockers:',
    '  - image_templates: ["aquasec/{{ .ProjectName }}-scratch:{{ .Tag }}-amd64"]', '    ids:', '      - tfsec', `    dockerfile: ${dockerfile}`, '    use: buildx',
    '  - image_templates: ["aquasec/{{ .ProjectName }}-scratch:{{ .Tag }}-arm64v8"]', '    ids:', '      - tfsec', `    dockerfile: ${dockerfile}`, '    use: buildx', '',
  ].join('\n');
  // flags.go lines 343-351, the download of --config-file-url.
  const REMOTE_CONFIG = [
    'func remoteConfigDownloaded() bool {', '\ttempFile := filepath.Join(os.TempDir(), filepath.Base(configFileUrl))', '',
    '\t/* #nosec */', '\tresp, err := http.Get(configFileUrl)', '\tif err != nil || resp.StatusCode != http.StatusOK {', '\t\treturn false', '\t}', '\treturn true', '}', '',
  ].join('\n');
  const FLAGS_IMPORTS = ['"encoding/json"', '"fmt"', '"io"', '"net/http"', '"os"', '"path/filepath"', '', '"github.com/spf13/cobra"'];
  const repo = (files: Record<string, string> = {}): string => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gd202-tfsec-'));
    temps.push(root);
    writeTree(root, {
      'go.mod': 'module github.com/aquasecurity/tfsec\n\ngo 1.22.7\n\nrequire github.com/spf13/cobra v1.8.1\n',
      'Dockerfile.scratch': SCRATCH,
      '.goreleaser.yml': GORELEASER(),
      'cmd/tfsec/main.go': 'package main\n\nimport (\n\t"errors"\n\t"fmt"\n\t"os"\n\n\t"github.com/aquasecurity/tfsec/internal/app/tfsec/cmd"\n)\n\nfunc main() {}\n',
      'internal/app/tfsec/cmd/flags.go': `package cmd\n\nimport (\n${FLAGS_IMPORTS.map((l) => (l ? `\t${l}` : '')).join('\n')}\n)\n\n${REMOTE_CONFIG}`,
      ...files,
    });
    return root;
  };
  const artifacts = (): string => {
    const ctx = fs.mkdtempSync(path.join(os.tmpdir(), 'gd202-tfsec-dist-'));
    temps.push(ctx);
    fs.writeFileSync(path.join(ctx, 'tfsec'), 'ELF');
    return ctx;
  };
  const gd202 = (root: string, context?: string) => {
    const file = path.join(root, 'Dockerfile.scratch');
    const { options } = analysisInputs(file, { context, log: () => {}, workspaceAt: (r) => loadWorkspace(r) });
    return lint(fs.readFileSync(file, 'utf8'), options).filter((f) => f.code === 'GD202');
  };

  it('tfsec: reported with goreleaser\'s context as with the repository\'s', () => {
    const root = repo();
    assert.equal(gd202(root).length, 1);
    const [f] = gd202(root, artifacts());
    assert.match(f?.message ?? '', /tfsec, the program of \.\/cmd\/tfsec/);
  });

  it('tfsec: silent with goreleaser\'s context when the config builds another Dockerfile, or the program makes no TLS connection', () => {
    assert.deepEqual(gd202(repo({ '.goreleaser.yml': GORELEASER('Dockerfile') }), artifacts()), []);
    const plain = repo({ 'internal/app/tfsec/cmd/flags.go': 'package cmd\n\nimport (\n\t"fmt"\n\t"os"\n)\n' });
    assert.deepEqual(gd202(plain, artifacts()), []);
    // A context that is a Go module of its own is the context goreleaser's image is not built from.
    const moduleCtx = artifacts();
    fs.writeFileSync(path.join(moduleCtx, 'go.mod'), 'module example.com/other\n\ngo 1.22\n');
    assert.deepEqual(gd202(repo(), moduleCtx), []);
  });
});

describe('GD202 with a bundle copied to a file named like the certificate folder (bee)', () => {
  // ethersphere/bee a404d60 (BSD-3-Clause) Dockerfile.scratch:13-16 (judge32 Y M10): with no
  // trailing slash and no /etc/ssl/certs folder in scratch, the bundle becomes a file named
  // /etc/ssl/certs; Go reads /etc/ssl/certs/ca-certificates.crt and the files in that folder.
  const ws = () => load('tls'); // main.go calls http.Get
  const bee = (copy: string, extra: string[] = []) => build('.', 'scratch', [...extra, copy]);
  const MISPLACED = 'COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs';

  it('reported, naming the copy; the fix adds the slash, keeps CRLF and clears the finding', () => {
    const text = bee(MISPLACED);
    const [f] = find(text, opts(ws()), 'GD202');
    assert.ok(f);
    assert.match(f.message, /Line 9 copies a bundle to `\/etc\/ssl\/certs` without a trailing slash/);
    assert.match(f.message, /Docker writes the bundle to a file named \/etc\/ssl\/certs/);
    assert.equal(f.fix?.safe, false);
    const fixed = applyFix(text, 'GD202', opts(ws()));
    assert.equal(fixed, text.replace(MISPLACED, `${MISPLACED}/`));
    assert.equal(find(fixed, opts(ws()), 'GD202').length, 0);
    const crlf = text.replace(/\n/g, '\r\n');
    const fixedCrlf = applyFix(crlf, 'GD202', opts(ws()));
    assert.equal(fixedCrlf, crlf.replace(MISPLACED, `${MISPLACED}/`));
    assert.equal(find(fixedCrlf, opts(ws()), 'GD202').length, 0);
  });

  it('silent: the slash, a file destination Go reads, a folder made before, a non-scratch image, /etc/pki and a folder source', () => {
    for (const [copy, extra, final] of [
      [`${MISPLACED}/`, [], 'scratch'],
      ['COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt', [], 'scratch'],
      [MISPLACED, ['COPY --from=build /etc/ssl/certs/extra.pem /etc/ssl/certs/'], 'scratch'],
      [MISPLACED, [], 'gcr.io/distroless/static-debian12'],
      ['COPY --from=build /etc/ssl/certs /etc/ssl/certs', [], 'scratch'],
    ] as [string, string[], string][]) {
      assert.equal(find(build('.', final, [...extra, copy]), opts(ws()), 'GD202').length, 0, copy);
    }
    // Another of Go's folders, written the same way, is misplaced too.
    assert.equal(find(bee('COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/pki/tls/certs'), opts(ws()), 'GD202').length, 1);
  });
});

// Judge X (round 32), mongodb/mongodb-kubernetes-operator f6a53c96128e3e998f4c274964876206ce409305
// (Apache-2.0) scripts/dev/templates/operator/Dockerfile.builder:13 (wrong, W3): the final busybox
// stage has no ENTRYPOINT or CMD; it only carries /workspace/manager, which Dockerfile.operator
// copies out into its UBI image and starts there. Skeleton:
// test/fixtures/realworld/mongodb__mongodb-kubernetes-operator-builder.
describe('GD202: a carrier image that starts nothing (mongodb-kubernetes-operator Dockerfile.builder)', () => {
  const ROOT = path.join(__dirname, '../../fixtures/realworld/mongodb__mongodb-kubernetes-operator-builder');
  const DOCKERFILE = 'scripts/dev/templates/operator/Dockerfile.builder';
  const skeleton = () => {
    assert.match(fs.readFileSync(path.join(ROOT, 'SOURCE.md'), 'utf8'), /Commit: f6a53c96128e3e998f4c274964876206ce409305/);
    const ws = loadWorkspace(ROOT);
    return { text: fs.readFileSync(path.join(ROOT, DOCKERFILE), 'utf8'), opts: { workspace: ws.model, files: ws } };
  };

  it('a hint that says "if": the image has no ENTRYPOINT or CMD and its base starts a shell', () => {
    const s = skeleton();
    const [f] = lint(s.text, s.opts).filter((x) => x.code === 'GD202');
    assert.ok(f);
    assert.equal(f.severity, 'hint');
    assert.match(f.message, /has no ENTRYPOINT or CMD and its base starts a shell: if a container of this image runs the program, copy the CA bundle/);
    assert.match(f.message, /only carries the program to another Dockerfile/);
  });

  it('still a warning once the image starts something: an ENTRYPOINT or CMD of its own, or scratch (no default command)', () => {
    const s = skeleton();
    for (const start of ['ENTRYPOINT ["/workspace/manager"]', 'CMD ["/workspace/manager"]']) {
      const [f] = lint(`${s.text}${start}\n`, s.opts).filter((x) => x.code === 'GD202');
      assert.equal(f?.severity, 'warning', start);
      assert.match(f.message, /Copy the CA bundle from the builder\.$/, start);
    }
    // debian and ubuntu start a shell too: a hint there as well; scratch has no default command.
    const [deb] = lint(s.text.replace('FROM busybox', 'FROM debian:12-slim'), s.opts).filter((x) => x.code === 'GD202');
    assert.equal(deb?.severity, 'hint');
    const [scratch] = lint(s.text.replace('FROM busybox', 'FROM scratch').replace('RUN mkdir /workspace\nCOPY --from=builder /workspace/manager', 'COPY --from=builder /workspace/manager'), s.opts).filter((x) => x.code === 'GD202');
    assert.equal(scratch?.severity, 'warning');
  });
});

// Session 48 made kubeedge/kubeedge's staging/src/github.com/kubeedge/mapper-framework/_template/mapper
// Dockerfile_nostream:13 (Apache-2.0; the regression set's tree of kubeedge/kubeedge, judge 17's
// commit 16cd8548eedb81af293b94f27844144c080eaa89) a carrier hint: the final ubuntu:18.04 stage has no
// ENTRYPOINT or CMD. But the template's resource/deployment.yaml runs the program in that image
// (`command: [ "/bin/sh","-c" ]`, `args: [ "/kubeedge/main --config-file /tmp/config.yaml --v 4" ]`),
// so the warning was right (note48: debatable-wrong). Skeleton below: the Dockerfile and the
// container of the manifest as they are, the import blocks on the way from ./cmd to net/http and
// the http.Post of data/publish/http/client.go:56.
describe('GD202: a carrier-looking image whose program a workspace manifest runs (kubeedge mapper Dockerfile_nostream)', () => {
  const DOCKERFILE = df([
    'FROM golang:1.22.9-alpine3.19 AS builder',
    '',
    'WORKDIR /build',
    '',
    'ENV GO111MODULE=on \\',
    '    GOPROXY=https://goproxy.cn,direct',
    '',
    'COPY . .',
    '',
    'RUN CGO_ENABLED=0 GOOS=linux go build -o main cmd/main.go',
    '',
    '',
    'FROM ubuntu:18.04',
    '',
    'RUN mkdir -p kubeedge',
    '',
    'COPY --from=builder /build/main kubeedge/',
    'COPY ./config.yaml kubeedge/',
    '',
    'WORKDIR kubeedge',
  ]);
  const container = (command: string, args: string) => [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: mapper-test',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: demo',
    '          image:  # Replace with your mapper image name',
    '          imagePullPolicy: IfNotPresent',
    ...(command ? [`          command: ${command}`] : []),
    ...(args ? [`          args: ${args}`] : []),
    '',
  ].join('\n');
  const files = (manifest: string | null): Record<string, string> => ({
    'go.mod': 'module github.com/kubeedge/Template\n\ngo 1.22\n\nrequire k8s.io/klog/v2 v2.130.1\n',
    'cmd/main.go': 'package main\n\nimport (\n\t"errors"\n\t"flag"\n\n\t"k8s.io/klog/v2"\n\n\t"github.com/kubeedge/Template/device"\n)\n\nfunc main() {}\n',
    'device/device.go': 'package device\n\nimport (\n\t"context"\n\n\thttpMethod "github.com/kubeedge/Template/data/publish/http"\n)\n',
    'data/publish/http/client.go': 'package http\n\nimport (\n\t"encoding/json"\n\t"net/http"\n)\n\nfunc publish(targetUrl string) { resp, err := http.Post(targetUrl,\n\t"application/x-www-form-urlencoded", nil); _, _ = resp, err }\n',
    'config.yaml': 'grpc_server:\n  socket_path: /etc/kubeedge/arduino.sock\n',
    ...(manifest === null ? {} : { 'resource/deployment.yaml': manifest }),
  });
  const gd202 = (manifest: string | null, text = DOCKERFILE) => lint(text, tempWorkspace({ ...files(manifest), Dockerfile_nostream: text }, 'Dockerfile_nostream')).filter((f) => f.code === 'GD202');

  it('a warning: resource/deployment.yaml runs /kubeedge/main, which the image holds, through /bin/sh -c', () => {
    const [f, ...rest] = gd202(container('[ "/bin/sh","-c" ]', '[ "/kubeedge/main --config-file /tmp/config.yaml --v 4" ]'));
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /The image has no ENTRYPOINT or CMD, but a container of resource\/deployment\.yaml:9 runs \/kubeedge\/main, which this image holds: copy the CA bundle from the builder\.$/);
    // The script in the command itself, block style, after an exec.
    const block = container('\n            - /bin/bash\n            - -c\n            - "exec /kubeedge/main --v 4"', '');
    assert.equal(gd202(block)[0]?.severity, 'warning');
    // An absolute command without a shell.
    assert.equal(gd202(container('["/kubeedge/main"]', '["--v", "4"]'))[0]?.severity, 'warning');
  });

  it('still the hint when no manifest runs a program of this image', () => {
    for (const [why, manifest] of [
      ['no manifest', null],
      ['another path', container('[ "/bin/sh","-c" ]', '[ "/usr/local/bin/mapper --v 4" ]')],
      ['a shell without -c', container('[ "/bin/sh" ]', '[ "/kubeedge/main" ]')],
      ['the shell runs a relative path', container('[ "/bin/sh","-c" ]', '[ "./main --v 4" ]')],
    ] as const) {
      const [f] = gd202(manifest);
      assert.equal(f?.severity, 'hint', why);
      assert.match(f.message, /if a container of this image runs the program/, why);
    }
    // The image copies the program elsewhere: the manifest's /kubeedge/main is not this image's.
    const [moved] = gd202(container('[ "/bin/sh","-c" ]', '[ "/kubeedge/main" ]'), DOCKERFILE.replace('COPY --from=builder /build/main kubeedge/', 'COPY --from=builder /build/main /opt/'));
    assert.equal(moved?.severity, 'hint');
  });
});

// Judge 37 X W1 (wrong): cayleygraph/cayley 81dcd7d (Apache-2.0) Dockerfile:42. The builder fills
// the staging folder /fs with the CA bundle (lines 6-10, paths relative to WORKDIR /fs) and the
// scratch final stage copies /fs onto `/` (line 45): /etc/ssl/certs/ca-certificates.crt is in the
// image (the judge's buildah build loaded 142 system roots). Skeleton: kit/cayley.ts.
describe('GD202: a staging folder copied onto / holds the CA bundle (cayleygraph/cayley)', () => {
  const gd202 = (text: string) => lint(text, tempWorkspace({ ...cayleyFiles(), Dockerfile: text }, 'Dockerfile')).filter((f) => f.code === 'GD202');
  const CA_LINE = '    cp /etc/ssl/certs/ca-certificates.crt etc/ssl/certs/ca-certificates.crt; \\\n';

  it('silent for cayley\'s Dockerfile (so no fix adds a second bundle)', () => {
    assert.deepEqual(gd202(cayleyDockerfile()), []);
  });

  it('reported when the staging folder gets no bundle: the folder only made, or the bundle copied elsewhere', () => {
    const without = cayleyDockerfile().replace(CA_LINE, '');
    assert.ok(without !== cayleyDockerfile());
    const [f, ...rest] = gd202(without);
    assert.equal(rest.length, 0);
    assert.match(f.message, /The final stage is scratch, which has no CA certificates/);
    // The bundle copied outside the folder the final stage takes.
    assert.equal(gd202(cayleyDockerfile().replace(CA_LINE, '    cp /etc/ssl/certs/ca-certificates.crt /tmp/ca-certificates.crt; \\\n')).length, 1);
    // The folder copied somewhere else than `/`: the bundle lands in /opt/etc/ssl/certs, where Go does not read.
    assert.equal(gd202(cayleyDockerfile().replace('COPY --from=builder /fs /', 'COPY --from=builder /fs /opt')).length, 1);
    // Only the program's folder of /fs is copied.
    assert.equal(gd202(cayleyDockerfile().replace('COPY --from=builder /fs /', 'COPY --from=builder /fs/bin /bin')).length, 1);
  });

  it('silent for the other ways a staging folder gets the bundle', () => {
    for (const [why, text] of [
      // regclient's release-base: the bundle copied into an absolute folder (a trailing slash).
      ['absolute, into the folder', cayleyDockerfile().replace(CA_LINE, '    cp -a /etc/ssl/certs/ca-certificates.crt /fs/etc/ssl/certs/; \\\n')],
      // ktr0731/evans Dockerfile:22: the certificate folder copied under its own name.
      ['a folder under its own name', cayleyDockerfile().replace(CA_LINE, '    cp -R /etc/ssl/certs ./etc/ssl/; \\\n')],
      ['after a cd', cayleyDockerfile().replace(CA_LINE, '    cd etc && cp /etc/ssl/certs/ca-certificates.crt ssl/certs/; \\\n')],
      ['a COPY into the folder', cayleyDockerfile().replace(CA_LINE, '    true; \\\n').replace('WORKDIR /src\n', 'WORKDIR /src\nCOPY --from=alpine:3.21 /etc/ssl/certs/ca-certificates.crt /fs/etc/ssl/certs/\n')],
      ['the folder copied into /etc', cayleyDockerfile().replace('COPY --from=builder /fs /', 'COPY --from=builder /fs/etc /etc')],
      ['the folder\'s contents, written `/.`', cayleyDockerfile().replace('COPY --from=builder /fs /', 'COPY --from=builder /fs/etc/. /etc')],
      ['through a second stage', cayleyDockerfile().replace('FROM scratch\n', 'FROM scratch AS rootfs\nCOPY --from=builder /fs /rootfs\nFROM scratch\n').replace('COPY --from=builder /fs /\n', 'COPY --from=rootfs /rootfs /\n')],
    ] as const) assert.deepEqual(gd202(text), [], why);
  });
});

// mosajjal/dnsmonster 9f54e16 (GPL-3.0) Dockerfile:9-22 (judge 36 Y, M2; skeleton in kit/dnsmonster.ts):
// the build stage `git clone`s https://${REPO}.git, REPO set by an ENV to the module the context's
// go.mod declares, and builds ./cmd/dnsmonster there; scratch gets /opt/dnsmonster/dnsmonster.
// The program is the context's ./cmd/dnsmonster, whose outputs reach crypto/tls (kafka, elastic,
// splunk…). `git fetch --tags` (for `git describe`) changes no file of the clone.
describe('GD202: the final image\'s program built from a `git clone` of the context\'s own module (dnsmonster Dockerfile)', () => {
  const gd202 = (text: string) => lint(text, tempWorkspace({ ...DNSMONSTER_FILES, Dockerfile: text }, 'Dockerfile')).filter((f) => f.code === 'GD202');

  it('reports the scratch stage: ./cmd/dnsmonster reaches crypto/tls; the fix copies alpine\'s bundle from stage 0', () => {
    const text = DNSMONSTER_DOCKERFILE();
    const [f, ...rest] = gd202(text);
    assert.ok(f, 'GD202 reported');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.equal(text.slice(f.span.start, f.span.end), 'FROM scratch');
    assert.match(f.message, /the program can make TLS connections \(\.\/cmd\/dnsmonster reaches crypto\/tls\)/);
    const fixed = applyFix(text, 'GD202', tempWorkspace({ ...DNSMONSTER_FILES, Dockerfile: text }, 'Dockerfile'));
    assert.ok(fixed.includes('FROM scratch\nCOPY --from=0 /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=0 /opt/dnsmonster/dnsmonster /dnsmonster\n'), fixed);
  });

  it('is silent when the clone is not certainly the context\'s module: another repository, a build argument, a branch, a checkout after it', () => {
    assert.deepEqual(gd202(DNSMONSTER_DOCKERFILE(undefined, 'ENV REPO="github.com/mosajjal/sniproxy"')), []);
    // A build argument: `--build-arg REPO=…` may name a fork.
    assert.deepEqual(gd202(DNSMONSTER_DOCKERFILE(undefined, 'ARG REPO="github.com/mosajjal/dnsmonster"')), []);
    assert.deepEqual(gd202(DNSMONSTER_DOCKERFILE(undefined, 'ARG SRC=github.com/mosajjal/dnsmonster\nENV REPO=${SRC}')), []);
    assert.deepEqual(gd202(DNSMONSTER_DOCKERFILE(DNSMONSTER_CLONE.map((l, i) => (i === 0 ? l.replace('--depth 1', '--depth 1 -b v0.9.0') : l)))), []);
    assert.deepEqual(gd202(DNSMONSTER_DOCKERFILE(DNSMONSTER_CLONE.map((l) => l.replace('git fetch --tags', 'git checkout v0.9.0')))), []);
    // The RUN sets the variable itself.
    assert.deepEqual(gd202(DNSMONSTER_DOCKERFILE(DNSMONSTER_CLONE.map((l, i) => (i === 0 ? l.replace('RUN git', 'RUN REPO=github.com/x/y && git') : l)))), []);
  });
});

// kumina/postfix_exporter a6f58e9b2b2b4decc7e65c5a34b4fd53cd6665f1 (Apache-2.0) Dockerfile:1-24,
// go.mod's direct requirements, the import blocks of main.go, logsource.go, logsource_docker.go,
// logsource_file.go, logsource_systemd.go and postfix_exporter.go, main.go:61
// `http.ListenAndServe` and logsource_docker.go:87 `client.NewEnvClient()` (judge 41 X W2):
// net/http only serves the metrics; the one outbound client is the Docker client, over the
// daemon's socket, or with TLS against $DOCKER_CERT_PATH/ca.pem. GD202 said the program's TLS
// connections would fail on debian:latest for want of the system roots.
describe('GD202: an exporter whose only client is the Docker client (postfix_exporter)', () => {
  const DOCKERFILE = df([
    'FROM golang:1.16 AS builder',
    'WORKDIR /src',
    '',
    '# avoid downloading the dependencies on succesive builds',
    'RUN apt-get update -qq && apt-get install -qqy \\',
    '  build-essential \\',
    '  libsystemd-dev',
    '',
    'COPY go.mod go.sum ./',
    'RUN go mod download',
    'RUN go mod verify',
    '',
    'COPY . .',
    '',
    '# Force the go compiler to use modules',
    'ENV GO111MODULE=on',
    'RUN go test',
    'RUN go build -o /bin/postfix_exporter',
    '',
    'FROM debian:latest',
    'EXPOSE 9154',
    'WORKDIR /',
    'COPY --from=builder /bin/postfix_exporter /bin/',
    'ENTRYPOINT ["/bin/postfix_exporter"]',
  ]);
  const imports = (list: string[]) => `import (\n${list.map((i) => `\t"${i}"\n`).join('')})\n`;
  const DOCKER_SOURCE = (call = 'client.NewEnvClient()') => `package main\n\n${imports(['bufio', 'context', 'io', 'log', 'strings', 'github.com/alecthomas/kingpin', 'github.com/docker/docker/api/types', 'github.com/docker/docker/client'])}\nfunc newDocker(ctx context.Context) error {\n\tlog.Println("Reading log events from Docker")\n\tc, err := ${call}\n\tif err != nil {\n\t\treturn err\n\t}\n\t_, _ = c.ContainerLogs(ctx, "postfix", types.ContainerLogsOptions{})\n\t_ = bufio.NewReader\n\t_ = io.EOF\n\t_ = strings.Split\n\t_ = kingpin.Flag\n\treturn nil\n}\n`;
  const repo = (over: Record<string, string> = {}) => tempWorkspace({
    'go.mod': 'module github.com/kumina/postfix_exporter\n\ngo 1.16\n\nrequire (\n\tgithub.com/alecthomas/kingpin v2.2.6+incompatible\n\tgithub.com/coreos/go-systemd/v22 v22.0.0\n\tgithub.com/docker/docker v1.13.1\n\tgithub.com/nxadm/tail v1.4.8\n\tgithub.com/prometheus/client_golang v1.4.1\n)\n',
    'go.sum': '',
    'main.go': `package main\n\n${imports(['context', 'log', 'net/http', 'os', 'github.com/alecthomas/kingpin', 'github.com/prometheus/client_golang/prometheus', 'github.com/prometheus/client_golang/prometheus/promhttp'])}\nfunc main() {\n\tlistenAddress := kingpin.Flag("web.listen-address", "Address to listen on.").Default(":9154").String()\n\tkingpin.Parse()\n\tprometheus.MustRegister()\n\thttp.Handle("/metrics", promhttp.Handler())\n\t_ = context.Background\n\t_ = os.Exit\n\tlog.Fatal(http.ListenAndServe(*listenAddress, nil))\n}\n`,
    'logsource.go': `package main\n\n${imports(['context', 'fmt', 'io', 'github.com/alecthomas/kingpin'])}\nvar _ = fmt.Sprint\nvar _ = io.EOF\nvar _ = kingpin.Flag\nvar _ context.Context\n`,
    'logsource_docker.go': DOCKER_SOURCE(),
    'logsource_file.go': `package main\n\n${imports(['context', 'io', 'log', 'github.com/alecthomas/kingpin', 'github.com/nxadm/tail'])}\nvar _ = tail.TailFile\nvar _ = kingpin.Flag\nvar _ = log.Println\nvar _ = io.EOF\nvar _ context.Context\n`,
    'logsource_systemd.go': `package main\n\n${imports(['context', 'fmt', 'io', 'log', 'time', 'github.com/alecthomas/kingpin', 'github.com/coreos/go-systemd/v22/sdjournal'])}\nvar _ = sdjournal.NewJournal\nvar _ = kingpin.Flag\nvar _ = fmt.Sprint\nvar _ = log.Println\nvar _ = io.EOF\nvar _ = time.Second\nvar _ context.Context\n`,
    'postfix_exporter.go': `package main\n\n${imports(['bufio', 'bytes', 'context', 'errors', 'fmt', 'io', 'log', 'net', 'regexp', 'strconv', 'strings', 'time', 'github.com/prometheus/client_golang/prometheus'])}\nfunc showq(path string) error {\n\tfd, err := net.Dial("unix", path)\n\t_ = fd\n\treturn err\n}\n`,
    ...over,
  });
  const gd202 = (o: AnalyzeOptions) => lint(DOCKERFILE, o).filter((f) => f.code === 'GD202').map((f) => DOCKERFILE.slice(0, f.span.start).split('\n').length);

  it('silent on line 20: the metrics server, the Docker client, a file, the journal and a unix socket', () => {
    assert.deepEqual(gd202(repo()), []);
  });

  it('reported when the Docker client is given an HTTP client or a scheme, or when another client may dial', () => {
    assert.deepEqual(gd202(repo({ 'logsource_docker.go': DOCKER_SOURCE('client.NewClient(host, "1.25", httpClient, nil)') })), [20], 'NewClient with an *http.Client');
    assert.deepEqual(gd202(repo({ 'logsource_docker.go': DOCKER_SOURCE('client.NewClientWithOpts(client.FromEnv, client.WithScheme("https"))') })), [20], 'WithScheme');
    assert.deepEqual(gd202(repo({ 'logsource_docker.go': DOCKER_SOURCE().replace('\t"github.com/docker/docker/client"', '\tdocker "github.com/docker/docker/client"').replace('client.NewEnvClient()', 'docker.NewEnvClient()') })), [20], 'renamed: uses not read');
    assert.deepEqual(gd202(repo({ 'logsource_kafka.go': `package main\n\n${imports(['github.com/segmentio/kafka-go'])}\nvar _ = kafka.NewReader\n` })), [20], 'another client');
  });
});

// squat/generic-device-plugin 179b1fee5dcbf259b9940b4a233f95aefaec96e8 (Apache-2.0) Dockerfile:1-23
// (context: the root, .github/workflows/ci.yml:40), go.mod's direct requirements, the import blocks
// of main.go, config.go, deviceplugin/plugin.go and version/version.go, main.go:161-173 (the
// /health and /metrics server) and deviceplugin/plugin.go:178 and :229 (gRPC to the kubelet's
// unix sockets with insecure credentials); bodies cut to those lines (judge 42 Y W1). GD202 said
// the scratch image's program makes TLS connections: go-kit's log, oklog/run, ghodss/yaml,
// apimachinery's validation and the kubelet's device-plugin API were taken for dialers.
describe('GD202: a device plugin that serves metrics and talks gRPC to the kubelet over unix sockets (squat/generic-device-plugin)', () => {
  const DOCKERFILE = df([
    'FROM --platform=$BUILDPLATFORM docker.io/nixos/nix:2.34.4 AS builder',
    '',
    'COPY . /tmp/build',
    'WORKDIR /tmp/build',
    '',
    'ARG BUILDOS',
    'ARG BUILDARCH',
    'ARG TARGETOS',
    'ARG TARGETARCH',
    'ARG VERSION',
    '',
    'RUN VERSION="$VERSION" nix \\',
    '    --extra-experimental-features "nix-command flakes" \\',
    '    --option filter-syscalls false \\',
    '    build --impure ".#generic-device-plugin-cross-$TARGETOS-$TARGETARCH"',
    'RUN ln -s ../bin result/bin/"$BUILDOS"_"$BUILDARCH"',
    'FROM scratch',
    '',
    'ARG TARGETOS',
    'ARG TARGETARCH',
    '',
    'COPY --from=builder /tmp/build/result/bin/"$TARGETOS"_"$TARGETARCH"/generic-device-plugin /generic-device-plugin',
    '',
    'ENTRYPOINT ["/generic-device-plugin"]',
  ]);
  const block = (list: string[]) => `import (\n${list.map((i) => (i === '' ? '\n' : `\t${i.includes(' ') ? i : `"${i}"`}\n`)).join('')})\n`;
  const MAIN_IMPORTS = ['context', 'errors', 'fmt', 'net', 'net/http', 'os', 'os/signal', 'path', 'regexp', 'runtime', 'strings', 'syscall', '',
    'github.com/go-kit/log', 'github.com/go-kit/log/level', 'github.com/oklog/run', 'github.com/prometheus/client_golang/prometheus',
    'github.com/prometheus/client_golang/prometheus/collectors', 'github.com/prometheus/client_golang/prometheus/promhttp', 'github.com/spf13/viper',
    'k8s.io/apimachinery/pkg/util/validation', '', 'github.com/squat/generic-device-plugin/deviceplugin', 'github.com/squat/generic-device-plugin/version'];
  const MAIN_BODY = [
    'func main() {',
    '\tvar g run.Group',
    '\tmux := http.NewServeMux()',
    '\tmux.HandleFunc("/health", func(w http.ResponseWriter, _ *http.Request) {',
    '\t\tw.WriteHeader(http.StatusOK)',
    '\t})',
    '\tmux.Handle("/metrics", promhttp.HandlerFor(r, promhttp.HandlerOpts{}))',
    '\tl, err := net.Listen("tcp", viper.GetString("listen"))',
    '\tg.Add(func() error {',
    '\t\tif err := http.Serve(l, mux); err != nil && err != http.ErrServerClosed {',
    '\t\t\treturn fmt.Errorf("server exited unexpectedly: %v", err)',
    '\t\t}',
    '\t\treturn nil',
    '\t}, func(error) {})',
    '}',
    '',
  ].join('\n');
  const PLUGIN_IMPORTS = ['context', 'encoding/base64', 'fmt', 'net', 'os', 'path/filepath', 'time', '', 'github.com/go-kit/log', 'github.com/go-kit/log/level',
    'github.com/oklog/run', 'github.com/prometheus/client_golang/prometheus', 'google.golang.org/grpc', 'google.golang.org/grpc/credentials/insecure',
    'k8s.io/kubelet/pkg/apis/deviceplugin/v1beta1'];
  const PLUGIN_BODY = (creds = 'insecure.NewCredentials()') => [
    'func (p *plugin) registerWithKubelet() error {',
    `\tconn, err := grpc.Dial(filepath.Join(p.pluginDir, filepath.Base(v1beta1.KubeletSocket)), grpc.WithTransportCredentials(${creds}),`,
    '\t\tgrpc.WithContextDialer(func(ctx context.Context, addr string) (net.Conn, error) {',
    '\t\t\td := &net.Dialer{}',
    '\t\t\treturn d.DialContext(ctx, "unix", addr)',
    '\t\t}))',
    '\tclient := v1beta1.NewRegistrationClient(conn)',
    '\treturn err',
    '}',
    '',
  ].join('\n');
  const repo = (over: Record<string, string> = {}) => tempWorkspace({
    'go.mod': 'module github.com/squat/generic-device-plugin\n\ngo 1.25.0\n\nrequire (\n\tgithub.com/efficientgo/core v1.0.0-rc.3\n\tgithub.com/efficientgo/e2e v0.14.1-0.20230329073854-29a5a4d5575a\n\tgithub.com/ghodss/yaml v1.0.0\n\tgithub.com/go-kit/log v0.2.1\n\tgithub.com/mitchellh/mapstructure v1.5.0\n\tgithub.com/oklog/run v1.2.0\n\tgithub.com/prometheus/client_golang v1.23.2\n\tgithub.com/spf13/pflag v1.0.10\n\tgithub.com/spf13/viper v1.21.0\n\tgoogle.golang.org/grpc v1.79.3\n\tk8s.io/apimachinery v0.35.3\n\tk8s.io/kubelet v0.35.3\n)\n',
    'go.sum': '',
    'flake.nix': '{\n  description = "generic-device-plugin";\n}\n',
    'main.go': `package main\n\n${block(MAIN_IMPORTS)}\n${MAIN_BODY}`,
    'config.go': `package main\n\n${block(['fmt', 'strings', '', 'github.com/ghodss/yaml', 'github.com/mitchellh/mapstructure', 'flag "github.com/spf13/pflag"', 'github.com/spf13/viper', 'k8s.io/kubelet/pkg/apis/deviceplugin/v1beta1', '', 'github.com/squat/generic-device-plugin/deviceplugin'])}\nfunc initConfig() error {\n\tviper.SetConfigFile(*cfgFile)\n\treturn viper.ReadInConfig()\n}\n`,
    'deviceplugin/plugin.go': `package deviceplugin\n\n${block(PLUGIN_IMPORTS)}\n${PLUGIN_BODY()}`,
    'deviceplugin/generic.go': `package deviceplugin\n\n${block(['context', 'fmt', 'io/fs', 'os', 'sync', 'time', '', 'github.com/go-kit/log', 'github.com/go-kit/log/level', 'github.com/prometheus/client_golang/prometheus', 'k8s.io/kubelet/pkg/apis/deviceplugin/v1beta1', '', 'github.com/squat/generic-device-plugin/absolute'])}`,
    'absolute/fs.go': `package absolute\n\n${block(['io/fs', 'path/filepath', 'strings'])}`,
    'version/version.go': 'package version\n\n// Version is the version of generic-device-plugin.\nvar Version = "was not built properly"\n',
    ...over,
  });
  const gd202 = (o: AnalyzeOptions) => lint(DOCKERFILE, o).filter((f) => f.code === 'GD202').map((f) => DOCKERFILE.slice(0, f.span.start).split('\n').length);

  it('silent on line 17: an HTTP server, gRPC over unix sockets with insecure credentials, and libraries that open no connection', () => {
    assert.deepEqual(gd202(repo()), []);
  });

  it('reported when a gRPC dial may use TLS, the program makes HTTP requests, or another client may dial', () => {
    const tls = PLUGIN_BODY('credentials.NewTLS(nil)');
    assert.deepEqual(gd202(repo({ 'deviceplugin/plugin.go': `package deviceplugin\n\n${block([...PLUGIN_IMPORTS, 'google.golang.org/grpc/credentials'])}\n${tls}` })), [17], 'TLS credentials');
    assert.deepEqual(gd202(repo({ 'main.go': `package main\n\n${block(MAIN_IMPORTS)}\n${MAIN_BODY}\nfunc fetch(u string) { _, _ = http.Get(u) }\n` })), [17], 'an HTTP client');
    assert.deepEqual(gd202(repo({ 'deviceplugin/usb.go': `package deviceplugin\n\n${block(['github.com/go-kit/log/syslog'])}\nvar _ = syslog.NewSyslogLogger\n` })), [17], 'go-kit\'s syslog writer dials');
    assert.deepEqual(gd202(repo({ 'deviceplugin/usb.go': `package deviceplugin\n\n${block(['k8s.io/kubelet/pkg/cri/streaming'])}\nvar _ = streaming.NewServer\n` })), [17], 'another package of the kubelet module');
  });
});

// Judge 43 X N2: photoview/photoview 91cbeb41 (AGPL-3.0). The api build and the release stage
// narrowed (Dockerfile:52-104, 106-177: the dependency scripts cut, the binary copied); skeleton:
// api/go.mod's module line, server.go serving with net/http (ListenAndServe, no client call),
// database/database.go's import block (github.com/go-sql-driver/mysql, gorm's mysql and postgres
// drivers). The program's TLS connections are the database drivers' (MySQL `tls=true`, PostgreSQL
// `sslmode=verify-full`), not net/http's: the message names the driver.
describe('GD202: the TLS reason is a database driver when net/http only serves (photoview)', () => {
  const DOCKERFILE = [
    'FROM golang:1.26-trixie AS api', 'WORKDIR /app/api', 'COPY api/go.mod api/go.sum /app/api/', 'RUN go mod download',
    'COPY api /app/api', 'RUN go build -v -o photoview .', '',
    'FROM debian:trixie-slim AS release', 'WORKDIR /app', 'COPY --from=api /app/api/photoview /app/photoview', 'ENTRYPOINT ["/app/photoview"]', '',
  ].join('\n');
  const SERVER = (extra = '') => `package main\n\nimport (\n\t"log"\n\t"net/http"\n\n\t"github.com/photoview/photoview/api/database"\n)\n\nfunc main() {\n\tdatabase.SetupDatabase()\n${extra}\tlog.Fatal(http.ListenAndServe(":4001", nil))\n}\n`;
  const DATABASE = (imports = '\t"github.com/go-sql-driver/mysql"\n\tgorm_mysql "gorm.io/driver/mysql"\n\t"gorm.io/driver/postgres"\n\t"gorm.io/gorm"\n') => `package database\n\nimport (\n\t"fmt"\n\n${imports})\n\nfunc SetupDatabase() { fmt.Println("db") }\n`;
  const files = (server = SERVER(), database = DATABASE()) => ({
    'api/go.mod': 'module github.com/photoview/photoview/api\n\ngo 1.26\n\nrequire (\n\tgithub.com/go-sql-driver/mysql v1.9.3\n\tgorm.io/driver/mysql v1.6.0\n\tgorm.io/driver/postgres v1.6.0\n\tgorm.io/gorm v1.31.0\n)\n',
    'api/go.sum': '',
    'api/server.go': server,
    'api/database/database.go': database,
    '.dockerignore': '.git\n',
  });
  const gd202 = (f: Record<string, string>) => lint(DOCKERFILE, tempWorkspace(f, 'Dockerfile')).filter((x) => x.code === 'GD202');

  it('names the database driver, not net/http, when net/http only serves', () => {
    const [f] = gd202(files());
    assert.ok(f, 'reported: the drivers dial TLS with the system roots');
    assert.match(f.message, /it imports the database driver github\.com\/go-sql-driver\/mysql, which dials TLS when the connection asks for it; it sends no request with net\/http/, 'the driver named');
    assert.doesNotMatch(f.message, /reaches net\/http/, 'not net/http');
  });

  it('still names net/http when the program sends requests with it, and says "other modules" without a known driver', () => {
    const [client] = gd202(files(SERVER('\t_, _ = http.Get("https://example.com/")\n')));
    assert.match(client?.message ?? '', /\.\/api reaches net\/http/, 'an http client');
    const [other] = gd202(files(SERVER(), DATABASE('\t"gorm.io/gorm"\n')));
    assert.match(other?.message ?? '', /\.\/api sends no request with net\/http, but imports other modules that may open connections of their own/, 'no known driver');
  });
});
