/**
 * The generator on the failures of the second out-of-sample judgement (/work/coord/judge2,
 * helper-29): each case is a small skeleton of a real repository (file list, go.mod, the ignore
 * file, the import blocks / flag lines / Makefile lines that matter; never the whole tree), with
 * its repository, commit and licence in the comment above it, plus the negative variant.
 *
 * 1. The project's own .dockerignore excludes what the generated build needs (memos, dive):
 *    reported as `existingIgnore.conflicts`; the CLI writes nothing and exits 3.
 * 2. Ports: pprof's listener is never exposed (transfer.sh, wakapi), flags of a port the program
 *    connects to are not listen ports (node_exporter's NTP server-port), exporter-toolkit's
 *    --web.listen-address is, and a loopback default is named (or moved with a CMD flag).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli as run } from './cliRun';
import { generatorTrees } from './generateTrees';

const { workspace, gen } = generatorTrees('judge2');

// usememos/memos at 76a762924306e782871204f131f4033be5e8e41a (MIT). go.mod's module and go
// lines; cmd/memos → server → server/router/frontend (`//go:embed dist/*`, dist holds only the
// placeholder index.html); web/package.json's release script writes that dist; .dockerignore
// lines 1-17 as in the repository (line 12: `/web/`).
const MEMOS_IGNORE = '# Build and local output\n/build/\n/bin/\n/tmp/\n/memos\n/memos.exe\ncoverage.out\n/.pnpm-store/\n/.worktrees/\n\n# Not used by the image build\n/web/\n/docs/\n/.github/\n*.md\n/.gitignore\n/.dockerignore\n';
function memos(ignore: string | null): string {
  return workspace({
    'go.mod': 'module github.com/usememos/memos\n\ngo 1.22.0\n',
    'cmd/memos/main.go': 'package main\n\nimport (\n\t"github.com/usememos/memos/server"\n)\n\nfunc main() { server.Run() }\n',
    'server/server.go': 'package server\n\nimport (\n\t"github.com/usememos/memos/server/router/frontend"\n)\n\nfunc Run() { frontend.Serve() }\n',
    'server/router/frontend/frontend.go': 'package frontend\n\nimport (\n\t"embed"\n)\n\n//go:embed dist/*\nvar embeddedFiles embed.FS\n\nfunc Serve() { _ = embeddedFiles }\n',
    'server/router/frontend/dist/index.html': '<!DOCTYPE html>\n<html lang="en">\n  <head>\n    <title>Memos</title>\n  </head>\n  <body>\n    No embeddable frontend found.\n  </body>\n</html>\n',
    'web/package.json': '{\n  "name": "memos",\n  "private": true,\n  "packageManager": "pnpm@11.0.1",\n  "scripts": {\n    "dev": "vite",\n    "build": "vite build",\n    "release": "vite build --mode release --outDir=../server/router/frontend/dist --emptyOutDir"\n  }\n}\n',
    'web/pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
    'web/src/main.tsx': 'export {};\n',
    ...(ignore !== null ? { '.dockerignore': ignore } : {}),
  });
}

// wagoodman/dive at d6c691947f8fda635c952a17ee3b7555379d58f0 (MIT). cmd/dive → cmd/dive/cli →
// internal/utils; .dockerignore as in the repository (made for goreleaser's COPY of a prebuilt
// binary: `/cmd` on line 9, `/internal/utils` on line 7).
const DIVE_IGNORE = '/.git\n/.data\n/.cover\n/dist\n!/dist/dive_linux_amd64\n/ui\n/internal/utils\n/image\n/cmd\n/build\ncoverage.txt\n';
function dive(ignore: string | null, ignoreName = '.dockerignore'): string {
  return workspace({
    'go.mod': 'module github.com/wagoodman/dive\n\ngo 1.24\n',
    'cmd/dive/main.go': 'package main\n\nimport (\n\t"github.com/wagoodman/dive/cmd/dive/cli"\n)\n\nconst applicationName = "dive"\n\nfunc main() { cli.Run() }\n',
    'cmd/dive/cli/cli.go': 'package cli\n\nimport (\n\t"github.com/wagoodman/dive/internal/utils"\n)\n\nfunc Run() { utils.Format() }\n',
    'internal/utils/format.go': 'package utils\n\nfunc Format() {}\n',
    ...(ignore !== null ? { [ignoreName]: ignore } : {}),
  });
}

describe('1. the project\'s own .dockerignore against the generated build', () => {
  it('memos: `/web/` excludes the front-end the node stage copies: conflicts name line 12 and the paths', async () => {
    const r = await gen(memos(MEMOS_IGNORE));
    assert.match(r.dockerfile, /COPY web\/package\.json web\/pnpm-lock\.yaml \.\//);
    assert.equal(r.existingIgnore?.path, '.dockerignore');
    assert.deepEqual(r.existingIgnore!.conflicts.map((c) => `${c.line} ${c.pattern} ${c.needs}`), ['12 /web/ web/package.json', '12 /web/ web/pnpm-lock.yaml', '12 /web/ web']);
    assert.match(r.warnings[0], /^The existing \.dockerignore breaks this build: \.dockerignore line 12 `\/web\/` excludes web\/package\.json, web\/pnpm-lock\.yaml, web\. .*Remove or narrow that line/);
  });

  it('memos without `/web/` (or only web/node_modules left out): no conflict; `*.md` and the rest exclude nothing the build needs', async () => {
    for (const ignore of [MEMOS_IGNORE.replace('/web/\n', ''), MEMOS_IGNORE.replace('/web/\n', '/web/node_modules/\n')]) {
      const r = await gen(memos(ignore));
      assert.deepEqual(r.existingIgnore, { path: '.dockerignore', conflicts: [] });
      assert.ok(!r.warnings.some((w) => w.includes('breaks this build')), r.warnings.join('\n'));
    }
    assert.equal((await gen(memos(null))).existingIgnore, null);
  });

  it('dive: `/cmd` and `/internal/utils` exclude the compiled packages\' sources (each package once)', async () => {
    const r = await gen(dive(DIVE_IGNORE));
    assert.equal(r.target.dir, 'cmd/dive');
    assert.deepEqual(r.existingIgnore!.conflicts.map((c) => `${c.line} ${c.needs} (${c.path})`), [
      '9 package cmd/dive (cmd/dive/main.go)', '9 package cmd/dive/cli (cmd/dive/cli/cli.go)', '7 package internal/utils (internal/utils/format.go)',
    ]);
  });

  it('dive: an ignore file excluding only what the Go build does not read is no conflict', async () => {
    const r = await gen(dive('/.git\n/.data\n/dist\n/ui\n/image\ncoverage.txt\n'));
    assert.deepEqual(r.existingIgnore?.conflicts, []);
  });

  it('Dockerfile.dockerignore (BuildKit uses it for a Dockerfile named Dockerfile) is the file checked', async () => {
    const r = await gen(dive(DIVE_IGNORE, 'Dockerfile.dockerignore'));
    assert.equal(r.existingIgnore?.path, 'Dockerfile.dockerignore');
    assert.equal(r.existingIgnore!.conflicts.length, 3);
  });

  it('CLI: writes nothing and exits 3, naming the lines; --stdout prints nothing and exits 3; --force replaces .dockerignore', async () => {
    const dir = memos(MEMOS_IGNORE);
    const w = await run('generate', dir);
    assert.equal(w.code, 3, w.err);
    assert.match(w.err, /the existing .*\.dockerignore excludes what the generated Dockerfile needs, so `docker build` would fail .*Nothing written\./);
    assert.match(w.err, /\.dockerignore line 12 `\/web\/` excludes web\/package\.json/);
    assert.match(w.err, /--force to replace \.dockerignore with the generated one/);
    assert.ok(!fs.existsSync(path.join(dir, 'Dockerfile')));
    assert.equal(fs.readFileSync(path.join(dir, '.dockerignore'), 'utf8'), MEMOS_IGNORE);

    const s = await run('generate', dir, '--stdout');
    assert.equal(s.code, 3);
    assert.equal(s.out, '');
    assert.match(s.err, /Nothing printed\./);

    const sf = await run('generate', dir, '--stdout', '--force');
    assert.equal(sf.code, 0, sf.err);
    assert.match(sf.out, /^# syntax=docker\/dockerfile:1/);
    assert.match(sf.err, /! The existing \.dockerignore breaks this build/);

    const j = await run('generate', dir, '--format', 'json');
    assert.equal(j.code, 3);
    assert.equal(JSON.parse(j.out).error.code, 'dockerignore-conflict');

    const f = await run('generate', dir, '--force');
    assert.equal(f.code, 0, f.err);
    assert.ok(fs.existsSync(path.join(dir, 'Dockerfile')));
    assert.doesNotMatch(fs.readFileSync(path.join(dir, '.dockerignore'), 'utf8'), /^\/web\/$/m);
    assert.match(f.out, /The existing \.dockerignore is replaced \(--force\): it broke this build/);
    assert.ok(!f.out.includes('Self-check'), f.out);
  });

  it('CLI: a Dockerfile.dockerignore that breaks the build is not fixed by --force (it is not the file written)', async () => {
    const dir = dive(DIVE_IGNORE, 'Dockerfile.dockerignore');
    const f = await run('generate', dir, '--force');
    assert.equal(f.code, 3);
    assert.match(f.err, /Dockerfile\.dockerignore is the file BuildKit uses/);
  });

  it('CLI: an existing .dockerignore that excludes nothing needed is kept and the Dockerfile written (exit 0)', async () => {
    const dir = dive('/.git\n/dist\n');
    const r = await run('generate', dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.readFileSync(path.join(dir, '.dockerignore'), 'utf8'), '/.git\n/dist\n');
  });
});

// dutchcoders/transfer.sh at c37bfd95797fd6da8a6da53fc13d191994b3f687 (MIT). main.go → cmd
// (urfave/cli flags, cmd/cmd.go lines 40-53) → server (server/server.go lines 37, 420-426: the
// profiler's `http.ListenAndServe(":6060", nil)`).
function transfersh(profilerOnly = false): string {
  return workspace({
    'go.mod': 'module github.com/dutchcoders/transfer.sh\n\ngo 1.22\n',
    'main.go': 'package main\n\nimport (\n\t"github.com/dutchcoders/transfer.sh/cmd"\n)\n\nfunc main() { cmd.New().Run() }\n',
    'cmd/cmd.go': 'package cmd\n\nimport (\n\t"github.com/dutchcoders/transfer.sh/server"\n\t"github.com/urfave/cli/v2"\n)\n\nvar globalFlags = []cli.Flag{\n'
      + (profilerOnly ? '' : '\t&cli.StringFlag{\n\t\tName:    "listener",\n\t\tUsage:   "127.0.0.1:8080",\n\t\tValue:   "127.0.0.1:8080",\n\t\tEnvVars: []string{"LISTENER"},\n\t},\n')
      + '\t&cli.StringFlag{\n\t\tName:    "profile-listener",\n\t\tUsage:   "127.0.0.1:6060",\n\t\tValue:   "",\n\t\tEnvVars: []string{"PROFILE_LISTENER"},\n\t},\n}\n\nfunc New() { server.New() }\n',
    'server/server.go': 'package server\n\nimport (\n\t"net/http"\n\t_ "net/http/pprof"\n)\n\nfunc (s *Server) Run() {\n\tif s.profilerEnabled {\n\t\tgo func() {\n\t\t\ts.logger.Println("Profiled listening at: :6060")\n\n\t\t\t_ = http.ListenAndServe(":6060", nil)\n\t\t}()\n\t}\n}\n',
  });
}

// muety/wakapi at 2ed2e3faa16185b60aa13e149dd0b956e758aa50 (MIT). main.go lines 352-354 (pprof on
// 127.0.0.1:6060 when profiling is on), config/config.go lines 160-161 and 176-180 (struct-tag
// defaults: port 3000, listen_ipv4 127.0.0.1, listen_ipv6 ::1; the database's port has none).
function wakapi(listenV4 = '127.0.0.1'): string {
  return workspace({
    'go.mod': 'module github.com/muety/wakapi\n\ngo 1.22\n',
    'main.go': 'package main\n\nimport (\n\t"log/slog"\n\t"net/http"\n\t_ "net/http/pprof"\n\n\tconf "github.com/muety/wakapi/config"\n)\n\nfunc main() {\n\tconfig := conf.Load()\n\tif config.EnablePprof {\n\t\tslog.Info("profiling enabled, exposing pprof data", "url", "http://127.0.0.1:6060/debug/pprof")\n\t\tgo func() {\n\t\t\t_ = http.ListenAndServe("127.0.0.1:6060", nil)\n\t\t}()\n\t}\n}\n',
    'config/config.go': `package config\n\ntype dbConfig struct {\n\tHost string \`env:"WAKAPI_DB_HOST"\`\n\tPort uint   \`env:"WAKAPI_DB_PORT"\`\n}\n\ntype serverConfig struct {\n\tPort             int      \`default:"3000" env:"WAKAPI_PORT"\`\n\tListenIpV4       string   \`yaml:"listen_ipv4" default:"${listenV4}" env:"WAKAPI_LISTEN_IPV4"\`\n\tListenIpV6       string   \`yaml:"listen_ipv6" default:"-" env:"WAKAPI_LISTEN_IPV6"\`\n\tListenSocket     string   \`yaml:"listen_socket" default:"" env:"WAKAPI_LISTEN_SOCKET"\`\n}\n\nfunc Load() *Config { return nil }\n`,
  });
}

// prometheus/node_exporter at a7dcc3a01545180d4f2087db70994cbc3abfed13 (Apache-2.0).
// node_exporter.go's imports and line 203 (exporter-toolkit's --web.listen-address);
// collector/ntp.go lines 36-37 (the NTP server's port, which the collector connects to).
function nodeExporter(withToolkit = true): string {
  return workspace({
    'go.mod': 'module github.com/prometheus/node_exporter\n\ngo 1.23\n',
    'node_exporter.go': 'package main\n\nimport (\n\t"github.com/alecthomas/kingpin/v2"\n\t"github.com/prometheus/exporter-toolkit/web/kingpinflag"\n\n\t"github.com/prometheus/node_exporter/collector"\n)\n\nfunc main() {\n\tvar (\n\t\tmaxProcs = kingpin.Flag(\n\t\t\t"runtime.gomaxprocs", "The target number of CPUs Go will run on (GOMAXPROCS)",\n\t\t).Envar("GOMAXPROCS").Default("1").Int()\n'
      + (withToolkit ? '\t\ttoolkitFlags = kingpinflag.AddFlags(kingpin.CommandLine, ":9100")\n' : '') + '\t)\n\tcollector.New()\n}\n',
    'collector/ntp.go': 'package collector\n\nimport (\n\t"github.com/alecthomas/kingpin/v2"\n)\n\nvar (\n\tntpServer          = kingpin.Flag("collector.ntp.server", "NTP server to use for ntp collector").Default("127.0.0.1").String()\n\tntpServerPort      = kingpin.Flag("collector.ntp.server-port", "UDP port number to connect to on NTP server").Default("123").Int()\n)\n\nfunc New() {}\n',
  });
}

describe('2. the port the program serves on', () => {
  it('transfer.sh: the profiler\'s :6060 is not exposed; --listener "127.0.0.1:8080" becomes CMD --listener :8080 and EXPOSE 8080', async () => {
    const r = await gen(transfersh());
    assert.deepEqual(r.exposes, [8080]);
    assert.match(r.dockerfile, /^EXPOSE 8080$/m);
    assert.match(r.dockerfile, /^CMD \["--listener", ":8080"\]$/m);
    assert.doesNotMatch(r.dockerfile, /6060/);
    assert.ok(r.reasons.some((x) => /^Not exposed: http\.ListenAndServe\(":6060", …\) in server\/server\.go is the pprof profiler's listener/.test(x)), r.reasons.join('\n'));
    assert.ok(r.reasons.some((x) => /listens on 127\.0\.0\.1:8080 only, which is unreachable from outside the container/.test(x)));
  });

  it('transfer.sh without its --listener flag: no EXPOSE at all rather than the profiler\'s port', async () => {
    const r = await gen(transfersh(true));
    assert.deepEqual(r.exposes, []);
    assert.doesNotMatch(r.dockerfile, /EXPOSE|CMD/);
    assert.ok(!r.warnings.some((w) => w.includes('6060')), r.warnings.join('\n'));
  });

  it('wakapi: EXPOSE 3000 from the struct tag, the pprof port neither exposed nor advised, the loopback default named with its env variable', async () => {
    const r = await gen(wakapi());
    assert.deepEqual(r.exposes, [3000]);
    assert.ok(!r.warnings.some((w) => w.includes('6060')), r.warnings.join('\n'));
    const loop = r.warnings.filter((w) => w.includes('loopback'));
    assert.equal(loop.length, 1, r.warnings.join('\n'));
    assert.match(loop[0], /field serverConfig\.ListenIpV4 \(listen_ipv4\) default "127\.0\.0\.1", env WAKAPI_LISTEN_IPV4 in config\/config\.go: .*unreachable from outside the container.*ENV WAKAPI_LISTEN_IPV4=0\.0\.0\.0/);
  });

  it('wakapi listening on 0.0.0.0 by default: no loopback warning', async () => {
    const r = await gen(wakapi('0.0.0.0'));
    assert.deepEqual(r.exposes, [3000]);
    assert.ok(!r.warnings.some((w) => w.includes('loopback')), r.warnings.join('\n'));
  });

  it('node_exporter: EXPOSE 9100 from exporter-toolkit\'s flag; the NTP collector\'s server-port 123 is never a listen port', async () => {
    const r = await gen(nodeExporter());
    assert.deepEqual(r.exposes, [9100]);
    assert.ok(r.reasons.some((x) => /^EXPOSE 9100: the program listens on flag --web\.listen-address default ":9100" \(exporter-toolkit kingpinflag\.AddFlags\) in node_exporter\.go\.$/.test(x)));
    const bare = await gen(nodeExporter(false));
    assert.deepEqual(bare.exposes, []);
    assert.ok(!bare.portEvidence.some((e) => e.port === 123), JSON.stringify(bare.portEvidence));
    assert.ok(!bare.warnings.some((w) => /below 1024/.test(w)));
  });

  it('vhs (charmbracelet/vhs at 6f0c046e6bcaeada9749e08367b745b5c5cbfd3d, MIT; serve.go lines 28-46): envDefault "localhost" under env.Options{Prefix: "VHS_"} names VHS_HOST', async () => {
    const dir = workspace({
      'go.mod': 'module github.com/charmbracelet/vhs\n\ngo 1.22\n',
      'main.go': 'package main\n\nfunc main() {}\n',
      'serve.go': 'package main\n\nimport (\n\t"github.com/caarlos0/env/v11"\n)\n\ntype config struct {\n\tPort               int    `env:"PORT" envDefault:"1976"`\n\tHost               string `env:"HOST" envDefault:"localhost"`\n\tGID                int    `env:"GID" envDefault:"0"`\n}\n\nfunc serve() {\n\tvar cfg config\n\t_ = env.ParseWithOptions(&cfg, env.Options{\n\t\tPrefix: "VHS_",\n\t})\n}\n',
    });
    const r = await gen(dir);
    // Session 51: the host sits beside the Port that gives EXPOSE 1976, so the image sets it.
    assert.match(r.dockerfile, /^ENV VHS_HOST=0\.0\.0\.0$/m, r.dockerfile);
    assert.ok(r.reasons.some((w) => /^ENV VHS_HOST=0\.0\.0\.0: field config\.Host \(Host\) default "localhost", env VHS_HOST in serve\.go is the host the program listens on \(its struct's port gives EXPOSE 1976\).*loopback/.test(w)), r.reasons.join('\n'));
  });

  it('a main listener beside the profiler: the main one is exposed; a plain -port flag and a -listen flag still count', async () => {
    const both = workspace({
      'go.mod': 'module example.com/svc\n\ngo 1.22\n',
      'main.go': 'package main\n\nimport (\n\t"net/http"\n\t_ "net/http/pprof"\n)\n\nfunc main() {\n\tgo http.ListenAndServe("localhost:6060", nil)\n\thttp.ListenAndServe(":8080", mux)\n}\n',
    });
    assert.deepEqual((await gen(both)).exposes, [8080]);
    const flags = workspace({
      'go.mod': 'module example.com/svc\n\ngo 1.22\n',
      'main.go': 'package main\n\nimport (\n\t"flag"\n)\n\nvar port = flag.Int("port", 9000, "port to listen on")\nvar db = flag.Int("db-port", 5432, "database port")\n\nfunc main() {}\n',
    });
    assert.deepEqual((await gen(flags)).exposes, [9000]);
  });
});

// golang-migrate/migrate at 18966c755f83de2b250dd8e766bad8b769cd0e25 (MIT). Makefile lines 1-3
// and 9-10, cmd/migrate/main.go, internal/cli/main.go (no tags), three of the 28
// internal/cli/build_*.go files (`//go:build <driver>`, a blank import each).
function migrate(makefile: string | null, extra: Record<string, string> = {}): string {
  const driver = (tag: string, pkg: string) => `//go:build ${tag}\n\npackage cli\n\nimport (\n\t_ "github.com/golang-migrate/migrate/v4/${pkg}"\n)\n`;
  return workspace({
    'go.mod': 'module github.com/golang-migrate/migrate/v4\n\ngo 1.24.0\n',
    'cmd/migrate/main.go': 'package main\n\nimport "github.com/golang-migrate/migrate/v4/internal/cli"\n\n// Version is set by the build\nvar Version string\n\nfunc main() {\n\tcli.Main(Version)\n}\n',
    'internal/cli/main.go': 'package cli\n\nfunc Main(version string) {}\n',
    'internal/cli/build_postgres.go': driver('postgres', 'database/postgres'),
    'internal/cli/build_mysql.go': driver('mysql', 'database/mysql'),
    'internal/cli/build_github.go': driver('github', 'source/github'),
    'internal/cli/build_sqlite3.go': driver('sqlite3', 'database/sqlite3'),
    'database/postgres/postgres.go': 'package postgres\n',
    'database/mysql/mysql.go': 'package mysql\n',
    'database/sqlite3/sqlite3.go': 'package sqlite3\n',
    'source/github/github.go': 'package github\n',
    ...(makefile !== null ? { Makefile: makefile } : {}),
    ...extra,
  });
}
const MIGRATE_MAKEFILE = "SOURCE ?= file go_bindata github github_ee bitbucket aws_s3 google_cloud_storage godoc_vfs gitlab\nDATABASE ?= postgres mysql redshift cassandra spanner cockroachdb yugabytedb clickhouse mongodb sqlserver firebird neo4j pgx pgx5 rqlite\nDATABASE_TEST ?= $(DATABASE) sqlite sqlite3 sqlcipher\nVERSION ?= $(shell git describe --tags 2>/dev/null | cut -c 2-)\n\nbuild:\n\tCGO_ENABLED=0 go build -ldflags='-X main.Version=$(VERSION)' -tags '$(DATABASE) $(SOURCE)' ./cmd/migrate\n\ntest:\n\tgo test -tags '$(DATABASE_TEST) $(SOURCE)' ./...\n";

describe('3. build tags', () => {
  it('migrate: the Makefile\'s -tags \'$(DATABASE) $(SOURCE)\' for ./cmd/migrate is expanded and used; gated tags it leaves out are named', async () => {
    const r = await gen(migrate(MIGRATE_MAKEFILE));
    assert.match(r.dockerfile, /go build -trimpath -tags postgres,mysql,redshift,.*,rqlite,file,go_bindata,github,.*,gitlab .*\.\/cmd\/migrate$/m);
    assert.ok(r.reasons.some((x) => /^-tags postgres,.*: the project builds with them \(Makefile: go build -tags '\$\(DATABASE\) \$\(SOURCE\)' \(= "postgres mysql/.test(x) && x.includes('3 files of the packages the program compiles build only with them')), r.reasons.join('\n'));
    assert.ok(r.warnings.some((w) => w.includes('(sqlite3)')), r.warnings.join('\n'));
  });

  it('migrate without the Makefile: no tags, and a warning that the gated files (drivers) are left out', async () => {
    const r = await gen(migrate(null));
    assert.doesNotMatch(r.dockerfile, /-tags/);
    assert.ok(r.warnings.some((w) => /^4 files of the packages the program compiles build only with build tags \(github, mysql, postgres, sqlite3\): .*left out of the binary/.test(w)), r.warnings.join('\n'));
  });

  it('.goreleaser.yml\'s -tags={{ .Env.DATABASE }} resolved through the Makefile\'s variables', async () => {
    const mk = MIGRATE_MAKEFILE.replace(/\nbuild:\n[^\n]*\n/, '\n');
    const r = await gen(migrate(mk, { '.goreleaser.yml': 'builds:\n  - env:\n      - CGO_ENABLED=0\n    flags:\n      - "-tags={{ .Env.DATABASE }} {{ .Env.SOURCE }}"\n      - "-trimpath"\n' }));
    assert.match(r.dockerfile, /-tags postgres,mysql,/);
    assert.ok(r.reasons.some((x) => x.includes('.goreleaser.yml: -tags={{ .Env.DATABASE }} {{ .Env.SOURCE }}')), r.reasons.join('\n'));
  });

  it('no effect: tags only on go test lines, test-only tags (integration, tools), or fewer than three gated files with nothing stated', async () => {
    const onlyTest = await gen(migrate("DATABASE ?= postgres\ntest:\n\tgo test -tags '$(DATABASE)' ./...\n"));
    assert.doesNotMatch(onlyTest.dockerfile, /-tags/);
    const plain = workspace({
      'go.mod': 'module example.com/app\n\ngo 1.22\n',
      'main.go': 'package main\n\nfunc main() {}\n',
      'it_integration.go': '//go:build integration\n\npackage main\n',
      'tools.go': '//go:build tools\n\npackage main\n',
      'extra.go': '//go:build extra\n\npackage main\n',
      Makefile: 'build:\n\tgo build -tags netgo ./...\n',
    });
    const r = await gen(plain);
    assert.doesNotMatch(r.dockerfile, /-tags/);
    assert.ok(!r.warnings.some((w) => w.includes('build tags')), r.warnings.join('\n'));
  });
});

// photoview/photoview at 91cbeb410c32a0dde7bc1f02554c87e0b38b32f5 (AGPL-3.0). api/go.mod's module
// line and the go-face requirement; api/server.go → scanner/face_detection, whose
// face_detector_impl.go (`//go:build !no_face_detection`) imports github.com/Kagami/go-face and
// face_detector_shim.go (`//go:build no_face_detection`) does not.
function photoview(withFace: boolean): string {
  return workspace({
    'api/go.mod': `module github.com/photoview/photoview/api\n\ngo 1.22\n\nrequire github.com/Kagami/go-face v0.0.0-20210630145111-0c14797b4d0e\n`,
    'api/go.sum': 'github.com/Kagami/go-face v0.0.0-20210630145111-0c14797b4d0e h1:x=\ngithub.com/Kagami/go-face v0.0.0-20210630145111-0c14797b4d0e/go.mod h1:y=\n',
    'api/server.go': 'package main\n\nimport (\n\t"github.com/photoview/photoview/api/scanner/face_detection"\n)\n\nfunc main() { face_detection.Init() }\n',
    'api/scanner/face_detection/face_detector_impl.go': withFace
      ? '//go:build !no_face_detection\n\npackage face_detection\n\nimport (\n\t"log"\n\t"sync"\n\n\t"github.com/Kagami/go-face"\n)\n\nfunc Init() { _ = face.NewRecognizer }\n'
      : '//go:build !no_face_detection\n\npackage face_detection\n\nimport (\n\t"log"\n)\n\nfunc Init() {}\n',
    'api/scanner/face_detection/face_detector_shim.go': '//go:build no_face_detection\n\npackage face_detection\n\nfunc Init() {}\n',
  });
}

// mautrix/whatsapp at d70eb6b135a53a6843f17f42b1d909dc061ff6e3 (AGPL-3.0). go.mod lines 21 and 34
// (go-sqlite3 only indirect), go.sum lines 37-38 (its code hash), cmd/mautrix-whatsapp/main.go's
// imports (mxmain, which imports go-sqlite3 in the dependency).
function mautrix(): string {
  return workspace({
    'go.mod': 'module go.mau.fi/mautrix-whatsapp\n\ngo 1.24.0\n\nrequire (\n\tmaunium.net/go/mautrix v0.30.1-0.20260820142923-ae00f2c62e1e\n)\n\nrequire (\n\tgithub.com/mattn/go-sqlite3 v1.14.49 // indirect\n)\n',
    'go.sum': 'github.com/mattn/go-sqlite3 v1.14.49 h1:B8jBHC3xhxZgxztrgruTuLucebnULQnx4W7cF7SAE9w=\ngithub.com/mattn/go-sqlite3 v1.14.49/go.mod h1:6JTjA44L93a0QCyJef5YvlPoKXntQPjzWv5gtm9sB6w=\nmaunium.net/go/mautrix v0.30.1-0.20260820142923-ae00f2c62e1e h1:z=\n',
    'cmd/mautrix-whatsapp/main.go': 'package main\n\nimport (\n\t"maunium.net/go/mautrix/bridgev2/matrix/mxmain"\n)\n\nvar m = mxmain.BridgeMain{}\n\nfunc main() { m.Run() }\n',
  });
}

describe('3b. build tags: spicedb (authzed/spicedb at 96ab9662469d94061e57cd8c591339ce27c902bd, Apache-2.0)', () => {
  it('a ci-tagged assert file and a datastore-tagged testutil.go are not features: one gated file (memoryprotection) is no warning', async () => {
    const dir = workspace({
      'go.mod': 'module github.com/authzed/spicedb\n\ngo 1.24\n',
      'cmd/spicedb/main.go': 'package main\n\nimport (\n\t"github.com/authzed/spicedb/cmd/spicedb/memoryprotection"\n\t"github.com/authzed/spicedb/internal/datastore/postgres"\n\t"github.com/authzed/spicedb/pkg/spiceerrors"\n)\n\nfunc main() { memoryprotection.Init(); postgres.Init(); spiceerrors.Init() }\n',
      'cmd/spicedb/memoryprotection/memory_protection_rtml.go': '//go:build memoryprotection\n\npackage memoryprotection\n',
      'cmd/spicedb/memoryprotection/memory_protection_noop.go': '//go:build !memoryprotection\n\npackage memoryprotection\n\nfunc Init() {}\n',
      'internal/datastore/postgres/postgres.go': 'package postgres\n\nfunc Init() {}\n',
      'internal/datastore/postgres/testutil.go': '//go:build datastore\n\npackage postgres\n',
      'pkg/spiceerrors/assert_off.go': '//go:build !ci\n\npackage spiceerrors\n\nfunc Init() {}\n',
      'pkg/spiceerrors/assert_on.go': '//go:build ci\n\npackage spiceerrors\n',
    });
    const r = await gen(dir);
    assert.doesNotMatch(r.dockerfile, /-tags/);
    assert.ok(!r.warnings.some((w) => w.includes('build tags')), r.warnings.join('\n'));
  });
});

describe('4. cgo beyond SQLite', () => {
  it('photoview: go-face (default build, !no_face_detection) turns cgo on and names dlib/BLAS/LAPACK/libjpeg and their Debian packages', async () => {
    const r = await gen(photoview(true));
    assert.equal(r.cgo, true);
    assert.match(r.dockerfile, /CGO_ENABLED=1/);
    assert.ok(r.warnings.some((w) => /^github\.com\/Kagami\/go-face binds dlib, BLAS\/LAPACK and libjpeg, C\/C\+\+ libraries beyond libc that the generated Dockerfile does not install, whatever --runtime: .*apt-get install -y --no-install-recommends libdlib-dev/.test(w)), r.warnings.join('\n'));
  });

  it('photoview without the go-face import: static, no such warning', async () => {
    const r = await gen(photoview(false));
    assert.equal(r.cgo, false);
    assert.ok(!r.warnings.some((w) => w.includes('beyond libc')), r.warnings.join('\n'));
  });

  it('mautrix-whatsapp: go-sqlite3 only through a dependency: the build succeeds with the !cgo stub and SQLite fails at run time (not "the build fails")', async () => {
    const r = await gen(mautrix());
    assert.equal(r.cgo, false);
    const w = r.warnings.find((x) => x.includes('go-sqlite3'));
    assert.ok(w, r.warnings.join('\n'));
    assert.match(w, /the CGO_ENABLED=0 build still succeeds but links go-sqlite3's !cgo stub, so opening a SQLite database fails at run time/);
    assert.doesNotMatch(w, /build fails/);
  });
});
