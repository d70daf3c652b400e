/**
 * The generator on real repositories of round 18 (helper "gen37b"): each case is a small skeleton
 * of a real repository (the files, go.mod and the few lines that matter), with its repository,
 * commit and licence above it, plus the variants that keep the old behaviour where it is right.
 * Every generated Dockerfile is linted against its workspace: expected clean.
 *
 * 1. The front-end's install step copies what the package manager reads at install time
 *    (pnpm-workspace.yaml, its patchedDependencies' patches/, .npmrc, workspace members'
 *    package.json, yarn's .yarnrc.yml and .yarn/releases, patch-package's patches/).
 * 2. The binary where the project's pod specs and build run it (keda's `command: [/keda]`).
 * 3. A default listen address on loopback unless an environment variable is set (reproxy's
 *    REPROXY_IN_DOCKER): a Check naming the variable.
 * 4. A listen address held in a constant of another package of the program (Reloader's
 *    `constants.DefaultHttpListenAddr`); folders of templates and static files a flag names by a
 *    relative default (linkerd2 web), and a main that dispatches on `os.Args[1]` (linkerd2's
 *    controller and tap): Checks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';
import { loadWorkspace } from '../../server/src/workspace/load';

const { workspace, gen, genClean } = generatorTrees('judge18b');

/** The node stage's lines from FROM to its install RUN. */
const beforeInstall = (df: string) => {
  const from = df.indexOf(' AS web\n');
  return df.slice(from, df.indexOf('install', from));
};

// usememos/memos at 76a7629 (MIT): cmd/memos (cobra) imports server/router/frontend, whose
// frontend.go has `//go:embed dist/*` over a committed placeholder dist/index.html ("No
// embeddable frontend found."); web/package.json (`"packageManager": "pnpm@11.0.1"`) has
// `"release": "vite build --mode release --outDir=../server/router/frontend/dist --emptyOutDir"`;
// web/pnpm-lock.yaml records `patchedDependencies: '@bufbuild/protobuf@2.12.0': <hash>`, which
// web/pnpm-workspace.yaml configures (`allowBuilds`, `patchedDependencies:
// "@bufbuild/protobuf@2.12.0": patches/@bufbuild__protobuf@2.12.0.patch`), the patch in
// web/patches/. Without pnpm-workspace.yaml and patches/, `pnpm install --frozen-lockfile` stops
// with ERR_PNPM_LOCKFILE_CONFIG_MISMATCH.
const MEMOS_WORKSPACE = 'allowBuilds:\n  esbuild: true\npatchedDependencies:\n  "@bufbuild/protobuf@2.12.0": patches/@bufbuild__protobuf@2.12.0.patch\n';
function memos(files: Record<string, string | null> = {}): string {
  const tree: Record<string, string | null> = {
    'go.mod': 'module github.com/usememos/memos\n\ngo 1.25.0\n\nrequire github.com/spf13/cobra v1.10.1\n',
    'go.sum': '',
    'cmd/memos/main.go': 'package main\n\nimport (\n\t"github.com/spf13/cobra"\n\n\t"github.com/usememos/memos/server/router/frontend"\n)\n\nvar rootCmd = &cobra.Command{Use: "memos", Run: func(*cobra.Command, []string) { frontend.Serve() }}\n\nfunc main() { _ = rootCmd.Execute() }\n',
    'server/router/frontend/frontend.go': 'package frontend\n\nimport (\n\t"embed"\n\t"net/http"\n)\n\n//go:embed dist/*\nvar embeddedFiles embed.FS\n\nfunc Serve() { _ = http.FileServer(http.FS(embeddedFiles)) }\n',
    'server/router/frontend/dist/index.html': '<!DOCTYPE html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n    <title>Memos</title>\n  </head>\n  <body>\n    No embeddable frontend found.\n  </body>\n</html>\n',
    'web/package.json': '{\n  "name": "memos",\n  "packageManager": "pnpm@11.0.1",\n  "scripts": {\n    "dev": "vite",\n    "build": "vite build",\n    "release": "vite build --mode release --outDir=../server/router/frontend/dist --emptyOutDir"\n  },\n  "devDependencies": { "vite": "^7.0.0" }\n}\n',
    'web/pnpm-lock.yaml': "lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n  excludeLinksFromLockfile: false\n\npatchedDependencies:\n  '@bufbuild/protobuf@2.12.0': 9d60cec35402ba36bc21a72fefc68ccef8db0acb883504cc47c05a00a0029f8c\n\nimporters:\n\n  .:\n",
    'web/pnpm-workspace.yaml': MEMOS_WORKSPACE,
    'web/patches/@bufbuild__protobuf@2.12.0.patch': 'diff --git a/dist/cjs/index.js b/dist/cjs/index.js\n',
    'web/vite.config.mts': 'export default { plugins: [] };\n',
    'web/index.html': '<div id="root"></div>\n',
    'web/src/main.tsx': 'console.log("memos");\n',
    ...files,
  };
  return workspace(Object.fromEntries(Object.entries(tree).filter((e): e is [string, string] => e[1] !== null)));
}

