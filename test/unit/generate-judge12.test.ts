/**
 * The generator on real repositories of round 12 (helper "gen12"): each case is a small skeleton
 * of a real repository (the files, go.mod and the few Go lines that matter), with its repository,
 * commit and licence above it, plus the variants that keep the old behaviour where it is right.
 *
 * 1. A `//go:embed` target that a `//go:generate` line of the module produces (Gokapi's
 *    web/main.wasm, compiled by `go run "../../build/go-generate/buildWasm.go"`): the build stage
 *    runs `go generate` for that package before `go build` when its directives need only the Go
 *    toolchain; otherwise the generator still refuses, naming the directive and the tool.
 * 2. pflag's typed flags of every width (flagd's `flags.Int32P(portFlagName, "p", 8013, …)`, the
 *    name a constant, the flag set held in a variable) are port flags; a module that requires
 *    another module of the repository by path with no replace gets a Check (flagd's core).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GenerateError } from '../../server/src/generate';
import { generatorTrees } from './generateTrees';

const { workspace, gen } = generatorTrees('judge12');

// Forceu/Gokapi at cc3ea46d5d90c5831d7a5569b623ed2a5c4819d5 (AGPL-3.0): cmd/gokapi/Main.go has
// `//go:generate go run "../../build/go-generate/…go"` lines (updateVersionNumbers, buildWasm,
// copyStaticFiles among them); build/go-generate/buildWasm.go (`//go:build tools`) runs
// `exec.Command("go", "build", "-o", dst, src)` with GOOS=js GOARCH=wasm for
// "../../internal/webserver/web/main.wasm" and ".../e2e.wasm"; internal/webserver/Webserver.go
// has `//go:embed web/static`, `//go:embed web/main.wasm`, `//go:embed web/e2e.wasm`; .gitignore
// lists internal/webserver/web/main.wasm and e2e.wasm, so a clone has neither.
function gokapi(opts: { extraDirective?: string; wasmRuns?: string; producer?: boolean; wasmPresent?: boolean } = {}): string {
  const producer = opts.producer ?? true;
  const files: Record<string, string> = {
    'go.mod': 'module github.com/forceu/gokapi\n\ngo 1.25.0\n',
    '.gitignore': 'config/\ndata/\ninternal/webserver/web/main.wasm\ninternal/webserver/web/e2e.wasm\ninternal/webserver/web/static/js/wasm_exec.js\n',
    'cmd/gokapi/Main.go': 'package main\n\nimport "github.com/forceu/gokapi/internal/webserver"\n\n'
      + '// The following calls update the version numbers, update documentation, minify Js/CSS and build the WASM modules\n'
      + '//go:generate go run "../../build/go-generate/updateVersionNumbers.go"\n'
      + (producer ? '//go:generate go run "../../build/go-generate/buildWasm.go"\n' : '')
      + '//go:generate go run "../../build/go-generate/copyStaticFiles.go"\n'
      + (opts.extraDirective ? `//go:generate ${opts.extraDirective}\n` : '')
      + '\nfunc main() {\n\twebserver.Start()\n}\n',
    'build/go-generate/updateVersionNumbers.go': '//go:build tools\n\npackage main\n\nimport "os"\n\nconst fileMain = "../../cmd/gokapi/Main.go"\n\nfunc main() {\n\t_, _ = os.ReadFile(fileMain)\n}\n',
    'build/go-generate/buildWasm.go': '//go:build tools\n\npackage main\n\nimport (\n\t"os"\n\t"os/exec"\n)\n\n'
      + 'func main() {\n\t_, _ = buildWasmModule("github.com/forceu/gokapi/cmd/wasmdownloader", "../../internal/webserver/web/main.wasm")\n'
      + '\t_, _ = buildWasmModule("github.com/forceu/gokapi/cmd/wasme2e", "../../internal/webserver/web/e2e.wasm")\n}\n\n'
      + `func buildWasmModule(src string, dst string) ([]byte, error) {\n\tcmd := exec.Command("${opts.wasmRuns ?? 'go'}", "build", "-o", dst, src)\n\tcmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")\n\treturn cmd.CombinedOutput()\n}\n`,
    'build/go-generate/copyStaticFiles.go': '//go:build tools\n\npackage main\n\nimport "go/build"\n\nfunc main() {\n\tcopyFile(build.Default.GOROOT+"/lib/wasm/wasm_exec.js", "../../internal/webserver/web/static/js/wasm_exec.js")\n}\n\nfunc copyFile(src string, dst string) {}\n',
    'cmd/wasmdownloader/Main.go': '//go:build js && wasm\n\npackage main\n\nfunc main() {}\n',
    'internal/webserver/Webserver.go': 'package webserver\n\nimport "embed"\n\n//go:embed web/static\nvar staticFolderEmbedded embed.FS\n\n'
      + '// wasmDownloadFile is the compiled binary of the wasm downloader\n// Will be generated with go generate ./...\n//\n//go:embed web/main.wasm\nvar wasmDownloadFile embed.FS\n\n'
      + '//go:embed web/e2e.wasm\nvar wasmE2EFile embed.FS\n\nfunc Start() {}\n',
    'internal/webserver/web/static/css/gokapi.css': 'body {}\n',
  };
  if (opts.wasmPresent) {
    files['internal/webserver/web/main.wasm'] = '\0asm';
    files['internal/webserver/web/e2e.wasm'] = '\0asm';
  }
  return workspace(files);
}

describe('1. //go:embed targets a //go:generate line of the module produces (Gokapi)', () => {
  it('Gokapi: go generate ./cmd/gokapi runs in the build stage, after the sources and before go build', async () => {
    const r = await gen(gokapi());
    const lines = r.dockerfile.split('\n');
    const generate = lines.findIndex((l) => /^\s+go generate \.\/cmd\/gokapi$/.test(l));
    const build = lines.findIndex((l) => /^\s+go build .* \.\/cmd\/gokapi$/.test(l));
    const copy = lines.indexOf('COPY . .');
    assert.ok(copy >= 0 && copy < generate && generate < build, r.dockerfile);
    // No GOOS/GOARCH for the generators: they run on the build machine, before the ARGs.
    assert.ok(generate < lines.indexOf('ARG TARGETOS'), r.dockerfile);
    assert.match(r.dockerfile, /^RUN --mount=type=cache,target=\/go\/pkg\/mod \\\n {4}--mount=type=cache,target=\/root\/\.cache\/go-build \\\n {4}go generate \.\/cmd\/gokapi$/m);
    assert.ok(r.reasons.some((x) => x.includes('`//go:generate go run "../../build/go-generate/buildWasm.go"` (cmd/gokapi/Main.go:') && x.includes('build/go-generate/buildWasm.go names it') && x.includes('runs `go generate ./cmd/gokapi` before `go build`')), r.reasons.join('\n'));
    assert.equal(r.dockerfile.match(/go generate/g)?.length, 2, 'one RUN (and its comment) for both .wasm files');
  });

  it('a directive that names the output itself (go build -o …) counts too', async () => {
    const r = await gen(gokapi({ producer: false, extraDirective: 'go build -o ../../internal/webserver/web/main.wasm ../wasmdownloader\n//go:generate go build -o ../../internal/webserver/web/e2e.wasm ../wasmdownloader' }));
    assert.match(r.dockerfile, /^\s+go generate \.\/cmd\/gokapi$/m);
    assert.ok(r.reasons.some((x) => x.includes('`//go:generate go build -o ../../internal/webserver/web/main.wasm ../wasmdownloader` (cmd/gokapi/Main.go:') && x.includes('(its command names it)')), r.reasons.join('\n'));
  });

  it('the wasm files present but git-ignored (a developer\'s tree after go generate): go generate still runs', async () => {
    const r = await gen(gokapi({ wasmPresent: true }));
    assert.match(r.dockerfile, /^\s+go generate \.\/cmd\/gokapi$/m);
    assert.ok(!r.warnings.some((w) => w.includes('main.wasm')), r.warnings.join('\n'));
  });

  it('negative: another directive of the package runs a tool the builder lacks (stringer): still refused, naming it', async () => {
    await assert.rejects(gen(gokapi({ extraDirective: 'stringer -type=Mode' })), (e: unknown) => e instanceof GenerateError && e.code === 'embed-missing'
      && e.message.includes('produces it (build/go-generate/buildWasm.go names it), but the generated Dockerfile cannot run go generate for cmd/gokapi: `//go:generate stringer -type=Mode` (cmd/gokapi/Main.go:')
      && e.message.includes('runs `stringer`, which is not a `go run` or `go build` of the module\'s code'));
  });

  it('negative: the generator program runs another tool (tinygo): still refused, naming the call', async () => {
    await assert.rejects(gen(gokapi({ wasmRuns: 'tinygo' })), (e: unknown) => e instanceof GenerateError && e.code === 'embed-missing'
      && /runs build\/go-generate\/buildWasm\.go, which runs tinygo \(exec\.Command\("tinygo"\)\): the build stage has the Go toolchain only/.test(e.message));
  });

  it('negative: no directive produces it: the refusal as before', async () => {
    await assert.rejects(gen(gokapi({ producer: false })), (e: unknown) => e instanceof GenerateError && e.code === 'embed-missing'
      && e.message.includes('internal/webserver/web/main.wasm does not exist') && e.message.includes('No package.json script was found'));
  });
});

// open-feature/flagd at bbb05d4bc3903ea8bf5123a88b1cf558750a22ab (Apache-2.0): modules core/,
// flagd/ and flagd-proxy/; flagd/go.mod requires github.com/open-feature/flagd/core v0.15.6 with no
// replace (.gitignore lists go.work); flagd/build.Dockerfile runs `go work init ./core ./flagd &&
// go mod download`; flagd/cmd/start.go: `portFlagName = "port"` in a const block, `flags :=
// startCmd.Flags()` then `flags.Int32P(portFlagName, "p", 8013, "Port to listen on")` (and
// management-port 8014, sync-port 8015, ofrep-port 8016) in init(); root.go adds startCmd and
// versionCmd (Use: "version") to rootCmd (Use: "flagd").
function flagd(opts: { replace?: boolean; flagsOf?: string } = {}): string {
  return workspace({
    '.gitignore': 'go.work\ngo.work.sum\n',
    'core/go.mod': 'module github.com/open-feature/flagd/core\n\ngo 1.25.5\n',
    'core/pkg/store/store.go': 'package store\n\nfunc NewSelector(s string) (string, error) { return s, nil }\n',
    'flagd/go.mod': `module github.com/open-feature/flagd/flagd\n\ngo 1.25.5\n\nrequire (\n\tgithub.com/open-feature/flagd/core v0.15.6\n\tgithub.com/spf13/cobra v1.10.1\n\tgithub.com/spf13/pflag v1.0.10\n)\n${opts.replace ? '\nreplace github.com/open-feature/flagd/core => ../core\n' : ''}`,
    'flagd/build.Dockerfile': 'FROM golang:1.25-alpine AS builder\nWORKDIR /src\nCOPY . .\nRUN --mount=type=cache,target=/go/pkg/mod \\\n    go work init ./core ./flagd && go mod download\nRUN go build -o /bin/flagd ./flagd\n',
    'flagd/main.go': 'package main\n\nimport "github.com/open-feature/flagd/flagd/cmd"\n\nvar version = "dev"\n\nfunc main() {\n\tcmd.Execute(version)\n}\n',
    'flagd/cmd/root.go': 'package cmd\n\nimport "github.com/spf13/cobra"\n\nvar rootCmd = &cobra.Command{\n\tUse:   "flagd",\n\tShort: "Flagd is a simple command line tool for fetching and presenting feature flags to services.",\n}\n\n'
      + 'func Execute(v string) {\n\t_ = rootCmd.Execute()\n}\n\nfunc init() {\n\trootCmd.AddCommand(startCmd)\n\trootCmd.AddCommand(versionCmd)\n}\n',
    'flagd/cmd/version.go': 'package cmd\n\nimport "github.com/spf13/cobra"\n\nvar versionCmd = &cobra.Command{\n\tUse:   "version",\n\tShort: "Print the version number of flagd",\n\tRun: func(cmd *cobra.Command, args []string) {},\n}\n',
    'flagd/cmd/start.go': 'package cmd\n\nimport (\n\t"github.com/open-feature/flagd/core/pkg/store"\n\t"github.com/spf13/cobra"\n)\n\n'
      + 'const (\n\tmanagementPortFlagName     = "management-port"\n\tportFlagName               = "port"\n\tsyncPortFlagName           = "sync-port"\n\tmaxRequestBodyFlagName     = "max-request-body"\n)\n\n'
      + `func init() {\n\tflags := ${opts.flagsOf ?? 'startCmd'}.Flags()\n\tflags.Int32P(managementPortFlagName, "m", 8014, "Port for management operations")\n\tflags.Int32P(portFlagName, "p", 8013, "Port to listen on")\n\tflags.Int32P(syncPortFlagName, "g", 8015, "gRPC Sync port")\n\tflags.Int64P(maxRequestBodyFlagName, "B", 1_000_000, "Maximum allowed request body size in bytes.")\n}\n\n`
      + 'var startCmd = &cobra.Command{\n\tUse:   "start",\n\tShort: "Start flagd",\n\tRun: func(cmd *cobra.Command, args []string) {\n\t\t_, _ = store.NewSelector("")\n\t},\n}\n',
  });
}

describe('2. pflag\'s typed port flags, and a sibling module required without a replace (flagd)', () => {
  it('flagd: Int32P(portFlagName, "p", 8013, …) on a flag set held in a variable: EXPOSE 8013 (and the other port flags)', async () => {
    const r = await gen(flagd(), { package: 'flagd' });
    assert.match(r.dockerfile, /^EXPOSE 8013 8014 8015$/m);
    assert.match(r.dockerfile, /^CMD \["start"\]$/m);
    assert.ok(r.reasons.some((x) => x.includes('flag -port default 8013 in flagd/cmd/start.go')), r.reasons.join('\n'));
  });

  it('negative: the same flags on another subcommand\'s flag set (versionCmd): not what `start` serves, no EXPOSE', async () => {
    // A flag named by a constant counts only on the flag set of the subcommand the image runs.
    const r = await gen(flagd({ flagsOf: 'versionCmd' }), { package: 'flagd' });
    assert.doesNotMatch(r.dockerfile, /^EXPOSE/m);
    assert.ok(!r.reasons.some((x) => x.includes('8014')), r.reasons.join('\n'));
  });

  // CosmWasm/wasmd (judge round 9 tree; Apache-2.0): cmd/wasmd/testnet.go `flagGRPCAddress =
  // "grpc.address"`, and in func testnetStartCmd() (Use: "start" of `wasmd testnet`)
  // `cmd.Flags().String(flagGRPCAddress, "0.0.0.0:9090", "the gRPC server address to listen on")`.
  it('negative (wasmd): a constant-named flag on a command built in a function: not counted (whose flag it is, is unknown)', async () => {
    const dir = workspace({
      'go.mod': 'module github.com/CosmWasm/wasmd\n\ngo 1.23\n\nrequire github.com/spf13/cobra v1.10.1\n',
      'cmd/wasmd/main.go': 'package main\n\nimport "github.com/spf13/cobra"\n\nfunc main() {\n\troot := &cobra.Command{Use: "wasmd"}\n\troot.AddCommand(testnetStartCmd())\n\t_ = root.Execute()\n}\n',
      'cmd/wasmd/testnet.go': 'package main\n\nimport "github.com/spf13/cobra"\n\nconst (\n\tflagGRPCAddress = "grpc.address"\n)\n\nfunc testnetStartCmd() *cobra.Command {\n\tcmd := &cobra.Command{\n\t\tUse:   "start",\n\t\tShort: "Launch an in-process multi-validator testnet",\n\t}\n\tcmd.Flags().String(flagGRPCAddress, "0.0.0.0:9090", "the gRPC server address to listen on")\n\treturn cmd\n}\n',
    });
    const r = await gen(dir);
    assert.doesNotMatch(r.dockerfile, /^EXPOSE/m);
  });

  it('flagd: core required by module path with no replace: a Check naming the version, core/ and the project\'s go work init', async () => {
    const r = await gen(flagd(), { package: 'flagd' });
    const w = r.warnings.find((x) => x.startsWith('flagd/go.mod requires github.com/open-feature/flagd/core v0.15.6 (line 6), which is also the module in core/ of this repository, with no replace'));
    assert.ok(w, r.warnings.join('\n'));
    assert.ok(w.includes('the project builds in a workspace (flagd/build.Dockerfile:5: `go work init ./core ./flagd && go mod download`)'), w);
    assert.ok(w.includes('`go work init ./core ./flagd` before `go mod download`'), w);
    // No go.work is written: it could not be checked.
    assert.doesNotMatch(r.dockerfile, /go work/);
  });

  it('negative: a local replace points at core/: no such Check', async () => {
    const r = await gen(flagd({ replace: true }), { package: 'flagd' });
    assert.ok(!r.warnings.some((x) => x.includes('which is also the module in core/')), r.warnings.join('\n'));
  });
});
