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

/** The first Go with `go build -trimpath` (older go commands stop: "flag provided but not defined"). */
export const TRIMPATH_SINCE = { major: 1, minor: 13 } as const;

/**
 * The Go lines (1.first through 1.last; last null while new lines still get it) for which the
 * official golang image published each Debian and Alpine variant, read from the history of the
 * image's library file (docker-library/official-images, library/golang, to August 2026). The one
 * place that knows that `golang:1.12-buster` exists, `golang:1.12-bullseye` never did (bullseye
 * began with Go 1.16) and `golang:1.25-bullseye` never will (it ended with 1.24). Listed oldest
 * release first. Lines before 1.8 (no module support before 1.11) are not listed.
 */
export const GOLANG_VARIANT_LINES: readonly { variant: string; first: number; last: number | null }[] = [
  { variant: 'stretch', first: 8, last: 18 },
  { variant: 'buster', first: 11, last: 20 },
  { variant: 'bullseye', first: 16, last: 24 },
  { variant: 'bookworm', first: 19, last: null },
  { variant: 'trixie', first: 24, last: null },
  { variant: 'alpine3.7', first: 9, last: 11 },
  { variant: 'alpine3.8', first: 9, last: 11 },
  { variant: 'alpine3.9', first: 10, last: 12 },
  { variant: 'alpine3.10', first: 11, last: 13 },
  { variant: 'alpine3.11', first: 12, last: 14 },
  { variant: 'alpine3.12', first: 13, last: 16 },
  { variant: 'alpine3.13', first: 14, last: 17 },
  { variant: 'alpine3.14', first: 15, last: 18 },
  { variant: 'alpine3.15', first: 16, last: 19 },
  { variant: 'alpine3.16', first: 17, last: 20 },
  { variant: 'alpine3.17', first: 18, last: 21 },
  { variant: 'alpine3.18', first: 19, last: 22 },
  { variant: 'alpine3.19', first: 20, last: 23 },
  { variant: 'alpine3.20', first: 21, last: 24 },
  { variant: 'alpine3.21', first: 22, last: 25 },
  { variant: 'alpine3.22', first: 23, last: 26 },
  { variant: 'alpine3.23', first: 24, last: null },
  { variant: 'alpine3.24', first: 25, last: null },
];

/**
 * Did golang images of a Go line come with a variant (`bullseye`, `alpine3.18`, without the
 * dash)? true or false for the variants GOLANG_VARIANT_LINES lists, null for others (`alpine`,
 * an unknown release) and for a version that is not Go 1.x.
 */
export function golangVariantPublished(variant: string, version: string): boolean | null {
  const entry = GOLANG_VARIANT_LINES.find((v) => v.variant === variant);
  const line = goLine(version);
  if (!entry || !line) return null;
  const [major, minor] = line.split('.').map(Number);
  if (major !== 1) return null;
  return minor >= entry.first && (entry.last === null || minor <= entry.last);
}

/**
 * The variant (`-bullseye`) when golang images of `version` never came with it (there is no
 * `golang:1.25-bullseye`, nor `golang:1.12-bullseye`), else null. GD101 says so instead of
 * retagging; GD209 offers no pin.
 */
export function missingGolangVariant(variant: string, version: string): string | null {
  return golangVariantPublished(variant.replace(/^-/, ''), version) === false ? variant : null;
}

/** The table's entry for a variant (without the dash), or undefined. */
export function golangVariantLines(variant: string): { variant: string; first: number; last: number | null } | undefined {
  return GOLANG_VARIANT_LINES.find((v) => v.variant === variant);
}

/**
 * The Go of a variant-only golang tag (`golang:bullseye`, `golang:alpine3.20`) whose variant the
 * golang images no longer publish: the tag stays on the last image of the last Go line that had
 * it, so `golang:bullseye` is Go 1.24 (there is no Go 1.25 bullseye image) and never moves again.
 * Returned as a tag of that line without a patch (`1.24`, variant `-bullseye`). Null for a variant
 * still published (the tag follows the newest Go) and for one the table does not know.
 */
export function frozenVariantGo(variant: string): GolangTag | null {
  const entry = golangVariantLines(variant);
  if (!entry || entry.last === null) return null;
  return golangTagVersion(`1.${entry.last}-${variant}`);
}

/**
 * The newest Go line the golang images published when GOLANG_VARIANT_LINES was last read (the
 * library file from August 2026: Go 1.27 on trixie, bookworm, alpine3.23 and alpine3.24). What a
 * variant-only tag that still moves (`golang:alpine`, `golang:bookworm`, `golang:latest`) has as
 * far as this table knows; a newer line may exist by the time it is read.
 */
export const NEWEST_GO_LINE = '1.27';

/**
 * The oldest Go line the Go team still supported when NEWEST_GO_LINE was read: each major release
 * is supported until there are two newer major releases (go.dev/doc/devel/release), so with 1.27
 * the newest, 1.26 and 1.27 get security fixes and 1.25 and older get none. Like the other tables
 * it never predicts: a newer line out by the time it is read makes this one older than it says.
 */
export const OLDEST_SUPPORTED_GO_LINE = `1.${Number(NEWEST_GO_LINE.split('.')[1]) - 1}`;

/**
 * The Go release whose arrival ended the support of a Go line (`1.13` -> `1.15`: two newer major
 * releases), or null when the line is not an older 1.x line than OLDEST_SUPPORTED_GO_LINE.
 */
export function goLineSupportEndedWith(version: string): string | null {
  const line = goLine(version);
  if (!line || compareGoVersions(line, OLDEST_SUPPORTED_GO_LINE) >= 0) return null;
  const [major, minor] = line.split('.').map(Number);
  return major === 1 ? `1.${minor + 2}` : null;
}

/**
 * Google's Go+BoringCrypto images, built like the golang images from Go's dev.boringcrypto
 * releases: `<registry>/…/go-boringcrypto/golang:<go version>b<N>` (kong/kubernetes-ingress-controller:
 * `<registry>/google.com/api-project-999119582588/go-boringcrypto/golang:1.18.10b7`) and
 * Docker Hub's `goboring/golang:1.16.7b7`. The tag is the Go version with the BoringCrypto
 * revision (`b7`) after it.
 */
const BORING_REPOSITORY = /(^|\/)go-boringcrypto\/golang$|^goboring\/golang$/;
const BORING_TAG = /^([0-9]+\.[0-9]+(?:\.[0-9]+)?)b[0-9]+(-.*)?$/;

/**
 * The Go of a Go+BoringCrypto image (BORING_REPOSITORY; `repository` normalised, without tag) from
 * its tag: `1.18.10b7` -> Go 1.18.10. Only the version is known: what else the image holds (its
 * C library, its tools) the table does not say. Null for another repository or a tag without
 * a `b<N>` revision.
 */
export function boringcryptoGolangGo(repository: string, tag: string | null): GolangTag | null {
  if (!tag || !BORING_REPOSITORY.test(repository)) return null;
  const m = BORING_TAG.exec(tag.trim());
  return m ? golangTagVersion(m[1] + (m[2] ?? '')) : null;
}