describe('1. the front-end install copies what the package manager reads', () => {
  it('memos: pnpm-workspace.yaml and the patches/ its patchedDependencies name are copied before `pnpm install --frozen-lockfile`; lint-clean', async () => {
    const r = await genClean(memos());
    const head = beforeInstall(r.dockerfile);
    assert.match(head, /^COPY web\/package\.json web\/pnpm-lock\.yaml web\/pnpm-workspace\.yaml \.\/$/m, r.dockerfile);
    assert.match(head, /^COPY web\/patches\/ \.\/patches\/$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('The install also reads web/pnpm-workspace.yaml (') && x.includes("web/patches/ (the patch files of pnpm-workspace.yaml's patchedDependencies)")), r.reasons.join('\n'));
  });

  it('memos: an .npmrc and a .pnpmfile.cjs beside package.json are copied too; pnpm.patchedDependencies in package.json names its patch folder', async () => {
    const pkg = '{\n  "name": "memos",\n  "scripts": { "release": "vite build --outDir=../server/router/frontend/dist" },\n  "pnpm": { "patchedDependencies": { "left-pad@1.3.0": "fixes/left-pad@1.3.0.patch" } }\n}\n';
    const r = await genClean(memos({ 'web/pnpm-workspace.yaml': null, 'web/patches/@bufbuild__protobuf@2.12.0.patch': null, 'web/package.json': pkg, 'web/.npmrc': 'auto-install-peers=true\n', 'web/.pnpmfile.cjs': 'module.exports = { hooks: {} };\n', 'web/fixes/left-pad@1.3.0.patch': 'diff\n' }));
    const head = beforeInstall(r.dockerfile);
    assert.match(head, /^COPY web\/package\.json web\/pnpm-lock\.yaml web\/\.npmrc web\/\.pnpmfile\.cjs \.\/$/m, r.dockerfile);
    assert.match(head, /^COPY web\/fixes\/ \.\/fixes\/$/m, r.dockerfile);
    assert.doesNotMatch(head, /pnpm-workspace|patches/, r.dockerfile);
  });

  it('a pnpm workspace: each member\'s package.json the `packages` globs name is copied to its place (not node_modules, not a `!` exclusion)', async () => {
    const r = await genClean(memos({
      'web/pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - \"!packages/legacy\"\n",
      'web/patches/@bufbuild__protobuf@2.12.0.patch': null,
      'web/packages/ui/package.json': '{ "name": "@memos/ui" }\n',
      'web/packages/legacy/package.json': '{ "name": "legacy" }\n',
      'web/packages/ui/node_modules/x/package.json': '{ "name": "x" }\n',
      'web/tools/package.json': '{ "name": "tools" }\n',
    }));
    const head = beforeInstall(r.dockerfile);
    assert.match(head, /^COPY web\/packages\/ui\/package\.json \.\/packages\/ui\/package\.json$/m, r.dockerfile);
    assert.doesNotMatch(head, /legacy|node_modules|tools/, r.dockerfile);
  });

  it('yarn berry: .yarnrc.yml, .yarn/releases and the `workspaces` members are copied; .yarn/cache is not', async () => {
    const pkg = '{\n  "name": "memos",\n  "packageManager": "yarn@4.5.0",\n  "workspaces": ["packages/*"],\n  "scripts": { "release": "vite build --outDir=../server/router/frontend/dist" },\n  "resolutions": { "left-pad": "patch:left-pad@npm%3A1.3.0#~/.yarn/patches/left-pad-npm-1.3.0.patch" }\n}\n';
    const r = await genClean(memos({
      'web/pnpm-lock.yaml': null, 'web/pnpm-workspace.yaml': null, 'web/patches/@bufbuild__protobuf@2.12.0.patch': null,
      'web/package.json': pkg, 'web/yarn.lock': '__metadata:\n  version: 8\n',
      'web/.yarnrc.yml': 'nodeLinker: node-modules\nyarnPath: .yarn/releases/yarn-4.5.0.cjs\n',
      'web/.yarn/releases/yarn-4.5.0.cjs': '// yarn\n',
      'web/.yarn/patches/left-pad-npm-1.3.0.patch': 'diff\n',
      'web/.yarn/cache/left-pad.zip': 'zip',
      'web/packages/ui/package.json': '{ "name": "ui" }\n',
    }));
    const head = beforeInstall(r.dockerfile);
    assert.match(head, /^COPY web\/package\.json web\/yarn\.lock web\/\.yarnrc\.yml \.\/$/m, r.dockerfile);
    assert.match(head, /^COPY web\/\.yarn\/releases\/ \.\/\.yarn\/releases\/$/m, r.dockerfile);
    assert.match(head, /^COPY web\/\.yarn\/patches\/ \.\/\.yarn\/patches\/$/m, r.dockerfile);
    assert.match(head, /^COPY web\/packages\/ui\/package\.json \.\/packages\/ui\/package\.json$/m, r.dockerfile);
    assert.doesNotMatch(head, /\.yarn\/cache|COPY web\/\.yarn\/ /, r.dockerfile);
  });

  it('npm with patch-package in postinstall: patches/ is copied before `npm ci`', async () => {
    const pkg = '{\n  "name": "memos",\n  "scripts": { "postinstall": "patch-package", "release": "vite build --outDir=../server/router/frontend/dist" }\n}\n';
    const r = await genClean(memos({ 'web/pnpm-lock.yaml': null, 'web/pnpm-workspace.yaml': null, 'web/package.json': pkg, 'web/package-lock.json': '{ "lockfileVersion": 3 }\n' }));
    const head = beforeInstall(r.dockerfile);
    assert.match(head, /^COPY web\/package\.json web\/package-lock\.json \.\/$/m, r.dockerfile);
    assert.match(head, /^COPY web\/patches\/ \.\/patches\/$/m, r.dockerfile);
  });

  it('negative: a lone package.json and lockfile copy only those two (patches/ no setting names is left to the later copy)', async () => {
    const r = await genClean(memos({ 'web/pnpm-workspace.yaml': null }));
    const head = beforeInstall(r.dockerfile);
    assert.match(head, /^COPY web\/package\.json web\/pnpm-lock\.yaml \.\/$/m, r.dockerfile);
    assert.equal(head.match(/^COPY /gm)?.length, 1, r.dockerfile);
  });

  it('negative: a patch path outside the front-end folder or naming a missing folder adds no COPY', async () => {
    const ws = 'patchedDependencies:\n  a@1.0.0: ../shared/a.patch\n  b@1.0.0: missing/b.patch\n';
    const r = await genClean(memos({ 'web/pnpm-workspace.yaml': ws, 'shared/a.patch': 'diff\n' }));
    const head = beforeInstall(r.dockerfile);
    assert.equal(head.match(/^COPY /gm)?.length, 1, r.dockerfile);
    assert.doesNotMatch(head, /shared|missing/, r.dockerfile);
  });
});

