/**
 * GD310: a RUN installs a frontend's node dependencies (`npm ci`/`npm install`, `yarn`/`yarn
 * install`, `pnpm install`, `bun install`, also with the manager's options around the subcommand:
 * `yarn --cwd web install`, `npm --prefix web ci`) after a COPY/ADD of sources from the build context in
 * the same stage: a folder (`COPY ./web .`, `COPY ui/ ./`) or the whole context. Every edit to
 * those sources then installs every dependency again: the node counterpart of GD104 (go.mod and
 * `go mod download` before the sources). Go projects that embed a web UI build it in such a stage.
 *
 * Copies of the package manager's files alone (package.json, the lockfiles, .npmrc, .yarnrc.yml,
 * .yarn/, patches/, and yalc's local package store .yalc/ with its yalc.lock, which package.json's
 * `file:.yalc/…` entries install from: odigos-io/odigos 3be8f0a frontend/Dockerfile:4) and of
 * files with an extension (`package*.json`, `*.ts`) are not source copies; `COPY --from` neither. Nor are folders copied before the install when the sources
 * are copied after it (navidrome copies `ui/bin/`, the scripts its install runs, then `ui/`).
 * Installs of named or global packages (`npm install -g pnpm`) are tools, not the project's
 * dependencies. Nor is `pnpm install --offline` (or `--prefer-offline`) after a `pnpm fetch` that
 * ran before the sources were copied: the download happened on the lockfile alone, the install
 * only links from the store and runs the scripts that may need the sources (pnpm's documented
 * pattern; SigNoz/signoz). No fix: which lockfile the project has decides the COPY.
 */
import { copyPaths } from '../dockerfile/facts';
import type { Instruction, Stage } from '../dockerfile/model';
import type { ShellCommand } from '../dockerfile/shell';
import { stagesToCheck, type Rule, type RuleFinding } from './types';

/** What the package managers read before they install: copied on their own, they are not sources. */
const PACKAGE_FILES = /(^|\/)(package\.json|package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|pnpm-workspace\.yaml|bun\.lockb?|\.npmrc|\.yarnrc(\.yml)?|\.pnpmfile\.cjs|\.nvmrc|\.node-version|\.yarn|patches|\.yalc\*?|yalc\.lock)\/?$/;

const NODE_TOOL = /\b(npm|yarn|pnpm|bun)\b/;

export const gd310: Rule = {
  code: 'GD310',
  name: 'node-install-after-sources',
  summary: 'Node dependencies are installed after the frontend sources are copied',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'none',
  facts: [],
  // Each stage on its own; the message names the COPY's line.
  scope: 'stage',
  namesLines: true,
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const stage of stagesToCheck(ctx)) {
      // Most stages run no node package manager: look for one before reading the copies.
      if (!stage.instructions.some((i) => i.keyword === 'RUN' && i.script !== null && NODE_TOOL.test(i.script.text))) continue;
      const copy = stage.instructions.find(copiesSources);
      if (!copy) continue;
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'RUN' || instr.line < copy.line || !instr.script) continue;
        let words: string | null = null;
        for (const c of instr.script.parsed.commands) if ((words = installWords(c)) !== null) break;
        if (words === null || offlineAfterFetch(stage, copy, instr)) continue;
        // The sources are copied after the install too: the folders copied before it are what the
        // install needs (navidrome's `COPY ui/bin/ ./bin/` for its scripts), chosen on purpose.
        if (stage.instructions.some((i) => i.line > instr.line && copiesSources(i))) break;
        const manifests = stage.instructions.find((i) => i.line < copy.line && copiesPackageFiles(i));
        const advice = manifests
          ? `Run it right after the package files are copied (line ${manifests.line + 1}), before the sources (in a workspace, copy each member's package.json with them).`
          : 'Copy package.json and the lockfile first (in a workspace, each member\'s package.json too), install, then copy the sources.';
        out.push({
          message: `\`${words}\` installs the node dependencies after the sources are copied (line ${copy.line + 1}): every edit to them installs every dependency again. ${advice}`,
          span: instr.span,
        });
        break;
      }
    }
    return out;
  },
};

/** A COPY/ADD from the build context of a folder or the whole context, not only package-manager files. */
function copiesSources(i: Instruction): boolean {
  if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.flags.some((f) => f.name === 'from')) return false;
  const sources = copyPaths(i)?.sources ?? [];
  return sources.some((s) => {
    if (PACKAGE_FILES.test(s) || /^[a-z]+:\/\//i.test(s)) return false;
    const base = s.replace(/\/+$/, '').split('/').pop() ?? '';
    // Files with an extension, one or a glob of them (`package*.json`, `*.ts`): not sources.
    if (!s.endsWith('/') && /\.[A-Za-z0-9]+$/.test(base)) return false;
    // A folder (no extension, or written with a trailing slash), the whole context, or a glob of folders.
    return true;
  });
}

