/**
 * The generator on real repositories of round 17, second pass (helper "gen36b"): each case is a
 * small skeleton of a real repository (the files, go.mod and the few lines that matter), with its
 * repository, commit and licence above it, plus the variants that keep the old behaviour where it
 * is right. Every generated Dockerfile is linted against its workspace: expected clean.
 *
 * 1. A module's own vendor/ (`go mod vendor`) under a go.work: built alone (GOWORK=off) from
 *    vendor/; a workspace's vendor/ (`go work vendor`, `## workspace`) stays a workspace build.
 * 2. Folders a program reads from its working directory by a constant's name (writefreely's
 *    templates/, pages/, static/), its config flag's default (urfave/cli `Value:`), and a
 *    redirect-only listener that is not its port; a replace whose folder holds no module.
 * 3. A front-end built by Vite+ (`vp build`, the vite-plus package): vite's build, its outDir
 *    read under vite's `root`, the node image from `engines.node`; at the context root, the
 *    project's ignore file conflicts only over what the front-end build reads.
 * 4. A program that runs docker (cloud-provider-kind): a Check about the daemon's socket.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';
import { modulesTxtIsForWorkspace } from '../../server/src/workspace/vendor';

const { workspace, gen, genClean } = generatorTrees('judge17b');

const goBuildRun = (df: string) => /^RUN [^\n]*(?:\\\n[^\n]*)*go build [^\n]*$/m.exec(df)?.[0] ?? '';

// kubeedge/kubeedge at 16cd8548eedb81af293b94f27844144c080eaa89 (Apache-2.0): go.work (`go
// 1.23.12`, `use . ./staging/src/github.com/kubeedge/{api,beehive,mapper-framework}`), the root
// module requires api and beehive v0.0.0 with `replace … => ./staging/src/github.com/kubeedge/…`,
// vendor/ checked in, written by `go mod vendor` (modules.txt: `# github.com/kubeedge/api v0.0.0
// => ./staging/…`, `## explicit; go 1.23`, no `## workspace`; vendor/github.com/kubeedge/* are
// links into staging/), hack/make-rules/build.sh `export GOWORK=off`; cloud/cmd/cloudcore is a
// main package; staging beehive's test/cmd is one too.
const STAGING = 'staging/src/github.com/kubeedge';
const MODULE_VENDOR = `# github.com/kubeedge/api v0.0.0 => ./${STAGING}/api\n## explicit; go 1.23\ngithub.com/kubeedge/api/apis/componentconfig/cloudcore/v1alpha1\n# github.com/kubeedge/beehive v0.0.0 => ./${STAGING}/beehive\n## explicit; go 1.23\ngithub.com/kubeedge/beehive/pkg/core\n# k8s.io/klog/v2 v2.130.1\n## explicit; go 1.21\nk8s.io/klog/v2\n`;
/** What `go work vendor` writes: `## workspace` first, then each workspace module marked `## workspace`. */
const WORKSPACE_VENDOR = `## workspace\n# k8s.io/klog/v2 v2.130.1\n## explicit; go 1.21\nk8s.io/klog/v2\n# github.com/kubeedge/kubeedge\n## workspace\n# github.com/kubeedge/api => ./${STAGING}/api\n## workspace\n# github.com/kubeedge/beehive => ./${STAGING}/beehive\n## workspace\n`;
function kubeedge(modulesTxt: string, files: Record<string, string> = {}): string {
  return workspace({
    'go.work': `go 1.23.12\n\nuse (\n\t.\n\t./${STAGING}/api\n\t./${STAGING}/beehive\n)\n`,
    'go.mod': `module github.com/kubeedge/kubeedge\n\ngo 1.23.12\n\nrequire (\n\tgithub.com/kubeedge/api v0.0.0\n\tgithub.com/kubeedge/beehive v0.0.0\n\tk8s.io/klog/v2 v2.130.1\n)\n\nreplace (\n\tgithub.com/kubeedge/api => ./${STAGING}/api\n\tgithub.com/kubeedge/beehive => ./${STAGING}/beehive\n)\n`,
    'go.sum': '',
    'vendor/modules.txt': modulesTxt,
    'vendor/k8s.io/klog/v2/klog.go': 'package klog\n\nfunc Info(args ...any) {}\n',
    'cloud/cmd/cloudcore/cloudcore.go': 'package main\n\nimport (\n\t"github.com/kubeedge/api/apis/componentconfig/cloudcore/v1alpha1"\n\t"github.com/kubeedge/beehive/pkg/core"\n\t"k8s.io/klog/v2"\n)\n\nfunc main() {\n\tklog.Info(v1alpha1.GroupName)\n\tcore.Run()\n}\n',
    [`${STAGING}/api/go.mod`]: 'module github.com/kubeedge/api\n\ngo 1.23\n',
    [`${STAGING}/api/go.sum`]: '',
    [`${STAGING}/api/apis/componentconfig/cloudcore/v1alpha1/types.go`]: 'package v1alpha1\n\nconst GroupName = "cloudcore"\n',
    [`${STAGING}/beehive/go.mod`]: 'module github.com/kubeedge/beehive\n\ngo 1.23\n\nrequire k8s.io/klog/v2 v2.130.1\n',
    [`${STAGING}/beehive/go.sum`]: '',
    [`${STAGING}/beehive/pkg/core/core.go`]: 'package core\n\nimport "k8s.io/klog/v2"\n\nfunc Run() { klog.Info("run") }\n',
    [`${STAGING}/beehive/test/cmd/main.go`]: 'package main\n\nimport "github.com/kubeedge/beehive/pkg/core"\n\nfunc main() { core.Run() }\n',
    'hack/make-rules/build.sh': '#!/usr/bin/env bash\nset -o errexit\n\nKUBEEDGE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"\nsource "${KUBEEDGE_ROOT}/hack/lib/init.sh"\n\nkubeedge::golang::setup_env\nexport GOWORK=off\nkubeedge::golang::build_binaries "$@"\n',
    ...files,
  });
}

