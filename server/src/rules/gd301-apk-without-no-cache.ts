/**
 * GD301: apk leaves its package index (~2-3 MB) in a layer:
 *  - `apk add` without `--no-cache` (any stage; a hint in a builder stage, whose layers stay in
 *    the build cache, not the image);
 *  - in the final image (the final stage and the stages it is built FROM): `apk update` (not
 *    `apk update --no-cache`, which keeps nothing), whose
 *    index stays even when the following `apk add` says `--no-cache` (that flag only keeps the
 *    add's own fetch out of the cache), and `apk upgrade -U`/`--update-cache` (also `apk -U
 *    upgrade`) without `--no-cache`.
 * Not reported: a RUN that mounts a cache on /var/cache/apk or removes /var/cache/apk in the
 * same RUN.
 *
 * Fixes (safe: `--no-cache` fetches a fresh index for the command and does not keep it):
 * insert `--no-cache` after `add` (and remove the RUN's `apk update`, whose index stays
 * whatever the add says); replace `-U`/`--update-cache` with `--no-cache`; remove
 * `apk update` (with the `&&` or `;` joining it, edits/shellChain.ts) when every other apk command
 * of the RUN already says `--no-cache`.
 */
import { flatMapOf } from '../arrays';
import { insert, replace } from '../edits/edits';
import { removeCommandEdit } from '../edits/shellChain';
import { shippedStages } from '../facts/passedBuildArgs';
import { scriptSpan, toDoc, type DockerfileModel, type Instruction } from '../dockerfile/model';
import { mounts } from '../dockerfile/mounts';
import type { ShellCommand } from '../dockerfile/shell';
import { stagesToCheck, type Fix, type Rule, type RuleFinding, withLazyFix } from './types';

const INDEX = '(~2-3 MB)';

