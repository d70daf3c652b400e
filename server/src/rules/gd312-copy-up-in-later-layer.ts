/**
 * GD312: a RUN runs `chmod`, `chown`/`chgrp`, `setcap`/`setfattr` or `mv` on a file an earlier RUN of the same stage
 * downloaded, wrote with a `> file` redirect, or extracted. Changing a file of a lower layer copies
 * the whole file into the new layer (overlayfs copy-up; a rename copies it too), so the image
 * holds it once more. Only in the image's stages (shippedStages, as GD302): a build stage's layers
 * never ship.
 *
 * The files come from the creation tracking GD302 uses (dockerfile/created.ts). Not reported: a
 * folder made by `mkdir` (changing an empty folder copies no data), a path anything unknown
 * decides (an expansion, a glob that matches no recorded file), a path under one of the RUN's
 * `--mount` targets, and a change in the RUN that made the file.
 *
 * A file a COPY/ADD copied in (one source, no glob or expansion, not an archive ADD extracts; its
 * places from copyPlaces): a chmod/chown/chgrp of exactly that path (not a folder holding it, not
 * a glob, not `mv`), with `COPY --chmod`/`--chown` as the advice. A setcap/setfattr (an extended
 * attribute, which no COPY flag sets) has the advice to run it in the stage that makes the file
 * (or one that copies it in) and `COPY --from` that stage: BuildKit's COPY keeps the attribute.
 * A copy whose source or destination has a build argument is matched by the same text
 * (rawCopies: offen's `/opt/offen/offen-linux-$TARGETARCH…`) while no ARG/ENV comes between.
 *
 * Fix: only when the two RUNs are consecutive (nothing between them), the command is the first
 * of the later RUN and has no expansions: append it to the RUN that made the file and remove it
 * from the later one (deleting that RUN when nothing is left), as GD302's fix does. For a copied
 * file (copyFlagFix): `--chmod=MODE` (a literal octal mode; `+x`/`a+x` as 755) or
 * `--chown=USER:GROUP` on the COPY, the command removed from the RUN.
 */