describe('1. a module vendor/ under a go.work', () => {
  it('modules.txt tells `go work vendor` from `go mod vendor`', () => {
    assert.equal(modulesTxtIsForWorkspace(WORKSPACE_VENDOR), true);
    assert.equal(modulesTxtIsForWorkspace(WORKSPACE_VENDOR.replace(/\n/g, '\r\n')), true);
    assert.equal(modulesTxtIsForWorkspace(MODULE_VENDOR), false);
    assert.equal(modulesTxtIsForWorkspace(''), false);
  });

  it('kubeedge: the root module vendored by `go mod vendor` → GOWORK=off with -mod=vendor, citing the project\'s GOWORK=off; lint-clean', async () => {
    const r = await genClean(kubeedge(MODULE_VENDOR), { package: 'cloud/cmd/cloudcore' });
    const run = goBuildRun(r.dockerfile);
    assert.match(run, /GOWORK=off/, r.dockerfile);
    assert.match(run, /go build -trimpath -mod=vendor .* \.\/cloud\/cmd\/cloudcore$/, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /go mod download/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('GOWORK=off: vendor/modules.txt was written by `go mod vendor` for github.com/kubeedge/kubeedge alone') && x.includes('GOWORK=off in hack/make-rules/build.sh:8')), r.reasons.join('\n'));
    // The builder follows the module's go line (the workspace is not in effect).
    assert.ok(r.reasons.some((x) => x.includes("go.mod's go line says 1.23.12")), r.reasons.join('\n'));
  });

  it('without a build file that says GOWORK=off, the vendor/ alone decides', async () => {
    const r = await genClean(kubeedge(MODULE_VENDOR, { 'hack/make-rules/build.sh': '#!/bin/sh\nmake all\n' }), { package: 'cloud/cmd/cloudcore' });
    assert.match(goBuildRun(r.dockerfile), /GOWORK=off[^\n]*\n[^\n]*-mod=vendor/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('GOWORK=off: vendor/modules.txt') && !x.includes('as the project builds it')), r.reasons.join('\n'));
  });

  it('negative: a workspace vendor/ (`go work vendor`, `## workspace`) → a workspace build with -mod=vendor, no GOWORK=off', async () => {
    const r = await genClean(kubeedge(WORKSPACE_VENDOR), { package: 'cloud/cmd/cloudcore' });
    const run = goBuildRun(r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /GOWORK=off/, r.dockerfile);
    assert.match(run, /-mod=vendor/, r.dockerfile);
  });

  it('another member of the workspace, with the root module\'s vendor/ at the go.work folder → a workspace build that downloads (the vendor/ is not read)', async () => {
    // Not linted: GD106 takes a vendor/ at the go.work folder for the workspace's (left for GD106).
    const r = await gen(kubeedge(MODULE_VENDOR), { package: `${STAGING}/beehive/test/cmd` });
    assert.doesNotMatch(r.dockerfile, /GOWORK=off|-mod=vendor/, r.dockerfile);
    assert.match(r.dockerfile, /go mod download/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('vendor/ is not read: vendor/modules.txt was written by `go mod vendor` for one module')), r.reasons.join('\n'));
  });
});

