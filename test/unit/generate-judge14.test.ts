/**
 * The generator on real repositories of round 14 (helper "genrt14"): each case is a small skeleton
 * of a real repository (the files, go.mod and the few Go lines that matter), with its repository,
 * commit and licence above it, plus the variants that keep the old behaviour where it is right.
 *
 * 1. C++ in the cgo build (bulker's duckdb-go, a cgo package with .cpp files, `#cgo LDFLAGS:
 *    -lstdc++`): the binary links libstdc++ at run time, so distroless/cc (not base), and on
 *    alpine libstdc++ in the runtime (g++ in the builder for C++ sources).
 * 2. inspektor-gadget's ig: embedded files a .gitignore pattern matches but that are committed
 *    (bpf2go's *_bpfel.o beside its generated .go file) are no problem, others are worded as
 *    uncertain; "an empty UI" only for web assets; a program run only in a `case "windows":` is
 *    not counted; a main package that stops unless it is root keeps the image root (USER 0:0,
 *    with the reason in the header and above USER).
 * 3. golink: a string flag with no default whose emptiness stops the program with a message
 *    naming it ("--sqlitedb is required"): a Check names the flag.
 * 4. ente's museum: viper's SetConfigFile with a folder prefix (`"configurations/" + env +
 *    ".yaml"`) and golang-migrate's relative `"file://migrations"` source are read at start:
 *    both folders are copied beside the binary.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { workspace, gen } = generatorTrees('judge14');

// jitsucom/bulker at c5548cf95c939f078f1a8faa48dbb2e299505789 (MIT): go.work uses ./bulkerapp and
// ./bulkerlib (and 12 more); bulkerapp/main.go imports bulkerapp/app, which imports
// bulkerlib/implementations/sql, whose duckdb.go imports github.com/duckdb/duckdb-go/v2 (its
// bindings link DuckDB's static C++ library with `-lstdc++`); bulkerapp also imports
// confluent-kafka-go (librdkafka, C). distroless/base has no libstdc++.so.6.
function bulker(opts: { kafka?: boolean; duckdb?: boolean } = {}): string {
  const kafka = opts.kafka ?? true;
  const duckdb = opts.duckdb ?? true;
  return workspace({
    'go.work': 'go 1.24\n\nuse (\n\t./bulkerapp\n\t./bulkerlib\n)\n',
    'bulkerapp/go.mod': `module github.com/jitsucom/bulker/bulkerapp\n\ngo 1.24\n\nrequire (\n${kafka ? '\tgithub.com/confluentinc/confluent-kafka-go/v2 v2.11.0\n' : ''}\tgithub.com/jitsucom/bulker/bulkerlib v0.0.0\n)\n`,
    'bulkerapp/go.sum': '',
    'bulkerapp/main.go': 'package main\n\nimport "github.com/jitsucom/bulker/bulkerapp/app"\n\nfunc main() {\n\tapp.Run()\n}\n',
    'bulkerapp/app/app.go': `package app\n\nimport (\n${kafka ? '\t"github.com/confluentinc/confluent-kafka-go/v2/kafka"\n' : ''}\t"github.com/jitsucom/bulker/bulkerlib/implementations/sql"\n)\n\nfunc Run() {\n${kafka ? '\t_ = kafka.ConfigMap{}\n' : ''}\tsql.Init()\n}\n`,
    'bulkerlib/go.mod': `module github.com/jitsucom/bulker/bulkerlib\n\ngo 1.24\n\nrequire github.com/duckdb/duckdb-go/v2 v2.5.0\n`,
    'bulkerlib/go.sum': '',
    'bulkerlib/implementations/sql/sql.go': 'package sql\n\nfunc Init() {}\n',
    ...(duckdb ? { 'bulkerlib/implementations/sql/duckdb.go': 'package sql\n\nimport (\n\t"database/sql"\n\n\t_ "github.com/duckdb/duckdb-go/v2"\n)\n\nfunc open() (*sql.DB, error) {\n\treturn sql.Open("duckdb", "")\n}\n' } : {}),
  });
}

// A cgo package of the module with C++ sources beside its Go files (cgo compiles .cc/.cpp/.cxx
// with g++ and links libstdc++), or a `#cgo LDFLAGS: -lstdc++` line.
function cgoTree(extra: Record<string, string>, goFile: string): string {
  return workspace({
    'go.mod': 'module example.com/cxx\n\ngo 1.24\n',
    'main.go': 'package main\n\nimport "example.com/cxx/engine"\n\nfunc main() {\n\tengine.Run()\n}\n',
    'engine/engine.go': goFile,
    ...extra,
  });
}
const CGO_GO = 'package engine\n\n// #include "engine.h"\nimport "C"\n\nfunc Run() {\n\tC.run()\n}\n';

describe('1. C++ in the cgo build needs libstdc++ at run time (bulker)', () => {
  it('bulker (--package bulkerapp): duckdb-go through a workspace module → distroless/cc, and the reason says why', async () => {
    const r = await gen(bulker(), { package: 'bulkerapp' });
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/cc-debian12:nonroot$/m, r.dockerfile);
    assert.match(r.dockerfile, /CGO_ENABLED=1/);
    assert.ok(r.reasons.some((x) => x.includes('github.com/duckdb/duckdb-go/v2 (DuckDB, C++ linked with -lstdc++)') && x.includes('distroless/base lacks')), r.reasons.join('\n'));
  });

  it('duckdb-go alone makes the build cgo (its bindings do not build without it)', async () => {
    const r = await gen(bulker({ kafka: false }), { package: 'bulkerapp' });
    assert.match(r.dockerfile, /CGO_ENABLED=1/);
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/cc-debian12:nonroot$/m);
  });

  it('negative: librdkafka (C) alone keeps distroless/base', async () => {
    const r = await gen(bulker({ duckdb: false }), { package: 'bulkerapp' });
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/base-debian12:nonroot$/m, r.dockerfile);
  });

  it('a cgo package with .cpp sources → distroless/cc; on alpine g++ in the builder and libstdc++ in the runtime', async () => {
    const dir = cgoTree({ 'engine/engine.h': 'void run(void);\n', 'engine/engine.cpp': 'extern "C" void run() {}\n' }, CGO_GO);
    const r = await gen(dir);
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/cc-debian12:nonroot$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('engine has C++ sources (engine.cpp)')), r.reasons.join('\n'));
    const a = await gen(dir, { runtime: 'alpine' });
    assert.match(a.dockerfile, /^RUN apk add --no-cache gcc g\+\+ musl-dev && mkdir -p \/app$/m, a.dockerfile);
    assert.match(a.dockerfile, /^RUN apk add --no-cache libstdc\+\+$/m, a.dockerfile);
    const d = await gen(dir, { runtime: 'debian' });
    assert.doesNotMatch(d.dockerfile, /apt-get/);
    assert.ok(d.reasons.some((x) => x.includes('debian-slim has libstdc++6')), d.reasons.join('\n'));
  });

  it('`#cgo LDFLAGS: -lstdc++` (linux or unconditional) → distroless/cc', async () => {
    const go = 'package engine\n\n/*\n#cgo linux LDFLAGS: -lengine -lstdc++ -lm\n#include "engine.h"\n*/\nimport "C"\n\nfunc Run() {\n\tC.run()\n}\n';
    const r = await gen(cgoTree({ 'engine/engine.h': 'void run(void);\n' }, go));
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/cc-debian12:nonroot$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('engine/engine.go has `#cgo linux LDFLAGS: … -lstdc++`')), r.reasons.join('\n'));
  });

  it('negative: C sources only, a darwin-only -lc++/-lstdc++, or -static-libstdc++ keep distroless/base', async () => {
    const plain = await gen(cgoTree({ 'engine/engine.h': 'void run(void);\n', 'engine/engine.c': 'void run(void) {}\n' }, CGO_GO));
    assert.match(plain.dockerfile, /^FROM gcr\.io\/distroless\/base-debian12:nonroot$/m, plain.dockerfile);
    const darwin = 'package engine\n\n// #cgo darwin LDFLAGS: -lc++ -lstdc++\n// #include "engine.h"\nimport "C"\n\nfunc Run() {\n\tC.run()\n}\n';
    assert.match((await gen(cgoTree({ 'engine/engine.h': '' }, darwin))).dockerfile, /^FROM gcr\.io\/distroless\/base-debian12:nonroot$/m);
    const staticCxx = 'package engine\n\n// #cgo linux LDFLAGS: -lstdc++ -static-libstdc++ -static-libgcc\n// #include "engine.h"\nimport "C"\n\nfunc Run() {\n\tC.run()\n}\n';
    assert.match((await gen(cgoTree({ 'engine/engine.h': '' }, staticCxx))).dockerfile, /^FROM gcr\.io\/distroless\/base-debian12:nonroot$/m);
    // .cpp files in a package that is not cgo (a test fixture, a tool): not part of the build.
    const noCgo = await gen(cgoTree({ 'engine/testdata.cpp': 'int x;\n' }, 'package engine\n\nfunc Run() {}\n'));
    assert.match(noCgo.dockerfile, /^FROM gcr\.io\/distroless\/static-debian12:nonroot$/m);
  });
});