// kedacore/keda at 8b4f083 (Apache-2.0): cmd/operator, cmd/adapter and cmd/webhooks are main
// packages; the Makefile builds them as `manager: generate` / `${GO_BUILD_VARS} go build -ldflags
// $(GO_LDFLAGS) -o bin/keda cmd/operator/main.go` (and bin/keda-adapter, bin/keda-admission-webhooks);
// config/manager/manager.yaml's Deployment runs `command: [/keda]`, config/metrics-server/
// deployment.yaml `/keda-adapter`; the Dockerfiles copy bin/keda to / and start `/keda`.
const KEDA_MAKEFILE = 'GO_BUILD_VARS= GO111MODULE=on CGO_ENABLED=$(CGO) GOOS=$(TARGET_OS) GOARCH=$(ARCH)\nGO_LDFLAGS="-X=github.com/kedacore/keda/v2/version.Version=$(VERSION)"\n\ngenerate: controller-gen\n\t$(CONTROLLER_GEN) object:headerFile="hack/boilerplate.go.txt" paths="./..."\n\nmanager: generate\n\t${GO_BUILD_VARS} go build -ldflags $(GO_LDFLAGS) -o bin/keda cmd/operator/main.go\n\nadapter: generate\n\t${GO_BUILD_VARS} go build -ldflags $(GO_LDFLAGS) -o bin/keda-adapter cmd/adapter/main.go\n';
const kedaPod = (name: string, command: string) => `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: keda\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n      containers:\n        - name: ${name}\n          image: ghcr.io/kedacore/keda:latest\n          command:\n            - ${command}\n          args:\n            - --leader-elect\n`;
function keda(files: Record<string, string | null> = {}): string {
  const tree: Record<string, string | null> = {
    'go.mod': 'module github.com/kedacore/keda/v2\n\ngo 1.24.0\n',
    'go.sum': '',
    'cmd/operator/main.go': 'package main\n\nimport (\n\t"flag"\n\t"fmt"\n)\n\nfunc main() {\n\tflag.Parse()\n\tfmt.Println("operator")\n}\n',
    'cmd/adapter/main.go': 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("adapter") }\n',
    'Makefile': KEDA_MAKEFILE,
    'config/manager/manager.yaml': kedaPod('keda-operator', '/keda'),
    'config/metrics-server/deployment.yaml': kedaPod('keda-operator-metrics-apiserver', '/keda-adapter'),
    ...files,
  };
  return workspace(Object.fromEntries(Object.entries(tree).filter((e): e is [string, string] => e[1] !== null)));
}