// writefreely/writefreely at 6384f4667b5adb3a7c571c8da26b99f93db697ce (AGPL-3.0): cmd/writefreely's
// urfave/cli app (flag `c` with `Value: "config.ini"`, a `serve` command); the root package joins
// `templatesDir = "templates"`, `pagesDir = "pages"` and `staticDir = "static"` to settings whose
// default is empty (`filepath.Join(cfg.Server.TemplatesParentDir, templatesDir)`, `http.Dir(filepath.Join(
// app.cfg.Server.StaticParentDir, staticDir))`); `keysDir = "keys"` holds keys it generates (the
// committed folder has only .gitignore and README.md); static/css/.gitignore `*.css` (less/Makefile
// `CSSDIR=../static/css/` writes them); app.go's TLS branch runs `http.ListenAndServe(":80",
// m.HTTPHandler(nil))` (autocert's redirect) beside the TLS server, and the plain server
// `net.Listen(network, bindAddress)` on the configured port.
const WF_MAIN = 'package main\n\nimport (\n\t"os"\n\n\t"github.com/urfave/cli/v2"\n\t"github.com/writefreely/writefreely"\n)\n\nfunc main() {\n\tapp := &cli.App{Name: "WriteFreely"}\n\tapp.Flags = []cli.Flag{\n\t\t&cli.StringFlag{\n\t\t\tName:  "c",\n\t\t\tValue: "config.ini",\n\t\t\tUsage: "Load configuration from `FILE`",\n\t\t},\n\t}\n\tapp.Commands = []*cli.Command{\n\t\t{\n\t\t\tName:  "serve",\n\t\t\tUsage: "Run web application",\n\t\t\tAction: func(c *cli.Context) error {\n\t\t\t\twritefreely.Serve(c.String("c"))\n\t\t\t\treturn nil\n\t\t\t},\n\t\t},\n\t}\n\t_ = app.Run(os.Args)\n}\n';
const WF_APP = (listen: string) => `package writefreely\n\nimport (\n\t"net"\n\t"net/http"\n\t"path/filepath"\n\n\t"golang.org/x/crypto/acme/autocert"\n)\n\nconst (\n\tstaticDir = "static"\n)\n\ntype ServerCfg struct {\n\tStaticParentDir string\n\tTemplatesParentDir string\n\tPort int\n}\n\nfunc Serve(conf string) {\n\tcfg := ServerCfg{}\n\tfs := http.FileServer(http.Dir(filepath.Join(cfg.StaticParentDir, staticDir)))\n\t_ = InitTemplates(cfg)\n\tm := &autocert.Manager{Prompt: autocert.AcceptTOS}\n\tif conf == "tls" {\n\t\tgo func() {\n${listen}\t\t}()\n\t\treturn\n\t}\n\tl, _ := net.Listen("tcp", conf)\n\t_ = http.Serve(l, fs)\n\t_ = m\n}\n`;
const WF_REDIRECT = '\t\t\terr := http.ListenAndServe(":80", m.HTTPHandler(nil))\n\t\t\t_ = err\n';
const WF_TEMPLATES = 'package writefreely\n\nimport (\n\t"os"\n\t"path/filepath"\n)\n\nconst (\n\ttemplatesDir = "templates"\n\tpagesDir     = "pages"\n)\n\nfunc InitTemplates(cfg ServerCfg) error {\n\t_, err := os.ReadDir(filepath.Join(cfg.TemplatesParentDir, templatesDir))\n\t_ = filepath.Walk(filepath.Join(cfg.TemplatesParentDir, pagesDir), nil)\n\treturn err\n}\n';
const WF_KEYS = 'package writefreely\n\nimport "path/filepath"\n\nconst (\n\tkeysDir = "keys"\n)\n\nvar emailKeyPath = filepath.Join(keysDir, "email.aes256")\n';
/** The skeleton, with `files` added or replaced (null: left out). */
function writefreely(files: Record<string, string | null> = {}): string {
  const all: Record<string, string | null> = {
    'go.mod': 'module github.com/writefreely/writefreely\n\ngo 1.21\n\nrequire (\n\tgithub.com/urfave/cli/v2 v2.25.7\n\tgolang.org/x/crypto v0.17.0\n)\n',
    'go.sum': '',
    'cmd/writefreely/main.go': WF_MAIN,
    'app.go': WF_APP(WF_REDIRECT),
    'templates.go': WF_TEMPLATES,
    'keys.go': WF_KEYS,
    'templates/base.tmpl': '{{define "base"}}<html>{{end}}\n',
    'templates/password-collection.tmpl': '{{define "password-collection"}}<form>{{end}}\n',
    'pages/about.tmpl': '{{define "about"}}About{{end}}\n',
    'static/favicon.ico': 'ico',
    'static/js/h.js': 'var H = {};\n',
    'static/js/.gitignore': 'prose.bundle.js\n',
    'static/css/.gitignore': '*.css\n',
    'static/css/lib/mono.css': 'body{}\n',
    'keys/.gitignore': '*\n!.gitignore\n!README.md\n',
    'keys/README.md': 'Keys are generated here.\n',
    'less/Makefile': 'CSSDIR=../static/css/\n\nall :\n\tlessc app.less --clean-css="--s1 --advanced" $(CSSDIR)write.css\n',
    'less/app.less': 'body { color: #000; }\n',
    ...files,
  };
  return workspace(Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== null)));
}

