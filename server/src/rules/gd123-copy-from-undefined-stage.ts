/**
 * GD123: a `COPY --from=<name>` (or `RUN --mount=…,from=<name>`) names no stage of the file,
 * where that is certainly a mistake. BuildKit (and the classic builder) then read `<name>` as an
 * image, pull `docker.io/library/<name>`, and the build stops: rudder-server's warehouse benchmark
 * Dockerfile builds its binary in an unnamed `FROM golang:…` stage and copies it with
 * `COPY --from=builder /app/warehouse-transformer-benchmark .`.
 *
 * A name no stage has may still be right: an image (`--from=busybox`), or a named context the
 * build is given (`docker buildx build --build-context src=…`, bake's `contexts`: nack's `src`,
 * lxkns's `bctx1`). The file cannot say, so only the two cases where it can:
 * - an earlier stage without a name, which nothing else uses (no FROM, `--from` or mount names
 *   it, it is not the final stage), makes what is copied (facts/builtPackages.ts
 *   stageWritesPath: its go build's `-o`, a COPY or a RUN that writes the path): the author
 *   meant that stage and forgot its `AS <name>`;
 * - the name is one edit (a letter added, dropped, changed, or two swapped; not a digit) away
 *   from a stage name of the file, both at least four characters long: a typo (`--from=buidler`);
 * - the name is a word for a build stage (BUILD_WORD: `build`, `builder`, `build-env`…), and one
 *   earlier named stage, which nothing else uses and which is not the final stage, makes what is
 *   copied: the author renamed the stage, or copied the COPY from another file
 *   (mittwald/kubernetes-replicator f535dd9 Dockerfile.buildx:1,15: `FROM … AS deps` builds in
 *   /src, `COPY --from=build /src/ /kubernetes-replicator`; judge 38 Y M2).
 * Never reported: a name with `/`, `:`, `@` or a variable (an image reference, or what an ARG
 * makes), a stage index, an official image's name (images/officialImages.ts) or one the image
 * table knows. Stage names are matched case-insensitively, as BuildKit does: `--from=Builder`
 * finds `AS builder`.
 *
 * Fix (safe) when exactly one unnamed stage makes the copied path: add ` AS <name>` to its FROM.
 * For a named stage that makes it, the quick fix copies from that stage (not in fix-all: a named
 * context of that name, if the build had one, would no longer be read).
 * A stage's name changes nothing else it does; a named context of that name, if the build had
 * one, would still replace the stage, as it replaced the image before. For a typo the quick fix
 * replaces the name with the stage's (not in fix-all: which stage was meant is the author's word).
 */
import * as path from 'node:path';
import { copyPaths, namesNoStage, pathEnv, stageRef, usedStages } from '../dockerfile/facts';
import type { Flag, Instruction, Stage } from '../dockerfile/model';
import { mounts } from '../dockerfile/mounts';
import { expandVariables } from '../dockerfile/variables';
import { insert, replace } from '../edits/edits';
import { stageWritesPath } from '../facts/builtPackages';
import type { Rule, RuleContext, RuleFinding } from './types';

/** A name BuildKit accepts after `AS` (it lower-cases it). */
const STAGE_NAME = /^[a-z][a-z0-9_.-]*$/;