describe('2. the binary where the project\'s own build and pod specs run it', () => {
  it('keda: the Makefile names cmd/operator\'s binary keda and the Deployment runs /keda → the image has it at /keda; lint-clean', async () => {
    const r = await genClean(keda(), { package: 'cmd/operator' });
    // The Makefile also names it: keda (judge 41 G G5's rule, ./generate-judge41-k56.test.ts 1).
    assert.match(r.dockerfile, /^COPY --from=build \/out\/keda \/keda$/m, r.dockerfile);
    assert.match(r.dockerfile, /^ENTRYPOINT \["\/keda"\]$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('The binary is at /keda, not /usr/local/bin') && x.includes('config/manager/manager.yaml:13 command /keda')), r.reasons.join('\n'));
    assert.ok(r.reasons.some((x) => x.startsWith('The binary is named `keda`') && x.includes('Makefile:8 go build -o bin/keda cmd/operator/main.go')), r.reasons.join('\n'));
  });

  it('keda: the adapter goes to /keda-adapter, the path its own Deployment runs', async () => {
    const r = await genClean(keda(), { package: 'cmd/adapter' });
    assert.match(r.dockerfile, /^ENTRYPOINT \["\/keda-adapter"\]$/m, r.dockerfile);
  });

  it('a pod spec running the binary by its own name at an absolute path (no Makefile) is enough', async () => {
    const r = await genClean(keda({ Makefile: null, 'config/manager/manager.yaml': kedaPod('keda-operator', '/operator') }), { package: 'cmd/operator' });
    assert.match(r.dockerfile, /^ENTRYPOINT \["\/operator"\]$/m, r.dockerfile);
  });

  it('two places (/keda and /usr/bin/keda) → the default path stays and a Check names both', async () => {
    const r = await genClean(keda({ 'deploy/operator.yaml': kedaPod('keda', '/usr/bin/keda') }), { package: 'cmd/operator' });
    assert.match(r.dockerfile, /^ENTRYPOINT \["\/usr\/local\/bin\/keda"\]$/m, r.dockerfile);
    assert.ok(r.warnings.some((w) => w.startsWith('The project\'s pod specs run keda at several paths') && w.includes('/keda: config/manager/manager.yaml:13') && w.includes('/usr/bin/keda: deploy/operator.yaml:13')), r.warnings.join('\n'));
  });

  it('negative: a pod spec running another name (no build file ties it to this package), or the default path, changes nothing', async () => {
    // Without the Makefile the binary is operator; with it, keda (its Makefile's name).
    const variants: [Record<string, string | null>, string][] = [[{ Makefile: null }, 'operator'], [{ 'config/manager/manager.yaml': kedaPod('keda-operator', '/usr/local/bin/keda') }, 'keda']];
    for (const [files, name] of variants) {
      const r = await genClean(keda(files), { package: 'cmd/operator' });
      assert.match(r.dockerfile, new RegExp(`^ENTRYPOINT \\["/usr/local/bin/${name}"\\]$`, 'm'), r.dockerfile);
      assert.ok(!r.reasons.some((x) => x.startsWith('The binary is at')), r.reasons.join('\n'));
      assert.ok(!r.warnings.some((x) => x.includes('several paths')), r.warnings.join('\n'));
    }
  });

  it('negative: the project\'s Dockerfile starting `/keda` with no pod spec running it keeps the usual path (nothing deploys that path)', async () => {
    const dockerfile = 'FROM golang:1.24 AS builder\nWORKDIR /workspace\nCOPY . .\nRUN go build -o bin/keda ./cmd/operator\n\nFROM gcr.io/distroless/static:nonroot\nWORKDIR /\nCOPY --from=builder /workspace/bin/keda .\nUSER 65532:65532\nENTRYPOINT ["/keda", "--zap-log-level=info"]\n';
    const r = await genClean(keda({ 'config/manager/manager.yaml': null, 'config/metrics-server/deployment.yaml': null, Dockerfile: dockerfile }), { package: 'cmd/operator' });
    assert.match(r.dockerfile, /^ENTRYPOINT \["\/usr\/local\/bin\/keda"\]$/m, r.dockerfile);
  });

  it('negative: a Makefile `go build -o` of another package, or with a variable output, names nothing', async () => {
    const { ownBinaryNames } = await import('../../server/src/generate/ownBuild');
    const dir = keda({ Makefile: 'a:\n\tgo build -o bin/keda ./cmd/adapter\nb:\n\tgo build -o bin/$(NAME) cmd/operator/main.go\nc:\n\tgo build -o bin/ ./cmd/operator\n' });
    const ws = loadWorkspace(dir);
    assert.deepEqual(ownBinaryNames(ws.model, 'cmd/operator', { readFile: (r) => ws.readFile(r), listFiles: (u) => ws.listFiles(u ?? '') }), []);
    assert.deepEqual(ownBinaryNames(ws.model, 'cmd/adapter', { readFile: (r) => ws.readFile(r), listFiles: (u) => ws.listFiles(u ?? '') }).map((n) => n.name), ['keda']);
  });
});