describe('2. folders a program reads from its working directory, and what it listens on', () => {
  it('writefreely: templates/, pages/ and static/ (named by …Dir constants joined into read paths) are copied to /app; keys/ is not; lint-clean', async () => {
    const r = await genClean(writefreely());
    for (const d of ['static', 'templates', 'pages']) assert.match(r.dockerfile, new RegExp(`^COPY ${d} /app/${d}$`, 'm'), r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /COPY keys/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('templates is copied to /app/templates and the program starts in /app: templates.go joins templates (templatesDir = "templates")')), r.reasons.join('\n'));
    assert.ok(r.warnings.some((w) => w.startsWith('static/ is copied as committed, but a build writes files into it that a fresh clone lacks (static/css/.gitignore ignores *.css; less/Makefile:1 names that folder')), r.warnings.join('\n'));
    assert.ok(r.warnings.some((w) => w.startsWith('cmd/writefreely/main.go reads config.ini at run time (flag -c default "config.ini"), and the context has no such file')), r.warnings.join('\n'));
  });

  it('writefreely: the :80 listener whose handler only redirects (autocert HTTPHandler) is not exposed', async () => {
    const r = await genClean(writefreely());
    assert.doesNotMatch(r.dockerfile, /^EXPOSE/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('Not exposed: http.ListenAndServe(":80", …) in app.go only redirects')), r.reasons.join('\n'));
    const handler = await genClean(writefreely({ 'app.go': WF_APP('\t\t\t_ = http.ListenAndServe(":80", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {\n\t\t\t\thttp.Redirect(w, r, "https://example.com", http.StatusMovedPermanently)\n\t\t\t}))\n') }));
    assert.doesNotMatch(handler.dockerfile, /^EXPOSE/m, handler.dockerfile);
  });

  it('negative: a listener serving a handler of its own is exposed as before', async () => {
    const r = await genClean(writefreely({ 'app.go': WF_APP('\t\t\t_ = http.ListenAndServe(":8080", http.FileServer(http.Dir("/srv")))\n') }));
    assert.match(r.dockerfile, /^EXPOSE 8080$/m, r.dockerfile);
  });

  it('negative: a constant folder that is missing, holds Go sources, only placeholders, or a key file; a data folder', async () => {
    const r = await genClean(writefreely({
      'templates/gen.go': 'package templates\n',
      'pages/about.tmpl': null, 'pages/.gitkeep': '',
      'static/site.key': 'KEY',
      'data.go': 'package writefreely\n\nimport "path/filepath"\n\nvar dataDir = "data"\n\nvar db = filepath.Join(dataDir, "writefreely.db")\n',
      'data/seed.sql': 'select 1;\n',
    }));
    assert.doesNotMatch(r.dockerfile, /^COPY (templates|pages|static|data|keys) /m, r.dockerfile);
    assert.ok(r.warnings.some((w) => w.includes('static/ is not copied into the image because it holds static/site.key')), r.warnings.join('\n'));
  });
});