// inspektor-gadget/inspektor-gadget at aeac857bd9791c2ac5ce3e9e669be04634f385e7 (Apache-2.0):
// .gitignore has `*.o`, yet pkg/networktracer/dispatcher_bpfel.o is committed beside the
// bpf2go-generated dispatcher_bpfel.go (`//go:embed dispatcher_bpfel.o`); pkg/btfgen embeds
// btfs/x86/* (README.md only, the BTF archives are built separately); cmd/common/utils/screen.go
// runs `cmd /c cls` in the `case "windows":` of `switch runtime.GOOS`; cmd/ig/daemon.go's
// `daemon` command returns "%s must be run as root to be able to run eBPF programs" when
// os.Geteuid() != 0.
function ig(opts: { rootIn?: 'daemon' | 'other' | 'none'; generated?: boolean; os?: string } = {}): string {
  const rootIn = opts.rootIn ?? 'daemon';
  const rootCheck = '\t\t\tif os.Geteuid() != 0 {\n\t\t\t\treturn fmt.Errorf("%s must be run as root to be able to run eBPF programs", filepath.Base(os.Args[0]))\n\t\t\t}\n';
  const command = (use: string, check: boolean) => `package main\n\nimport (\n\t"fmt"\n\t"os"\n\t"path/filepath"\n\n\t"github.com/spf13/cobra"\n)\n\nvar _ = fmt.Sprint\nvar _ = filepath.Base\nvar _ = os.Args\n\nfunc new${use[0].toUpperCase()}${use.slice(1)}Cmd() *cobra.Command {\n\treturn &cobra.Command{\n\t\tUse:   "${use}",\n\t\tShort: "Start ig as a daemon",\n\t\tRunE: func(cmd *cobra.Command, args []string) error {\n${check ? rootCheck : ''}\t\t\treturn nil\n\t\t},\n\t}\n}\n`;
  return workspace({
    'go.mod': 'module github.com/inspektor-gadget/inspektor-gadget\n\ngo 1.26.0\n\nrequire github.com/spf13/cobra v1.9.1\n',
    'go.sum': '',
    '.gitignore': '*.exe\n*.o\n/ig\nbin/\n',
    'cmd/ig/main.go': 'package main\n\nimport (\n\t"github.com/spf13/cobra"\n\n\t"github.com/inspektor-gadget/inspektor-gadget/cmd/common/utils"\n\t"github.com/inspektor-gadget/inspektor-gadget/pkg/btfgen"\n\t"github.com/inspektor-gadget/inspektor-gadget/pkg/networktracer"\n)\n\nfunc main() {\n\trootCmd := &cobra.Command{Use: "ig"}\n\trootCmd.AddCommand(newDaemonCmd(), newImageCmd())\n\tutils.ClearScreen()\n\t_ = btfgen.Get()\n\t_ = networktracer.Spec()\n\t_ = rootCmd.Execute()\n}\n',
    'cmd/ig/daemon.go': command('daemon', rootIn === 'daemon'),
    'cmd/ig/image.go': command('image', rootIn === 'other'),
    'cmd/common/utils/screen.go': `package utils\n\nimport (\n\t"fmt"\n\t"os"\n\t"os/exec"\n\t"runtime"\n)\n\nfunc ClearScreen() {\n\tswitch runtime.GOOS {\n\tcase "linux":\n\t\tfmt.Print("\\033[H\\033[2J")\n\tcase ${opts.os ?? '"windows"'}:\n\t\tcmd := exec.Command("cmd", "/c", "cls")\n\t\tcmd.Stdout = os.Stdout\n\t\tcmd.Run()\n\tdefault:\n\t\tfmt.Print("\\033[H\\033[2J")\n\t}\n}\n`,
    'pkg/btfgen/btfgen.go': 'package btfgen\n\nimport "embed"\n\n//go:embed btfs/x86/*\nvar btfs embed.FS\n\nfunc Get() embed.FS {\n\treturn btfs\n}\n',
    'pkg/btfgen/btfs/x86/README.md': 'BTF files are generated by make btfgen.\n',
    'pkg/networktracer/tracer.go': 'package networktracer\n\n//go:generate go run github.com/cilium/ebpf/cmd/bpf2go -target bpfel -cc clang dispatcher ./bpf/dispatcher.bpf.c\n\nfunc Spec() []byte {\n\treturn _DispatcherBytes\n}\n',
    'pkg/networktracer/dispatcher_bpfel.go': `${opts.generated ?? true ? '// Code generated by bpf2go; DO NOT EDIT.\n' : ''}//go:build 386 || amd64 || arm64\n\npackage networktracer\n\nimport _ "embed"\n\n//go:embed dispatcher_bpfel.o\nvar _DispatcherBytes []byte\n`,
    'pkg/networktracer/dispatcher_bpfel.o': '\x7fELF',
  });
}

