/**
 * Other main packages of the module that the program runs at an absolute path of its own image:
 * velero's server makes pod-volume restores run an init container from the velero image with
 * `defaultCommand = "/velero-restore-helper"` (pkg/restore/actions/pod_volume_restore_action.go),
 * the binary of cmd/velero-restore-helper, which the project's image puts at /. The generated
 * image builds such a package too and puts its binary at that path.
 *
 * Counted: a string literal of a non-test file of the program's packages (its module's only) that
 * is an absolute path whose last element is the binary name of another main package of the same
 * module (not a helper under examples/, tools/, hack/…: tier 2). Not the program's own name, and
 * not the right operand of a `+` (a path's tail).
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
  for (const dir of packages) {
    const p = packageByDir(model, dir);
    if (!p || p.module !== own) continue;
    for (const f of p.files) {
      if (f.endsWith('_test.go')) continue;
      const file = dir === '' ? f : `${dir}/${f}`;
      const text = read(file);
      if (text === null || !text.includes('"/') || !names.some((n) => text.includes(`/${n}"`))) continue;
      const code = stripGoComments(text);
      for (const m of code.matchAll(ABSOLUTE)) {
        const c = others.get(m[2]);
        if (!c || out.some((o) => o.target === c) || nodePath.posix.normalize(m[1]) !== m[1]) continue;
        // The right operand of a concatenation is a path's tail, not an absolute path (dolt's
        // `dropDbLoc+"/.dolt/noms"`, the noms store of a database folder).
        if (/\+\s*$/.test(code.slice(Math.max(0, m.index - 40), m.index))) continue;
        const line = code.slice(0, m.index).split('\n').length;
        out.push({ target: c, path: m[1], via: `${file}:${line} "${m[1]}"` });
      }
    }
  }
  return out;
}