// kubeedge/kubeedge at 16cd8548eedb81af293b94f27844144c080eaa89 (Apache-2.0):
// staging/src/github.com/kubeedge/mapper-framework/_template/mapper/go.mod (module
// github.com/kubeedge/Template) replaces github.com/kubeedge/api => ../api and
// github.com/kubeedge/mapper-framework => ../mapper-framework; _template/ holds only README.md and
// mapper/ (a template copied elsewhere by the project's tooling).
describe('2b. a replace whose folder holds no module', () => {
  const template = (extra: Record<string, string> = {}) => workspace({
    'mapper-framework/_template/README.md': 'Copy this template.\n',
    'mapper-framework/_template/mapper/go.mod': 'module github.com/kubeedge/Template\n\ngo 1.23\n\nrequire (\n\tgithub.com/kubeedge/api v0.0.0\n\tgithub.com/kubeedge/mapper-framework v0.0.0\n)\n\nreplace (\n\tgithub.com/kubeedge/api => ../api\n\tgithub.com/kubeedge/mapper-framework => ../mapper-framework\n)\n',
    'mapper-framework/_template/mapper/go.sum': '',
    'mapper-framework/_template/mapper/cmd/main.go': 'package main\n\nimport _ "github.com/kubeedge/api/apis/dmi/v1beta1"\n\nfunc main() {}\n',
    ...extra,
  });

  it('kubeedge mapper-framework/_template/mapper: ../api and ../mapper-framework do not exist → the refusal says so, and names no folder to generate from', async () => {
    const root = template();
    await assert.rejects(gen(`${root}/mapper-framework/_template/mapper`), (e: Error & { code?: string; suggestedContext?: string }) => {
      assert.equal(e.code, 'context-too-small');
      assert.equal(e.suggestedContext, undefined);
      assert.match(e.message, /^go\.mod replaces modules with folders that hold no module: github\.com\/kubeedge\/api => \.\.\/api \(\S+\/_template\/api does not exist\), github\.com\/kubeedge\/mapper-framework => \.\.\/mapper-framework \(\S+\/_template\/mapper-framework does not exist\)\. Go stops at these replaces/);
      assert.doesNotMatch(e.message, /Generate from/);
      return true;
    });
  });

  it('negative: when the replaced modules are there, the advice names the folder holding both, as before', async () => {
    const root = template({ 'mapper-framework/_template/api/go.mod': 'module github.com/kubeedge/api\n\ngo 1.23\n', 'mapper-framework/_template/mapper-framework/go.mod': 'module github.com/kubeedge/mapper-framework\n\ngo 1.23\n' });
    await assert.rejects(gen(`${root}/mapper-framework/_template/mapper`), (e: Error & { suggestedContext?: string }) => {
      assert.match(e.message, /points outside the build context .* Generate from \S+\/mapper-framework\/_template \(the folder holding both\) instead\./);
      assert.ok(e.suggestedContext?.endsWith('/mapper-framework/_template'));
      return true;
    });
  });
});

