/**
 * Go versions: parsing `golang` image tags and comparing Go versions the way the go command
 * does (golang.org/x/mod's gover: `1.21 < 1.21rc1 < 1.21.0 < 1.21.1`).
 */

export interface GolangTag {
  /** The version part of the tag as written: `1.22.3`, `1.22`, `1`, `1.23rc1`. */
  version: string;
  /** Everything after it, with its leading dash: `-alpine3.20`, `-bookworm`, `''`. */
  variant: string;
  major: number;
  /** null for a major-only tag (`golang:1`). */
  minor: number | null;
  /** null when the tag names no patch (`1.22` = that line's newest patch). */
  patch: number | null;
  /** `rc1`, `beta2`, or null. */
  prerelease: string | null;
}

const TAG_RE = /^([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?((?:rc|beta)[0-9]+)?(-.*)?$/;

/**
 * Splits a golang image tag into version and variant: `1.22.3-alpine3.20` ->
 * `{version: '1.22.3', variant: '-alpine3.20'}`, `1.22` -> `{version: '1.22', variant: ''}`.
 * Returns null for tags without a version (`latest`, `alpine`, `bookworm`, `tip-...`).
 */
export function golangTagVersion(tag: string | null | undefined): GolangTag | null {
  if (!tag) return null;
  const m = TAG_RE.exec(tag.trim());
  if (!m) return null;
  const version = m[1] + (m[2] !== undefined ? '.' + m[2] : '') + (m[3] !== undefined ? '.' + m[3] : '') + (m[4] ?? '');
  return {
    version,
    variant: m[5] ?? '',
    major: Number(m[1]),
    minor: m[2] !== undefined ? Number(m[2]) : null,
    patch: m[3] !== undefined ? Number(m[3]) : null,
    prerelease: m[4] ?? null,
  };
}

interface Parsed {
  major: number;
  minor: number;
  /** -1 when absent (`1.21` sorts before `1.21.0`). */
  patch: number;
  /** '' (release) < 'alpha' < 'beta' < 'rc' for the language-version form; see compare. */
  kind: string;
  pre: number;
}

function parse(v: string): Parsed | null {
  const s = v.trim().replace(/^go/, '');
  const m = /^([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:(alpha|beta|rc)([0-9]+))?$/.exec(s);
  if (!m) return null;
  return {
    major: Number(m[1]),
    minor: m[2] !== undefined ? Number(m[2]) : 0,
    patch: m[3] !== undefined ? Number(m[3]) : -1,
    kind: m[4] ?? '',
    pre: m[5] !== undefined ? Number(m[5]) : 0,
  };
}

/** Go's ordering. Accepts an optional `go` prefix. Unparseable versions sort first. */
export function compareGoVersions(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return x ? 1 : y ? -1 : 0;
  if (x.major !== y.major) return x.major < y.major ? -1 : 1;
  if (x.minor !== y.minor) return x.minor < y.minor ? -1 : 1;
  if (x.patch !== y.patch) return x.patch < y.patch ? -1 : 1;
  if (x.kind !== y.kind) return x.kind < y.kind ? -1 : 1; // '' < alpha < beta < rc
  if (x.pre !== y.pre) return x.pre < y.pre ? -1 : 1;
  return 0;
}

/** `1.22.3` -> `1.22`; null when not a version. */
export function goLine(v: string): string | null {
  const p = parse(v);
  return p ? `${p.major}.${p.minor}` : null;
}

/**
 * GD101's test: does a golang image tag's Go satisfy a required version (go.mod's `go` or
 * `toolchain`, with or without the `go` prefix)? A tag without a patch (`1.22`) means that
 * line's newest patch, so it satisfies `1.22.3`; a major-only tag (`1`) satisfies any 1.x.
 * A tag naming a patch or a prerelease is compared exactly. Unparseable input: true (stay silent).
 */
export function golangTagSatisfies(tag: GolangTag | string, required: string): boolean {
  const t = typeof tag === 'string' ? golangTagVersion(tag) : tag;
  const r = parse(required);
  if (!t || !r) return true;
  if (t.minor === null) return t.major >= r.major;
  if (t.patch === null && t.prerelease === null) {
    if (t.major !== r.major) return t.major > r.major;
    return t.minor >= r.minor;
  }
  return compareGoVersions(t.version, required.replace(/^go/, '')) >= 0;
}

/** Debian variants the golang images stopped publishing: buster after Go 1.20, bullseye after 1.24. */
const LAST_MINOR: Record<string, number> = { buster: 20, bullseye: 24 };

/**
 * The variant (`-bullseye`) when golang images of `version` no longer come with it (there is no
 * `golang:1.25-bullseye`), else null. GD101 says so instead of retagging; GD209 offers no pin.
 */
export function droppedGolangVariant(variant: string, version: string): string | null {
  const m = /^-(buster|bullseye)$/.exec(variant);
  const line = goLine(version);
  if (!m || !line) return null;
  const [major, minor] = line.split('.').map(Number);
  return major === 1 && minor > LAST_MINOR[m[1]] ? `-${m[1]}` : null;
}
