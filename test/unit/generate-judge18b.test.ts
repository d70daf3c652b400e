/**
 * The generator on real repositories of round 18 (helper "gen37b"): each case is a small skeleton
 * of a real repository (the files, go.mod and the few lines that matter), with its repository,
 * commit and licence above it, plus the variants that keep the old behaviour where it is right.
 * Every generated Dockerfile is linted against its workspace: expected clean.
 *
 * 1. The front-end's install step copies what the package manager reads at install time
 *    (pnpm-workspace.yaml, its patchedDependencies' patches/, .npmrc, workspace members'
 *    package.json, yarn's .yarnrc.yml and .yarn/releases, patch-package's patches/).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';
import { selfCheck } from '../../server/src/driver/selfCheck';
import { loadWorkspace } from '../../server/src/workspace/load';

const { workspace, gen } = generatorTrees('judge18b');

/** Generates and lints the result against the workspace with the generated .dockerignore: expected clean. */
async function genClean(dir: string, options = {}) {
  const r = await gen(dir, options);
  assert.deepEqual(await selfCheck(r, loadWorkspace(dir)), [], r.dockerfile);
  return r;
}
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