// evcc-io/evcc at b29b49e3056ead3c99ff1f4711b2bb17083114b0 (MIT): main.go `//go:embed dist`; the
// root package.json has `"build": "vp build"`, devDependencies `"vite-plus": "0.2.6"` (whose `vp`
// command runs vite's build) and `"vite": "npm:@voidzero-dev/vite-plus-core@0.2.6"`, engines
// `"node": ">=26.0.0"`, package-lock.json; vite.config.ts `root: "./assets"` and build `outDir:
// "../dist/"`; the project's .dockerignore excludes `*.json`, `*.yaml`, `Dockerfile`, `dist`
// (re-including `!package*.json`); its own image builds the UI on node:26.
const EVCC_PACKAGE = (build: string, deps: string) => `{\n  "name": "evcc",\n  "type": "module",\n  "scripts": {\n    "build": "${build}",\n    "dev": "vp dev"\n  },\n  "devDependencies": {\n${deps}    "vue": "^3.5.0"\n  },\n  "engines": {\n    "npm": ">=10.0.0",\n    "node": ">=26.0.0"\n  }\n}\n`;
const VITE_PLUS_DEPS = '    "vite": "npm:@voidzero-dev/vite-plus-core@0.2.6",\n    "vite-plus": "0.2.6",\n';
function evcc(files: Record<string, string | null> = {}): string {
  const all: Record<string, string | null> = {
    'go.mod': 'module github.com/evcc-io/evcc\n\ngo 1.26.3\n',
    'go.sum': '',
    'main.go': 'package main\n\nimport (\n\t"embed"\n\t"io/fs"\n)\n\n//go:embed dist\nvar web embed.FS\n\nfunc main() {\n\t_, _ = fs.Sub(web, "dist")\n}\n',
    'package.json': EVCC_PACKAGE('vp build', VITE_PLUS_DEPS),
    'package-lock.json': '{\n  "name": "evcc",\n  "lockfileVersion": 3\n}\n',
    'vite.config.ts': 'import { defineConfig } from "vite-plus";\n\nexport default defineConfig({\n  root: "./assets",\n  publicDir: "public",\n  base: "./",\n  build: {\n    outDir: "../dist/",\n    emptyOutDir: true,\n  },\n});\n',
    'tsconfig.json': '{ "extends": "@vue/tsconfig/tsconfig.dom.json" }\n',
    'schema.json': '{ "type": "object" }\n',
    '.coderabbit.yaml': 'reviews: {}\n',
    'Dockerfile': 'FROM node:26-alpine AS node\n',
    'assets/index.html': '<!doctype html><div id="app"></div><script type="module" src="./js/app.js"></script>\n',
    'assets/js/app.js': 'import { createApp } from "vue";\n',
    '.dockerignore': '*.json\n*.yaml\nDockerfile\ndist\nnode_modules\n!package*.json\n',
    ...files,
  };
  return workspace(Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== null)));
}

