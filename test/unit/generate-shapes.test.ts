/**
 * The generator on the shapes real repositories have (issue 13, points 1-9): which main package,
 * which port, embedded front-ends, files read at run time, the builder tag, cgo through a
 * wrapper module, a module in a subfolder, local replace targets, and the smaller items.
 * Each case is a small workspace (inline, or a skeleton of a real repository in
 * test/fixtures/generate-real with its SOURCE.md); every generated Dockerfile is also checked
 * lint-clean against all rules with the generated .dockerignore in place.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyzeText } from '../../server/src/analysis';
import { GenerateError, generateFor, type GenerateOptions, type GenerateResult } from '../../server/src/generate';
import { RULES } from '../../server/src/rules/registry';
import { loadWorkspace } from '../../server/src/workspace/load';
import { ready, writeTree } from './helpers';

const REAL = path.resolve(__dirname, '../fixtures/generate-real');
let tmp: string;
let n = 0;
before(async () => {
  await ready;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-shapes-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A small workspace written from a map of files. */
function workspace(files: Record<string, string>): string {
  return writeTree(path.join(tmp, `ws-${n++}`), files);
}

function copyOf(fixture: string): string {
  const dir = path.join(tmp, `${fixture}-${n++}`);
  fs.cpSync(path.join(REAL, fixture), dir, { recursive: true });
  fs.rmSync(path.join(dir, 'SOURCE.md'));
  return dir;
}

const MAIN = 'package main\n\nfunc main() {}\n';

async function gen(dir: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  return generateFor(loadWorkspace(dir), options);
}

async function lintClean(dir: string, r: GenerateResult): Promise<void> {
  fs.writeFileSync(path.join(dir, 'Dockerfile'), r.dockerfile);
  fs.writeFileSync(path.join(dir, '.dockerignore'), r.dockerignore);
  const ws = loadWorkspace(dir);
  const a = analyzeText(r.dockerfile, { workspace: ws.model, files: ws, only: RULES });
  assert.deepEqual(a.findings.map((f) => `${f.code}: ${f.message}`), [], r.dockerfile);
}

async function rejects(dir: string, options: GenerateOptions, code: string): Promise<GenerateError> {
  try {
    await gen(dir, options);
  } catch (e) {
    assert.ok(e instanceof GenerateError, String(e));
    assert.equal(e.code, code, e.message);
    return e;
  }
  assert.fail(`expected a ${code} error`);
}

describe('1. choosing the main package', () => {
  it('cmd/<last element of the module path> is chosen over other commands and examples, and the reasons say so', async () => {
    // The shape of mccutchen/go-httpbin: module .../go-httpbin/v2, cmd/go-httpbin and examples/.
    const dir = workspace({
      'go.mod': 'module github.com/acme/go-httpbin/v2\n\ngo 1.22\n',
      'cmd/go-httpbin/main.go': MAIN, 'cmd/genkey/main.go': MAIN, 'examples/custom/main.go': MAIN,
      'internal/tools/gen/main.go': MAIN, 'hack/x/main.go': MAIN,
    });
    const r = await gen(dir);
    assert.equal(r.target.dir, 'cmd/go-httpbin');
    assert.match(r.reasons[0], /chosen by default: cmd\/go-httpbin is named after the module/);
    assert.deepEqual(r.candidates.map((c) => c.dir), ['cmd/go-httpbin', 'cmd/genkey', 'examples/custom', 'hack/x', 'internal/tools/gen']);
    assert.deepEqual(r.candidates.map((c) => c.tier), [0, 1, 2, 2, 2]);
    await lintClean(dir, r);
  });

  it('cmd/<module name without punctuation> is chosen too (node-problem-detector), when it is the only one', async () => {
    // kubernetes/node-problem-detector at 6632ca67148f7a23df9cdbd98d9e89b388561a3a (Apache-2.0):
    // module k8s.io/node-problem-detector, mains cmd/nodeproblemdetector, cmd/healthchecker, cmd/logcounter.
    const files = { 'go.mod': 'module k8s.io/node-problem-detector\n\ngo 1.24\n', 'cmd/nodeproblemdetector/main.go': MAIN, 'cmd/healthchecker/main.go': MAIN, 'cmd/logcounter/main.go': MAIN };
    const r = await gen(workspace(files));
    assert.equal(r.target.dir, 'cmd/nodeproblemdetector');
    assert.match(r.reasons[0], /cmd\/nodeproblemdetector is named after the module \(k8s\.io\/node-problem-detector\) without its punctuation/);
    // Two such folders (or one and the exact name): nothing is guessed.
    await rejects(workspace({ ...files, 'cmd/node_problem_detector/main.go': MAIN }), {}, 'ambiguous-package');
    await rejects(workspace({ ...files, 'cmd/node-problem-detector/main.go': MAIN }), {}, 'ambiguous-package');
    // Another name: still ambiguous, as before.
    await rejects(workspace({ 'go.mod': files['go.mod'], 'cmd/npd/main.go': MAIN, 'cmd/healthchecker/main.go': MAIN }), {}, 'ambiguous-package');
  });

  it('a root main wins over cmd/ helpers and a nested module; the only non-helper main is obvious', async () => {
    const dir = workspace({
      'go.mod': 'module github.com/acme/lazy\n\ngo 1.22\n', 'main.go': MAIN,
      'cmd/i18n/main.go': MAIN, 'tools/go.mod': 'module github.com/acme/lazy/tools\n\ngo 1.22\n', 'tools/gen/main.go': MAIN,
    });
    const r = await gen(dir);
    assert.equal(r.target.dir, '');
    const only = workspace({ 'go.mod': 'module example.com/x\n\ngo 1.22\n', 'cmd/server/main.go': MAIN, 'examples/a/main.go': MAIN, 'testdata/b/main.go': MAIN });
    assert.equal((await gen(only)).target.dir, 'cmd/server');
  });

  it('two commands of the same rank: nothing is guessed, both are listed', async () => {
    const dir = workspace({ 'go.mod': 'module example.com/x\n\ngo 1.22\n', 'cmd/api/main.go': MAIN, 'cmd/worker/main.go': MAIN });
    const e = await rejects(dir, {}, 'ambiguous-package');
    assert.deepEqual(e.candidates.map((c) => c.dir), ['cmd/api', 'cmd/worker']);
  });

  it('--package NAME matches a binary name; two packages building that name are both listed', async () => {
    const dir = workspace({
      'go.mod': 'module example.com/x\n\ngo 1.22\n', 'cmd/api/main.go': MAIN, 'cmd/worker/main.go': MAIN,
      'tools/worker/main.go': MAIN,
    });
    assert.equal((await gen(dir, { package: 'api' })).target.dir, 'cmd/api');
    const e = await rejects(dir, { package: 'worker' }, 'ambiguous-package');
    assert.deepEqual(e.candidates.map((c) => c.dir).sort(), ['cmd/worker', 'tools/worker']);
    assert.match(e.message, /cmd\/worker, tools\/worker/);
  });
});

