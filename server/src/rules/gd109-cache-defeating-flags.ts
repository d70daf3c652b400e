import { goFlag, stageGoCommands } from '../dockerfile/facts';
import { envValue, ldflagsArgs, type GoToken } from '../dockerfile/goBuild';
import { removeLdflagsTokens, removeWords } from '../edits/goFlags';
import { scriptSpan } from '../dockerfile/model';
import { type Rule, type RuleFinding, stagesToCheck, withLazyFix } from './types';

/**
 * GD109: flags copied from pre-modules recipes.
 *
 * - `go build -a` / `go install -a` (warning): rebuilds every package and ignores the build
 *   cache. Since Go 1.10 the cache is keyed by CGO_ENABLED, tags and flags, so `-a` never
 *   changes the result of a correct build.
 * - `-extldflags "-static"` (`-extldflags=-static`, `-extldflags '-static'`) inside `-ldflags`
 *   when the command runs with CGO_ENABLED=0 (information): the Go linker links internally and
 *   never calls the external linker. Not reported with `-linkmode=external`, or when cgo is
 *   on or its setting is unknown.
 *
 * Fix (safe: the binary a correct build produces is the same): remove `-a`; remove
 * `-extldflags "-static"` from the -ldflags value, or the whole -ldflags argument when nothing
 * else is left in it. No fix when that text crosses a shell quote or an expansion.
 */
export const gd109: Rule = {
  code: 'GD109',
  name: 'cache-defeating-flags',
  summary: 'Pre-modules flags that defeat the build cache (`-a`, `-extldflags "-static"`)',
  severity: 'warning',
  needsWorkspace: false,
  severities: ['warning', 'information'],
  fix: 'safe',
  facts: ['goCommands'],
  docs: { severity: 'for `-a`, **information** for `-extldflags "-static"`' },
  scope: 'stage',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const stage of stagesToCheck(ctx)) {
      for (const g of stageGoCommands(stage)) {
        const script = g.instr.script!;
        if (g.sub !== 'build' && g.sub !== 'install') continue;
        const a = goFlag(g.args, 'a');
        if (a && a.value !== 'false') {
          out.push(withLazyFix({
            message: `\`go ${g.sub} -a\` rebuilds every package, the standard library included, and ignores the build cache on every build. The cache already accounts for CGO_ENABLED, tags and flags, so \`-a\` only costs time.`,
            span: scriptSpan(script, a.word.start, a.word.end),
            severity: 'warning',
          }, () => ({ title: 'Remove -a', edits: [removeWords(ctx.model, script, a.word.start, a.word.end)], safe: true })));
        }
        const ld = ldflagsArgs(g.args).at(-1);
        if (!ld || envValue(ctx.model, stage, g, 'CGO_ENABLED') !== '0') continue;
        const found = staticExtldflags(ld.tokens);
        if (!found) continue;
        out.push(withLazyFix({
          message: '`-extldflags "-static"` does nothing with CGO_ENABLED=0: the Go linker links internally and never runs the external linker. The binary is static because cgo is off.',
          span: scriptSpan(script, ld.tokens[found.from].start, ld.tokens[found.to].end),
          severity: 'information',
        }, () => {
          const edit = removeLdflagsTokens(ctx.model, script, ld, found.from, found.to);
          return edit ? { title: 'Remove -extldflags "-static"', edits: [edit], safe: true } : undefined;
        }));
      }
    }
    return out;
  },
};

/** Token indexes of `-extldflags -static` (two tokens) or `-extldflags=-static` (one). */
function staticExtldflags(tokens: readonly GoToken[]): { from: number; to: number } | null {
  if (tokens.some((t, i) => /^--?linkmode(=external)?$/.test(t.value) && (t.value.endsWith('=external') || tokens[i + 1]?.value === 'external'))) return null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.opaque) continue;
    const m = /^--?extldflags(?:=(.*))?$/s.exec(t.value);
    if (!m) continue;
    if (m[1] !== undefined) {
      if (m[1].trim() === '-static') return { from: i, to: i };
    } else if (tokens[i + 1] && !tokens[i + 1].opaque && tokens[i + 1].value.trim() === '-static') {
      return { from: i, to: i + 1 };
    }
  }
  return null;
}
