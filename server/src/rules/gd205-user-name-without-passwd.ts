/**
 * GD205: `USER name` in a stage whose root image is scratch. scratch has no /etc/passwd (or
 * /etc/group), so the runtime cannot resolve the name and the container never starts. The
 * distroless and Chainguard images ship a passwd file (root, nonroot = 65532, nobody), so a
 * name works there and is not reported; neither is a stage that copies a passwd file in: by its
 * name (`/etc/passwd`, a folder `etc`), or inside a folder of another stage that stage wrote
 * `<folder>/etc/passwd` into (regclient's release-base: `cp -a /etc/passwd /etc/group
 * /output/etc/`, then `COPY --from=release-base /output /`). A folder of another stage or image
 * copied to `/` whose content is not known (an image's, or one a RUN fills in ways not read here)
 * may hold etc/passwd too: silent. Reported: a folder whose every write is read and none is a
 * passwd file (`mkdir -p /rootfs && go build -o /rootfs/app`).
 *
 * Fix: replace each name part with a number: `root` -> 0, any other name -> 65532 (the
 * distroless `nonroot` ids), numeric parts kept, so `USER app` becomes `USER 65532:65532`.
 * Not safe for fix-all: it changes the identity the program runs as (file ownership and
 * permissions in the image may expect another uid).
 */
import * as path from 'node:path';
import { COPIERS, creationsOf } from '../dockerfile/created';
import { copyPaths, pathEnv, rootImage, stageChain, stageRef, workdirBefore } from '../dockerfile/facts';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import type { ShellWord } from '../dockerfile/shell';
import { expandVariables } from '../dockerfile/variables';
import { replace } from '../edits/edits';
import { parseImageRef } from '../images/imageRef';
import type { Rule, RuleFinding } from './types';

export const gd205: Rule = {
  code: 'GD205',
  name: 'user-name-without-passwd',
  summary: '`USER name` in a scratch stage, which has no /etc/passwd',
  severity: 'error',
  needsWorkspace: false,
  peers: ['DL3066'],
  fix: 'unsafe',
  facts: ['copySources', 'images'],
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const stage of ctx.model.stages) {
      if (!onScratch(ctx.model, stage)) continue;
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'USER' || !instr.argsSpan) continue;
        const spec = instr.args.map((a) => a.value).join(' ').trim();
        if (!spec || spec.includes('$')) continue; // a variable: its value is unknown here
        const parts = spec.split(':');
        if (parts.length > 2 || parts.every((p) => /^\d+$/.test(p))) continue;
        if (passwdCopied(ctx.model, stage, instr)) continue;
        const numeric = parts.map((p) => (/^\d+$/.test(p) ? p : p === 'root' ? '0' : '65532'));
        const uidgid = numeric.length === 2 ? numeric.join(':') : `${numeric[0]}:${parts[0] === 'root' ? '0' : numeric[0]}`;
        out.push({
          message: `USER ${spec} on scratch: the image has no /etc/passwd, so the container fails to start with "unable to find user ${parts.find((p) => !/^\d+$/.test(p))}". Use a numeric uid:gid such as ${uidgid}.`,
          span: instr.span,
          fix: { title: `Use the numeric id ${uidgid}`, edits: [replace(instr.argsSpan.start, instr.argsSpan.end, uidgid)], safe: false },
        });
      }
    }
    return out;
  },
};

function onScratch(model: DockerfileModel, stage: Stage): boolean {
  const ref = rootImage(model, stage);
  if (!ref) return false;
  const r = parseImageRef(ref);
  return r.registry === null && r.repository === 'scratch';
}

/** A COPY/ADD before the USER (in the stage or the stages it is built FROM) that brings a passwd file. */
function passwdCopied(model: DockerfileModel, stage: Stage, before: Instruction): boolean {
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === before) return false;
      if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
      const paths = copyPaths(i);
      if (!paths) continue;
      const dest = paths.dest.replace(/\/+$/, '');
      if (/(^|\/)(passwd|etc)$/.test(dest)) return true;
      if (paths.sources.some((src) => /(^|\/)(passwd|etc)\/?$/.test(src))) return true;
      // A whole root filesystem copied to / may hold etc/passwd.
      if (dest === '' && paths.sources.some((src) => src.endsWith('/') || src === '.')) return true;
      const from = i.flags.find((f) => f.name === 'from')?.value;
      if (from == null || !(dest === '' || dest.startsWith('/'))) continue;
      // `COPY --from=<stage or image> <folder> <dest>`: the file that lands on /etc/passwd, if any.
      const rel = path.posix.relative(dest === '' ? '/' : dest, '/etc/passwd');
      if (rel.startsWith('..') || path.posix.isAbsolute(rel)) continue;
      const ref = stageRef(model, from);
      for (const src of paths.sources) {
        // Another image's folder: its content is not known here.
        if (ref === null) {
          if (dest === '') return true;
          continue;
        }
        const folder = sourcePath(model, model.stages[ref], src);
        if (folder === null) {
          if (dest === '') return true;
          continue;
        }
        const content = folderContent(model, model.stages[ref], folder, path.posix.join(folder, rel));
        if (content === 'passwd' || (content === 'unknown' && dest === '')) return true;
      }
    }
  }
  return false;
}

/** A `COPY --from=<stage>` source as an absolute path of that stage (null when a variable or a pattern hides it). */
function sourcePath(model: DockerfileModel, from: Stage, src: string): string | null {
  if (/[*?[\]]/.test(src)) return null;
  const v = expandVariables(src, pathEnv(model, from));
  if (v === null) return null;
  // A `--from` source is read from that stage's root, relative or not.
  return path.posix.resolve('/', v);
}

