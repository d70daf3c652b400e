/**
 * The generator on real repositories of round 11 (helper "gen-r11"): each case is a small skeleton
 * of a real repository (the files, go.mod and the few Go lines that matter), with its repository,
 * commit and licence above it, plus the variant that keeps the old behaviour where it is right.
 *
 * 1. The project's .dockerignore against the front-end build: a pattern excluding part of the
 *    folder the node stage builds (lakeFS's `webui/src/`) is a conflict; the folder holding the
 *    embedded output (webui for webui/dist) is still checked (it was skipped as "produced").
 * 2. Only the root's own commands are CMD candidates: a nested cobra `run [task-name]` with
 *    ExactArgs(1) says nothing about the top-level `run` (lakeFS); a nested urfave/cli `start`
 *    (gopass's `age agent start`) is not one; an urfave/cli v3 root command with an Action that
 *    the program runs needs no subcommand (gopass).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type GenerateResult } from '../../server/src/generate';
import { generatorTrees } from './generateTrees';

const { workspace, gen } = generatorTrees('judge11');

const cmdLine = (r: GenerateResult): string | undefined => r.dockerfile.split('\n').find((l) => l.startsWith('CMD '));

// treeverse/lakeFS at 71a45eeb1639d146d34b8effd7e86d077160ed7c (Apache-2.0): cmd/lakefs/main.go
// runs cmd.Execute(); cmd/lakefs/cmd/root.go rootCmd (Use: "lakefs"); run.go `runCmd` (Use:
// "run", Short: "Run lakeFS") added to rootCmd; migrate.go `migrateTaskRunCmd` (Use: "run
// [task-name]", Args: cobra.ExactArgs(1)) added to migrateTaskCmd, itself added to migrateCmd;
// webui/content.go `//go:embed all:dist` (dist holds .gitkeep); webui/package.json "build": "vite
// build" with package-lock.json; its .dockerignore has `webui/node_modules/` and `webui/src/`.
function lakefs(opts: { ignore: string; topRunArgs?: boolean }): string {
  return workspace({
    'go.mod': 'module github.com/treeverse/lakefs\n\ngo 1.26.4\n\nrequire github.com/spf13/cobra v1.10.1\n',
    '.dockerignore': opts.ignore,
    'cmd/lakefs/main.go': 'package main\n\nimport "github.com/treeverse/lakefs/cmd/lakefs/cmd"\n\nfunc main() {\n\tcmd.Execute()\n}\n',
    'cmd/lakefs/cmd/root.go': 'package cmd\n\nimport "github.com/spf13/cobra"\n\nvar rootCmd = &cobra.Command{\n\tUse:   "lakefs",\n\tShort: "lakeFS is a data lake management platform",\n}\n\nfunc Execute() {\n\t_ = rootCmd.Execute()\n}\n',
    'cmd/lakefs/cmd/run.go': `package cmd\n\nimport (\n\t"github.com/spf13/cobra"\n\t"github.com/treeverse/lakefs/webui"\n)\n\nvar runCmd = &cobra.Command{\n\tUse:   "run",\n\tShort: "Run lakeFS",\n${opts.topRunArgs ? '\tArgs:  cobra.ExactArgs(1),\n' : ''}\tRun: func(cmd *cobra.Command, args []string) {\n\t\t_ = webui.Content\n\t},\n}\n\nfunc init() {\n\trootCmd.AddCommand(runCmd)\n}\n`,
    'cmd/lakefs/cmd/migrate.go': 'package cmd\n\nimport "github.com/spf13/cobra"\n\nvar migrateCmd = &cobra.Command{\n\tUse:   "migrate",\n\tShort: "Manage migrations",\n}\n\nvar migrateTaskCmd = &cobra.Command{\n\tUse:   "task",\n\tShort: "Manage migration tasks",\n}\n\nvar migrateTaskRunCmd = &cobra.Command{\n\tUse:   "run [task-name]",\n\tShort: "Run a specific migration task",\n\tArgs:  cobra.ExactArgs(1),\n\tRun: func(cmd *cobra.Command, args []string) {\n\t\t_ = args[0]\n\t},\n}\n\nfunc init() {\n\trootCmd.AddCommand(migrateCmd)\n\tmigrateTaskCmd.AddCommand(migrateTaskRunCmd)\n\tmigrateCmd.AddCommand(migrateTaskCmd)\n}\n',
    'webui/content.go': 'package webui\n\nimport (\n\t"embed"\n\t"io/fs"\n)\n\n//go:embed all:dist\nvar content embed.FS\n\nvar Content fs.FS\n\nfunc init() {\n\tContent, _ = fs.Sub(content, "dist")\n}\n',
    'webui/dist/.gitkeep': '',
    'webui/package.json': '{\n  "name": "lakefs-ui",\n  "type": "module",\n  "scripts": {\n    "dev": "vite",\n    "build": "vite build",\n    "postbuild": "touch dist/.gitkeep"\n  }\n}\n',
    'webui/package-lock.json': '{\n  "lockfileVersion": 3\n}\n',
    'webui/index.html': '<div id="root"></div>\n<script type="module" src="/src/main.tsx"></script>\n',
    'webui/src/main.tsx': 'export {};\n',
    'webui/README.md': '# lakeFS UI\n',
  });
}

const LAKEFS_IGNORE = '.git/\nwebui/node_modules/\nwebui/src/\n';

describe('1. the project\'s .dockerignore against the front-end the node stage builds (lakeFS)', () => {
  it('`webui/src/` excluded: a conflict naming the front-end build and the line', async () => {
    const r = await gen(lakefs({ ignore: LAKEFS_IGNORE }));
    assert.match(r.dockerfile, /^RUN npm run build$/m);
    assert.deepEqual(r.existingIgnore?.conflicts.map((c) => `${c.line} ${c.pattern} ${c.path}`), ['3 webui/src/ webui/src/main.tsx']);
    assert.match(r.existingIgnore!.conflicts[0].needs, /^RUN npm run build \(the front-end in webui\)$/);
    assert.match(r.warnings[0], /^The existing \.dockerignore breaks this build: \.dockerignore line 3 `webui\/src\/` excludes RUN npm run build/);
  });

  it('the whole front-end folder excluded: still a conflict (webui holds the produced webui/dist, but is an input)', async () => {
    const r = await gen(lakefs({ ignore: 'webui\n' }));
    assert.ok(r.existingIgnore!.conflicts.some((c) => c.pattern === 'webui' && c.needs === 'webui'), JSON.stringify(r.existingIgnore));
  });

  it('negative: node_modules, the output folder and Markdown excluded: no conflict', async () => {
    const r = await gen(lakefs({ ignore: '.git/\nwebui/node_modules/\nwebui/dist\n*.md\n**/*.md\n' }));
    assert.deepEqual(r.existingIgnore?.conflicts, []);
  });
});
