/**
 * `RUN --mount=…` read the way BuildKit reads it: a CSV list of `key=value` options (quotes
 * group and are removed), keys case-insensitive, the type lower-cased and `bind` when not
 * given. The rules, the fixes and the layer model all read mounts through here.
 */
import type { Instruction } from './model';

export interface Mount {
  /** `bind` (the default), `cache`, `tmpfs`, `secret` or `ssh`. */
  type: string;
  /** `source`/`src`: a path of the context, or of `from`; null when not given. */
  source: string | null;
  /** `target`/`dst`/`destination`, as written (relative to WORKDIR); null when not given. */
  target: string | null;
  /** The stage or image a bind/cache mount reads from; null for the build context. */
  from: string | null;
  id: string | null;
  /** The `--mount=` flag's value as written (`type=cache,target=/go/pkg`): what a fix copies to mount the same cache. */
  value: string;
}

/** Splits `a=b,c="d,e"` as BuildKit's CSV reader does (quotes group, are removed). */
export function splitCsv(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = '';
  for (const c of s) {
    if (quote) {
      if (c === quote) quote = '';
      else cur += c;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter((x) => x !== '');
}

/** The `--mount` flags of an instruction, in order (a flag without a value mounts nothing). */
export function mounts(instr: Instruction): Mount[] {
  const out: Mount[] = [];
  for (const f of instr.flags) {
    if (f.name !== 'mount' || !f.value) continue;
    const opts = new Map<string, string>();
    for (const part of splitCsv(f.value)) {
      const eq = part.indexOf('=');
      opts.set((eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase(), eq < 0 ? '' : part.slice(eq + 1).trim());
    }
    out.push({
      type: (opts.get('type') || 'bind').toLowerCase(),
      source: opts.get('source') ?? opts.get('src') ?? null,
      target: opts.get('target') ?? opts.get('dst') ?? opts.get('destination') ?? null,
      from: opts.get('from') || null,
      id: opts.get('id') || null,
      value: f.value,
    });
  }
  return out;
}

/** Bind mounts of the build context (no `from`); the source defaults to the context root. */
export function contextBinds(instr: Instruction): { source: string; target: string | null }[] {
  return mounts(instr).filter((m) => m.type === 'bind' && m.from === null).map((m) => ({ source: m.source ?? '.', target: m.target }));
}

/**
 * `RUN --network=none`: the step has no network (BuildKit's flag; the last one given counts).
 * What it reads must be in its layers or mounts already: bitmagnet's ci.Dockerfile builds with
 * `--network=none` from the modules an earlier `go mod download` left in its layer.
 */
export function runsOffline(instr: Instruction): boolean {
  const flag = instr.flags.filter((f) => f.name === 'network').at(-1);
  return flag?.value?.trim().toLowerCase() === 'none';
}