describe('3. a front-end built by Vite+ (`vp build`)', () => {
  it('evcc: `vp build` with vite-plus is vite\'s build; outDir under vite\'s root → a node stage (engines: node 26) builds dist; lint-clean', async () => {
    const r = await genClean(evcc());
    assert.match(r.dockerfile, /^FROM --platform=\$BUILDPLATFORM node:26-bookworm-slim AS web$/m, r.dockerfile);
    assert.match(r.dockerfile, /^RUN npm run build$/m, r.dockerfile);
    assert.match(r.dockerfile, /^COPY --from=web \/src\/dist \/src\/dist$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('A node stage (node:26-bookworm-slim: package.json\'s engines.node asks for ">=26.0.0") builds it first') && x.includes('vite outDir "../dist/" under root "./assets" (`vp build` of vite-plus is vite\'s build)')), r.reasons.join('\n'));
  });

  it('evcc: the project\'s .dockerignore (root *.json, *.yaml, Dockerfile) does not hide what the front-end build reads', async () => {
    const r = await gen(evcc());
    assert.deepEqual(r.existingIgnore?.conflicts, [], JSON.stringify(r.existingIgnore));
  });

  it('negative: the ignore file excluding the front-end\'s sources or its build configuration is still a conflict', async () => {
    for (const ignore of ['assets\n', '*.ts\n']) {
      const r = await gen(evcc({ '.dockerignore': ignore }));
      assert.ok((r.existingIgnore?.conflicts ?? []).some((c) => c.needs.startsWith('RUN npm run build')), JSON.stringify(r.existingIgnore));
    }
  });

  it('negative: a `vp` command without the vite-plus package is not taken for vite → the refusal stands', async () => {
    await assert.rejects(gen(evcc({ 'package.json': EVCC_PACKAGE('vp build', '') })), /\/\/go:embed dist in \.: dist does not exist/);
  });

  it('negative: vite writes elsewhere (outDir "../public/" under root "./assets") → the refusal stands', async () => {
    const config = 'export default {\n  root: "./assets",\n  build: { outDir: "../public/" },\n};\n';
    await assert.rejects(gen(evcc({ 'vite.config.ts': config })), /\/\/go:embed dist in \.: dist does not exist/);
  });

  it('engines.node: a newer minimum major picks its image; none, an older one or a range it cannot read keeps the default', async () => {
    const { nodeImageFor } = await import('../../server/src/generate/assets');
    assert.equal(nodeImageFor('>=26.0.0')?.image, 'node:26-bookworm-slim');
    assert.equal(nodeImageFor('^24.11.0 || >=26')?.image, 'node:24-bookworm-slim');
    for (const e of [undefined, '>=18', '^20.19.0 || ^22.18.0', '*', 'latest', 26]) assert.equal(nodeImageFor(e), null, String(e));
  });
});

// kubernetes-sigs/cloud-provider-kind at 57084484288d2f81ec08aa9d9b7cd0d4d018c375 (Apache-2.0):
// main.go runs cmd.Execute; pkg/container/container.go `var containerRuntime = "docker"` and
// `exec.Command(containerRuntime, append([]string{"run", "--name", name}, args...)...)`; the
// project's compose.yml mounts /var/run/docker.sock.
describe('4. a program that runs a container engine\'s command line', () => {
  const cpk = (runtime: string) => workspace({
    'go.mod': 'module sigs.k8s.io/cloud-provider-kind\n\ngo 1.26\n',
    'go.sum': '',
    'main.go': 'package main\n\nimport "sigs.k8s.io/cloud-provider-kind/pkg/container"\n\nfunc main() {\n\t_ = container.Run("kindccm-lb", "envoyproxy/envoy")\n}\n',
    'pkg/container/container.go': `package container\n\nimport "os/exec"\n\nvar containerRuntime = "${runtime}"\n\nfunc Run(name string, args ...string) error {\n\treturn exec.Command(containerRuntime, append([]string{"run", "--name", name}, args...)...).Run()\n}\n`,
  });

  it('cloud-provider-kind: it runs docker → a Check naming the socket to mount and the non-root user; lint-clean', async () => {
    const r = await genClean(cpk('docker'));
    assert.ok(r.warnings.some((w) => w.startsWith('The program runs docker (exec.Command(containerRuntime = "docker") in pkg/container/container.go), which talks to its daemon through /var/run/docker.sock: the container has it only when you mount it') && w.includes('--group-add')), r.warnings.join('\n'));
  });

  it('negative: a program that runs git gets no socket Check', async () => {
    const r = await genClean(cpk('git'));
    assert.ok(!r.warnings.some((w) => w.includes('docker.sock')), r.warnings.join('\n'));
  });
});