import * as path from 'path';
import { creationsOf, globRegex, hasGlob, inScriptOrder, resolve, type Created } from '../dockerfile/created';
import { copyPaths, copyPlaces, pathEnv, stageImage } from '../dockerfile/facts';
import { unquoteAll } from '../dockerfile/copySources';
import { expandVariables } from '../dockerfile/variables';
import { shippedStages } from '../facts/passedBuildArgs';
import { scriptSpan, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import { mountTargets, pathWithin, topLevelCommands } from '../dockerfile/packages';
import type { ShellCommand, ShellWord } from '../dockerfile/shell';
import { insert } from '../edits/edits';
import { moveCommandEdits, removeCommandEdit } from '../edits/shellChain';
import { type Fix, type Rule, type RuleFinding, stagesToCheck, withLazyFix } from './types';

/** A file (download, redirect) or an extracted tree an earlier command made, where it is now. */
interface Made {
  path: string;
  tree: boolean;
  creator: Instruction;
  what: string;
  made: NonNullable<Created['made']> | 'copy';
  /**
   * A copied file whose path holds a build argument (`/opt/offen/offen-linux-$TARGETARCH`): the
   * path as written, matched only by a command that names it with the same text, while no ARG or
   * ENV in between may change what it expands to.
   */
  raw?: boolean;
}

/** The paths a chmod/chown/chgrp/mv changes: null when something unknown decides one of them. */
interface Touch {
  verb: string;
  targets: string[];
  /** `-R`, or a move (which carries a folder's files along). */
  deep: boolean;
  /** For `mv`: where a single source ends up, when that is clear. */
  dest?: string | null;
  /** For `chmod MODE FILE`: the mode as `COPY --chmod` takes it (a literal octal mode; `+x`, `a+x` as 755). */
  mode?: string;
  /** For `chown USER:GROUP FILE`: the owner as `COPY --chown` takes it. */
  owner?: string;
  /** For `chown [-R …] USER:GROUP …`: the owner as written, for the advice (the fix needs `owner`). */
  ownerNamed?: string;
  /** setcap, setfattr: an extended attribute, which no COPY flag sets. */
  xattr?: boolean;
  /** The absolute paths with an expansion among the files, as written (see Made.raw). */
  rawTargets?: string[];
}

export const gd312: Rule = {
  code: 'GD312',
  name: 'copy-up-in-later-layer',
  summary: 'A RUN changes the mode, owner or capabilities of, or moves, a file an earlier RUN downloaded, wrote or extracted, or changes the mode, owner or capabilities of a file a COPY/ADD copied in: the layer stores the file again',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'safe',
  facts: ['copySources', 'images', 'packageInstalls', 'workspace', 'contextFiles'],
  scope: 'stage',
  namesLines: true,
  check(ctx) {
    const out: RuleFinding[] = [];
    if (!ctx.model.stages[ctx.finalStage]) return out;
    const shipped = shippedStages(ctx.model, ctx.finalStage, ctx.workspace, ctx.files).stages;
    for (const stage of stagesToCheck(ctx)) if (shipped.has(stage.index)) checkStage(ctx.model, stage, out);
    return out;
  },
};

/** The commands a finding is about (touchOf): a stage with none of them needs no tracking. */
const TOUCHES = new Set(['chmod', 'chown', 'chgrp', 'mv', 'setcap', 'setfattr']);

function checkStage(model: DockerfileModel, stage: Stage, out: RuleFinding[]): void {
  // Most stages: tracking what every RUN creates cost a few microseconds per analysis for nothing.
  if (!stage.instructions.some((i) => i.keyword === 'RUN' && (i.script?.parsed.commands.some((c) => TOUCHES.has(c.argv[0]?.value ?? '')) ?? false))) return;
  let made: Made[] = [];
  /** Folders the stage made (mkdir, git clone, extraction): `mv file folder` keeps the name. */
  const folders = new Set<string>();
  let cwd: string | null = stageImage(model, stage)?.goToolchain ? '/go' : '/';
  for (let k = 0; k < stage.instructions.length; k++) {
    const instr = stage.instructions[k];
    if (instr.keyword === 'WORKDIR') {
      // A variable with a value the Dockerfile gives (an ARG's default, an ENV), as copyPlaces and
      // workdirBefore read it: siglens/siglens 4070377 Dockerfile:19,25-30 `ARG UNAME=siglens`,
      // `WORKDIR /$UNAME`, `COPY static static`, `RUN chown -R $UNAME:$GID static` (judge 39 X M1).
      const raw = instr.args[0]?.value;
      const w = raw?.includes('$') ? expandVariables(unquoteAll(raw), pathEnv(model, stage, instr)) : raw;
      cwd = w && cwd !== null && !w.startsWith('/') ? path.posix.resolve(cwd, w) : w?.startsWith('/') ? path.posix.resolve(w) : null;
      continue;
    }
    if (instr.keyword === 'ARG' || instr.keyword === 'ENV') {
      made = made.filter((c) => !c.raw);
      continue;
    }
    if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
      const written = copyPaths(instr)?.dest;
      // A destination with a variable the Dockerfile gives a value (codenotary/immudb b654b26
      // build/Dockerfile.alma:40-49: `ENV IMMUDB_HOME` from an ARG's default, `COPY --from=build
      // --chown=… /empty "$IMMUDB_HOME"` between the copies of the binaries and their chmod; judge 39 X M2).
      const dest = written?.includes('$') ? expandVariables(written, pathEnv(model, stage, instr)) ?? written : written;
      if (!dest || dest.includes('$') || (cwd === null && !dest.startsWith('/'))) {
        made = rawCopies(instr, dest?.startsWith('/') ? dest : null);
        continue;
      }
      const d = path.posix.resolve(cwd ?? '/', dest);
      made = made.filter((c) => !(pathWithin(c.path, d) || pathWithin(d, c.path)));
      // A single file copied in: a later chmod/chown of exactly that path copies it up again.
      const file = copiedFile(instr);
      if (file) {
        for (const p of copyPlaces(model, instr, file)) {
          made = made.filter((c) => c.path !== p);
          made.push({ path: p, tree: false, creator: instr, what: path.posix.basename(p), made: 'copy' });
        }
      } else made.push(...rawCopies(instr, d));
      continue;
    }
    if (instr.keyword !== 'RUN' || !instr.script) continue;
    const script = instr.script;
    const mounts = cwd === null ? [] : mountTargets(instr).map((m) => path.posix.resolve(cwd!, m));
    const underMount = (p: string) => mounts.some((m) => pathWithin(p, m));
    let scriptCwd: string | null = cwd;
    // Files a command of this RUN changed already (a copied file by its COPY: copyPlaces may give
    // it two paths): they are in this layer, a later change of them here copies nothing.
    const changedHere = new Set<string | Instruction>();
    const changedKey = (c: Made) => (c.made === 'copy' ? c.creator : c.path);
    const cmds = inScriptOrder(script.parsed.commands);
    for (let j = 0; j < cmds.length; j++) {
      const cmd = cmds[j];
      const name = cmd.argv[0]?.value;
      if (name === 'cd') {
        const dir = cmd.argv[1];
        scriptCwd = dir && !dir.dynamic && scriptCwd !== null ? path.posix.resolve(scriptCwd, dir.value) : null;
        continue;
      }
      if (name === 'rm') {
        const gone = rmTargets(cmd, scriptCwd);
        // An unknown operand: a later change of a file it removed would fail the build anyway.
        if (gone) made = made.filter((c) => !gone.some((g) => covers(g, c.path, true)));
        continue;
      }
      const touch = touchOf(cmd, scriptCwd);
      if (touch) {
        // A copied file: a chmod/chown/chgrp of exactly its path (a folder's mode may stay as it
        // was). Or a `chown -R user:group` of a folder holding it, to an owner not root's
        // (oxyno-zeta/s3-proxy 678fda2 Dockerfile:13,16: `COPY s3-proxy /proxy/s3-proxy`, `RUN
        // chown -R 1000:1000 /proxy`; judge 40 Y M4): a COPY without --chown made it 0:0, so its
        // owner changes and it is copied up; that is a finding of its own, without a fix (the
        // chown also serves the folder and its other files).
        const regives = name === 'chown' && touch.deep && touch.ownerNamed !== undefined && !/^(root|0):(root|0)$/.test(touch.ownerNamed);
        const viaFolder = (c: Made, t: string) => regives && c.made === 'copy' && t !== c.path && pathWithin(c.path, t) && !c.creator.flags.some((f) => f.name === 'chown');
        const reached = touch.targets.length && !touch.targets.some(underMount)
          ? made.filter((c) => !c.raw && c.creator !== instr && (c.made !== 'copy' || name !== 'mv') && touch.targets.some((t) => (hits(c, t, touch.deep) || viaFolder(c, t)) && !madeHereWithin(made, instr, c, t)))
          : [];
        const hit = reached.filter((c) => touch.targets.some((t) => hits(c, t, touch.deep)));
        const throughFolder = hit.length > 0 ? [] : reached.filter((c) => !changedHere.has(changedKey(c)));
        for (const c of reached) changedHere.add(changedKey(c));
        if (throughFolder.length > 0 && !removedLater(script.text, cmds, j, touch.targets, scriptCwd)) {
          const copies = [...new Set(throughFolder.map((c) => c.creator))].sort((a, b) => a.line - b.line);
          // One name per COPY: its first place (`COPY docker-init.sh /srv/init.sh` is init.sh, not also a docker-init.sh inside it).
          const files = copies.map((k) => throughFolder.find((c) => c.creator === k)!.what).join(', ');
          // A user made after the COPY: COPY --chown can only give its numeric ids (madeAfter).
          const later = madeAfter(stage, copies[0], instr, cmd, touch.ownerNamed!);
          out.push({
            message: `\`${script.text.slice(cmd.start, cmd.end)}\` ${touch.verb} ${files}, which the ${copies.map((c) => `${c.keyword} on line ${c.line + 1}`).join(' and the ')} copied in as root's: changing a file of an earlier layer copies all of it into this layer, so the image stores it again. Give ${copies.length > 1 ? 'those copies' : 'that copy'} the owner instead (\`${copies[0].keyword} --chown=${later?.owner ?? touch.ownerNamed} …\`${later ? `, numeric: ${later.who} not exist yet at the ${copies[0].keyword}` : ''}) and leave ${copies.length > 1 ? 'their files' : 'it'} out of the \`chown\`.`,
            span: scriptSpan(script, cmd.start, cmd.end),
          });
        }
        // A path with a build argument, named with the same text (offen/offen's `COPY
        // ./bin/offen-linux-$TARGETARCH… /opt/offen/offen-linux-$TARGETARCH…`, then `RUN setcap
        // … /opt/offen/offen-linux-$TARGETARCH…`): not under a mount, no variable set by the command.
        if (touch.rawTargets?.length && mounts.length === 0 && cmd.env.length === 0 && !/(^|[\s;&|])(export|read|declare|local)\s|^\s*[A-Za-z_][A-Za-z0-9_]*=/m.test(script.text.slice(0, cmd.start))) {
          hit.push(...made.filter((c) => c.raw && c.creator !== instr && name !== 'mv' && touch.rawTargets!.includes(c.path)));
        }
        // The same RUN removes what it changed before it ends (offen/offen 3184e00
        // build/Dockerfile.build:121: `chmod +x ./compile.sh && ./compile.sh && rm ./compile.sh`):
        // the layer holds a whiteout, not a copy. (A move is still followed below.)
        const removed = hit.length > 0 && removedLater(script.text, cmds, j, name === 'mv' ? (touch.dest ? [touch.dest] : []) : touch.targets, scriptCwd);
        if (hit.length && !removed) {
          const first = hit.reduce((a, b) => (b.creator.line > a.creator.line ? b : a));
          const creator = first.creator;
          const text = script.text.slice(cmd.start, cmd.end);
          // A file by the name the script gave it; from an extracted tree, the path this command names.
          const names = hit.filter((c) => c.creator === creator).flatMap((c) => (c.tree ? touch.targets.filter((t) => hits(c, t, touch.deep)) : [c.what]));
          const what = [...new Set(names)].join(', ');
          if (first.made === 'copy' && touch.xattr) {
            // No COPY flag sets a capability or an attribute; BuildKit's COPY keeps them.
            const from = creator.flags.find((f) => f.name === 'from')?.value;
            const where = from ? `in the stage ${from} (after it makes the file)` : `in a stage that copies the file in (\`FROM alpine AS caps\` / \`COPY … /x\` / \`RUN apk add --no-cache ${name === 'setfattr' ? 'attr' : 'libcap'} && ${name} …\`)`;
            out.push({
              message: `\`${text}\` ${touch.verb} ${what}, which the ${creator.keyword} on line ${creator.line + 1} copied in: changing a file of an earlier layer (an extended attribute, such as the security.capability setcap writes, too) copies all of it into this layer, so the image stores it again. COPY cannot set it: run ${name} ${where}, then \`COPY --from\` that stage (BuildKit's COPY keeps the extended attributes).`,
              span: scriptSpan(script, cmd.start, cmd.end),
            });
            continue;
          }
          if (first.made === 'copy') {
            // A user or group made after the COPY (tg-spam's `adduser … app` in the RUN of the
            // chown): COPY --chown cannot name it yet, only its numeric id.
            const owner = name === 'chown' ? touch.owner ?? touch.ownerNamed : undefined;
            const later = owner ? madeAfter(stage, creator, instr, cmd, owner) : null;
            const flag = name === 'chmod' ? `--chmod=${touch.mode ?? '…'}` : `--chown=${later?.owner ?? owner ?? '…'}`;
            const laterNote = later ? ` with numeric ids: ${later.who} not exist yet at the ${creator.keyword} (the ${later.tool} in the RUN on line ${later.line + 1} creates it), and a name the image does not know there fails the build` : '';
            out.push(withLazyFix({
              message: `\`${text}\` ${touch.verb} ${what}, which the ${creator.keyword} on line ${creator.line + 1} copied in: changing a file of an earlier layer copies all of it into this layer, so the image stores it again. Set it in the ${creator.keyword} instead: \`${creator.keyword} ${flag} …\`${laterNote}${name === 'chmod' ? ' (`--chmod` needs BuildKit, Dockerfile syntax 1.2 or later)' : ''}.`,
              span: scriptSpan(script, cmd.start, cmd.end),
            }, () => (later ? undefined : copyFlagFix(model, stage, creator, instr, cmd, touch))));
            continue;
          }
          out.push(withLazyFix({
            message: `\`${text}\` ${touch.verb} ${what}, which the RUN on line ${creator.line + 1} ${VERB[first.made]}: ${name === 'mv' ? 'moving' : 'changing'} a file of an earlier layer copies all of it into this layer, so the image stores it again. Do it in the RUN that creates the file (${name === 'mv' ? '\`curl -o /usr/local/bin/… …\`, or \`&& mv …\` there' : touch.xattr ? `\`curl -o … && ${name} …\`` : '\`curl -o … && chmod +x …\`, or \`install -m 0755\`'}).`,
            span: scriptSpan(script, cmd.start, cmd.end),
          }, () => mergeFix(model, stage, creator, instr, cmd, scriptCwd)));
        }
        if (name === 'mv') {
          // The moved files are elsewhere now: a single file whose new name is clear is followed.
          const moved = made.filter((c) => touch.targets.some((t) => covers(t, c.path, true)));
          made = made.filter((c) => !moved.includes(c));
          if (touch.dest && touch.targets.length === 1) {
            // Into a folder this stage made: the file keeps its name there.
            const dest = folders.has(touch.dest) ? path.posix.join(touch.dest, path.posix.basename(touch.targets[0])) : touch.dest;
            for (const c of moved) if (c.path === touch.targets[0] && !c.tree && c.made !== 'copy' && !underMount(dest)) made.push({ ...c, path: dest });
          }
        }
        continue;
      }
      const created = creationsOf(cmd, script, scriptCwd, instr, { urlTail: true });
      for (let q = 0; q < created.length; q++) {
        const c = created[q];
        if (c.kind === 'path' && c.path && (c.grows || c.made === 'extract')) folders.add(c.path);
        if (c.kind !== 'path' || !c.made || !c.path || underMount(c.path)) continue;
        // Written again: the newest writer is its creator.
        made = made.filter((m) => m.path !== c.path);
        made.push({ path: c.path, tree: c.made === 'extract', creator: instr, what: c.what, made: c.made });
      }
    }
  }
}

/**
 * This RUN itself made `target` earlier in its commands, deeper in the tree `c` an earlier RUN
 * extracted: a download or extraction into a folder inside it. The file then belongs to this
 * layer, whatever the earlier RUN put around it (googleforgames/agones b19d5fe
 * build/build-image/Dockerfile:103: `tar -zxvf /tmp/hugo/hugo.tar.gz -C /tmp/hugo/ && mv
 * /tmp/hugo/hugo /usr/local/bin/` after an earlier RUN's `tar -zxvf /tmp/helm.tar.gz -C /tmp`;
 * judge 33 X W2).
 */
function madeHereWithin(made: readonly Made[], instr: Instruction, c: Made, target: string): boolean {
  return made.some((m) => m.creator === instr && !m.raw && m.path !== c.path && pathWithin(m.path, c.path) && (m.tree ? pathWithin(target, m.path) : target === m.path));
}

const VERB: Record<NonNullable<Created['made']>, string> = { download: 'downloaded', redirect: 'wrote', extract: 'extracted' };

/** Does a change of `target` (deep: with what is under it) copy up something of `c`? */
function hits(c: Made, target: string, deep: boolean): boolean {
  if (c.made === 'copy') return target === c.path;
  if (c.tree) {
    // What was extracted into the folder: a path inside it (the folder itself only holds entries).
    const fixed = hasGlob(target) ? target.slice(0, target.search(/[*?[]/)).replace(/\/[^/]*$/, '') || '/' : target;
    if (hasGlob(target) ? pathWithin(fixed, c.path) : fixed.startsWith(c.path + '/')) return true;
    // The folder itself: only with what is under it (`chmod -R`, `mv`).
    return deep && covers(target, c.path, true);
  }
  return covers(target, c.path, deep);
}

/** Does `target` (maybe a glob) name `p`, or (deep) a folder holding it? */
function covers(target: string, p: string, deep: boolean): boolean {
  if (!hasGlob(target)) return target === p || (deep && pathWithin(p, target));
  let re: RegExp;
  try {
    re = globRegex(target);
  } catch {
    return false;
  }
  // globRegex also matches what is under a match: without `deep`, only the exact path.
  if (!re.test(p)) return false;
  if (deep) return true;
  const segs = target.split('/').length;
  return p.split('/').length === segs;
}

/**
 * An `rm` after command `j` of the script, in the same `&&`/`;` chain (only `&&`, `;` and line
 * breaks between the commands from there on: no `||`, `if`, `&` or pipe), removes every one of
 * `paths` (itself, or with -r a folder holding it); a `cd` on the way is followed. False for no paths.
 */
function removedLater(text: string, cmds: readonly ShellCommand[], j: number, paths: readonly string[], cwd: string | null): boolean {
  if (paths.length === 0) return false;
  let left = [...paths];
  let end = cmds[j].end;
  for (let k = j + 1; k < cmds.length && left.length; k++) {
    const c = cmds[k];
    // A command inside another (a substitution): not one of the chain's.
    if (c.start < end) continue;
    if (!/^(?:\s|\\\n|&&|;)*$/.test(text.slice(end, c.start))) return false;
    end = c.end;
    const name = c.argv[0]?.value;
    if (name === 'cd') {
      const dir = c.argv[1];
      cwd = dir && !dir.dynamic && cwd !== null ? path.posix.resolve(cwd, dir.value) : null;
    } else if (name === 'rm') {
      const gone = rmTargets(c, cwd);
      // A folder holding it only with -r.
      const deep = c.argv.some((w) => !w.dynamic && (/^-[a-zA-Z]*[rR]/.test(w.value) || w.value === '--recursive'));
      if (gone) left = left.filter((p) => !gone.some((g) => covers(g, p, deep)));
    }
  }
  return left.length === 0;
}

/** The operands of `rm`, resolved; null when one is unknown. */
function rmTargets(cmd: ShellCommand, cwd: string | null): string[] | null {
  const out: string[] = [];
  for (const w of operandsOf(cmd.argv, new Set())) {
    const p = w.dynamic ? null : resolve(cwd, w.value);
    if (p === null) return null;
    out.push(p);
  }
  return out;
}

function operandsOf(argv: ShellWord[], valueOptions: Set<string>, isOption: (v: string) => boolean = (v) => v.startsWith('-') && v.length > 1): ShellWord[] {
  const out: ShellWord[] = [];
  let ended = false;
  for (let i = 1; i < argv.length; i++) {
    const v = argv[i].value;
    if (!ended && v === '--') { ended = true; continue; }
    if (!ended && !argv[i].dynamic && isOption(v)) {
      if (valueOptions.has(v)) i++;
      continue;
    }
    out.push(argv[i]);
  }
  return out;
}

const CHMOD_OPTION = /^(-[RcfvHLP]+|--(recursive|changes|silent|quiet|verbose|preserve-root|no-preserve-root|dereference|no-dereference|reference=.*|from=.*))$/;

/** A chmod/chown/chgrp/mv with every path it changes known (resolved); null for other commands. */
function touchOf(cmd: ShellCommand, cwd: string | null): Touch | null {
  const argv = cmd.argv;
  const name = argv[0]?.value;
  if (name === 'chmod' || name === 'chown' || name === 'chgrp') {
    const words = argv.slice(1);
    const deep = words.some((w) => !w.dynamic && (/^-[a-zA-Z]*R/.test(w.value) || w.value === '--recursive'));
    const reference = words.some((w) => w.value.startsWith('--reference='));
    const ops = operandsOf(argv, new Set(), (v) => CHMOD_OPTION.test(v) || (name !== 'chmod' && /^-[a-zA-Z]+$/.test(v)));
    const files = reference ? ops : ops.slice(1);
    const verb = name === 'chmod' ? 'changes the mode of' : name === 'chown' ? 'changes the owner of' : 'changes the group of';
    const targets = resolved(files, cwd);
    const first = !reference && ops.length === 2 && ops.length === words.length && !ops[0].dynamic ? ops[0].value : null;
    const mode = name === 'chmod' && first !== null ? (/^0?[0-7]{3}$/.test(first) ? first : /^a?\+x$/.test(first) ? '755' : undefined) : undefined;
    // `chown user` keeps the group, `COPY --chown=user` sets it to the user's id: only user:group.
    const OWNER = /^[A-Za-z0-9_][A-Za-z0-9_.-]*:[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
    const owner = name === 'chown' && first !== null && OWNER.test(first) ? first : undefined;
    const named = name === 'chown' && !reference && ops[0] && !ops[0].dynamic && OWNER.test(ops[0].value) ? ops[0].value : undefined;
    return { verb, targets, deep, mode, owner, ownerNamed: named, rawTargets: rawPaths(files) };
  }
  if (name === 'setcap' || name === 'setfattr') {
    const files = xattrFiles(name, argv);
    if (files === null) return null;
    return { verb: name === 'setcap' ? 'sets file capabilities on' : 'sets an extended attribute of', targets: resolved(files, cwd), deep: false, xattr: true, rawTargets: rawPaths(files) };
  }
  if (name === 'mv') {
    let dir: ShellWord | undefined;
    for (let i = 1; i < argv.length; i++) {
      const v = argv[i].value;
      if (v === '-t' || v === '--target-directory') dir = argv[i + 1];
      else if (v.startsWith('--target-directory=')) dir = { ...argv[i], value: v.slice(19) };
    }
    const ops = operandsOf(argv, new Set(['-t', '--target-directory', '-S', '--suffix']));
    const sources = dir ? ops : ops.slice(0, -1);
    const destWord = dir ?? ops[ops.length - 1];
    const targets = resolved(sources, cwd);
    let dest: string | null = null;
    const d = destWord && !destWord.dynamic ? resolve(cwd, destWord.value) : null;
    if (d && sources.length === 1 && targets.length === 1) {
      const base = path.posix.basename(targets[0]);
      dest = dir || destWord.value.endsWith('/') || BIN_DIRS.has(d) ? path.posix.join(d, base) : d;
    }
    return { verb: 'moves', targets, deep: true, dest };
  }
  return null;
}

/**
 * The files a setcap or setfattr changes (an extended attribute: metadata, as chmod, so the
 * file is copied up); null when the command names no file the usual way (`setfattr
 * --restore=dump`, or `setcap -v`, which only verifies). `setcap [-q] [-v] [-n rootid] [-r] CAPS FILE [CAPS FILE …]` (with -r: files
 * only); `setfattr -n NAME [-v VALUE] FILE…`, `setfattr -x NAME FILE…`. (chattr's inode flags
 * are not: a layer's tar keeps none of them, so there is no better place to set them.)
 */
function xattrFiles(name: string, argv: ShellWord[]): ShellWord[] | null {
  const words = argv.slice(1);
  if (name === 'setcap') {
    // `setcap -v CAPS FILE` verifies that the file carries the capabilities and writes nothing
    // (nginxinc/kubernetes-ingress: `setcap CAPS /nginx-ingress && setcap -v CAPS /nginx-ingress`).
    if (words.some((w) => w.value === '-v')) return null;
    const remove = words.some((w) => w.value === '-r');
    const ops = operandsOf(argv, new Set(['-n']), (v) => /^-[qvr]$/.test(v) || v === '-n');
    if (remove) return ops;
    return ops.length >= 2 && ops.length % 2 === 0 ? ops.filter((_, k) => k % 2 === 1) : null;
  }
  if (words.some((w) => w.value.startsWith('--restore'))) return null;
  const valued = ['-n', '-v', '-x', '--name', '--value', '--remove'];
  return operandsOf(argv, new Set(valued), (v) => /^-[hL]$/.test(v) || /^--(no-dereference|raw|name=.*|value=.*|remove=.*)$/.test(v) || valued.includes(v));
}

/** The absolute paths with a plain expansion (`$X`, `${X}`, `${X:+-$X}`) among the words, as written (no quotes, no substitution). */
function rawPaths(words: ShellWord[]): string[] {
  return words.filter((w) => w.raw.startsWith('/') && w.raw.includes('$') && !/["'`\\]|\$\(/.test(w.raw)).map((w) => path.posix.normalize(w.raw));
}

/**
 * The file a COPY/ADD of one source with a build argument in its source or destination writes,
 * as written (Made.raw): `dest` absolute (as written, or resolved when it has no expansion), and
 * the one source a plain file (no glob, not a folder, not an archive ADD extracts).
 */
function rawCopies(instr: Instruction, dest: string | null): Made[] {
  const paths = copyPaths(instr);
  const src = paths?.sources.length === 1 ? paths.sources[0] : null;
  if (!paths || !src || dest === null || instr.heredocs.length || hasGlob(src) || src.endsWith('/') || /(^|\/)\.{0,2}$/.test(src) || /["'`\\]|\$\(/.test(src + dest)) return [];
  if (!src.includes('$') && !dest.includes('$')) return [];
  if (instr.keyword === 'ADD' && (/^[a-z]+:\/\/|^git@/i.test(src) || /\.(tar|tgz|tbz2?|txz|tzst|gz|bz2|xz|zst|lz4|lzma)$/i.test(src))) return [];
  const at = path.posix.normalize(dest);
  const inside = path.posix.join(at, path.posix.basename(src));
  const places = paths.dest.endsWith('/') ? [inside] : [at, inside];
  return places.map((p) => ({ path: p, tree: false, creator: instr, what: path.posix.basename(p), made: 'copy' as const, raw: true }));
}

/** Folders a moved file lands in when named as the destination (mv kubectl /usr/local/bin). */
const BIN_DIRS = new Set(['/usr/local/bin', '/usr/bin', '/bin', '/usr/local/sbin', '/usr/sbin', '/sbin']);

/** The words as absolute paths: none when one is unknown (an expansion, or relative with no known directory). */
function resolved(words: ShellWord[], cwd: string | null): string[] {
  const out: string[] = [];
  for (const w of words) {
    const p = w.dynamic || w.value.includes('$') ? null : resolve(cwd, w.value);
    if (p === null || p === '/') return [];
    out.push(p);
  }
  return out;
}

/** Options of useradd/adduser/groupadd/addgroup that take a value, by the id they set. */
const UID_OPTIONS = new Set(['-u', '--uid']);
const GID_OPTIONS = new Set(['-g', '--gid']);

/** The options of each account tool that take a value (shadow's useradd/groupadd, Debian's and BusyBox's adduser/addgroup). */
const VALUE_OPTIONS: Record<string, ReadonlySet<string>> = {
  useradd: new Set(['-b', '-c', '-d', '-e', '-f', '-g', '-G', '-k', '-K', '-p', '-s', '-u', '-R', '-P', '-Z', '--base-dir', '--comment', '--home-dir', '--expiredate', '--inactive', '--gid', '--groups', '--skel', '--key', '--password', '--shell', '--uid', '--root', '--prefix', '--selinux-user']),
  adduser: new Set(['-h', '-g', '-s', '-G', '-u', '-k', '--home', '--shell', '--uid', '--gid', '--ingroup', '--gecos', '--comment', '--firstuid', '--lastuid', '--firstgid', '--lastgid', '--conf']),
  groupadd: new Set(['-g', '-K', '-p', '-R', '-P', '-U', '--gid', '--key', '--password', '--root', '--prefix', '--users']),
  addgroup: new Set(['-g', '--gid', '--conf', '--firstgid', '--lastgid']),
};

/**
 * The account a useradd/adduser/groupadd/addgroup creates: its operand, past the options and
 * their values (`adduser -D app -u 1000`: app, not 1000; `adduser -S app -G app`). Null for
 * `adduser USER GROUP` and `addgroup USER GROUP`, which add a user to a group.
 */
function createdAccount(tool: string, words: readonly string[]): string | null {
  const takesValue = VALUE_OPTIONS[tool];
  if (!takesValue) return null;
  const operands: string[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (w === '--') {
      operands.push(...words.slice(k + 1));
      break;
    }
    if (w.startsWith('-') && w.length > 1) {
      if (takesValue.has(w)) k++;
      continue;
    }
    operands.push(w);
  }
  return operands.length === 1 ? operands[0] : null;
}

/**
 * The user or group of `owner` (USER:GROUP) that a useradd/adduser/groupadd/addgroup after the
 * COPY (up to the command, in its RUN) creates: it did not exist at the COPY. The owner with the
 * ids that command gives (`-u 1000`, `-g 1000`; `<uid>`/`<gid>` when it gives none), who, and
 * which command. Null when neither is created there.
 */
function madeAfter(stage: Stage, copy: Instruction, run: Instruction, cmd: ShellCommand, owner: string): { owner: string; who: string; tool: string; line: number } | null {
  const [user, group] = owner.split(':');
  let uid: string | null | undefined;
  let gid: string | null | undefined;
  let first: { tool: string; line: number } | null = null;
  for (const i of stage.instructions) {
    if (i.line <= copy.endLine || i.keyword !== 'RUN' || !i.script) continue;
    if (i.line > run.line) break;
    for (const c of inScriptOrder(i.script.parsed.commands)) {
      if (i === run && c.start >= cmd.start) break;
      const tool = c.argv[0]?.value ?? '';
      if (tool !== 'useradd' && tool !== 'adduser' && tool !== 'groupadd' && tool !== 'addgroup') continue;
      const words = c.argv.slice(1).map((w) => w.value);
      const name = createdAccount(tool, words);
      const option = (names: Set<string>): string | null => {
        for (let k = 0; k < words.length; k++) {
          if (names.has(words[k]) && /^[0-9]+$/.test(words[k + 1] ?? '')) return words[k + 1];
          const eq = /^(--[a-z]+)=([0-9]+)$/.exec(words[k]);
          if (eq && names.has(eq[1])) return eq[2];
        }
        return null;
      };
      const userTool = tool === 'useradd' || tool === 'adduser';
      if (userTool && name === user && uid === undefined) {
        uid = option(UID_OPTIONS);
        first ??= { tool, line: i.line };
      }
      if (!userTool && name === group && gid === undefined) {
        gid = option(GID_OPTIONS);
        first ??= { tool, line: i.line };
      }
    }
  }
  if (!first) return null;
  const u = uid === undefined ? user : uid ?? '<uid>';
  // The user's own group, made with the user (adduser/useradd without -G): its id is not said.
  const g = gid !== undefined ? gid ?? '<gid>' : uid !== undefined && group === user ? '<gid>' : group;
  const who = uid !== undefined && gid !== undefined ? `user ${user} and group ${group} do` : uid !== undefined ? `user ${user} does` : `group ${group} does`;
  return { owner: `${u}:${g}`, who, tool: first.tool, line: first.line };
}

// ---- the fix ----

function mergeFix(model: DockerfileModel, stage: Stage, earlier: Instruction, later: Instruction, cmd: ShellCommand, cwd: string | null): Fix | undefined {
  const es = earlier.script;
  const ls = later.script;
  if (!es || !ls || es.heredoc || ls.heredoc || earlier.json || later.json) return undefined;
  if (cmd.argv.some((w) => w.dynamic) || cmd.env.length) return undefined;
  // Consecutive: nothing at all between the two RUNs.
  if (stage.instructions.some((i) => i.line > earlier.endLine && i.line < later.line)) return undefined;
  if (mountTargets(later).length || mountTargets(earlier).length) return undefined;
  // The first command of the later RUN, so nothing there runs before it.
  const top = topLevelCommands(ls);
  if (top[0] !== cmd) return undefined;
  // Relative paths must mean the same at the end of the earlier RUN.
  const relative = cmd.argv.slice(1).some((w) => !w.value.startsWith('-') && !w.value.startsWith('/'));
  if (relative && (cwd === null || es.parsed.commands.some((c) => c.argv[0]?.value === 'cd'))) return undefined;
  const moved = moveCommandEdits(model, earlier, later, cmd, ls.text.slice(cmd.start, cmd.end));
  return moved && { ...moved, safe: true };
}

/** A COPY/ADD whose destination is a literal absolute path neither at nor above nor under `file`. */
function copiesApart(instr: Instruction, file: string): boolean {
  const dest = copyPaths(instr)?.dest;
  if (!dest || !dest.startsWith('/') || dest.includes('$')) return false;
  const d = path.posix.resolve(dest);
  return !pathWithin(file, d) && !pathWithin(d, file);
}

/**
 * The one file a COPY/ADD copies in (a single source with no glob, expansion or trailing slash; not
 * an archive ADD extracts, nor a git URL). A download that its destination names may have
 * expansions in its URL (minio/mc 77f82e1 Dockerfile.release: `ADD
 * https://dl.minio.io/client/mc/release/linux-${TARGETARCH}/archive/mc.${RELEASE} /usr/bin/mc`):
 * where it lands does not depend on them.
 */
function copiedFile(instr: Instruction): string | null {
  if (instr.heredocs.length) return null;
  const paths = copyPaths(instr);
  if (!paths || paths.sources.length !== 1) return null;
  const src = paths.sources[0];
  const namedDownload = instr.keyword === 'ADD' && /^https?:\/\//i.test(src ?? '') && !paths.dest.endsWith('/') && paths.dest !== '.';
  if (!src || (src.includes('$') && !namedDownload) || hasGlob(src) || src.endsWith('/') || src === '.' || src === '..' || /(^|\/)\.{1,2}$/.test(src)) return null;
  if (instr.keyword === 'ADD') {
    if (/\.(tar|tgz|tbz2?|txz|tzst|gz|bz2|xz|zst|lz4|lzma)$/i.test(src) || /^git@|\.git(#|$)/.test(src)) return null;
  }
  return src;
}

/**
 * Fix of a copied file's chmod/chown: `--chmod=MODE`/`--chown=USER:GROUP` on the COPY, the
 * command removed from the RUN (the RUN deleted when nothing is left). Only for a literal mode
 * (`+x` as 755) or user:group on the one copied file, the command first in its RUN, no RUN, COPY
 * or ADD between, and the COPY not already setting that flag.
 */
function copyFlagFix(model: DockerfileModel, stage: Stage, copy: Instruction, run: Instruction, cmd: ShellCommand, touch: Touch): Fix | undefined {
  const name = cmd.argv[0]?.value;
  const flag = name === 'chmod' ? 'chmod' : name === 'chown' ? 'chown' : null;
  const value = flag === 'chmod' ? touch.mode : flag === 'chown' ? touch.owner : undefined;
  if (!flag || !value || touch.deep || touch.targets.length !== 1) return undefined;
  if (cmd.argv.some((w) => w.dynamic) || cmd.env.length) return undefined;
  if (copy.flags.some((f) => f.name === flag)) return undefined;
  // Nothing between may see the file or put another there: no RUN, and a COPY/ADD only to an
  // absolute path apart from it (homebox's Dockerfile.rootless copies /data between the two).
  const file = touch.targets[0];
  if (stage.instructions.some((i) => i.line > copy.endLine && i.line < run.line && (i.keyword === 'RUN' || ((i.keyword === 'COPY' || i.keyword === 'ADD') && !copiesApart(i, file))))) return undefined;
  const ls = run.script;
  if (!ls || ls.heredoc || run.json || topLevelCommands(ls)[0] !== cmd) return undefined;
  const remove = removeCommandEdit(model, run, cmd);
  if (!remove) return undefined;
  const at = copy.span.start + copy.keyword.length;
  if (!/^[ \t]/.test(model.text.slice(at, at + 1))) return undefined;
  return { title: `Set \`--${flag}=${value}\` on the ${copy.keyword} on line ${copy.line + 1} and remove \`${name} …\` from the RUN`, edits: [insert(at, ` --${flag}=${value}`), remove], safe: true };
}