/** Commands that change or list files they name but bring none in. */
const NO_CONTENT = new Set(['mkdir', 'chmod', 'chown', 'chgrp', 'touch', 'strip', 'upx', 'rm', 'rmdir', 'ls', 'test', '[', 'setcap', 'sha256sum', 'sha512sum', 'md5sum', 'file', 'du', 'stat', 'echo', 'printf']);

/**
 * What the stage `from` (with the stages it is built FROM) holds in `folder`, as its instructions
 * show: 'passwd' when one of them writes `want` (a copy of a passwd file or of /etc into place, a
 * `> want` redirect, a COPY); 'known' when every instruction that names the folder is read and
 * none brings a passwd file (mkdir, chmod, a go build's output, a copy of named files); else
 * 'unknown' (an image's folder no instruction makes, a recursive copy, an unpacked archive, a
 * script or a build tool writing there, a COPY of folders).
 */
function folderContent(model: DockerfileModel, from: Stage, folder: string, want: string): 'passwd' | 'known' | 'unknown' {
  let unknown = false;
  let named = false;
  const inside = folder === '/' ? '/' : `${folder}/`;
  // A path in the folder (`mkdir -p /output/etc` names /output), or a folder above it (`cp -a x /` names every folder).
  const under = (p: string | null) => p !== null && p.startsWith('/') && (p === folder || p.startsWith(inside) || inside.startsWith(p === '/' ? '/' : `${p}/`));
  for (const s of stageChain(model, from)) {
    for (const i of s.instructions) {
      if (i.keyword === 'COPY' || i.keyword === 'ADD') {
        const paths = copyPaths(i);
        if (!paths) continue;
        const wd = workdirBefore(model, s, i, null);
        const dest = expandVariables(paths.dest, pathEnv(model, s, i));
        const at = dest === null ? null : dest.startsWith('/') ? path.posix.resolve(dest) : wd === null ? null : path.posix.resolve(wd, dest);
        if (at === null) {
          unknown = true;
          continue;
        }
        if (!under(at)) continue;
        named = true;
        if (at === want || paths.sources.some((src) => lands(src, at, want))) return 'passwd';
        // Named files (`ca-certificates.crt`) bring nothing else; a folder or a pattern may.
        if (!paths.sources.every((src) => /\.[A-Za-z0-9]+$/.test(src) && !/[*?[\]]/.test(src))) unknown = true;
        continue;
      }
      if (i.keyword !== 'RUN' || !i.script) continue;
      const cwd = workdirBefore(model, s, i, null);
      const text = i.script.text;
      let seen = false;
      for (const c of i.script.parsed.commands) {
        // `… > file` (created.ts reads the redirect).
        const redirects = creationsOf(c, i.script, cwd, i).filter((x) => x.made === 'redirect').map((x) => x.path);
        if (redirects.includes(want)) return 'passwd';
        if (redirects.some((r) => r !== undefined && under(r))) named = seen = true;
        const words = [...c.env.map((a) => a.value), ...c.argv.slice(1).map((w) => pathOf(w, cwd))];
        if (!words.some((w) => w !== null && (under(w) || (/=\//.test(w) && under(w.slice(w.indexOf('=') + 1)))))) continue;
        named = seen = true;
        const name = path.posix.basename(c.argv[0]?.value ?? '');
        if (NO_CONTENT.has(name)) continue;
        if (name === 'go' && (c.argv[1]?.value === 'build' || c.argv[1]?.value === 'install')) continue;
        if (COPIERS.has(name)) {
          const ops = c.argv.slice(1).filter((w) => !w.value.startsWith('-'));
          const to = ops.length > 1 ? pathOf(ops[ops.length - 1], cwd) : null;
          if (to !== null && ops.slice(0, -1).some((w) => lands(w.value, to, want))) return 'passwd';
          if (name === 'rsync' || c.argv.some((w) => /^-[A-Za-z]*[raR]/.test(w.value) || w.value === '--archive' || w.value === '--recursive') || ops.some((w) => w.dynamic || /[*?[\]]/.test(w.value))) unknown = true;
          continue;
        }
        unknown = true;
      }
      // The script names the folder where no command read here does (a heredoc's redirect, a
      // variable): what it writes there is not known.
      if (!seen && text.includes(folder)) unknown = true;
    }
  }
  // No instruction names the folder: it is the base image's, whatever that holds.
  return unknown || !named ? 'unknown' : 'known';
}

/**
 * A copy of `src` to `to` puts a passwd file at `want`: a passwd file copied to `want` or into
 * its folder, or /etc copied to that folder or into the one above it (`cp -a /etc /rootfs/`).
 */
function lands(src: string, to: string, want: string): boolean {
  const name = path.posix.basename(src.replace(/\/+$/, ''));
  const etc = path.posix.dirname(want);
  if (name === 'passwd') return to === want || to === etc;
  return name === 'etc' && (to === etc || to === path.posix.dirname(etc));
}

/** A word as a resolved path (an absolute one, or one relative to where the command runs); the word itself when not a path. */
function pathOf(w: ShellWord, cwd: string | null): string | null {
  if (w.dynamic) return null;
  const v = w.value;
  if (v.startsWith('/')) return path.posix.resolve(v);
  if (v.includes('=') || v.startsWith('-') || cwd === null || !/^[\w.][\w./-]*$/.test(v)) return v;
  return path.posix.resolve(cwd, v);
}