// umputun/reproxy at 43daa21 (MIT): app/main.go (package main, vendor/ committed) has
// `Listen string \`short:"l" long:"listen" env:"LISTEN" description:"listen on host:port (default:
// 0.0.0.0:8080/8443 under docker, 127.0.0.1:80/443 without)"\`` and, in run(), `addr :=
// listenAddress(opts.Listen, opts.SSL.Type)`; listenAddress returns "0.0.0.0:8080" when
// `os.LookupEnv("REPROXY_IN_DOCKER")` is "1" or "true", else "127.0.0.1:80" (and 8443/443 for TLS).
const REPROXY_LISTEN = 'func listenAddress(addr, sslType string) string {\n\n\t// don\'t set default if any opts.Listen address defined by user\n\tif addr != "" {\n\t\treturn addr\n\t}\n\n\t// http, set default to 8080 in docker, 80 without\n\tif sslType == "none" {\n\t\tif v, ok := os.LookupEnv("REPROXY_IN_DOCKER"); ok && (v == "1" || v == "true") {\n\t\t\treturn "0.0.0.0:8080"\n\t\t}\n\t\treturn "127.0.0.1:80"\n\t}\n\n\tif v, ok := os.LookupEnv("REPROXY_IN_DOCKER"); ok && (v == "1" || v == "true") {\n\t\treturn "0.0.0.0:8443"\n\t}\n\treturn "127.0.0.1:443"\n}\n';
const REPROXY_MAIN = (listen: string, call = '\taddr := listenAddress(opts.Listen, opts.SSL.Type)\n\t_ = http.ListenAndServe(addr, nil)\n') => `package main\n\nimport (\n\t"net/http"\n\t"os"\n\n\t"github.com/jessevdk/go-flags"\n)\n\nvar opts struct {\n\tListen string \`short:"l" long:"listen" env:"LISTEN" description:"listen on host:port (default: 0.0.0.0:8080/8443 under docker, 127.0.0.1:80/443 without)"\`\n\tSSL struct {\n\t\tType string \`long:"type" env:"TYPE" choice:"none" choice:"static" default:"none"\`\n\t} \`group:"ssl" namespace:"ssl" env-namespace:"SSL"\`\n}\n\nfunc main() {\n\t_, _ = flags.Parse(&opts)\n\t_ = os.Args\n${call}}\n\n${listen}`;
function reproxy(main: string): string {
  return workspace({
    'go.mod': 'module github.com/umputun/reproxy\n\ngo 1.24\n\nrequire github.com/jessevdk/go-flags v1.6.1\n',
    'go.sum': '',
    'vendor/modules.txt': '# github.com/jessevdk/go-flags v1.6.1\n## explicit; go 1.20\ngithub.com/jessevdk/go-flags\n',
    'vendor/github.com/jessevdk/go-flags/flags.go': 'package flags\n\nfunc Parse(v any) ([]string, error) { return nil, nil }\n',
    'app/main.go': main,
  });
}