describe('2. EXPOSE from what the sources say', () => {
  it('http-echo (skeleton): the -listen flag default, with its source in the reasons', async () => {
    const dir = copyOf('http-echo');
    const r = await gen(dir);
    assert.deepEqual(r.exposes, [5678]);
    assert.match(r.dockerfile, /\nEXPOSE 5678\n/);
    assert.ok(r.reasons.some((x) => x === 'EXPOSE 5678: the program listens on flag -listen default ":5678" in main.go.'), r.reasons.join('\n'));
    await lintClean(dir, r);
  });

  it('cobra, kingpin and urfave defaults; a constant through strconv.Itoa; an env fallback', async () => {
    const cases: [string, string, number][] = [
      ['github.com/spf13/cobra', 'cmd.Flags().IntVarP(&port, "port", "p", 8081, "port")', 8081],
      ['github.com/alecthomas/kingpin/v2', 'a.Flag("web.listen-address", "Address to listen on.").Default("0.0.0.0:9090").String()', 9090],
      ['github.com/urfave/cli/v2', '_ = &cli.StringFlag{Name: "addr", Value: ":3000", Usage: "listen"}', 3000],
      ['flag', 'flag.StringVar(&addr, "addr", ":"+strconv.Itoa(defaultPort), "x")', 7070],
      ['flag', 'flag.StringVar(&port, "port", getEnv("APP_PORT", "8088"), "x")', 8088],
    ];
    for (const [imp, line, port] of cases) {
      const dir = workspace({
        'go.mod': 'module example.com/x\n\ngo 1.22\n',
        'main.go': `package main\n\nimport (\n\t"${imp}"\n\t"strconv"\n)\n\nconst defaultPort = 7070\n\nfunc main() {\n\t${line}\n}\n`,
      });
      const r = await gen(dir);
      assert.deepEqual(r.exposes, [port], `${line}\n${r.reasons.join('\n')}`);
      assert.ok(r.portEvidence.some((e) => e.port === port && e.file === 'main.go'));
    }
  });

  it('a constant named like a port alone is a guess: no EXPOSE, a warning that names it; --port decides', async () => {
    const dir = workspace({ 'go.mod': 'module example.com/x\n\ngo 1.22\n', 'main.go': 'package main\n\nconst DefaultPort = 4000\n\nfunc main() {}\n' });
    const r = await gen(dir);
    assert.deepEqual(r.exposes, []);
    assert.ok(r.warnings.some((w) => w.includes('const DefaultPort = 4000 in main.go') && w.includes('--port 4000')), r.warnings.join('\n'));
    assert.deepEqual((await gen(dir, { port: 4000 })).exposes, [4000]);
    assert.ok(!(await gen(copyOf('http-echo'), { port: null })).dockerfile.includes('EXPOSE'));
  });

  it('the listen flag lives in an imported package (cobra commands in cmd/): found there', async () => {
    const dir = copyOf('filebrowser');
    const r = await gen(dir);
    assert.deepEqual(r.exposes, [8080]);
    assert.ok(r.reasons.some((x) => x.includes('flag -port default "8080" in cmd/root.go')));
  });
});

