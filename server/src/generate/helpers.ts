/**
 * Other main packages of the module that the program runs at an absolute path of its own image:
 * velero's server makes pod-volume restores run an init container from the velero image with
 * `defaultCommand = "/velero-restore-helper"` (pkg/restore/actions/pod_volume_restore_action.go),
 * the binary of cmd/velero-restore-helper, which the project's image puts at /. The generated
 * image builds such a package too and puts its binary at that path.
 *
 * Counted: a string literal of a non-test file of the program's packages (its module's only) that
 * is an absolute path whose last element is the binary name of another main package of the same
 * module (not a helper under examples/, tools/, hack/…: tier 2), and that the program runs: the
 * literal, or the constant or variable it is assigned to (`defaultCommand = "/velero-restore-helper"`,
 * also named `pkg.Name` from another package), is the program argument of `exec.Command`,
 * `exec.CommandContext`, `exec.LookPath`, `os.StartProcess` or `syscall.Exec`, or the first
 * element of a `[]string{…}` (an argv, a container's `Command:`: velero's `[]string{defaultCommand}`).
 * Not the program's own name, not the right operand of a `+` (a path's tail), and not a path only
 * used otherwise: m3's HTTP route `M3QueryReadURL = "/m3query" + PromReadURL` names no program.
 */
import * as nodePath from 'node:path';
import { stripGoComments } from '../workspace/goText';
import type { WorkspaceModel } from '../workspace/model';
import { packageByDir } from '../workspace/query';
import type { GenerateTarget } from './types';

export interface ImageHelper {
  target: GenerateTarget;
  /** The absolute path the program names (`/velero-restore-helper`). */
  path: string;
  /** Where: `pkg/restore/actions/pod_volume_restore_action.go:51 "/velero-restore-helper"`. */
  via: string;
}

/** Absolute paths of a system or root folder, one element per folder name. */
const ABSOLUTE = /"(\/(?:[A-Za-z0-9._-]+\/)*([A-Za-z0-9._-]+))"/g;

/** What stands before a program to run: the calls that run one, or an argv's first element. */
const RUNS_BEFORE = /(?:\bexec\.(?:Command|LookPath)\(\s*|\bexec\.CommandContext\(\s*[A-Za-z_][\w.]*(?:\(\))?\s*,\s*|\bos\.StartProcess\(\s*|\bsyscall\.Exec\(\s*|\[\]string\s*\{\s*)$/;

/** Is the expression at `at` of `code` the program of a call that runs one (or an argv's first element)? */
function runAt(code: string, at: number): boolean {
  return RUNS_BEFORE.test(code.slice(Math.max(0, at - 120), at));
}

/** The constant or variable a literal at `at` is assigned to (`name = "…"`, `name := "…"`, `name string = "…"`), or null. */
function assignedTo(code: string, at: number): string | null {
  const line = code.slice(code.lastIndexOf('\n', at - 1) + 1, at);
  const m = /^\s*(?:(?:const|var)\s+)?([A-Za-z_][A-Za-z0-9_]*)(?:\s+[A-Za-z_][\w.]*)?\s*:?=\s*$/.exec(line);
  return m ? m[1] : null;
}

export function imageHelpers(model: WorkspaceModel, target: GenerateTarget, candidates: readonly GenerateTarget[], packages: readonly string[], read: (rel: string) => string | null): ImageHelper[] {
  const others = new Map<string, GenerateTarget>();
  for (const c of candidates) {
    if (c === target || c.module !== target.module || c.binary === target.binary || (c.tier ?? 1) >= 2) continue;
    if (!others.has(c.binary)) others.set(c.binary, c);
  }
  if (others.size === 0) return [];
  const names = [...others.keys()];
  const out: ImageHelper[] = [];
  const own = packageByDir(model, target.dir)?.module;
  // Literals assigned to a name: counted once a file of the program runs that name.
  const pending: { c: GenerateTarget; path: string; via: string; name: string; dir: string }[] = [];
  const files: { dir: string; file: string }[] = [];
  for (const dir of packages) {
    const p = packageByDir(model, dir);
    if (!p || p.module !== own) continue;
    for (const f of p.files) {
      if (f.endsWith('_test.go')) continue;
      const file = dir === '' ? f : `${dir}/${f}`;
      files.push({ dir, file });
      const text = read(file);
      if (text === null || !text.includes('"/') || !names.some((n) => text.includes(`/${n}"`))) continue;
      const code = stripGoComments(text);
      for (const m of code.matchAll(ABSOLUTE)) {
        const c = others.get(m[2]);
        if (!c || out.some((o) => o.target === c) || nodePath.posix.normalize(m[1]) !== m[1]) continue;
        // The right operand of a concatenation is a path's tail, not an absolute path (dolt's
        // `dropDbLoc+"/.dolt/noms"`, the noms store of a database folder); the left operand is a
        // path's head (m3's route `"/m3query" + PromReadURL`).
        if (/\+\s*$/.test(code.slice(Math.max(0, m.index - 40), m.index)) || /^\s*\+/.test(code.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
        const line = code.slice(0, m.index).split('\n').length;
        const via = `${file}:${line} "${m[1]}"`;
        if (runAt(code, m.index)) out.push({ target: c, path: m[1], via });
        else {
          const name = assignedTo(code, m.index);
          if (name !== null) pending.push({ c, path: m[1], via, name, dir });
        }
      }
    }
  }
  if (pending.length === 0) return out;
  // Where a name is run: bare in its own package, `pkg.Name` in another (exported names only).
  for (const { dir, file } of files) {
    if (pending.every((q) => out.some((o) => o.target === q.c))) break;
    const todo = pending.filter((q) => !out.some((o) => o.target === q.c) && (q.dir === dir || /^[A-Z]/.test(q.name)));
    if (todo.length === 0) continue;
    const text = read(file);
    if (text === null || !todo.some((q) => text.includes(q.name))) continue;
    const code = stripGoComments(text);
    for (const q of todo) {
      const use = new RegExp(q.dir === dir ? `(?<![\\w.])${q.name}\\b|\\b[A-Za-z_][A-Za-z0-9_]*\\.${q.name}\\b` : `\\b[A-Za-z_][A-Za-z0-9_]*\\.${q.name}\\b`, 'g');
      for (const m of code.matchAll(use)) {
        if (!runAt(code, m.index) || /^\s*\+/.test(code.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
        const line = code.slice(0, m.index).split('\n').length;
        out.push({ target: q.c, path: q.path, via: `${q.via}, run as ${m[0]} in ${file}:${line}` });
        break;
      }
    }
  }
  return out;
}