describe('3. a loopback default listen address switched by an environment variable', () => {
  it('reproxy: listenAddress returns 127.0.0.1:80 unless REPROXY_IN_DOCKER is "1" → a Check names the variable and the address; lint-clean', async () => {
    const r = await genClean(reproxy(REPROXY_MAIN(REPROXY_LISTEN)));
    const w = r.warnings.find((x) => x.startsWith('app/main.go: listenAddress() makes the default listen address 127.0.0.1:80 (loopback)'));
    assert.ok(w && w.includes('unless the environment variable REPROXY_IN_DOCKER is set to "1" (then 0.0.0.0:8080)') && w.includes('ENV REPROXY_IN_DOCKER=1'), r.warnings.join('\n'));
  });

  it('negative: no variable test, no all-interfaces return, or a function nobody calls → no such Check', async () => {
    const variants = [
      REPROXY_LISTEN.replace(/os\.LookupEnv\("REPROXY_IN_DOCKER"\)/g, 'true, sslType != ""').replace(/v, ok := /g, 'v, ok := "", ').replace(/ok && \(v == "1" \|\| v == "true"\)/g, 'ok && v == ""'),
      REPROXY_LISTEN.replace('"0.0.0.0:8080"', 'addr').replace('"0.0.0.0:8443"', 'addr'),
    ];
    for (const listen of variants) {
      const r = await gen(reproxy(REPROXY_MAIN(listen)));
      assert.ok(!r.warnings.some((x) => x.includes('listenAddress()')), `${listen}\n${r.warnings.join('\n')}`);
    }
    const r = await gen(reproxy(REPROXY_MAIN(REPROXY_LISTEN, '\t_ = http.ListenAndServe(opts.Listen, nil)\n')));
    assert.ok(!r.warnings.some((x) => x.includes('listenAddress()')), r.warnings.join('\n'));
  });
});

// stakater/Reloader at 655a2b3 (Apache-2.0): main.go calls app.Run() (internal/pkg/app), which
// runs internal/pkg/cmd; reloader.go there ends with `logrus.Fatal(http.ListenAndServe(
// constants.DefaultHttpListenAddr, nil))`, and internal/pkg/constants/constants.go has
// `DefaultHttpListenAddr = ":9090"` in a const block; the pprof server listens on
// options.PProfAddr (`PProfAddr = ":6060"`, a var of internal/pkg/options).
function reloader(constants = 'package constants\n\nconst (\n\t// DefaultHttpListenAddr is the default listening address for global http server\n\tDefaultHttpListenAddr = ":9090"\n\n\t// ConfigmapEnvVarPostfix is a postfix for configmap envVar\n\tConfigmapEnvVarPostfix = "CONFIGMAP"\n)\n'): string {
  return workspace({
    'go.mod': 'module github.com/stakater/Reloader\n\ngo 1.24\n',
    'main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/stakater/Reloader/internal/pkg/app"\n)\n\nfunc main() {\n\tif err := app.Run(); err != nil {\n\t\tos.Exit(1)\n\t}\n\tos.Exit(0)\n}\n',
    'internal/pkg/app/app.go': 'package app\n\nimport "github.com/stakater/Reloader/internal/pkg/cmd"\n\nfunc Run() error { return cmd.Start() }\n',
    'internal/pkg/cmd/reloader.go': 'package cmd\n\nimport (\n\t"log"\n\t"net/http"\n\n\t"github.com/stakater/Reloader/internal/pkg/constants"\n\t"github.com/stakater/Reloader/internal/pkg/options"\n)\n\nfunc Start() error {\n\tif options.EnablePProf {\n\t\tgo startPProfServer()\n\t}\n\tlog.Fatal(http.ListenAndServe(constants.DefaultHttpListenAddr, nil))\n\treturn nil\n}\n\nfunc startPProfServer() {\n\tif err := http.ListenAndServe(options.PProfAddr, nil); err != nil {\n\t\tlog.Print(err)\n\t}\n}\n',
    'internal/pkg/constants/constants.go': constants,
    'internal/pkg/options/flags.go': 'package options\n\nvar (\n\t// EnablePProf enables pprof\n\tEnablePProf = false\n\t// PProfAddr is the address to start pprof server on\n\tPProfAddr = ":6060"\n)\n',
  });
}