export const gd301: Rule = {
  code: 'GD301',
  name: 'apk-without-no-cache',
  summary: '`apk add` without `--no-cache`',
  severity: 'information',
  severities: ['information', 'hint'],
  needsWorkspace: false,
  peers: ['DL3019'],
  fix: 'safe',
  facts: ['workspace', 'contextFiles'],
  docs: { severity: 'in the stages the image is built from, **hint** in a builder stage (its layers stay in the build cache, not the image)' },
  // A RUN's findings depend on it and on whether its stage is in the final image's chain.
  scope: 'stage',
  check(ctx) {
    const out: RuleFinding[] = [];
    // The stages an image is built from (the final stage's chain, a stage published with
    // --target, one a build file's --build-arg makes a base: shippedStages), asked when a RUN with apk needs them.
    let shipped: ReadonlySet<number> | undefined;
    for (const instr of flatMapOf(stagesToCheck(ctx), (s) => s.instructions)) {
      if (instr.keyword !== 'RUN' || !instr.script) continue;
      const script = instr.script;
      const cmds = script.parsed.commands;
      // Without apk there is nothing to report: the mount and cleanup checks only spare apk RUNs.
      if (!cmds.some(isApk)) continue;
      if (mounts(instr).some((m) => m.target?.includes('/var/cache/apk'))) continue;
      const cleans = cmds.some((c) => c.argv[0]?.value === 'rm' && c.argv.some((w) => w.value.startsWith('/var/cache/apk')));
      if (cleans) continue;
      const apks = cmds.filter(isApk);
      for (const c of apks) {
        const action = c.argv.find((w, i) => i > 0 && !w.value.startsWith('-'));
        const noCache = hasNoCache(c);
        shipped ??= shippedStages(ctx.model, ctx.finalStage, ctx.workspace, ctx.files).stages;
        const ships = shipped.has(instr.stage);
        if (action?.value === 'add' && !noCache) {
          // An `apk update` of the RUN keeps its index whatever the add says (kargo: `apk update
          // && apk add …`): the finding names it, and the fix removes it with --no-cache added.
          const updates = apks.filter((o) => o !== c && actionOf(o) === 'update' && !hasNoCache(o));
          const apk = c.argv[0].value;
          const what = updates.length > 0 ? `\`apk update\` and \`${apk} add\` without \`--no-cache\` leave` : `\`${apk} add\` without \`--no-cache\` leaves`;
          const fix = (): Fix | undefined => {
            const addFlag = insert(toDoc(script, action.end - 1) + 1, ' --no-cache');
            if (updates.length === 0) return { title: 'Add --no-cache to apk add', edits: [addFlag], safe: true };
            // One fix removes the update: only where this add is the RUN's one add without --no-cache.
            const alone = updates.length === 1 && apks.every((o) => o === c || o === updates[0] || hasNoCache(o));
            const drop = alone ? removeCommandEdit(ctx.model, instr, updates[0]) : undefined;
            return drop ? { title: 'Add --no-cache to apk add and remove apk update', edits: [drop, addFlag], safe: true } : undefined;
          };
          // A builder stage's layers stay in the build cache only (local, or an exported cache):
          // a hint there, as GD303's apt lists, and the message says so.
          out.push(withLazyFix({
            message: ships
              ? `${what} the package index ${INDEX} in this layer.`
              : `${what} the package index ${INDEX} in this build stage's layer: not in the image, which is not built from this stage, but in the build cache (and any exported cache).`,
            severity: ships ? undefined : 'hint',
            span: scriptSpan(script, c.start, c.end),
          }, fix));
          continue;
        }
        if (!ships) continue;
        if (action?.value === 'update') {
          // `apk update --no-cache` opens no cache folder: the index it fetches is not kept.
          if (noCache) continue;
          const others = apks.filter((o) => o !== c);
          // An `apk add` without --no-cache has its own finding (its fix comes first).
          if (others.some((o) => o.argv.some((w) => w.value === 'add') && !hasNoCache(o))) continue;
          out.push(withLazyFix({
            message: `\`apk update\` leaves the package index ${INDEX} in this layer of the final image, even when the next \`apk add\` says \`--no-cache\` (that flag fetches a fresh index without keeping it, so the update is not needed).`,
            span: scriptSpan(script, c.start, c.end),
          }, () => others.length > 0 && others.every(hasNoCache) ? dropUpdate(ctx.model, instr, c) : undefined));
        } else if (!noCache && (action?.value === 'upgrade' || action?.value === 'add')) {
          const u = c.argv.find((w, i) => i > 0 && (w.value === '-U' || w.value === '--update-cache' || w.value === '--update'));
          if (!u) continue;
          out.push({
            message: `\`apk ${u.value} ${action.value}\` without \`--no-cache\` leaves the package index ${INDEX} in this layer of the final image.`,
            span: scriptSpan(script, c.start, c.end),
            fix: { title: `Replace ${u.value} with --no-cache`, edits: [replace(toDoc(script, u.start), toDoc(script, u.end - 1) + 1, '--no-cache')], safe: true },
          });
        }
      }
    }
    return out;
  },
};

/**
 * apk, or the cross-compile helper's `xx-apk`, which runs `apk --root <target root>` with every
 * word as given: `xx-apk add gcc` keeps the index (under the target root when cross-compiling)
 * and `xx-apk add --no-cache gcc` does not, as apk's own.
 */
const isApk = (c: ShellCommand): boolean => c.argv[0]?.value === 'apk' || c.argv[0]?.value === 'xx-apk';

/** The apk command's action (`add`, `update`, …): its first word that is not a flag. */
const actionOf = (c: ShellCommand): string | undefined => c.argv.find((w, i) => i > 0 && !w.value.startsWith('-'))?.value;
const hasNoCache = (c: ShellCommand): boolean => c.argv.some((w) => w.value === '--no-cache');

/** Removes `apk update` with the operator joining it (edits/shellChain.ts); undefined for other shapes. */
function dropUpdate(model: DockerfileModel, instr: Instruction, c: ShellCommand): Fix | undefined {
  const edit = removeCommandEdit(model, instr, c);
  return edit && { title: 'Remove apk update (apk add --no-cache fetches the index itself)', edits: [edit], safe: true };
}
