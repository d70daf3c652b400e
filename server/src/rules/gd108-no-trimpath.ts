import { goFlag, goPackages, stageGoCommands } from '../dockerfile/facts';
import { goflags, goflagsValue, hasOpaqueArgs, isLocalPackage, writesNoBinary } from '../dockerfile/goBuild';
import { scriptSpan, toDoc } from '../dockerfile/model';
import { insert } from '../edits/edits';
import type { Rule, RuleFinding } from './types';

/**
 * GD108: `go build`, or `go install` of the module's own packages, without `-trimpath` (on the
 * command line or in GOFLAGS). Not reported: `go install pkg@version` and other remote
 * packages (a third-party tool, whose paths are the module cache's), `go run`/`go test` (no
 * binary ships), builds that write no binary (`go build ./...` without -o, `-o /dev/null`), an
 * explicit `-trimpath=false`, and commands whose flags are partly unknown: a GOFLAGS build arg
 * without a default, or a word that starts with an expansion (`go build ${GOBUILDFLAGS} .`).
 *
 * Fix (safe: only the file paths recorded in the binary change, not what it does): insert
 * `-trimpath` right after `go build`/`go install`.
 */
export const gd108: Rule = {
  code: 'GD108',
  name: 'no-trimpath',
  summary: 'A go build without `-trimpath`',
  severity: 'information',
  needsWorkspace: false,
  fix: 'safe',
  facts: ['goCommands'],
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const stage of ctx.model.stages) {
      for (const g of stageGoCommands(stage)) {
        if (g.sub !== 'build' && g.sub !== 'install') continue;
        const pkgs = goPackages(g.args);
        if (g.sub === 'install' && !pkgs.every((p) => !p.value.includes('@') && (p.dynamic || isLocalPackage(p.value)))) continue;
        if (writesNoBinary(g, pkgs, goFlag(g.args, 'o')?.value)) continue;
        if (goFlag(g.args, 'trimpath') || hasOpaqueArgs(pkgs)) continue;
        const flags = goflags(ctx.model, stage, g);
        if (flags === null || (flags && goflagsValue(flags, 'trimpath') !== undefined)) continue;
        const script = g.instr.script!;
        const sub = g.cmd.argv[1];
        out.push({
          message: `\`go ${g.sub}\` without \`-trimpath\`: the binary records the builder's absolute paths (WORKDIR, module cache, GOROOT), and the same commit built in another directory gives different bytes.`,
          span: scriptSpan(script, g.cmd.start, g.cmd.end),
          fix: { title: `Add -trimpath to go ${g.sub}`, edits: [insert(toDoc(script, sub.end - 1) + 1, ' -trimpath')], safe: true },
        });
      }
    }
    return out;
  },
};
