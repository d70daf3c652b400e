import { dockerEnv, goPackages, stageGoCommands } from '../dockerfile/facts';
import { envValue, isLocalPackage, lexShellWord, sourcesPresent } from '../dockerfile/goBuild';
import { scriptSpan, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import type { ShellWord } from '../dockerfile/shell';
import { expandVariables } from '../dockerfile/variables';
import type { Rule, RuleFinding } from './types';

/** A version that names one module version: semver (pseudo-versions included) or a commit hash. */
const PINNED = /^(v\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]*)?|[0-9a-f]{7,40})$/;

/**
 * GD112: `go install`/`go run` of a remote package with `@latest` or another query that moves
 * (`@master`, `@main`, `@v1`, `@upgrade`…), or without `@version`.
 *
 * - A version from a variable is resolved through ARG/ENV defaults (`@${DLV_VERSION}` with
 *   `ARG DLV_VERSION=latest` is reported); an unknown one is not.
 * - Without `@version`, only remote import paths (`github.com/…`) outside a module are reported:
 *   when sources were copied into the stage before (or the RUN bind-mounts them), go.mod pins
 *   the version (the tools.go pattern), and local packages (`.`, `./cmd/x`, `main.go`) are the
 *   module itself. For `go run`, only the first argument is the package; the rest are the
 *   program's arguments.
 * No fix: the rule cannot know which version you tested with.
 */
export const gd112: Rule = {
  code: 'GD112',
  name: 'unpinned-go-install',
  summary: '`go install`/`go run` of a remote package at a moving version (`@latest`)',
  severity: 'warning',
  needsWorkspace: false,
  peers: ['DL3062'],
  fix: 'none',
  facts: ['goCommands'],
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const stage of ctx.model.stages) {
      for (const g of stageGoCommands(stage)) {
        const script = g.instr.script!;
        if (g.sub !== 'install' && g.sub !== 'run') continue;
        if (envValue(ctx.model, stage, g, 'GO111MODULE') === 'off') continue;
        const all = goPackages(g.args);
        const pkgs = g.sub === 'run' ? all.slice(0, 1) : all;
        for (const p of pkgs) {
          const problem = unpinned(ctx.model, stage, g.instr, p);
          if (!problem) continue;
          out.push({ message: `\`go ${g.sub} ${problem.pkg}\` ${problem.text}`, span: scriptSpan(script, p.start, p.end) });
        }
      }
    }
    return out;
  },
};

function unpinned(model: DockerfileModel, stage: Stage, instr: Instruction, p: ShellWord): { pkg: string; text: string } | null {
  const chars = lexShellWord(p.raw, p.start);
  if (chars[0]?.dynamic) return null; // `$PACKAGE`: unknown
  const value = p.dynamic ? chars.map((c) => c.ch).join('') : p.value;
  const at = value.indexOf('@');
  const path = at < 0 ? value : value.slice(0, at);
  if (isLocalPackage(path) || path.includes('\0')) return null;
  if (at < 0) {
    if (sourcesPresent(model, stage, instr)) return null;
    return {
      pkg: path,
      text: 'has no `@version`: outside a module it fails ("requires a version when current directory is not in a module"), and it does not say which version the image gets. Pin one: `@vX.Y.Z`.',
    };
  }
  let version: string | null = value.slice(at + 1);
  if (version.includes('\0')) {
    // `@${TOOL_VERSION}`: resolve through ARG/ENV defaults; unknown means a build arg decides.
    const raw = p.raw.slice(p.raw.indexOf('@') + 1).replace(/["']/g, '');
    version = expandVariables(raw, dockerEnv(model, stage, instr));
    if (version === null || version === '') return null;
  }
  if (PINNED.test(version)) return null;
  return {
    pkg: `${path}@${version}`,
    text: version === 'latest'
      ? 'resolves the newest release when the step runs: the version is frozen in whichever build cache ran it first and changes whenever the cache is cold. Pin a version: `@vX.Y.Z`.'
      : `uses the moving version query \`@${version}\`: the result changes with the upstream repository. Pin a version: \`@vX.Y.Z\`.`,
  };
}