describe('2b. ports in option structs (go-flags, kong, envconfig)', () => {
  // The shape of umputun/remark42 backend/app/cmd/server.go (MIT): a go-flags command struct with
  // the HTTP port, and an SSL group mounted under a namespace with its own port.
  const REMARK = {
    'go.mod': 'module example.com/remark/app\n\ngo 1.22\n',
    'main.go': 'package main\n\nimport _ "example.com/remark/app/cmd"\n\nfunc main() {}\n',
    'cmd/server.go': [
      'package cmd', '', 'import "github.com/jessevdk/go-flags"', '',
      'type ServerCommand struct {',
      '\tSSL SSLGroup `group:"ssl" namespace:"ssl" env-namespace:"SSL"`',
      '\tAddress string `long:"address" env:"REMARK_ADDRESS" default:"" description:"listening address"`',
      '\tPort int `long:"port" env:"REMARK_PORT" default:"8080" description:"port"`',
      '\tURL string `long:"url" env:"REMARK_URL" required:"true" description:"url to remark"`',
      '}', '',
      'type SSLGroup struct {',
      '\tType string `long:"type" env:"TYPE" choice:"none" choice:"auto" default:"none"`',
      '\tPort int `long:"port" env:"PORT" description:"port number for https server" default:"8443"`',
      '}', '', 'var _ = flags.NewParser', '',
    ].join('\n'),
  };

  it('remark42 (pattern): the command struct\'s port is exposed, the namespaced SSL port is not', async () => {
    const dir = workspace(REMARK);
    const r = await gen(dir);
    assert.deepEqual(r.exposes, [8080], r.reasons.join('\n'));
    assert.ok(r.reasons.some((x) => x.includes('field ServerCommand.Port (port) default "8080" in cmd/server.go')), r.reasons.join('\n'));
    await lintClean(dir, r);
  });

  it('kong, envconfig and caarlos0/env tags; two top-level ports are guesses, not an EXPOSE', async () => {
    const one = (field: string) => workspace({
      'go.mod': 'module example.com/x\n\ngo 1.22\n',
      'main.go': `package main\n\ntype config struct {\n\t${field}\n\tName string \`default:"x"\`\n}\n\nfunc main() {}\n`,
    });
    assert.deepEqual((await gen(one('Listen string `help:"address" default:":7000"`'))).exposes, [7000]);
    assert.deepEqual((await gen(one('Port int `envconfig:"HTTP_PORT" default:"7001"`'))).exposes, [7001]);
    assert.deepEqual((await gen(one('Addr string `env:"APP_ADDR" envDefault:"0.0.0.0:7002"`'))).exposes, [7002]);
    assert.deepEqual((await gen(one('Timeout int `long:"timeout" default:"30"`'))).exposes, [], 'not named like a port');
    const two = await gen(one('Port int `long:"port" default:"7003"`\n\tAdminPort int `long:"admin-port" default:"7004"`'));
    assert.deepEqual(two.exposes, []);
    assert.ok(two.warnings.some((w) => w.includes('--port 7003')), two.warnings.join('\n'));
  });
});

