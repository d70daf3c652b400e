/**
 * GD127: a go command's first argument that is not a flag is a quoted expansion of an ARG that is
 * empty in a plain `docker build`, and flags follow it: lindb/lindb 612070e, Dockerfile:35 and
 * Dockerfile-gh:27, `ARG LD_FLAGS` (no default) and `go build "${LD_FLAGS}" -o lind ./cmd/lind`.
 * Without `--build-arg LD_FLAGS=…` the shell passes an empty string; the go command's flag
 * parsing (Go's flag package) stops at the first argument that is not a flag, so `""`, `-o`,
 * `lind` and `./cmd/lind` are all read as packages and the build fails.
 *
 * Only a word that is the double-quoted expansion and nothing else (`"${X}"`, `"$X"`), where no
 * flag before it takes it as its value (`-ldflags "${X}"` is a value), with a word starting with
 * `-` after it, for a subcommand whose later words are the go command's own (not `go run`, whose
 * words after the package are the program's). The variable is empty when the ARG declaring it
 * last has no default (nor a global one) or an empty one, or an ENV sets it empty, and nothing in
 * the RUN sets it (goBuild.ts emptyInPlainBuild). Not reported: unquoted `${X}` (an empty
 * expansion is no argument), `-ldflags="${X}"`, an ARG with a default.
 *
 * Fix (safe): `${X:+"${X}"}`, the same argument when the variable has a value and none when it is
 * empty.
 */
import { goPackages, stageGoCommands } from '../dockerfile/facts';
import { emptyInPlainBuild } from '../dockerfile/goBuild';
import { scriptSpan } from '../dockerfile/model';
import { replace } from '../edits/edits';
import { loneVariable } from '../dockerfile/variables';
import { stagesToCheck, withLazyFix, type Rule, type RuleFinding } from './types';

/** Subcommands whose words after the packages are still read as the go command's flags. */
const FLAG_SUBCOMMANDS: ReadonlySet<string> = new Set(['build', 'install', 'test', 'vet', 'get', 'list', 'generate']);

/** `"${NAME}"` or `"$NAME"`, the whole word: the variable's name. */
function quotedExpansion(raw: string): string | null {
  return raw.length > 2 && raw[0] === '"' && raw[raw.length - 1] === '"' ? loneVariable(raw.slice(1, -1)) : null;
}

export const gd127: Rule = {
  code: 'GD127',
  name: 'empty-argument-before-go-flags',
  summary: 'A quoted build argument that is empty in a plain build comes before go flags: go stops reading flags there and the build fails',
  severity: 'error',
  needsWorkspace: false,
  fix: 'safe',
  facts: ['goCommands'],
  scope: 'stage',
  // The message names the ARG's line.
  namesLines: true,
  check(ctx) {
    const out: RuleFinding[] = [];
    const model = ctx.model;
    for (const stage of stagesToCheck(ctx)) {
      for (const g of stageGoCommands(stage)) {
        if (!FLAG_SUBCOMMANDS.has(g.sub) || !g.instr.script) continue;
        const word = goPackages(g.args)[0];
        const name = word ? quotedExpansion(word.raw) : null;
        if (name === null) continue;
        const at = g.args.indexOf(word);
        const flag = g.args.slice(at + 1).find((w) => w.value.startsWith('-') && w.value !== '--');
        if (!flag) continue;
        const decl = emptyInPlainBuild(model, stage, g, name);
        if (!decl) continue;
        const script = g.instr.script;
        const span = scriptSpan(script, word.start, word.end);
        const declared = decl.keyword === 'ARG' ? `\`ARG ${name}\` (line ${decl.instr.line + 1}) has no default value` : `\`ENV\` on line ${decl.instr.line + 1} sets ${name} empty`;
        out.push(withLazyFix({
          message: `\`go ${g.sub} ${word.raw} ${flag.raw} …\`: ${declared}, so a \`docker build\` without \`--build-arg ${name}=…\` passes an empty argument here. The go command stops reading flags at the first argument that is not one: \`${flag.raw}\` and the words after it become package arguments and the build fails. Give the ARG a default, write \`\${${name}:+"\${${name}}"}\` (no argument when it is empty), or keep only the flag's value in it (\`-ldflags="\${${name}}"\`).`,
          span,
        }, () => {
          // Only where the document holds the word as the script does (no line continuation inside it).
          if (model.text.slice(span.start, span.end) !== word.raw) return undefined;
          return { title: `Pass no argument when ${name} is empty: \${${name}:+"\${${name}}"}`, edits: [replace(span.start, span.end, `\${${name}:+"\${${name}}"}`)], safe: true };
        }));
      }
    }
    return out;
  },
};