export const gd123: Rule = {
  code: 'GD123',
  name: 'copy-from-undefined-stage',
  summary: 'A `COPY --from` (or a mount\'s `from=`) names no stage, where an unnamed stage or a near-identical name shows the one meant',
  severity: 'error',
  needsWorkspace: false,
  peers: ['DL3022'],
  fix: 'safe',
  facts: ['goBuilds', 'copySources', 'images'],
  docs: { fix: '(naming the one unnamed stage that makes the copied path; replacing a misspelt name is offered, not applied)' },
  check(ctx) {
    const model = ctx.model;
    if (!model.instructions.some((i) => i.flags.length > 0)) return [];
    const names = model.stages.map((s) => s.name).filter((n): n is string => n !== null);
    // A stage named by a variable could be any name.
    if (names.some((n) => n.includes('$'))) return [];
    let unused: Stage[] | null = null;
    const out: RuleFinding[] = [];
    for (const stage of model.stages) {
      for (const i of stage.instructions) {
        if (i.flags.length === 0) continue;
        for (const f of i.flags) {
          if (f.name === 'from' && (i.keyword === 'COPY' || i.keyword === 'ADD') && f.value) {
            const name = f.value;
            if (!undefinedName(ctx, name)) continue;
            unused ??= unusedUnnamed(ctx);
            const found = report(ctx, stage, i, f, name, `\`--from=${name}\``, copySources(ctx, stage, i), unused, names);
            if (found) out.push(found);
          } else if (f.name === 'mount' && i.keyword === 'RUN') {
            for (const m of mounts({ ...i, flags: [f] })) {
              if (!m.from || !undefinedName(ctx, m.from)) continue;
              unused ??= unusedUnnamed(ctx);
              const src = m.source === null ? [] : [path.posix.resolve('/', m.source)];
              const found = report(ctx, stage, i, f, m.from, `the mount's \`from=${m.from}\``, src, unused, names);
              if (found) out.push(found);
            }
          }
        }
      }
    }
    return out;
  },
};

/**
 * Names authors give the stage that builds (`AS build`, `AS builder`, `AS build-env`,
 * `AS go-builder`…): a `--from` of one of them that names no stage means a build stage of the file.
 */
const BUILD_WORD = /^(?:go-?|golang-?)?(?:build|builder|build[-_]?env|build[-_]?stage|compile|compiler)$/;

/** A `--from` value that names no stage and could not be an image or a value a variable makes (dockerfile/facts.ts namesNoStage). */
function undefinedName(ctx: RuleContext, name: string): boolean {
  return namesNoStage(ctx.model, name);
}

/** Earlier stages with no name that nothing uses and that are not the final stage: built for nothing, unless meant. */
function unusedUnnamed(ctx: RuleContext): Stage[] {
  return unusedStages(ctx).filter((s) => s.name === null);
}

/** Stages that nothing of the file uses (no FROM, `--from` or mount names them) and that are not the final stage. */
function unusedStages(ctx: RuleContext): Stage[] {
  const model = ctx.model;
  const used = usedStages(model);
  return model.stages.filter((s) => s.index !== ctx.finalStage && !used.has(s.index));
}

/** The COPY's sources as absolute paths of the stage copied from (null when a variable has no value). */
function copySources(ctx: RuleContext, stage: Stage, i: Instruction): string[] {
  const paths = copyPaths(i);
  if (!paths) return [];
  const env = pathEnv(ctx.model, stage, i);
  const out: string[] = [];
  for (const w of paths.sources) {
    const v = expandVariables(w, env);
    if (v !== null && !v.startsWith('--')) out.push(path.posix.resolve('/', v));
  }
  return out;
}

function report(ctx: RuleContext, stage: Stage, i: Instruction, f: Flag, name: string, what: string, sources: string[], unused: Stage[], names: string[]): RuleFinding | null {
  const model = ctx.model;
  const lower = name.toLowerCase();
  const makers = unused.filter((s) => s.index < stage.index && sources.some((src) => stageWritesPath(ctx, s, src)));
  const image = `BuildKit reads \`${name}\` as an image, tries to pull docker.io/library/${lower}, and the build stops`;
  if (makers.length > 0) {
    const made = sources.filter((src) => makers.some((s) => stageWritesPath(ctx, s, src)));
    const shown = made.map((p) => `\`${p}\``).join(', ');
    const where = makers.map((s) => `line ${s.from.line + 1} (\`FROM ${s.base.replace(/@sha256:[0-9a-f]{64}$/, '@sha256:…')}\`)`).join(', ');
    const one = makers.length === 1 ? makers[0] : null;
    return {
      message: `${what} names no stage of this Dockerfile: no stage is called \`${lower}\`, so ${image}. ${one ? `The stage at ${where} makes ${shown} but has no name: name it \`AS ${lower}\`.` : `The unnamed stages at ${where} make ${shown}: name the one meant \`AS ${lower}\`.`}`,
      span: f.span,
      fix: one && STAGE_NAME.test(lower) ? { title: `Name the stage on line ${one.from.line + 1} \`${lower}\` (\`FROM … AS ${lower}\`), so the ${i.keyword} reads from it`, edits: [insert(one.from.span.end, ` AS ${lower}`)], safe: true } : undefined,
    };
  }
  const near = names.filter((n) => oneEditAway(lower, n));
  if (near.length !== 1) return namedMaker(ctx, stage, i, f, name, what, sources, image);
  const target = model.stages.find((s) => s.name === near[0])!;
  const valueAt = f.span.start + model.text.slice(f.span.start, f.span.end).lastIndexOf(name);
  const canReplace = f.name === 'from' ? model.text.slice(f.span.start, f.span.end).endsWith(`=${name}`) : model.text.slice(valueAt, valueAt + name.length) === name;
  return {
    message: `${what} names no stage of this Dockerfile, so ${image}. The stage \`${near[0]}\` (line ${target.from.line + 1}) differs from it by one letter: copy from \`${near[0]}\`.`,
    span: f.span,
    fix: canReplace ? { title: `Copy from stage \`${near[0]}\``, edits: [replace(valueAt, valueAt + name.length, near[0])], safe: false } : undefined,
  };
}

