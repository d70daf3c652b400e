/**
 * The generator on real repositories of round 12 (helper "gen12"): each case is a small skeleton
 * of a real repository (the files, go.mod and the few Go lines that matter), with its repository,
 * commit and licence above it, plus the variants that keep the old behaviour where it is right.
 *
 * 1. A `//go:embed` target that a `//go:generate` line of the module produces (Gokapi's
 *    web/main.wasm, compiled by `go run "../../build/go-generate/buildWasm.go"`): the build stage
 *    runs `go generate` for that package before `go build` when its directives need only the Go
 *    toolchain; otherwise the generator still refuses, naming the directive and the tool.
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