describe('2. inspektor-gadget: committed ignored files, web wording, windows-only programs, root', () => {
  it('ig (--package cmd/ig): no git-ignored claim for the bpf2go object, no empty UI, no cmd warning, root with the reason', async () => {
    const r = await gen(ig(), { package: 'cmd/ig' });
    const all = r.warnings.join('\n');
    assert.doesNotMatch(all, /dispatcher_bpfel\.o/, all);
    assert.doesNotMatch(all, /empty UI/, all);
    assert.doesNotMatch(all, /exec\.Command\("cmd"\)/, all);
    assert.ok(r.warnings.some((w) => w.includes('pkg/btfgen/btfs/x86 holds only README.md') && w.includes('only the placeholder on a fresh clone')), all);
    assert.match(r.dockerfile, /^# It runs as root: cmd\/ig\/daemon\.go:\d+ stops unless the program runs as root \(`os\.Geteuid\(\) != 0`: "… must be run as root to be able to run eBPF programs"\)\.$/m, r.dockerfile);
    assert.match(r.dockerfile, /^# Root: .*\nUSER 0:0$/m, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /65532/);
    assert.match(r.dockerfile, /^CMD \["daemon"\]$/m);
  });

  it('negative: the check in another subcommand than the one the image runs → USER 65532 and a Check', async () => {
    const r = await gen(ig({ rootIn: 'other' }), { package: 'cmd/ig' });
    assert.match(r.dockerfile, /^USER 65532:65532$/m);
    assert.ok(r.warnings.some((w) => w.includes('cmd/ig/image.go:') && w.includes('in its image command') && w.includes('docker run --user 0')), r.warnings.join('\n'));
    const none = await gen(ig({ rootIn: 'none' }), { package: 'cmd/ig' });
    assert.match(none.dockerfile, /^USER 65532:65532$/m);
    assert.ok(!none.warnings.some((w) => w.includes('runs as root')));
  });

  it('negative: an ignored object embedded by a hand-written file is still named, as uncertain', async () => {
    const r = await gen(ig({ generated: false }), { package: 'cmd/ig' });
    const w = r.warnings.find((x) => x.includes('dispatcher_bpfel.o'));
    assert.ok(w, r.warnings.join('\n'));
    assert.match(w!, /matches a \.gitignore pattern \(\.gitignore: \*\.o\): unless it is committed all the same \(git add -f\)/);
    assert.match(w!, /`go build` fails: "pattern dispatcher_bpfel\.o: no matching files"/);
    assert.doesNotMatch(w!, /empty UI/);
  });

  it('negative: the same call in a case that includes linux is still counted', async () => {
    const r = await gen(ig({ os: '"windows", "linux"' }), { package: 'cmd/ig' });
    assert.ok(r.warnings.some((w) => w.includes('exec.Command("cmd")')), r.warnings.join('\n'));
  });
});

// tailscale/golink at c4eca52fa35697a40a311cb6fa3b9b1c9b69705e (BSD-3-Clause): golink.go declares
// `sqlitefile = flag.String("sqlitedb", "", "path of SQLite database to store links")` in a var
// block, and Run returns errors.New("--sqlitedb is required") when it is empty outside dev mode;
// cmd/golink/main.go calls golink.Run. The project's Dockerfile passes --sqlitedb in its CMD.
function golink(opts: { defaultValue?: string; stops?: boolean; message?: string } = {}): string {
  const stop = opts.stops ?? true;
  return workspace({
    'go.mod': 'module github.com/tailscale/golink\n\ngo 1.24\n',
    'cmd/golink/main.go': 'package main\n\nimport (\n\t"log"\n\n\t"github.com/tailscale/golink"\n)\n\nfunc main() {\n\tif err := golink.Run(); err != nil {\n\t\tlog.Fatal(err)\n\t}\n}\n',
    'golink.go': `package golink\n\nimport (\n\t"errors"\n\t"flag"\n\t"log"\n\t"os"\n)\n\nvar (\n\tverbose    = flag.Bool("verbose", false, "be verbose")\n\tsqlitefile = flag.String("sqlitedb", "${opts.defaultValue ?? ''}", "path of SQLite database to store links")\n\tdev        = flag.String("dev-listen", "", "if non-empty, listen on this addr and run in dev mode")\n)\n\nfunc Run() error {\n\tflag.Parse()\n\tif *sqlitefile == "" {\n\t\tif *dev != "" {\n\t\t\tdir, _ := os.MkdirTemp("", "golink_dev_*")\n\t\t\t*sqlitefile = dir + "/golink.db"\n\t\t} else {\n${stop ? `\t\t\treturn errors.New(${JSON.stringify(opts.message ?? '--sqlitedb is required')})\n` : '\t\t\tlog.Printf("no --sqlitedb: links are kept in memory")\n'}\t\t}\n\t}\n\t_ = verbose\n\treturn nil\n}\n`,
  });
}

describe('3. a flag the program cannot start without (golink)', () => {
  it('golink: a Check names --sqlitedb, where it is checked and the message', async () => {
    const r = await gen(golink());
    assert.ok(r.warnings.some((w) => w.startsWith('The program stops at start without --sqlitedb: golink.go:') && w.includes('("--sqlitedb is required")') && w.includes('sets no CMD')), r.warnings.join('\n'));
  });

  it('negative: a default value, a check that only logs, or a message that does not name the flag', async () => {
    for (const o of [{ defaultValue: 'golink.db' }, { stops: false }, { message: 'no database' }]) {
      const r = await gen(golink(o));
      assert.ok(!r.warnings.some((w) => w.includes('stops at start without')), JSON.stringify(o) + r.warnings.join('\n'));
    }
  });
});

// ente-io/ente at a621d733154a834f23754e7e874de769be532d9d (AGPL-3.0), server/: pkg/utils/config
// calls `viper.SetConfigFile("configurations/" + environment + ".yaml")` then ReadInConfig
// (museum exits when it fails); cmd/museum/main.go runs
// `migrate.NewWithDatabaseInstance("file://migrations", "postgres", driver)` and panics on error.
// The project's Dockerfile copies configurations/ and migrations/ beside ./museum.
function museum(opts: { source?: string } = {}): string {
  return workspace({
    'go.mod': 'module github.com/ente-io/museum\n\ngo 1.25\n\nrequire (\n\tgithub.com/golang-migrate/migrate/v4 v4.18.1\n\tgithub.com/spf13/viper v1.19.0\n)\n',
    'go.sum': '',
    'cmd/museum/main.go': `package main\n\nimport (\n\t"github.com/golang-migrate/migrate/v4"\n\n\t"github.com/ente-io/museum/pkg/utils/config"\n)\n\nfunc main() {\n\tif err := config.ConfigureViper("local"); err != nil {\n\t\tpanic(err)\n\t}\n\tm, err := migrate.NewWithDatabaseInstance(\n\t\t"${opts.source ?? 'file://migrations'}", "postgres", nil)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\t_ = m\n}\n`,
    'pkg/utils/config/config.go': 'package config\n\nimport "github.com/spf13/viper"\n\nfunc ConfigureViper(environment string) error {\n\tviper.SetConfigFile("configurations/" + environment + ".yaml")\n\treturn viper.ReadInConfig()\n}\n',
    'configurations/local.yaml': 'http:\n  port: 8080\n',
    'migrations/1_init.up.sql': 'CREATE TABLE users (id BIGINT);\n',
  });
}

describe('4. folders museum reads at start: viper\'s config folder and a file:// migrations source (ente)', () => {
  it('ente server: configurations/ and migrations/ are copied into /app', async () => {
    const r = await gen(museum());
    assert.match(r.dockerfile, /^COPY configurations \/app\/configurations$/m, r.dockerfile);
    assert.match(r.dockerfile, /^COPY migrations \/app\/migrations$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('.SetConfigFile("configurations/" + …) in pkg/utils/config/config.go')), r.reasons.join('\n'));
    assert.ok(r.reasons.some((x) => x.includes('the source URL "file://migrations" in cmd/museum/main.go')), r.reasons.join('\n'));
  });

  it('negative: an absolute file:// source is not copied; a relative one the context lacks is a Check', async () => {
    const abs = await gen(museum({ source: 'file:///var/lib/museum/migrations' }));
    assert.doesNotMatch(abs.dockerfile, /COPY migrations/);
    const missing = await gen(museum({ source: 'file://db/migrations' }));
    assert.doesNotMatch(missing.dockerfile, /db\/migrations/);
    assert.ok(missing.warnings.some((w) => w.includes('reads db/migrations at run time (the source URL "file://db/migrations")')), missing.warnings.join('\n'));
  });
});