/**
 * The `--from` value is a word for a build stage (BUILD_WORD), and exactly one earlier named
 * stage that nothing uses and that is not the final stage makes what is copied: the one meant
 * (kubernetes-replicator's `AS deps` and `COPY --from=build /src/ …`). Null otherwise.
 */
function namedMaker(ctx: RuleContext, stage: Stage, i: Instruction, f: Flag, name: string, what: string, sources: string[], image: string): RuleFinding | null {
  const lower = name.toLowerCase();
  if (!BUILD_WORD.test(lower) || sources.length === 0) return null;
  // (A stage built FROM another that made the path only inherits it: `FROM deps AS lint`.)
  const parentOf = (s: Stage) => {
    const k = stageRef(ctx.model, s.base);
    return k === null || k === s.index ? null : ctx.model.stages[k];
  };
  const makes = (s: Stage, src: string) => {
    const parent = parentOf(s);
    return stageWritesPath(ctx, s, src) && !(parent && stageWritesPath(ctx, parent, src));
  };
  const makers = unusedStages(ctx).filter((s) => s.name !== null && s.index < stage.index && sources.some((src) => makes(s, src)));
  if (makers.length !== 1) return null;
  const target = makers[0];
  const made = sources.filter((src) => makes(target, src)).map((p) => `\`${p}\``).join(', ');
  const model = ctx.model;
  const valueAt = f.span.start + model.text.slice(f.span.start, f.span.end).lastIndexOf(name);
  const canReplace = f.name === 'from' ? model.text.slice(f.span.start, f.span.end).endsWith(`=${name}`) : model.text.slice(valueAt, valueAt + name.length) === name;
  return {
    message: `${what} names no stage of this Dockerfile: no stage is called \`${lower}\`, so ${image}. The stage \`${target.name}\` (line ${target.from.line + 1}) makes ${made}, and nothing else uses it: copy from \`${target.name}\`.`,
    span: f.span,
    fix: canReplace ? { title: `Copy from stage \`${target.name}\``, edits: [replace(valueAt, valueAt + name.length, target.name!)], safe: false } : undefined,
  };
}

/**
 * One insertion, deletion, substitution or swap of neighbours apart (Damerau), both names at
 * least four characters, and the letter that differs is no digit (`build-1` against `build-2`
 * may be two real things).
 */
function oneEditAway(a: string, b: string): boolean {
  if (a === b || Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1) return false;
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let sa = a.length - 1;
  let sb = b.length - 1;
  while (sa >= p && sb >= p && a[sa] === b[sb]) {
    sa--;
    sb--;
  }
  const da = a.slice(p, sa + 1);
  const db = b.slice(p, sb + 1);
  const digit = /\d/;
  if (da.length + db.length === 1) return !digit.test(da + db); // one added or dropped
  if (da.length === 1 && db.length === 1) return !digit.test(da + db); // one changed
  // Two neighbours swapped.
  return da.length === 2 && db.length === 2 && da[0] === db[1] && da[1] === db[0] && !digit.test(da);
}