describe('4. a listen address in a constant of another package', () => {
  it('Reloader: http.ListenAndServe(constants.DefaultHttpListenAddr) with DefaultHttpListenAddr = ":9090" → EXPOSE 9090; the pprof listener is not exposed; lint-clean', async () => {
    const r = await genClean(reloader());
    assert.match(r.dockerfile, /^EXPOSE 9090$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('http.ListenAndServe(constants.DefaultHttpListenAddr = ":9090", …) in internal/pkg/cmd/reloader.go')), r.reasons.join('\n'));
    assert.doesNotMatch(r.dockerfile, /6060/, r.dockerfile);
  });

  it('negative: the constant is not an address (a number, or absent), or is a package variable (a flag or the environment may change it) → no EXPOSE, as before', async () => {
    for (const c of ['package constants\n\nconst DefaultHttpListenAddr = 9090\n', 'package constants\n\nconst Other = ":9090"\n', 'package constants\n\nvar DefaultHttpListenAddr = ":9090"\n', 'package constants\n\nvar (\n\tDefaultHttpListenAddr = ":9090"\n)\n']) {
      const r = await gen(reloader(c));
      assert.doesNotMatch(r.dockerfile, /^EXPOSE/m, r.dockerfile);
    }
  });
});

// linkerd/linkerd2 at b24cd40 (Apache-2.0): web/main.go declares on `cmd :=
// flag.NewFlagSet("public-api", flag.ExitOnError)` the flags `cmd.String("addr", ":8084", …)`,
// `cmd.String("template-dir", "templates", "directory to search for template files")` and
// `cmd.String("static-dir", "app/dist", "directory to search for static files")`; web/templates/
// is committed, web/app/dist is written by webpack (not in the repository). controller/cmd/main.go
// checks `len(os.Args) < 2` (prints "expected a subcommand", os.Exit(1)) and dispatches `switch
// os.Args[1] { case "destination": … default: … os.Exit(1) }`; viz/tap/cmd/main.go the same with
// `api` and `injector` and no default case.
const L5D_WEB = 'package main\n\nimport (\n\t"flag"\n\t"net/http"\n\t"os"\n)\n\nfunc main() {\n\tcmd := flag.NewFlagSet("public-api", flag.ExitOnError)\n\n\taddr := cmd.String("addr", ":8084", "address to serve on")\n\ttemplateDir := cmd.String("template-dir", "templates", "directory to search for template files")\n\tstaticDir := cmd.String("static-dir", "app/dist", "directory to search for static files")\n\tdataDir := cmd.String("data-dir", "data", "where to keep data")\n\tcmd.Parse(os.Args[1:])\n\t_, _, _ = templateDir, staticDir, dataDir\n\t_ = http.ListenAndServe(*addr, nil)\n}\n';
const l5dSwitch = (cases: string, tail: string, lenCheck = true) => `package main\n\nimport (\n\t"fmt"\n\t"os"\n\n\t"github.com/linkerd/linkerd2/controller/cmd/destination"\n)\n\nfunc main() {\n${lenCheck ? '\tif len(os.Args) < 2 {\n\t\tfmt.Println("expected a subcommand")\n\t\tos.Exit(1)\n\t}\n\n' : ''}\tswitch os.Args[1] {\n${cases}${tail}\t}\n}\n`;
const L5D_CASES = '\tcase "destination":\n\t\tdestination.Main(os.Args[2:])\n\tcase "identity":\n\t\tif len(os.Args) > 2 {\n\t\t\tswitch os.Args[2] {\n\t\t\tcase "nested":\n\t\t\t}\n\t\t}\n\t\tdestination.Main(os.Args[2:])\n';
function linkerd(files: Record<string, string>): string {
  return workspace({
    'go.mod': 'module github.com/linkerd/linkerd2\n\ngo 1.24\n',
    'go.sum': '',
    'controller/cmd/destination/main.go': 'package destination\n\nimport "fmt"\n\nfunc Main(args []string) { fmt.Println(args) }\n',
    ...files,
  });
}

