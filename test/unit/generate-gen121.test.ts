/**
 * The generator on real repositories of round 21 (helper "gen121"): each case is a small skeleton
 * of a real repository (the files, go.mod and the few lines that matter), with its repository,
 * commit and licence above it, plus the variants that keep the old behaviour where it is right.
 * Every generated Dockerfile is linted against its workspace: expected clean.
 *
 * 1. A module in its repository's go/ folder (dolt's github.com/dolthub/dolt/go): cmd/dolt is
 *    named after the repository, so it is the obvious pick; a `dir+"/.dolt/noms"` concatenation
 *    is not an absolute path of the image; stty is in debian's coreutils.
 * 2. A listen call on :80 among ACME words (emitter's autocert HTTP-01 validation listener) is
 *    not the port the program serves on: not exposed.
 * 3. One Check for all the Docker client packages a program imports (buildx: five).
 * 4. A listen address built from getters of the configuration (nakama's
 *    `fmt.Sprintf("%v:%d", config.GetSocket().Address, config.GetSocket().Port)`, also as an
 *    http.Server's Addr) with the literal port its constructor sets: the Check names the port.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';
import { GenerateError } from '../../server/src/generate';

const { workspace, gen, genClean, tree } = generatorTrees('gen121');

const MAIN = 'package main\n\nfunc main() {}\n';

// dolthub/dolt at 0d6b06015867dd0cabd2eb51ff222691aae992dc (Apache-2.0): the Go module is in go/
// (go/go.mod `module github.com/dolthub/dolt/go`, `go 1.26.2`), 18 main packages: cmd/dolt, and
// utils/* , performance/*, store/cmd/noms, store/nbs/* helpers. go/libraries/doltcore/sqle/
// database_provider.go:1240 `dbfactory.DeleteFromSingletonCache(filepath.ToSlash(dropDbLoc+"/.dolt/noms"), true)`;
// go/cmd/dolt/cli/help.go:145 `cmd := exec.Command("stty", "size")`; the project's own
// docker/serverDockerfile builds `go build -o /usr/local/bin/dolt ./cmd/dolt`.
function dolt(files: Record<string, string | null> = {}): string {
  return tree({
    'go.mod': 'module github.com/dolthub/dolt/go\n\ngo 1.26.2\n',
    'cmd/dolt/dolt.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/dolthub/dolt/go/cmd/dolt/cli"\n\t"github.com/dolthub/dolt/go/libraries/doltcore/sqle"\n)\n\nfunc main() { cli.Size(); sqle.Drop(os.Args[1]) }\n',
    'cmd/dolt/cli/help.go': 'package cli\n\nimport (\n\t"os"\n\t"os/exec"\n)\n\nfunc Size() {\n\tcmd := exec.Command("stty", "size")\n\tcmd.Stdin = os.Stdin\n\t_, _ = cmd.Output()\n}\n',
    'libraries/doltcore/sqle/database_provider.go': 'package sqle\n\nimport (\n\t"os"\n\t"path/filepath"\n)\n\nfunc Drop(dropDbLoc string) {\n\t_ = os.RemoveAll(filepath.ToSlash(dropDbLoc+"/.dolt/noms"))\n}\n',
    'store/cmd/noms/noms.go': MAIN,
    'store/nbs/frag/main.go': MAIN,
    'utils/remotesrv/main.go': MAIN,
    'utils/batsee/main.go': MAIN,
    'performance/sysbench/cmd/main.go': MAIN,
  }, files);
}

describe('1. a module in its repository\'s go/ folder (dolt)', () => {
  it('dolt: cmd/dolt is named after the repository (the module path ends in /go), so it is chosen without --package', async () => {
    const r = await genClean(dolt());
    assert.equal(r.target.dir, 'cmd/dolt');
    assert.match(r.reasons[0], /chosen by default: cmd\/dolt is named after the module \(github\.com\/dolthub\/dolt\/go\)/);
    assert.equal(r.candidates.filter((c) => c.tier === 0).length, 1);
  });

  it('dolt: `dropDbLoc+"/.dolt/noms"` is the tail of a path, not a program of the image: noms is not built', async () => {
    const r = await genClean(dolt());
    assert.doesNotMatch(r.dockerfile, /noms/);
    assert.ok(!r.reasons.some((x) => x.startsWith('Also builds')), r.reasons.join('\n'));
  });

  it('an absolute path that is not concatenated and that the program runs (velero\'s "/velero-restore-helper" shape) still builds the helper', async () => {
    const r = await genClean(dolt({ 'libraries/doltcore/sqle/database_provider.go': 'package sqle\n\nimport "os/exec"\n\nconst nomsCommand = "/noms"\n\nfunc Drop(dir string) { _ = exec.Command(nomsCommand, dir).Run() }\n' }));
    assert.match(r.dockerfile, /-o \/out\/noms \.\/store\/cmd\/noms/);
    assert.ok(r.reasons.some((x) => x.startsWith('Also builds store/cmd/noms into /noms')), r.reasons.join('\n'));
  });

  it('dolt: stty comes with a debian or alpine runtime (coreutils, busybox): no Check; distroless still has none', async () => {
    const onDebian = await genClean(dolt(), { runtime: 'debian' });
    assert.ok(!onDebian.warnings.some((w) => w.includes('stty')), onDebian.warnings.join('\n'));
    const onDistroless = await genClean(dolt(), { runtime: 'distroless' });
    assert.ok(onDistroless.warnings.some((w) => w.includes('runs stty')), onDistroless.warnings.join('\n'));
  });

  it('a module that is itself named go (github.com/acme/go) keeps its name: cmd/acme is not taken for the module\'s name', async () => {
    const e = await gen(tree({ 'go.mod': 'module github.com/acme/go\n\ngo 1.22\n', 'cmd/acme/main.go': MAIN, 'cmd/tool/main.go': MAIN }, {})).catch((x: unknown) => x);
    assert.ok(e instanceof GenerateError, String(e));
    assert.equal(e.code, 'ambiguous-package');
  });
});

// emitter-io/emitter at 87f082c76c069dbe158e0f8780efccf5715ce14e (AGPL-3.0): main.go runs
// internal/broker; internal/broker/service.go:232-241 `s.listen(s.Config.Addr(), nil)`, then
// `if tls, tlsValidator, ok := s.Config.Certificate(); ok {` … `logging.LogAction("service",
// "exposing autocert TLS validation on :80")` / `go http.ListenAndServe(":80", tlsValidator)`;
// the validator is autocert's HTTP handler (internal/config: cfg.TLS). The program's own port
// comes from its configuration (`ListenAddr: ":8080"` in NewDefault()).
function emitter(listen: string): string {
  return tree({
    'go.mod': 'module github.com/emitter-io/emitter\n\ngo 1.24\n\ntoolchain go1.24.0\n',
    'main.go': 'package main\n\nimport "github.com/emitter-io/emitter/internal/broker"\n\nfunc main() { broker.Listen() }\n',
    'internal/broker/service.go': `package broker\n\nimport (\n\t"log"\n\t"net/http"\n)\n\nvar tlsValidator http.Handler\n\nfunc Listen() {\n\tif tlsValidator != nil {\n${listen}\n\t}\n}\n`,
  }, {});
}

describe('2. the ACME HTTP-01 challenge listener on :80 (emitter)', () => {
  it('emitter: ListenAndServe(":80", tlsValidator) after "exposing autocert TLS validation on :80": not exposed, and the reasons say why', async () => {
    const r = await genClean(emitter('\t\tlog.Println("service", "exposing autocert TLS validation on :80")\n\t\tgo http.ListenAndServe(":80", tlsValidator)'));
    assert.deepEqual(r.exposes, []);
    assert.doesNotMatch(r.dockerfile, /^EXPOSE/m);
    assert.ok(r.reasons.some((x) => /^Not exposed: http\.ListenAndServe\(":80", …\) in internal\/broker\/service\.go answers ACME/.test(x)), r.reasons.join('\n'));
    assert.ok(!r.warnings.some((w) => w.includes('below 1024')), r.warnings.join('\n'));
  });

  it('negative: a :80 listener with no ACME words around it, or an ACME word beside another port, is still exposed', async () => {
    const plain = await genClean(emitter('\t\tlog.Println("service", "serving on :80")\n\t\tgo http.ListenAndServe(":80", tlsValidator)'));
    assert.deepEqual(plain.exposes, [80]);
    const other = await genClean(emitter('\t\tlog.Println("service", "autocert cache ready")\n\t\tgo http.ListenAndServe(":8080", tlsValidator)'));
    assert.deepEqual(other.exposes, [8080]);
  });
});

// docker/buildx at 461836ba0fcb3e847dab6045a726889faa150bdb (Apache-2.0): cmd/buildx imports
// commands/, whose files import github.com/docker/cli/cli/command, …/command/formatter,
// github.com/moby/moby/client, …/client/pkg/security and …/client/pkg/versions (go.mod requires
// github.com/docker/cli v29.6.2+incompatible and github.com/moby/moby/client v0.5.0).
describe('3. one Docker-socket Check per program (buildx)', () => {
  const clients = ['github.com/docker/cli/cli/command', 'github.com/docker/cli/cli/command/formatter', 'github.com/moby/moby/client', 'github.com/moby/moby/client/pkg/security', 'github.com/moby/moby/client/pkg/versions'];
  function buildx(imports: readonly string[]): string {
    return tree({
      'go.mod': 'module github.com/docker/buildx\n\ngo 1.26.3\n\nrequire (\n\tgithub.com/docker/cli v29.6.2+incompatible\n\tgithub.com/moby/moby/client v0.5.0\n)\n',
      'go.sum': 'github.com/docker/cli v29.6.2+incompatible h1:x=\ngithub.com/moby/moby/client v0.5.0 h1:y=\n',
      'cmd/buildx/main.go': 'package main\n\nimport "github.com/docker/buildx/commands"\n\nfunc main() { commands.Run() }\n',
      'commands/root.go': `package commands\n\nimport (\n${imports.map((i) => `\t_ "${i}"\n`).join('')})\n\nfunc Run() {}\n`,
    }, {});
  }
  const socketChecks = (ws: readonly string[]) => ws.filter((w) => w.includes('to the Docker daemon'));

  it('buildx: five client packages give one Check that names three and counts the rest', async () => {
    const r = await genClean(buildx(clients));
    const checks = socketChecks(r.warnings);
    assert.equal(checks.length, 1, r.warnings.join('\n'));
    assert.match(checks[0], new RegExp(`^${clients.slice(0, 3).join(', ').replace(/[./]/g, '\\$&')} and 2 more talk to the Docker daemon`));
  });

  it('negative: one client package keeps the one-package wording', async () => {
    const r = await genClean(buildx(clients.slice(2, 3)));
    assert.deepEqual(socketChecks(r.warnings).map((w) => w.split(':')[0]), [`${clients[2]} talks to the Docker daemon`]);
  });
});

// heroiclabs/nakama at 73ad9c15d64e75eba241a80211ba1adb94019010 (Apache-2.0): main.go imports
// server; server/api.go:331 `listener, err := net.Listen(config.GetSocket().Protocol,
// fmt.Sprintf("%v:%d", config.GetSocket().Address, config.GetSocket().Port))` (and :161 the gRPC
// listener on `config.GetSocket().Port-1`); server/console.go:370 `Addr: fmt.Sprintf("%v:%d",
// config.GetConsole().Address, config.GetConsole().Port),` in an http.Server; server/config.go:474
// `Socket *SocketConfig \`yaml:"socket" …\``, :480 `Console *ConsoleConfig …`, NewSocketConfig()
// `Port: 7350`, NewConsoleConfig() `Port: 7351`. Vendored modules (vendor/modules.txt).
function nakama(api: string): string {
  return tree({
    'go.mod': 'module github.com/heroiclabs/nakama/v3\n\ngo 1.26.5\n',
    'main.go': 'package main\n\nimport "github.com/heroiclabs/nakama/v3/server"\n\nfunc main() { c := server.NewConfig(); server.StartApiServer(c); server.StartConsoleServer(c) }\n',
    'server/config.go': 'package server\n\ntype Config interface {\n\tGetSocket() *SocketConfig\n\tGetConsole() *ConsoleConfig\n}\n\ntype config struct {\n\tSocket           *SocketConfig      `yaml:"socket" json:"socket" usage:"Socket configuration."`\n\tConsole          *ConsoleConfig     `yaml:"console" json:"console" usage:"Console settings."`\n}\n\nfunc (c *config) GetSocket() *SocketConfig { return c.Socket }\nfunc (c *config) GetConsole() *ConsoleConfig { return c.Console }\n\nfunc NewConfig() Config { return &config{Socket: NewSocketConfig(), Console: NewConsoleConfig()} }\n\ntype SocketConfig struct {\n\tProtocol string\n\tAddress  string\n\tPort     int\n}\n\nfunc NewSocketConfig() *SocketConfig {\n\treturn &SocketConfig{\n\t\tProtocol:             "tcp",\n\t\tAddress:              "",\n\t\tPort:                 7350,\n\t}\n}\n\ntype ConsoleConfig struct {\n\tAddress string\n\tPort    int\n}\n\nfunc NewConsoleConfig() *ConsoleConfig {\n\treturn &ConsoleConfig{\n\t\tPort:                7351,\n\t\tAddress:             "",\n\t}\n}\n',
    'server/api.go': `package server\n\nimport (\n\t"fmt"\n\t"net"\n)\n\nfunc StartApiServer(config Config) {\n${api}\n}\n`,
    'server/console.go': 'package server\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc StartConsoleServer(config Config) {\n\ts := &http.Server{\n\t\tAddr:         fmt.Sprintf("%v:%d", config.GetConsole().Address, config.GetConsole().Port),\n\t}\n\t_ = s.ListenAndServe()\n}\n',
  }, {});
}

describe('4. a listen address from configuration getters (nakama)', () => {
  const portChecks = (ws: readonly string[]) => ws.filter((w) => w.startsWith('No EXPOSE: the program listens on a port its configuration sets'));

  it('nakama: the socket (7350) and console (7351) listeners are named in the Check, with the constructors that set them', async () => {
    const r = await genClean(nakama('\tlistener, err := net.Listen(config.GetSocket().Protocol, fmt.Sprintf("%v:%d", config.GetSocket().Address, config.GetSocket().Port))\n\t_, _ = listener, err'));
    assert.deepEqual(r.exposes, []);
    const checks = portChecks(r.warnings);
    assert.equal(checks.length, 2, r.warnings.join('\n'));
    assert.match(checks[0], /on config\.GetSocket\(\)\.Port \(server\/api\.go\), which SocketConfig\{Port: 7350\} in NewSocketConfig\(\) sets/);
    assert.match(checks[1], /http\.Server\{Addr: fmt\.Sprintf\("%v:%d", config\.GetConsole\(\)\.Address, config\.GetConsole\(\)\.Port\)\} on config\.GetConsole\(\)\.Port \(server\/console\.go\), which ConsoleConfig\{Port: 7351\}/);
  });

  it('negative: a port computed from the field (`Port-1`, the gRPC listener) is not read as the field\'s literal', async () => {
    const r = await genClean(nakama('\tlistener, err := net.Listen("tcp", fmt.Sprintf("%v:%d", config.GetSocket().Address, config.GetSocket().Port-1))\n\t_, _ = listener, err'));
    assert.ok(!portChecks(r.warnings).some((w) => w.includes('7350') || w.includes('7349')), r.warnings.join('\n'));
  });
});