describe('3. //go:embed targets a fresh clone lacks', () => {
  it('filebrowser (skeleton): dist/ holds only .gitkeep and pnpm run build makes it: a node stage builds it', async () => {
    const dir = copyOf('filebrowser');
    const r = await gen(dir);
    assert.match(r.dockerfile, /\nFROM --platform=\$BUILDPLATFORM node:22-bookworm-slim AS web\nWORKDIR \/src\/frontend\nCOPY frontend\/package\.json frontend\/pnpm-lock\.yaml \.\/\n/);
    assert.match(r.dockerfile, /corepack enable && pnpm install --frozen-lockfile\nCOPY frontend\/ \.\/\nRUN pnpm run build\n/);
    assert.match(r.dockerfile, /\nCOPY \. \.\nCOPY --from=web \/src\/frontend\/dist \/src\/frontend\/dist\n/);
    assert.ok(r.reasons.some((x) => x.includes('frontend/dist holds only .gitkeep')));
    await lintClean(dir, r);
  });

  it('a script that writes the folder elsewhere (vite --outDir=../server/dist, git-ignored) is the one run', async () => {
    const dir = workspace({
      'go.mod': 'module example.com/memo\n\ngo 1.22\n', 'cmd/memo/main.go': 'package main\n\nimport _ "example.com/memo/server/web"\n\nfunc main() {}\n',
      'server/web/web.go': 'package web\n\nimport "embed"\n\n//go:embed dist/*\nvar dist embed.FS\n',
      'server/web/dist/index.html': '<!-- placeholder -->\n', '.gitignore': 'dist/\n',
      'web/package.json': JSON.stringify({ scripts: { build: 'vite build', release: 'vite build --mode release --outDir=../server/web/dist --emptyOutDir' } }),
      'web/package-lock.json': '{}\n',
    });
    const r = await gen(dir);
    assert.match(r.dockerfile, /\nWORKDIR \/src\/web\nCOPY web\/package\.json web\/package-lock\.json \.\/\nRUN --mount=type=cache,target=\/root\/\.npm \\\n    npm ci\nCOPY web\/ \.\/\nRUN npm run release\n/);
    assert.match(r.dockerfile, /COPY --from=web \/src\/server\/web\/dist \/src\/server\/web\/dist\n/);
    assert.ok(r.reasons.some((x) => x.includes('matches a .gitignore pattern (.gitignore: dist/)')), r.reasons.join('\n'));
  });

  it('missing and nothing builds it: stops with a message naming the folder', async () => {
    const dir = workspace({
      'go.mod': 'module example.com/ui\n\ngo 1.22\n',
      'main.go': 'package main\n\nimport "embed"\n\n//go:embed ui/build\nvar ui embed.FS\n\nfunc main() {}\n',
    });
    const e = await rejects(dir, {}, 'embed-missing');
    assert.match(e.message, /\/\/go:embed ui\/build in \.: ui\/build does not exist/);
    assert.match(e.message, /no matching files/);
  });
});