describe('4. linkerd2: folders named by flags, subcommands dispatched on os.Args[1]', () => {
  it('web: -template-dir "templates" and -static-dir "app/dist" → Checks naming web/templates and the missing app/dist; -data-dir is not such a folder; lint-clean', async () => {
    const r = await genClean(linkerd({ 'web/main.go': L5D_WEB, 'web/templates/app.tmpl.html': '{{ define "app" }}<div></div>{{ end }}\n', 'web/app/package.json': '{ "name": "web" }\n' }), { package: 'web' });
    assert.ok(r.warnings.some((w) => w.startsWith('web/main.go reads files from templates/ relative to its working directory (flag -template-dir default "templates"), and the image has no /app/templates: the repository has web/templates')), r.warnings.join('\n'));
    assert.ok(r.warnings.some((w) => w.startsWith('web/main.go reads files from app/dist/ relative to its working directory (flag -static-dir default "app/dist")') && w.includes('the context has no such folder')), r.warnings.join('\n'));
    assert.ok(!r.warnings.some((w) => w.includes('-data-dir')), r.warnings.join('\n'));
  });

  it('negative: an absolute or empty default gets no such Check', async () => {
    const r = await gen(linkerd({ 'web/main.go': L5D_WEB.replace('"templates", "directory', '"/usr/share/web/templates", "directory').replace('"app/dist"', '""') }), { package: 'web' });
    assert.ok(!r.warnings.some((w) => w.includes('relative to its working directory (flag')), r.warnings.join('\n'));
  });

  it('controller/cmd: `switch os.Args[1]` after an exiting `len(os.Args) < 2` check → a CLI with subcommands (top-level cases only), no CMD, a Check; lint-clean', async () => {
    const r = await genClean(linkerd({ 'controller/cmd/main.go': l5dSwitch(L5D_CASES, '\tdefault:\n\t\tfmt.Printf("unknown subcommand: %s", os.Args[1])\n\t\tos.Exit(1)\n') }), { package: 'controller/cmd' });
    const w = r.warnings.find((x) => x.startsWith('The program is a CLI with subcommands (destination, identity)'));
    assert.ok(w, r.warnings.join('\n'));
    assert.doesNotMatch(r.dockerfile, /^CMD/m, r.dockerfile);
  });

  it('tap: no default case, the len check exits → subcommands too; a `serve` case becomes the CMD', async () => {
    const r = await gen(linkerd({ 'controller/cmd/main.go': l5dSwitch('\tcase "api":\n\t\tdestination.Main(os.Args[2:])\n\tcase "injector":\n\t\tdestination.Main(os.Args[2:])\n', '') }), { package: 'controller/cmd' });
    assert.ok(r.warnings.some((x) => x.startsWith('The program is a CLI with subcommands (api, injector)')), r.warnings.join('\n'));
    const s = await genClean(linkerd({ 'controller/cmd/main.go': l5dSwitch('\tcase "serve":\n\t\tdestination.Main(os.Args[2:])\n\tcase "migrate":\n\t\tdestination.Main(os.Args[2:])\n', '') }), { package: 'controller/cmd' });
    assert.match(s.dockerfile, /^CMD \["serve"\]$/m, s.dockerfile);
  });

  it('negative: a switch on os.Args[1] that falls through to the program without an argument is no subcommand dispatch', async () => {
    const main = l5dSwitch('\tcase "version":\n\t\tfmt.Println("v1")\n\t\treturn\n', '', false).replace('\tswitch os.Args[1] {', '\tif len(os.Args) > 1 {\n\tswitch os.Args[1] {').replace('\t}\n}\n', '\t}\n\t}\n\tdestination.Main(nil)\n}\n');
    const r = await gen(linkerd({ 'controller/cmd/main.go': main }), { package: 'controller/cmd' });
    assert.ok(!r.warnings.some((x) => x.includes('CLI with subcommands')), `${main}\n${r.warnings.join('\n')}`);
  });
});
