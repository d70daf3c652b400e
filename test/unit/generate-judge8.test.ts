/**
 * The generator on real repositories of round 8 (helper "gen"): each case is a small skeleton of
 * a real repository (the files, go.mod and the few Go/Makefile/JS lines that matter), with its
 * repository, commit and licence above it, plus the variant that keeps the old behaviour where it
 * is right.
 *
 * 1. Build tags: a Makefile target that builds the package for development (`build-hub-dev`)
 *    does not state how it ships, and a `development` tag is not a feature (beszel).
 * 2. A front-end that esbuild writes into a committed embedded folder (mailpit's server/ui/dist
 *    under `//go:embed ui`, yarr's bundle.js in static/ beside an icon): built in a node stage;
 *    a Go template named index.html is not a placeholder (yarr).
 * 3. A cobra `server` command that runs nothing itself, built in a function that returns it
 *    (`rootCmd.AddCommand(serverCommands())`), runs its `start` child: CMD ["server", "start"]
 *    (gotosocial; it was CMD ["start"], an unknown command).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type GenerateResult } from '../../server/src/generate';
import { generatorTrees } from './generateTrees';

const { workspace, gen } = generatorTrees('judge8');

const buildLine = (r: GenerateResult): string => /^\s*go build .*$/m.exec(r.dockerfile)?.[0] ?? '';

// henrygd/beszel at f1e5797c76a234b1c59a31c815f07edfbee0b0e9 (MIT): the Makefile builds the hub
// with no tags in build-hub and with `-tags development` in build-hub-dev; internal/hub has
// server_development.go (//go:build development: proxies the UI to the vite dev server) and
// server_production.go (//go:build !development: serves the embedded UI).
function beszel(tag: string, makefile: string): string {
  const gated = (name: string, constraint: string) => `//go:build ${constraint}\n\npackage hub\n\nfunc (h *Hub) ${name}() error { return nil }\n`;
  return workspace({
    'go.mod': 'module github.com/henrygd/beszel\n\ngo 1.26.6\n',
    Makefile: makefile,
    'internal/cmd/hub/hub.go': 'package main\n\nimport (\n\t"log"\n\n\t"github.com/henrygd/beszel/internal/hub"\n)\n\nfunc main() {\n\th := hub.NewHub()\n\tif err := h.StartHub(); err != nil {\n\t\tlog.Fatal(err)\n\t}\n}\n',
    'internal/hub/hub.go': 'package hub\n\ntype Hub struct{}\n\nfunc NewHub() *Hub { return &Hub{} }\n\nfunc (h *Hub) StartHub() error { return h.startServer() }\n',
    [`internal/hub/server_${tag}.go`]: gated('startServer', tag),
    'internal/hub/server_production.go': gated('startServer', `!${tag}`),
    [`internal/hub/extra_${tag}.go`]: gated('extra', tag),
    [`internal/hub/more_${tag}.go`]: gated('more', tag),
  });
}
const BESZEL_MAKEFILE = (tags: string) => `OS ?= $(shell go env GOOS)\nARCH ?= $(shell go env GOARCH)\n\nbuild-hub: tidy\n\tGOOS=$(OS) GOARCH=$(ARCH) go build -o ./build/beszel_$(OS)_$(ARCH) -ldflags "-w -s" ./internal/cmd/hub\n\nbuild-hub-dev: tidy\n\tmkdir -p ./internal/site/dist && touch ./internal/site/dist/index.html\n\tGOOS=$(OS) GOARCH=$(ARCH) go build -tags ${tags} -o ./build/beszel-dev_$(OS)_$(ARCH) -ldflags "-w -s" ./internal/cmd/hub\n`;

describe('1. build tags of a development build', () => {
  it('beszel: `go build -tags development` of the build-hub-dev target is not used; no warning about the development files', async () => {
    const r = await gen(beszel('development', BESZEL_MAKEFILE('development')), { package: 'internal/cmd/hub' });
    assert.doesNotMatch(buildLine(r), /-tags/, r.dockerfile);
    assert.ok(!r.reasons.some((x) => x.includes('-tags')), r.reasons.join('\n'));
    assert.ok(!r.warnings.some((w) => w.includes('build tags')), r.warnings.join('\n'));
  });

  it('a feature tag (ui) that only the build-hub-dev target passes: not used, the gated files are warned about', async () => {
    const r = await gen(beszel('ui', BESZEL_MAKEFILE('ui')), { package: 'internal/cmd/hub' });
    assert.doesNotMatch(buildLine(r), /-tags/, r.dockerfile);
    assert.ok(r.warnings.some((w) => /^3 files of the packages the program compiles build only with build tags \(ui\)/.test(w)), r.warnings.join('\n'));
  });

  it('the same tag passed by the build-hub target (how it ships): used', async () => {
    const mk = BESZEL_MAKEFILE('ui').replace('go build -o ./build/beszel_', 'go build -tags ui -o ./build/beszel_');
    const r = await gen(beszel('ui', mk), { package: 'internal/cmd/hub' });
    assert.match(buildLine(r), /go build -trimpath -tags ui .*\.\/internal\/cmd\/hub$/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('-tags ui: the project builds with them (Makefile: go build -tags ui)')), r.reasons.join('\n'));
  });
});

const webStage = (r: GenerateResult): string | null => /^FROM --platform=\$BUILDPLATFORM node:\S+ AS web\n[\s\S]*?^RUN (?:npm|pnpm|yarn) run \S+$/m.exec(r.dockerfile)?.[0] ?? null;
const copiesFromWeb = (r: GenerateResult): string[] => [...r.dockerfile.matchAll(/^COPY --from=web (.*)$/gm)].map((m) => m[1]);

// axllent/mailpit at 408b30d59709e3f2ed69c7748d900a2208cfbf9b (MIT): server/embed.go `//go:embed ui`
// (server/ui holds favicon.svg and api/ in git), .gitignore `/server/ui/dist`, package.json's
// "build": "MINIFY=true node esbuild.config.mjs", whose esbuild.context options say
// `outdir: "server/ui/dist/"`; server.go serves dist/app.js from the embedded folder.
function mailpit(opts: { ignored?: boolean; built?: boolean; config?: string } = {}): string {
  const config = opts.config ?? 'import * as esbuild from "esbuild";\nimport pluginVue from "esbuild-plugin-vue-next";\n\nconst ctx = await esbuild.context({\n\tentryPoints: ["server/ui-src/app.js", "server/ui-src/docs.js"],\n\tbundle: true,\n\t// outdir: "old/dist/",\n\toutdir: "server/ui/dist/",\n\tplugins: [pluginVue()],\n});\n\nawait ctx.rebuild();\nctx.dispose();\n';
  return workspace({
    'go.mod': 'module github.com/axllent/mailpit\n\ngo 1.25.0\n',
    '.gitignore': `/node_modules/\n${opts.ignored === false ? '' : '/server/ui/dist\n'}/mailpit*\n`,
    'package.json': '{\n  "name": "mailpit",\n  "private": true,\n  "scripts": {\n    "build": "MINIFY=true node esbuild.config.mjs",\n    "watch": "WATCH=true node esbuild.config.mjs"\n  },\n  "devDependencies": {\n    "esbuild": "^0.25.0"\n  }\n}\n',
    'package-lock.json': '{}\n',
    'esbuild.config.mjs': config,
    'server/ui-src/app.js': 'console.log("app")\n',
    'main.go': 'package main\n\nimport "github.com/axllent/mailpit/server"\n\nfunc main() { server.Listen() }\n',
    'server/embed.go': 'package server\n\nimport "embed"\n\nvar (\n\t//go:embed ui\n\tembeddedFS embed.FS\n)\n',
    'server/server.go': 'package server\n\nimport "net/http"\n\nfunc Listen() {\n\thttp.Handle("/dist/", http.FileServer(http.FS(embeddedFS)))\n}\n',
    'server/ui/favicon.svg': '<svg/>\n',
    'server/ui/api/v1/swagger.json': '{}\n',
    ...(opts.built ? { 'server/ui/dist/app.js': 'console.log(1)\n' } : {}),
  });
}

// nkanaev/yarr at d1f33e219857a549ab02057f657a051bd8ce4d57 (MIT): src/assets/assetsfs.go embeds
// `static/*` and `templates/*.html`; static/ holds the favicons and a .gitignore listing bundle.js,
// bundle.css and *.map, which package.json's "build": "node build.js" writes (esbuild
// `outdir: "src/assets/static"`); templates/index.html (877 bytes) is the page, a Go template.
function yarr(opts: { gitignore?: boolean; template?: string } = {}): string {
  return workspace({
    'go.mod': 'module github.com/nkanaev/yarr\n\ngo 1.26.0\n',
    'package.json': '{\n  "type": "module",\n  "scripts": {\n    "build": "node build.js",\n    "watch": "node build.js --watch"\n  },\n  "devDependencies": {\n    "esbuild": "0.28.1"\n  }\n}\n',
    'package-lock.json': '{}\n',
    'build.js': 'import esbuild from "esbuild";\nimport vuePlugin from "esbuild-plugin-vue3";\n\nconst options = {\n  entryPoints: [\n    "src/frontend/js/main.ts",\n    "src/frontend/css/app.css",\n  ],\n  bundle: true,\n  outdir: "src/assets/static",\n  entryNames: "bundle",\n  plugins: [vuePlugin()],\n};\n\nawait esbuild.build(options);\n',
    'src/frontend/js/main.ts': 'console.log(1)\n',
    'cmd/yarr/main.go': 'package main\n\nimport "github.com/nkanaev/yarr/src/assets"\n\nfunc main() { _ = assets.Templates() }\n',
    'src/assets/assetsfs.go': '//go:build !debug\n\npackage assets\n\nimport (\n\t"embed"\n\t"html/template"\n)\n\n//go:embed static/*\nvar static embed.FS\n\n//go:embed templates/*.html\nvar templates embed.FS\n\nfunc Templates() *template.Template {\n\treturn template.Must(template.ParseFS(templates, "templates/*.html"))\n}\n',
    'src/assets/static/favicon.png': 'png\n',
    'src/assets/static/favicon.svg': '<svg/>\n',
    ...(opts.gitignore === false ? {} : { 'src/assets/static/.gitignore': 'bundle.js\nbundle.css\n*.map\n' }),
    'src/assets/templates/index.html': opts.template ?? '<!DOCTYPE html>\n<html lang="{{ .settings.language }}">\n<head>\n    <link rel="stylesheet" href="./static/bundle.css">\n    <script>window.app.settings = {{ .settings }};</script>\n</head>\n<body>\n    <div id="app" v-cloak></div>\n    <script src="./static/bundle.js"></script>\n</body>\n</html>\n',
  });
}

describe('2. a front-end esbuild writes into a committed embedded folder', () => {
  it('mailpit: esbuild outdir server/ui/dist (git-ignored) inside //go:embed ui: a node stage runs `npm run build`, its server/ui/dist is copied into the Go build', async () => {
    const r = await gen(mailpit());
    const stage = webStage(r);
    assert.ok(stage, r.dockerfile);
    assert.match(stage, /^WORKDIR \/src\nCOPY package\.json package-lock\.json \.\/\n[\s\S]*npm ci\nCOPY \. \.\/\nRUN npm run build$/m);
    assert.deepEqual(copiesFromWeb(r), ['/src/server/ui/dist /src/server/ui/dist']);
    assert.ok(r.reasons.some((x) => x.startsWith('//go:embed ui in server: package.json\'s "build" script ("MINIFY=true node esbuild.config.mjs") writes server/ui/dist (esbuild outdir in esbuild.config.mjs), and server/ui/dist does not exist')), r.reasons.join('\n'));
  });

  it('mailpit with server/ui/dist committed (built, not ignored): no node stage', async () => {
    const r = await gen(mailpit({ ignored: false, built: true }));
    assert.equal(webStage(r), null, r.dockerfile);
    assert.deepEqual(copiesFromWeb(r), []);
  });

  it('an esbuild script writing two folders, or outside the embedded folder: no node stage (which one is embedded cannot be told)', async () => {
    const two = await gen(mailpit({ config: 'import * as esbuild from "esbuild";\nawait esbuild.build({ outdir: "server/ui/dist/" });\nawait esbuild.build({ outdir: "docs/dist/" });\n' }));
    assert.equal(webStage(two), null, two.dockerfile);
    const elsewhere = await gen(mailpit({ config: 'import * as esbuild from "esbuild";\nawait esbuild.build({ outdir: "public/dist/" });\n' }));
    assert.equal(webStage(elsewhere), null, elsewhere.dockerfile);
    const notEsbuild = await gen(mailpit({ config: 'import * as rollup from "rollup";\nawait rollup.build({ outdir: "server/ui/dist/" });\n' }));
    assert.equal(webStage(notEsbuild), null, notEsbuild.dockerfile);
  });

  it('yarr: esbuild outdir src/assets/static, whose .gitignore keeps bundle.js out of git: a node stage builds it; templates/index.html (a Go template) is not called a placeholder', async () => {
    const r = await gen(yarr());
    assert.ok(webStage(r), r.dockerfile);
    assert.deepEqual(copiesFromWeb(r), ['/src/src/assets/static /src/src/assets/static']);
    assert.ok(r.reasons.some((x) => x.includes('src/assets/static/.gitignore keeps what it writes out of git (bundle.js, bundle.css, *.map)')), r.reasons.join('\n'));
    assert.ok(!r.warnings.some((w) => w.includes('placeholder')), r.warnings.join('\n'));
  });

  it('yarr with the bundle committed (no .gitignore in static/): no node stage', async () => {
    const r = await gen(yarr({ gitignore: false }));
    assert.equal(webStage(r), null, r.dockerfile);
  });

  it('a small index.html without template actions alone in an embedded folder is still a placeholder', async () => {
    const r = await gen(yarr({ gitignore: false, template: '<!doctype html><div id="app"></div>\n' }));
    assert.ok(r.warnings.some((w) => w.includes('src/assets/templates holds only index.html, a placeholder for a build output')), r.warnings.join('\n'));
  });
});

const cmdOf = (r: GenerateResult): string | null => /^CMD (.*)$/m.exec(r.dockerfile)?.[1] ?? null;

// superseriousbusiness/gotosocial at 57cb4fe7482962aa8e5a05874a343474d5a453e7 (AGPL-3.0):
// cmd/gotosocial/main.go `rootCmd := new(cobra.Command)` … `rootCmd.AddCommand(serverCommands())`,
// server.go's serverCommands() builds serverCmd (Use "server", no Run) and adds serverStartCmd
// (Use "start", RunE) and serverMaintenanceCmd to it, and returns serverCmd.
function gotosocial(serverRun = '', startUse = 'start', startShort = 'start the gotosocial server'): string {
  return workspace({
    'go.mod': 'module code.superseriousbusiness.org/gotosocial\n\ngo 1.24.0\n\nrequire github.com/spf13/cobra v1.9.1\n',
    'go.sum': 'github.com/spf13/cobra v1.9.1 h1:x\n',
    'cmd/gotosocial/main.go': 'package main\n\nimport (\n\t"log"\n\n\t"github.com/spf13/cobra"\n)\n\nfunc main() {\n\trootCmd := new(cobra.Command)\n\trootCmd.Use = "gotosocial"\n\trootCmd.Short = "GoToSocial - a fediverse social media server"\n\trootCmd.AddCommand(serverCommands())\n\trootCmd.AddCommand(adminCommands())\n\tif err := rootCmd.Execute(); err != nil {\n\t\tlog.Fatal(err)\n\t}\n}\n',
    'cmd/gotosocial/server.go': `package main\n\nimport (\n\t"net/http"\n\n\t"github.com/spf13/cobra"\n)\n\n// serverCommands returns the 'server' subcommand\nfunc serverCommands() *cobra.Command {\n\tserverCmd := &cobra.Command{\n\t\tUse:   "server",\n\t\tShort: "gotosocial server-related tasks",${serverRun}\n\t}\n\tserverStartCmd := &cobra.Command{\n\t\tUse:   "${startUse}",\n\t\tShort: "${startShort}",\n\t\tRunE: func(cmd *cobra.Command, args []string) error {\n\t\t\treturn http.ListenAndServe(":8080", nil)\n\t\t},\n\t}\n\tserverCmd.AddCommand(serverStartCmd)\n\tserverMaintenanceCmd := &cobra.Command{\n\t\tUse:   "maintenance",\n\t\tShort: "start the gotosocial server in maintenance mode (returns 503 for almost all requests)",\n\t\tRunE: func(cmd *cobra.Command, args []string) error {\n\t\t\treturn nil\n\t\t},\n\t}\n\tserverCmd.AddCommand(serverMaintenanceCmd)\n\treturn serverCmd\n}\n`,
    'cmd/gotosocial/admin.go': 'package main\n\nimport "github.com/spf13/cobra"\n\nfunc adminCommands() *cobra.Command {\n\tadminCmd := &cobra.Command{\n\t\tUse:   "admin",\n\t\tShort: "gotosocial admin-related tasks",\n\t}\n\tadminAccountCmd := &cobra.Command{\n\t\tUse:   "account",\n\t\tShort: "admin commands related to accounts",\n\t}\n\tadminCmd.AddCommand(adminAccountCmd)\n\treturn adminCmd\n}\n',
  });
}

describe('3. a nested cobra command that serves', () => {
  it('gotosocial: `server` runs nothing itself; its child `start` serves: CMD ["server", "start"], the reason says so', async () => {
    const r = await gen(gotosocial());
    assert.equal(cmdOf(r), '["server", "start"]', r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('CMD ["server", "start"]: the program is a CLI with subcommands (cobra Use: "server" runs nothing itself; its subcommand Use: "start", Short: "start the gotosocial server" in cmd/gotosocial/server.go)')), r.reasons.join('\n'));
  });

  it('a `server` command that runs itself stays CMD ["server"]', async () => {
    const r = await gen(gotosocial('\n\t\tRun: func(cmd *cobra.Command, args []string) {},'));
    assert.equal(cmdOf(r), '["server"]', r.dockerfile);
  });

  it('a `server` command whose children do not start it (`reload`, "reload the configuration"): no CMD, and the Check says none serves', async () => {
    const r = await gen(gotosocial('', 'reload', 'reload the configuration'));
    assert.equal(cmdOf(r), null, r.dockerfile);
    // Since g56 the Check also says the group only prints its help and names its children.
    assert.ok(r.warnings.some((w) => w.startsWith('The program is a CLI with subcommands (') && w.includes('server only prints its help (cobra Use: "server" in cmd/gotosocial/server.go runs nothing itself; its subcommands: maintenance, reload)') && w.includes('looks like the one that serves')), r.warnings.join('\n'));
  });
});
