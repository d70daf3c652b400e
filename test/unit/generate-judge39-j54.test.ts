/**
 * The generator on real repositories of round 39 (judge G, engineer J54). Each case is a small
 * skeleton of the real repository (the files that matter, with their sizes in the repository,
 * go.mod and the import blocks), with its repository, commit and licence above it, plus variants
 * that keep the old behaviour where it is right.
 *
 * G6. A vendor/ the go command would refuse is not forced: zcash/lightwalletd's go.mod says
 *     `go 1.12` and requires google.golang.org/grpc v1.44.0 while vendor/modules.txt vendors
 *     v1.37.0; the generated `go build -mod=vendor` stopped with "inconsistent vendoring"
 *     (judge39/G G6). Below `go 1.14` go reads vendor/ only when told, and the project builds in
 *     module mode (Makefile:139 `GO111MODULE=on go build $(LDFLAGS)`): the modules are downloaded.
 *     From `go 1.14` on vendor/ is the default, so a stale one fails the project's own build too:
 *     the vendor build stays, with a Check that says so.
 * G1. Templates and static files read from the working directory and committed beside the main
 *     package are copied: umputun/feed-master parses "webapp/templates/*" (the default its
 *     server gives an empty TemplLocation) and serves filepath.Join("webapp", "static"), both
 *     in app/webapp; the image had neither and panicked at start (judge39/G G1).
 * G3. A server started on a host and a port given apart, `server.Start("0.0.0.0", 7447)`
 *     (mattn/nostr-relay main.go:235): EXPOSE 7447, where the Why said "the sources name no listen
 *     address" (judge39/G G3). That sentence now says what it knows: go-dockerfile found none.
 * G9. A struct field `Version string` inside a `var ( … )` block's value is no version variable:
 *     kubernetes-sigs/aws-iam-authenticator was stamped with `-X main.Version`, which sets nothing
 *     (its variable is pkg.Version), and the Why said version.go declares it (judge39/G G9).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';
import { parseModulesTxt, vendorInconsistencies } from '../../server/src/workspace/vendor';
import { versionVariable } from '../../server/src/generate/goSource';

const { gen, tree } = generatorTrees('judge39-j54');

// zcash/lightwalletd at ba1b9319865b583476b8ef0d6862fee83f2c31aa (tag v0.4.12, MIT): go.mod (1,245
// bytes) `module github.com/zcash/lightwalletd`, `go 1.12`, 26 requires among them
// google.golang.org/grpc v1.44.0 and github.com/spf13/cobra v0.0.6; go.sum (57,393 bytes);
// vendor/modules.txt (7,478 bytes, no `## explicit` line) vendors `# google.golang.org/grpc v1.37.0`;
// main.go (89 bytes) calls cmd.Execute; cmd/root.go imports cobra and grpc.
const lightwalletd: Record<string, string | null> = {
  'go.mod': 'module github.com/zcash/lightwalletd\n\ngo 1.12\n\nrequire (\n\tgithub.com/pkg/errors v0.9.1\n\tgithub.com/spf13/cobra v0.0.6\n\tgoogle.golang.org/grpc v1.44.0\n)\n',
  'go.sum': 'github.com/pkg/errors v0.9.1 h1:x=\ngithub.com/pkg/errors v0.9.1/go.mod h1:y=\ngithub.com/spf13/cobra v0.0.6 h1:x=\ngithub.com/spf13/cobra v0.0.6/go.mod h1:y=\ngoogle.golang.org/grpc v1.44.0 h1:x=\ngoogle.golang.org/grpc v1.44.0/go.mod h1:y=\n',
  'vendor/modules.txt': '# github.com/pkg/errors v0.9.1\ngithub.com/pkg/errors\n# github.com/spf13/cobra v0.0.6\ngithub.com/spf13/cobra\n# google.golang.org/grpc v1.37.0\ngoogle.golang.org/grpc\n',
  'vendor/github.com/pkg/errors/errors.go': 'package errors\n\nfunc New(s string) error { return nil }\n',
  'vendor/github.com/spf13/cobra/command.go': 'package cobra\n\ntype Command struct{ Use string }\n\nfunc (c *Command) Execute() error { return nil }\n',
  'vendor/google.golang.org/grpc/server.go': 'package grpc\n\ntype Server struct{}\n\nfunc NewServer() *Server { return &Server{} }\n',
  'main.go': 'package main\n\nimport "github.com/zcash/lightwalletd/cmd"\n\nfunc main() {\n\tcmd.Execute()\n}\n',
  'cmd/root.go': 'package cmd\n\nimport (\n\t"github.com/pkg/errors"\n\t"github.com/spf13/cobra"\n\t"google.golang.org/grpc"\n)\n\nvar rootCmd = &cobra.Command{Use: "lightwalletd"}\n\nfunc Execute() {\n\t_ = grpc.NewServer()\n\t_ = errors.New("x")\n\t_ = rootCmd.Execute()\n}\n',
};

describe('G6. a vendor/ that does not match go.mod is not forced on the build', () => {
  it('lightwalletd (go 1.12, grpc v1.44.0 required, v1.37.0 vendored): modules downloaded, no -mod=vendor, and the reason says why', async () => {
    const r = await gen(tree(lightwalletd, {}));
    assert.doesNotMatch(r.dockerfile, /-mod=vendor/, r.dockerfile);
    assert.match(r.dockerfile, /^COPY go\.mod go\.sum \.\/$/m, r.dockerfile);
    assert.match(r.dockerfile, /go mod download/, r.dockerfile);
    const why = r.reasons.find((x) => x.startsWith('vendor/ is not used'));
    assert.ok(why !== undefined, r.reasons.join('\n'));
    assert.match(why, /go line is 1\.12, below 1\.14/, why);
    assert.match(why, /google\.golang\.org\/grpc@v1\.44\.0: is explicitly required in go\.mod, but vendor\/modules\.txt indicates google\.golang\.org\/grpc@v1\.37\.0/, why);
    assert.ok(!r.reasons.some((x) => x.includes('-mod=vendor), so there is no download step')), r.reasons.join('\n'));
  });

  it('negative: the same module with modules.txt at go.mod\'s versions still builds from vendor/ (-mod=vendor, no download)', async () => {
    const r = await gen(tree(lightwalletd, { 'vendor/modules.txt': '# github.com/pkg/errors v0.9.1\ngithub.com/pkg/errors\n# github.com/spf13/cobra v0.0.6\ngithub.com/spf13/cobra\n# google.golang.org/grpc v1.44.0\ngoogle.golang.org/grpc\n' }));
    assert.match(r.dockerfile, /go build -trimpath -mod=vendor /, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /go mod download/, r.dockerfile);
    assert.ok(!r.reasons.some((x) => x.startsWith('vendor/ is not used')), r.reasons.join('\n'));
  });

  it('go 1.14 and later: a stale vendor/ is go\'s default, so the vendor build stays, with a Check naming the difference', async () => {
    const r = await gen(tree(lightwalletd, { 'go.mod': lightwalletd['go.mod']!.replace('go 1.12', 'go 1.16') }));
    assert.match(r.dockerfile, /-mod=vendor/, r.dockerfile);
    const w = r.warnings.find((x) => x.includes('does not match go.mod'));
    assert.ok(w !== undefined, r.warnings.join('\n'));
    assert.match(w, /not marked as explicit in vendor\/modules\.txt/, w);
    assert.match(w, /go mod vendor/, w);
  });
});

describe('G6. vendorInconsistencies: go\'s checkVendorConsistency', () => {
  const mod = (goVersion: string | null, requirements: [string, string][], replaces: { oldPath: string; oldVersion: string | null; newPath: string; newVersion: string | null }[] = []) => ({
    path: 'example.com/m', goVersion,
    requirements: requirements.map(([path, version], i) => ({ path, version, indirect: false, line: i + 3 })),
    replaces: replaces.map((r, i) => ({ ...r, local: r.newPath.startsWith('.'), line: i + 10 })),
  });
  it('go 1.14+: every requirement must be `## explicit` at its version; an explicit one must be required', () => {
    const txt = '# example.com/a v1.0.0\n## explicit\nexample.com/a\n# example.com/b v1.2.0\n## explicit; go 1.18\nexample.com/b\n';
    assert.deepEqual(vendorInconsistencies(mod('1.21', [['example.com/a', 'v1.0.0'], ['example.com/b', 'v1.2.0']]), parseModulesTxt(txt)), []);
    assert.deepEqual(vendorInconsistencies(mod('1.21', [['example.com/a', 'v1.0.0']]), parseModulesTxt(txt)),
      ['example.com/b@v1.2.0: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod']);
    assert.deepEqual(vendorInconsistencies(mod('1.21', [['example.com/a', 'v1.1.0'], ['example.com/b', 'v1.2.0']]), parseModulesTxt(txt)), [
      'example.com/a@v1.1.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt',
      'example.com/a@v1.0.0: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod',
    ]);
  });
  it('before go 1.14 (or without a go line): only a different vendored version or replacement counts', () => {
    const txt = '# example.com/a v1.0.0\nexample.com/a\n';
    assert.deepEqual(vendorInconsistencies(mod('1.12', [['example.com/a', 'v1.0.0'], ['example.com/only-required', 'v0.1.0']]), parseModulesTxt(txt)), []);
    assert.deepEqual(vendorInconsistencies(mod(null, [['example.com/a', 'v1.0.0']], [{ oldPath: 'example.com/x', oldVersion: null, newPath: './x', newVersion: null }]), parseModulesTxt(txt)), []);
    assert.deepEqual(vendorInconsistencies(mod('1.13', [['example.com/a', 'v1.1.0']]), parseModulesTxt(txt)),
      ['example.com/a@v1.1.0: is explicitly required in go.mod, but vendor/modules.txt indicates example.com/a@v1.0.0']);
  });
  it('replacements: same target is consistent, another target or a missing replace is not', () => {
    const txt = '# example.com/a v1.0.0 => ./a\n## explicit\nexample.com/a\n# example.com/a => ./a\n';
    const req: [string, string][] = [['example.com/a', 'v1.0.0']];
    assert.deepEqual(vendorInconsistencies(mod('1.20', req, [{ oldPath: 'example.com/a', oldVersion: null, newPath: './a', newVersion: null }]), parseModulesTxt(txt)), []);
    assert.deepEqual(vendorInconsistencies(mod('1.20', req, [{ oldPath: 'example.com/a', oldVersion: null, newPath: './b', newVersion: null }]), parseModulesTxt(txt)),
      ['example.com/a: is replaced by ./b in go.mod, but marked as replaced by ./a in vendor/modules.txt']);
    assert.deepEqual(vendorInconsistencies(mod('1.20', req), parseModulesTxt(txt)), [
      'example.com/a@v1.0.0: is marked as replaced in vendor/modules.txt, but not replaced in go.mod',
      'example.com/a: is marked as replaced in vendor/modules.txt, but not replaced in go.mod',
    ]);
  });
});

// kubernetes-sigs/aws-iam-authenticator at 687f9e79e6a6bdf3e0486ca4fa1e2b65cc3d029b (v0.5.7-9,
// Apache-2.0): go.mod (586 bytes) `module sigs.k8s.io/aws-iam-authenticator`, `go 1.16`;
// cmd/aws-iam-authenticator/version.go (1,105 bytes): a `var ( … )` block whose versionCmd's Run
// builds an anonymous struct with a field `Version string` (line 23) from pkg.Version; the variable
// is pkg/version.go:22 `Version = "unversioned"` (759 bytes), which the Makefile stamps
// (Makefile:61 `-X $(PKG)/pkg.Version=$(VERSION)`). `-X main.Version` stamped nothing (judge39/G G9).
const awsVersionGo = 'package main\n\nimport (\n\t"encoding/json"\n\t"fmt"\n\t"os"\n\n\t"github.com/spf13/cobra"\n\t"sigs.k8s.io/aws-iam-authenticator/pkg"\n)\n\nvar (\n\tshortened  = false\n\tdate       = ""\n\toutput     = ""\n\tversionCmd = &cobra.Command{\n\t\tUse:   "version",\n\t\tShort: "Version will output the current build information",\n\t\tLong:  ``,\n\t\tRun: func(_ *cobra.Command, _ []string) {\n\t\t\tver := struct {\n\t\t\t\tVersion string `json:"Version,omitempty"`\n\t\t\t\tCommit  string `json:"Commit,omitempty"`\n\t\t\t\tDate    string `json:"Date,omitempty"`\n\t\t\t}{pkg.Version, pkg.CommitID, date}\n\n\t\t\tswitch {\n\t\t\tcase shortened:\n\t\t\t\tfmt.Println(pkg.Version)\n\t\t\tcase output == "json":\n\t\t\t\tjson.NewEncoder(os.Stdout).Encode(ver)\n\t\t\tdefault:\n\t\t\t\tfmt.Fprintln(os.Stderr, "unknown version option")\n\t\t\t}\n\t\t},\n\t}\n)\n\nfunc init() {\n\trootCmd.AddCommand(versionCmd)\n}\n';
const awsIamAuthenticator: Record<string, string | null> = {
  'go.mod': 'module sigs.k8s.io/aws-iam-authenticator\n\ngo 1.16\n\nrequire github.com/spf13/cobra v1.1.3\n',
  'go.sum': 'github.com/spf13/cobra v1.1.3 h1:x=\ngithub.com/spf13/cobra v1.1.3/go.mod h1:y=\n',
  'cmd/aws-iam-authenticator/version.go': awsVersionGo,
  'cmd/aws-iam-authenticator/root.go': 'package main\n\nimport (\n\t"github.com/spf13/cobra"\n)\n\nvar rootCmd = &cobra.Command{Use: "aws-iam-authenticator"}\n\nfunc main() {\n\t_ = rootCmd.Execute()\n}\n',
  'pkg/version.go': 'package pkg\n\nvar (\n\t// Set at build time\n\t// Semantic version of the build.\n\tVersion = "unversioned"\n\t// Commit id of the build.\n\tCommitID = ""\n\t// Build Date of the build.\n\tBuildDate = ""\n)\n',
};

describe('G9. a struct field named Version is no version variable', () => {
  it('versionVariable: the field inside a var block\'s struct literal is not read; the block\'s own specs are', () => {
    assert.equal(versionVariable('version.go', awsVersionGo), null);
    assert.deepEqual(versionVariable('version.go', awsVersionGo.replace('\tshortened  = false\n', '\tshortened  = false\n\tVersion    = "dev"\n')), { name: 'Version', file: 'version.go', initial: 'dev' });
    assert.deepEqual(versionVariable('main.go', 'package main\n\nvar (\n\tcfg = struct{ A int }{1}\n\tversion string\n)\n'), { name: 'version', file: 'main.go', initial: '' });
  });

  it('aws-iam-authenticator: no ARG VERSION, no -X main.Version, no reason claiming version.go declares it', async () => {
    const r = await gen(tree(awsIamAuthenticator, {}));
    assert.doesNotMatch(r.dockerfile, /-X main\.Version|ARG VERSION/, r.dockerfile);
    assert.ok(!r.reasons.some((x) => x.includes('declares `var Version`')), r.reasons.join('\n'));
  });

  it('negative: a main package with `var Version string` in its var block is still stamped', async () => {
    const r = await gen(tree(awsIamAuthenticator, { 'cmd/aws-iam-authenticator/version.go': awsVersionGo.replace('\tdate       = ""\n', '\tdate       = ""\n\tVersion    string\n') }));
    assert.match(r.dockerfile, /-X main\.Version=\$\{VERSION\}/, r.dockerfile);
  });
});

// mattn/nostr-relay at 0663dea975bc8e6f178db7626a72625f0f792080 (v0.0.90, MIT per README): go.mod
// (1,783 bytes) `module github.com/mattn/nostr-relay`, `go 1.21`, requires github.com/fiatjaf/relayer/v2
// v2.1.8 among others; main.go (5,277 bytes) builds `server, err := relayer.NewServer(&r, …)` (:214)
// and ends with `if err := server.Start("0.0.0.0", 7447); err != nil {` (:235); relayer's Start
// (vendor/github.com/fiatjaf/relayer/v2/start.go:103-105) joins host and port and calls net.Listen.
// The skeleton keeps main.go's relayer calls (not its sqlite3 storage, envconfig and nostr imports).
const nostrMain = (start: string) => `package main\n\nimport (\n\t"log"\n\t"net/http"\n\n\t"github.com/fiatjaf/relayer/v2"\n)\n\ntype Relay struct{}\n\nfunc main() {\n\tvar r Relay\n\tserver, err := relayer.NewServer(&r, relayer.WithPerConnectionLimiter(5.0, 1))\n\tif err != nil {\n\t\tlog.Fatalf("failed to create server: %v", err)\n\t}\n\tserver.Router().HandleFunc("/reload", func(w http.ResponseWriter, req *http.Request) {})\n\tif err := ${start}; err != nil {\n\t\tlog.Fatalf("server terminated: %v", err)\n\t}\n}\n`;
const nostrRelay: Record<string, string | null> = {
  'go.mod': 'module github.com/mattn/nostr-relay\n\ngo 1.21\n\nrequire github.com/fiatjaf/relayer/v2 v2.1.8\n',
  'go.sum': 'github.com/fiatjaf/relayer/v2 v2.1.8 h1:x=\ngithub.com/fiatjaf/relayer/v2 v2.1.8/go.mod h1:y=\n',
  'main.go': nostrMain('server.Start("0.0.0.0", 7447)'),
};

describe('G3. a listen host and port given apart', () => {
  it('nostr-relay (server.Start("0.0.0.0", 7447)): EXPOSE 7447, the run hint publishes it, the reason names the call', async () => {
    const r = await gen(tree(nostrRelay, {}));
    assert.match(r.dockerfile, /^EXPOSE 7447$/m, r.dockerfile);
    assert.match(r.dockerfile, /docker run --rm -p 7447:7447 nostr-relay/, r.dockerfile);
    assert.ok(r.reasons.includes('EXPOSE 7447: the program listens on .Start("0.0.0.0", 7447) in main.go.'), r.reasons.join('\n'));
  });

  it('negative: a host that is not every interface\'s (a client\'s target, a loopback) or a port from a variable: no EXPOSE, and the reason says go-dockerfile found none', async () => {
    for (const start of ['server.Start("127.0.0.1", 7447)', 'server.Start("relay.example.com", 7447)', 'server.Start("0.0.0.0", port())', 'server.Connect("0.0.0.0", 7447)']) {
      const r = await gen(tree(nostrRelay, { 'main.go': nostrMain(start) + 'func port() int { return 7447 }\n' }));
      assert.doesNotMatch(r.dockerfile, /^EXPOSE/m, `${start}\n${r.dockerfile}`);
      assert.ok(r.reasons.some((x) => x.startsWith('No EXPOSE: go-dockerfile found no listen address or port flag in the sources')), `${start}\n${r.reasons.join('\n')}`);
    }
  });
});

// umputun/feed-master at 8d1491642e8f0b13daca4778d1b074bdd6d601b3 (v2.10.0-7, MIT): go.mod (2,191
// bytes) `module github.com/umputun/feed-master`, `go 1.22`; app/main.go (7,466 bytes) builds
// `api.Server{…}` and calls server.Run (:153-161); app/api/server.go (11,016 bytes) :92-96
// `if s.TemplLocation == "" { s.TemplLocation = "webapp/templates/*" }` then
// `template.Must(template.ParseGlob(s.TemplLocation))`, and :173 `rest.NewFileServer("/static",
// filepath.Join("webapp", "static"))`; app/webapp/templates/*.tmpl (6 files, feeds.tmpl 2,454 bytes),
// app/webapp/static/ (7 files, styles.css 4,871 bytes). Its Dockerfile: `COPY app/webapp /srv/webapp`
// and `WORKDIR /srv` (:27, :33).
const fmServer = (templ: string) => `package api\n\nimport (\n\t"context"\n\t"html/template"\n\t"net/http"\n\t"path/filepath"\n\n\t"github.com/go-chi/chi/v5"\n\t"github.com/go-pkgz/rest"\n)\n\ntype Server struct {\n\tVersion       string\n\tTemplLocation string\n\ttemplates     *template.Template\n}\n\nfunc (s *Server) Run(ctx context.Context, port int) {\n${templ}\ts.templates = template.Must(template.ParseGlob(s.TemplLocation))\n\trouter := chi.NewRouter()\n\tfs, err := rest.NewFileServer("/static", filepath.Join("webapp", "static"))\n\tif err == nil {\n\t\trouter.Mount("/static", fs)\n\t}\n\t_ = http.ListenAndServe(":8080", router)\n}\n`;
const feedMaster: Record<string, string | null> = {
  'go.mod': 'module github.com/umputun/feed-master\n\ngo 1.22\n\nrequire (\n\tgithub.com/go-chi/chi/v5 v5.0.12\n\tgithub.com/go-pkgz/rest v1.19.0\n)\n',
  'go.sum': 'github.com/go-chi/chi/v5 v5.0.12 h1:x=\ngithub.com/go-chi/chi/v5 v5.0.12/go.mod h1:y=\ngithub.com/go-pkgz/rest v1.19.0 h1:x=\ngithub.com/go-pkgz/rest v1.19.0/go.mod h1:y=\n',
  'app/main.go': 'package main\n\nimport (\n\t"context"\n\n\t"github.com/umputun/feed-master/app/api"\n)\n\nvar revision = "unknown"\n\nfunc main() {\n\tserver := api.Server{\n\t\tVersion: revision,\n\t}\n\tserver.Run(context.Background(), 8080)\n}\n',
  'app/api/server.go': fmServer('\tif s.TemplLocation == "" {\n\t\ts.TemplLocation = "webapp/templates/*"\n\t}\n'),
  'app/webapp/templates/feeds.tmpl': '{{define "feeds"}}<html></html>{{end}}\n',
  'app/webapp/static/styles.css': 'body { margin: 0; }\n',
};

describe('G1. run-time templates and static files beside the main package', () => {
  it('feed-master: app/webapp is copied to /app/webapp, and the reason names both reads', async () => {
    const r = await gen(tree(feedMaster, {}));
    assert.match(r.dockerfile, /^COPY app\/webapp \/app\/webapp$/m, r.dockerfile);
    const why = r.reasons.find((x) => x.startsWith('app/webapp is copied to /app/webapp'));
    assert.ok(why !== undefined, r.reasons.join('\n'));
    assert.match(why, /template\.ParseGlob\(s\.TemplLocation\), s\.TemplLocation = "webapp\/templates\/\*" when empty/, why);
    assert.match(why, /rest\.NewFileServer\(…, filepath\.Join\("webapp", "static"\)\)/, why);
  });

  it('the file server alone (no template default) still brings app/webapp', async () => {
    const r = await gen(tree(feedMaster, { 'app/api/server.go': fmServer(''), 'app/webapp/templates/feeds.tmpl': null }));
    assert.match(r.dockerfile, /^COPY app\/webapp \/app\/webapp$/m, r.dockerfile);
  });

  it('negative: a location set from elsewhere, with no literal default and no file server, copies nothing', async () => {
    const r = await gen(tree(feedMaster, { 'app/api/server.go': fmServer('').replace(/\tfs, err := rest[\s\S]*?\t}\n/, '') }));
    assert.doesNotMatch(r.dockerfile, /COPY app\/webapp/, r.dockerfile);
  });

  it('negative: a folder at the module root is still the one copied when both exist', async () => {
    const r = await gen(tree(feedMaster, { 'webapp/templates/feeds.tmpl': '{{define "feeds"}}root{{end}}\n', 'webapp/static/styles.css': 'body {}\n' }));
    assert.match(r.dockerfile, /^COPY webapp \/app\/webapp$/m, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /COPY app\/webapp/, r.dockerfile);
  });
});