describe('4. files read at run time', () => {
  it('templates/ and a config flag default are copied beside the binary; a missing static/ is warned about', async () => {
    const dir = workspace({
      'go.mod': 'module example.com/site\n\ngo 1.22\n',
      'main.go': [
        'package main', '', 'import (', '\t"flag"', '\t"html/template"', '\t"net/http"', ')', '',
        'func main() {',
        '\tcfg := flag.String("config", "config/app.yaml", "config file")',
        '\t_ = cfg',
        '\t_ = template.Must(template.ParseGlob("templates/*.html"))',
        '\thttp.Handle("/static/", http.FileServer(http.Dir("./static")))',
        '\t_ = http.ListenAndServe(":8080", nil)',
        '}', '',
      ].join('\n'),
      'templates/index.html': '<p>hi</p>\n', 'config/app.yaml': 'a: 1\n',
    });
    const r = await gen(dir);
    // The files go into the working directory after it is made the runtime user's, and stay root-owned.
    assert.match(r.dockerfile, /\nCOPY --from=build --chown=65532:65532 \/app \/app\nWORKDIR \/app\n# Files the program opens at run time, relative to its working directory \(root-owned: read-only to it\)\.\nCOPY config \/app\/config\nCOPY templates \/app\/templates\nUSER /);
    assert.ok(r.warnings.some((w) => w.includes('reads static at run time') && w.includes('http.Dir("./static")')), r.warnings.join('\n'));
    await lintClean(dir, r);
  });
});

describe('5. the builder tag', () => {
  it('go 1.26.0 → golang:1.26; a toolchain line of a later minor raises it; a patch toolchain does not pin', async () => {
    const at = async (mod: string) => (await gen(workspace({ 'go.mod': `module example.com/x\n\n${mod}`, 'main.go': MAIN }))).images.builder;
    assert.equal(await at('go 1.26.0\n'), 'golang:1.26-bookworm');
    assert.equal(await at('go 1.26.0\n\ntoolchain go1.26.1\n'), 'golang:1.26-bookworm');
    assert.equal(await at('go 1.26\n\ntoolchain go1.27.4\n'), 'golang:1.27-bookworm');
    assert.equal(await at('go 1.28rc1\n'), 'golang:1.28rc1-bookworm');
    // Lines out of support (go line, toolchain line or pre-release) build with the oldest supported one.
    assert.equal(await at('go 1.25.0\n'), 'golang:1.26-bookworm');
    assert.equal(await at('go 1.22\n\ntoolchain go1.23.4\n'), 'golang:1.26-bookworm');
    assert.equal(await at('go 1.24rc1\n'), 'golang:1.26-bookworm');
  });
});

describe('6. cgo through a wrapper module', () => {
  const files = {
    'go.mod': 'module example.com/notes\n\ngo 1.22\n\nrequire gorm.io/driver/sqlite v1.5.6\n\nrequire github.com/mattn/go-sqlite3 v1.14.22 // indirect\n',
    'main.go': 'package main\n\nimport (\n\t"gorm.io/driver/sqlite"\n\t"gorm.io/gorm"\n)\n\nfunc main() { _, _ = gorm.Open(sqlite.Open("x.db")) }\n',
  };
  it('gorm.io/driver/sqlite with go-sqlite3 code in go.sum: CGO_ENABLED=1 on a glibc runtime, the path named', async () => {
    const dir = workspace({ ...files, 'go.sum': 'github.com/mattn/go-sqlite3 v1.14.22 h1:abc=\ngithub.com/mattn/go-sqlite3 v1.14.22/go.mod h1:def=\ngorm.io/driver/sqlite v1.5.6 h1:x=\n' });
    const r = await gen(dir);
    assert.ok(r.cgo);
    assert.match(r.dockerfile, /CGO_ENABLED=1/);
    assert.equal(r.images.runtime, 'gcr.io/distroless/base-debian12:nonroot');
    assert.ok(r.reasons.some((x) => x.includes('. imports gorm.io/driver/sqlite → github.com/mattn/go-sqlite3 (go.sum; it binds SQLite)')), r.reasons.join('\n'));
  });

  it('go.sum with only the /go.mod hash of go-sqlite3: never built, static', async () => {
    const dir = workspace({ ...files, 'go.sum': 'github.com/mattn/go-sqlite3 v1.14.22/go.mod h1:def=\n' });
    assert.equal((await gen(dir)).cgo, false);
  });

  it('vendor/: the vendored packages\' imports are followed to go-sqlite3', async () => {
    const dir = workspace({
      'go.mod': 'module example.com/v\n\ngo 1.22\n\nrequire example.com/orm v1.0.0\n',
      'main.go': 'package main\n\nimport _ "example.com/orm/sqlite"\n\nfunc main() {}\n',
      'vendor/modules.txt': '# example.com/orm v1.0.0\n## explicit\nexample.com/orm/sqlite\n# github.com/mattn/go-sqlite3 v1.14.22\ngithub.com/mattn/go-sqlite3\n',
      'vendor/example.com/orm/sqlite/sqlite.go': 'package sqlite\n\nimport _ "github.com/mattn/go-sqlite3"\n',
      'vendor/github.com/mattn/go-sqlite3/sqlite3.go': 'package sqlite3\n\nimport "C"\n',
    });
    const r = await gen(dir);
    assert.ok(r.cgo);
    assert.ok(r.reasons.some((x) => x.includes('example.com/orm/sqlite → github.com/mattn/go-sqlite3 (vendor/modules.txt')), r.reasons.join('\n'));
  });
});

// Judge 32 Y, generator table: wealdtech/ethdo ae1b9af (Apache-2.0) and ObolNetwork/charon
// e628470 (BUSL-1.1) import github.com/herumi/bls-eth-go-binary/bls (cgo only, no !cgo file);
// flashbots/mev-boost-relay 7781f99 (AGPL-3.0) requires github.com/supranational/blst only
// `// indirect` (through c-kzg-4844, compiled by go-ethereum only with -tags ckzg), and builds
// without cgo. Skeletons: go.mod's lines that matter, go.sum's code hash, the import blocks.
describe('6b. BLS libraries of Ethereum clients', () => {
  it('ethdo ae1b9af: herumi\'s BLS package needs cgo: CGO_ENABLED=1 on a glibc runtime', async () => {
    const dir = workspace({
      'go.mod': 'module github.com/wealdtech/ethdo\n\ngo 1.23.0\n\nrequire github.com/herumi/bls-eth-go-binary v1.36.4\n',
      'go.sum': 'github.com/herumi/bls-eth-go-binary v1.36.4 h1:x=\ngithub.com/herumi/bls-eth-go-binary v1.36.4/go.mod h1:y=\n',
      'main.go': 'package main\n\nimport (\n\t"github.com/wealdtech/ethdo/util"\n)\n\nfunc main() { util.X() }\n',
      'util/bls.go': 'package util\n\nimport (\n\t"github.com/herumi/bls-eth-go-binary/bls"\n)\n\nfunc X() { _ = bls.Init }\n',
    });
    const r = await gen(dir);
    assert.ok(r.cgo);
    assert.match(r.dockerfile, /CGO_ENABLED=1/);
    assert.doesNotMatch(r.dockerfile, /CGO_ENABLED=0|distroless\/static/);
    assert.match(r.images.runtime, /^gcr\.io\/distroless\/base-debian12/);
    assert.ok(r.reasons.some((x) => x.includes('github.com/herumi/bls-eth-go-binary/bls needs cgo')), r.reasons.join('\n'));
  });

  it('mev-boost-relay 7781f99: blst only `// indirect` (c-kzg-4844): static, and no cgo warning for it', async () => {
    const dir = workspace({
      'go.mod': 'module github.com/flashbots/mev-boost-relay\n\ngo 1.24.0\n\nrequire github.com/flashbots/go-boost-utils v1.10.0\n\nrequire (\n\tgithub.com/ethereum/c-kzg-4844 v1.0.3 // indirect\n\tgithub.com/supranational/blst v0.3.14 // indirect\n)\n',
      'go.sum': 'github.com/flashbots/go-boost-utils v1.10.0 h1:a=\ngithub.com/supranational/blst v0.3.14 h1:b=\ngithub.com/supranational/blst v0.3.14/go.mod h1:c=\n',
      'main.go': 'package main\n\nimport (\n\t"github.com/flashbots/go-boost-utils/bls"\n)\n\nfunc main() { _ = bls.PublicKeyLength }\n',
    });
    const r = await gen(dir);
    assert.equal(r.cgo, false);
    assert.ok(!r.warnings.some((w) => w.includes('supranational/blst')), r.warnings.join('\n'));
    // A direct import of blst's Go bindings is cgo.
    const direct = workspace({
      'go.mod': 'module example.com/signer\n\ngo 1.24.0\n\nrequire github.com/supranational/blst v0.3.14\n',
      'go.sum': 'github.com/supranational/blst v0.3.14 h1:b=\n',
      'main.go': 'package main\n\nimport (\n\tblst "github.com/supranational/blst/bindings/go"\n)\n\nfunc main() { _ = blst.P1Affine{} }\n',
    });
    assert.ok((await gen(direct)).cgo);
  });
});

describe('7. a module in a subfolder', () => {
  it('copies only the module folder and its local replace target, not the rest of the repository', async () => {
    const dir = workspace({
      'server/go.mod': 'module example.com/app/server\n\ngo 1.22\n\nrequire example.com/app/common v0.0.0\n\nreplace example.com/app/common => ../common/\n',
      'server/go.sum': '', 'server/main.go': 'package main\n\nimport _ "example.com/app/common"\n\nfunc main() {}\n',
      'common/go.mod': 'module example.com/app/common\n\ngo 1.22\n', 'common/go.sum': '', 'common/c.go': 'package common\n',
      'web/src/app.ts': 'x\n', 'docs/readme.md': 'x\n',
    });
    const r = await gen(dir);
    assert.match(r.dockerfile, /\nCOPY server\/ \.\/\nCOPY common\/ \/src\/common\/\n/);
    assert.ok(!/\nCOPY \. /.test(r.dockerfile));
    assert.ok(!r.dockerfile.includes('//go.mod'), 'no double slash from the trailing slash of the replace path');
    assert.match(r.dockerfile, /\nCOPY common\/go\.mod \/src\/common\/\n/);
    await lintClean(dir, r);
  });
});

describe('8. generator and linter agree on local replace targets', () => {
  it('GD105 does not ask for a replace target\'s go.sum (Go never reads it)', async () => {
    const dir = workspace({
      'go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire example.com/common v0.0.0\n\nreplace example.com/common => ./internal/common/\n',
      'go.sum': '', 'main.go': 'package main\n\nimport _ "example.com/common"\n\nfunc main() {}\n',
      'internal/common/go.mod': 'module example.com/common\n\ngo 1.22\n', 'internal/common/go.sum': 'x v1 h1:y=\n', 'internal/common/c.go': 'package common\n',
    });
    const r = await gen(dir);
    assert.match(r.dockerfile, /\nCOPY internal\/common\/go\.mod \.\/internal\/common\/\n/);
    assert.ok(!r.dockerfile.includes('//go.mod'));
    await lintClean(dir, r);
    const ws = loadWorkspace(dir);
    const gd105 = RULES.filter((x) => x.code === 'GD105');
    // The main module's go.sum is still asked for.
    const missingMain = r.dockerfile.replace('COPY go.mod go.sum ./', 'COPY go.mod ./');
    assert.deepEqual(analyzeText(missingMain, { workspace: ws.model, files: ws, only: gd105 }).findings.map((f) => f.code), ['GD105']);
  });

  it('a replace outside the context: nothing is generated; the parent folder is offered as the context', async () => {
    const root = workspace({ 'shared/go.mod': 'module example.com/shared\n\ngo 1.22\n', 'app/go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire example.com/shared v0.0.0\n\nreplace example.com/shared => ../shared\n', 'app/main.go': MAIN });
    const e = await rejects(path.join(root, 'app'), {}, 'context-too-small');
    assert.equal(e.suggestedContext, root);
    assert.match(e.message, /Generate from .* instead/);
  });
});

describe('9. the smaller items', () => {
  it('an old go line keeps a supported runtime (no distroless -debian11), and a supported builder', async () => {
    const r = await gen(workspace({ 'go.mod': 'module example.com/x\n\ngo 1.17\n', 'main.go': MAIN }));
    assert.equal(r.images.builder, 'golang:1.26-bookworm');
    assert.equal(r.images.runtime, 'gcr.io/distroless/static-debian12:nonroot');
  });

  it('alpine + cgo: the builder is pinned to the runtime\'s alpine release', async () => {
    const r = await gen(workspace({ 'go.mod': 'module example.com/x\n\ngo 1.26\n', 'main.go': 'package main\n\nimport "C"\n\nfunc main() {}\n' }), { runtime: 'alpine' });
    assert.equal(r.images.builder, 'golang:1.26-alpine3.22');
    assert.equal(r.images.runtime, 'alpine:3.22');
  });

  it('embedding .env.defaults re-includes that file instead of dropping the .env.* exclusion', async () => {
    const dir = workspace({
      'go.mod': 'module example.com/x\n\ngo 1.22\n', '.env.defaults': 'A=1\n', '.env.local': 'SECRET=1\n',
      'main.go': 'package main\n\nimport _ "embed"\n\n//go:embed .env.defaults\nvar defaults string\n\nfunc main() {}\n',
    });
    const r = await gen(dir);
    const lines = r.dockerignore.split('\n');
    assert.ok(lines.includes('.env.*'), r.dockerignore);
    assert.ok(lines.includes('!.env.defaults'), r.dockerignore);
    await lintClean(dir, r);
  });

  it('a go.work member without go.sum: warned about, and the reasons do not claim it was copied', async () => {
    const dir = workspace({
      'go.work': 'go 1.22\n\nuse (\n\t./api\n\t./lib\n)\n',
      'api/go.mod': 'module example.com/api\n\ngo 1.22\n', 'api/main.go': MAIN,
      'lib/go.mod': 'module example.com/lib\n\ngo 1.22\n\nrequire golang.org/x/text v0.14.0\n', 'lib/l.go': 'package lib\n',
    });
    const r = await gen(dir);
    assert.ok(r.warnings.some((w) => w.includes('lib/go.sum is missing')), r.warnings.join('\n'));
    assert.ok(r.reasons.some((x) => x.includes('lib: go.mod, no go.sum')), r.reasons.join('\n'));
  });

  it('cron libraries and TZ need zoneinfo: embedded on scratch', async () => {
    const dir = workspace({
      'go.mod': 'module example.com/x\n\ngo 1.22\n\nrequire github.com/robfig/cron/v3 v3.0.1\n', 'go.sum': '',
      'main.go': 'package main\n\nimport "github.com/robfig/cron/v3"\n\nfunc main() { _ = cron.New() }\n',
    });
    const r = await gen(dir, { runtime: 'scratch' });
    assert.match(r.dockerfile, /-tags timetzdata/);
    assert.ok(r.reasons.some((x) => x.includes('github.com/robfig/cron')));
  });

  it('a CLI with a serve subcommand runs it; one whose root command serves gets no CMD', async () => {
    const dir = workspace({
      'go.mod': 'module example.com/tool\n\ngo 1.22\n', 'main.go': 'package main\n\nimport "example.com/tool/cmd"\n\nfunc main() { cmd.Execute() }\n',
      'cmd/root.go': 'package cmd\n\nimport "github.com/spf13/cobra"\n\nvar root = &cobra.Command{Use: "tool", Short: "x"}\n\nfunc Execute() { _ = root.Execute() }\n',
      'cmd/serve.go': 'package cmd\n\nimport "github.com/spf13/cobra"\n\nvar serveCmd = &cobra.Command{Use: "serve", Short: "start the server"}\n',
      'cmd/migrate.go': 'package cmd\n\nimport "github.com/spf13/cobra"\n\nvar migrateCmd = &cobra.Command{Use: "migrate", Short: "x"}\n',
    });
    const r = await gen(dir);
    assert.match(r.dockerfile, /\nENTRYPOINT \["\/usr\/local\/bin\/tool"\]\nCMD \["serve"\]\n$/);
    const fb = await gen(copyOf('filebrowser'));
    // In the ENTRYPOINT since session 57 (judge 42 G G9: a docker run's arguments replace the CMD).
    assert.match(fb.dockerfile, /\nENTRYPOINT \["\/usr\/local\/bin\/filebrowser", "--address", "0\.0\.0\.0"\]\n$/, 'the root serves; its loopback default is overridden');
  });

  it('a program that runs git (lazygit\'s pattern): distroless has no git, the warning names the call', async () => {
    // jesseduffield/lazygit pkg/app/entry_point.go (MIT): exec.Command("git", "--version").
    const files = {
      'go.mod': 'module example.com/tui\n\ngo 1.22\n',
      'main.go': 'package main\n\nimport "example.com/tui/pkg/app"\n\nfunc main() { app.Run() }\n',
      'pkg/app/app.go': 'package app\n\nimport (\n\t"context"\n\t"os/exec"\n)\n\nfunc Run() {\n\t_ = exec.Command("git", "--version").Run()\n\t_ = exec.CommandContext(context.TODO(), "ssh", "-N").Run()\n\t_ = exec.Command("sh", "-c", "true").Run()\n\t_, _ = exec.LookPath("direnv")\n\t_ = exec.Command("tui", "--child").Run()\n}\n',
    };
    const r = await gen(workspace(files), { runtime: 'distroless' });
    const w = r.warnings.find((x) => x.startsWith('The program runs '));
    assert.ok(w, r.warnings.join('\n'));
    assert.match(w, /git \(exec\.Command\("git"\) in pkg\/app\/app\.go\)/);
    assert.match(w, /ssh \(exec\.CommandContext\("ssh"\)/);
    assert.match(w, /sh \(exec\.Command\("sh"\)/, 'distroless has no shell either');
    assert.ok(!w.includes('direnv') && !w.includes('"tui"'), 'an optional tool (LookPath) and the program itself are not named');
    // debian (asked for, and the default since git and ssh have packages): they are installed, sh is there.
    for (const debian of [await gen(workspace(files), { runtime: 'debian' }), await gen(workspace(files))]) {
      assert.equal(debian.runtime, 'debian');
      assert.match(debian.dockerfile, /apt-get install -y --no-install-recommends git openssh-client /);
      assert.ok(!debian.warnings.some((x) => x.startsWith('The program runs ')), debian.warnings.join('\n'));
    }
    const quiet = await gen(workspace({ ...files, 'pkg/app/app.go': 'package app\n\nfunc Run() {}\n' }));
    assert.ok(!quiet.warnings.some((x) => x.startsWith('The program runs ')), 'no exec, no warning');
  });

  it('trufflehog: the programs run come from the workspace fact (GoPackage runsPrograms), which GD208 reads too', async () => {
    // trufflesecurity/trufflehog at 3ab759fef4bb5935d4fe9ac68b503d05346b8364 (AGPL-3.0):
    // pkg/sources/git/cmd_check.go runs exec.Command("git", "--version").
    const dir = workspace({
      'go.mod': 'module github.com/trufflesecurity/trufflehog/v3\n\ngo 1.25.0\n',
      'main.go': 'package main\n\nimport "github.com/trufflesecurity/trufflehog/v3/pkg/sources/git"\n\nfunc main() { _ = git.CmdCheck() }\n',
      'pkg/sources/git/cmd_check.go': 'package git\n\nimport "os/exec"\n\nfunc CmdCheck() error {\n\t_, err := exec.Command("git", "--version").Output()\n\treturn err\n}\n',
    });
    assert.deepEqual(loadWorkspace(dir).model.packages.find((p) => p.dir === 'pkg/sources/git')?.runsPrograms, [{ name: 'git', via: 'exec.Command("git")', file: 'cmd_check.go' }]);
    const r = await gen(dir, { runtime: 'distroless' });
    assert.ok(r.warnings.some((w) => w.startsWith('The program runs git (exec.Command("git") in pkg/sources/git/cmd_check.go) at run time, and gcr.io/distroless/static-debian12:nonroot has no programs but the binary')), r.warnings.join('\n'));
  });

  it('a Docker API client: the non-root user and the Docker socket are named', async () => {
    const r = await gen(workspace({ 'go.mod': 'module example.com/x\n\ngo 1.22\n', 'main.go': 'package main\n\nimport _ "github.com/docker/docker/client"\n\nfunc main() {}\n' }));
    assert.ok(r.warnings.some((w) => w.includes('/var/run/docker.sock') && w.includes('--group-add')), r.warnings.join('\n'));
  });

  it('glider: a version the source sets is kept, not overwritten by ARG VERSION=dev; placeholders are stamped', async () => {
    // nadoo/glider at bb439c9345b6c9e1a7374b82f6102f11ede17a3f (GPL-3.0) main.go:19-22:
    // `var ( version = "0.17.0"; config = parseConfig() )`, printed by -help.
    const files = (init: string) => ({
      'go.mod': 'module github.com/nadoo/glider\n\ngo 1.25\n',
      'main.go': `package main\n\nimport "fmt"\n\nvar (\n\tversion = ${init}\n\tconfig  = parseConfig()\n)\n\nfunc parseConfig() string { return "" }\n\nfunc main() { fmt.Println(version, config) }\n`,
    });
    const dir = workspace(files('"0.17.0"'));
    const r = await gen(dir);
    assert.ok(!r.dockerfile.includes('VERSION'), r.dockerfile);
    assert.equal(r.stamped, false);
    assert.ok(r.reasons.some((x) => x.startsWith('No -X main.version: main.go sets `version = "0.17.0"`')), r.reasons.join('\n'));
    await lintClean(dir, r);
    // Asked for: stamped, and an unstamped build still says 0.17.0.
    const asked = await gen(workspace(files('"0.17.0"')), { stampVersion: true });
    assert.match(asked.dockerfile, /\nARG VERSION=0\.17\.0\n/);
    assert.match(asked.dockerfile, /-X main\.version=\$\{VERSION\}/);
    // Empty or a placeholder: stamped, ARG VERSION=dev.
    for (const init of ['""', '"dev"', '"unknown"', '"(devel)"', '"0.0.0"', '`dev`']) {
      const p = await gen(workspace(files(init)));
      assert.match(p.dockerfile, /\nARG VERSION=dev\n/, init);
      assert.match(p.dockerfile, /-X main\.version=\$\{VERSION\}/, init);
    }
  });
});