/** A COPY/ADD from the build context of package-manager files (package.json, a lockfile). */
function copiesPackageFiles(i: Instruction): boolean {
  if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.flags.some((f) => f.name === 'from')) return false;
  return (copyPaths(i)?.sources ?? []).some((s) => PACKAGE_FILES.test(s) || /(^|\/)package[^/]*\.json$/.test(s));
}

/**
 * Options of each package manager that take a value as the next word (`yarn --cwd web install`,
 * `npm --prefix web ci`, `pnpm -C web install`): their values are no subcommand and no package
 * name. (`--opt=value` is one word.)
 */
const VALUE_OPTIONS: Record<string, ReadonlySet<string>> = {
  npm: new Set(['--prefix', '-C', '--cache', '--registry', '--loglevel', '-w', '--workspace', '--userconfig']),
  yarn: new Set(['--cwd', '--modules-folder', '--cache-folder', '--global-folder', '--network-timeout', '--mutex', '--registry']),
  pnpm: new Set(['-C', '--dir', '--filter', '-F', '--store-dir', '--registry', '--reporter']),
  bun: new Set(['--cwd', '--registry', '--cache-dir']),
};

/**
 * `npm ci`, `npm install` (no package named, not global), `yarn` / `yarn install`, `pnpm
 * install`/`i`, `bun install`, with the manager's options anywhere (gotosocial's `yarn --cwd
 * ./web/source install`). Gives the command up to its subcommand (`yarn --cwd ./web/source
 * install`), else null.
 */
function installWords(c: ShellCommand): string | null {
  const m = managerCommand(c);
  if (m === null) return null;
  const { tool, sub, named, global } = m;
  const installs = tool === 'npm'
    ? sub === 'ci' || sub === 'clean-install' || ((sub === 'install' || sub === 'i') && !named && !global)
    // Bare `yarn` installs.
    : tool === 'yarn'
      ? sub === undefined || (sub === 'install' && !named)
      : (sub === 'install' || sub === 'i') && !named && !global;
  if (!installs) return null;
  return m.argv.slice(m.at, m.subAt < 0 ? m.at + 1 : m.subAt + 1).join(' ');
}

/** A node package manager's command: the tool, its subcommand (the first word that is no option or option value), whether packages are named, `-g`, and the options given. */
function managerCommand(c: ShellCommand): { tool: string; sub: string | undefined; named: boolean; global: boolean; options: string[]; argv: string[]; at: number; subAt: number } | null {
  const argv = c.argv.map((w) => w.value);
  const at = argv[0] === 'sudo' ? 1 : 0;
  const tool = argv[at]?.split('/').pop() ?? '';
  // Own keys only: `RUN constructor` names no package manager (the prototype's would be a function).
  const takesValue = Object.hasOwn(VALUE_OPTIONS, tool) ? VALUE_OPTIONS[tool] : undefined;
  if (!takesValue) return null;
  // The words that are neither options nor their values: the subcommand, then package names.
  const words: string[] = [];
  const options: string[] = [];
  let subAt = -1;
  let global = false;
  for (let k = at + 1; k < argv.length; k++) {
    const a = argv[k];
    if (a === '-g' || a === '--global') global = true;
    if (!a.startsWith('-')) {
      if (words.length === 0) subAt = k;
      words.push(a);
    } else {
      options.push(a);
      if (takesValue.has(a)) k++;
    }
  }
  return { tool, sub: words[0], named: words.length > 1, global, options, argv, at, subAt };
}

/**
 * pnpm's documented image pattern (https://pnpm.io/cli/fetch): `pnpm fetch` downloads every
 * package of the lockfile into the store before the sources are copied, and `pnpm install
 * --offline` after them only links from that store (and runs the lifecycle scripts, which may
 * need the sources). SigNoz/signoz 9997c3d cmd/enterprise/Dockerfile.with-web.integration:17-20:
 * its postinstall reads source files, so the install cannot move above the source COPY.
 */
function offlineAfterFetch(stage: Stage, copy: Instruction, install: Instruction): boolean {
  const offline = install.script?.parsed.commands.some((c) => {
    const m = managerCommand(c);
    return m?.tool === 'pnpm' && (m.sub === 'install' || m.sub === 'i') && m.options.some((o) => o === '--offline' || o === '--prefer-offline');
  });
  if (!offline) return false;
  return stage.instructions.some((i) => i.keyword === 'RUN' && i.line < copy.line && i.script !== null
    && i.script.parsed.commands.some((c) => {
      const m = managerCommand(c);
      return m?.tool === 'pnpm' && m.sub === 'fetch';
    }));
}
