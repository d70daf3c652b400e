/**
 * The images the generator writes. Kept in one place so that a new Debian or Alpine release is
 * a one-line change. The runtime is always the current Debian release (RUNTIME_DEBIAN), and the
 * builder's Go a supported line (plan.ts raises an older go line); a builder on an older Debian
 * would do too: glibc runs binaries linked against an older glibc, so a cgo binary built on
 * bullseye runs on bookworm.
 */
import { GOLANG_VARIANT_LINES, OLDEST_SUPPORTED_GO_LINE, golangVariantPublished } from '../images/golangTag';

export interface DebianRelease {
  /** Codename used in golang and debian tags: `bookworm`. */
  name: string;
  /** Suffix used by distroless: `debian12`. */
  distroless: string;
}

const STRETCH: DebianRelease = { name: 'stretch', distroless: 'debian9' };
const BUSTER: DebianRelease = { name: 'buster', distroless: 'debian10' };
const BULLSEYE: DebianRelease = { name: 'bullseye', distroless: 'debian11' };
const BOOKWORM: DebianRelease = { name: 'bookworm', distroless: 'debian12' };
/** Oldest first: the builders the generator may pick, never newer than the runtime's release. */
const BUILDER_DEBIAN: readonly DebianRelease[] = [STRETCH, BUSTER, BULLSEYE, BOOKWORM];

/** The Debian release of every runtime image (distroless and debian-slim). */
export const RUNTIME_DEBIAN: DebianRelease = BOOKWORM;

/** Alpine release of the `alpine` runtime (pinned: `alpine:latest` moves, see GD209). */
export const ALPINE_VERSION = '3.22';

/** Go version used when go.mod/go.work names none (a warning says so): the oldest supported line. */
export const FALLBACK_GO_VERSION = OLDEST_SUPPORTED_GO_LINE;

/**
 * The Debian release of the golang builder for a Go version: the newest one the golang images
 * published for that Go line (images/golangTag.ts knows when each variant began and ended) that
 * is not newer than the runtime's (a binary linked against a newer glibc may not run on an older
 * one): bookworm from Go 1.19 on, bullseye for 1.16-1.18, buster for 1.11-1.15 (there is no
 * `golang:1.12-bullseye`), stretch before.
 */
export function debianFor(goVersion: string): DebianRelease {
  const published = BUILDER_DEBIAN.filter((d) => golangVariantPublished(d.name, goVersion) === true);
  return published[published.length - 1] ?? BUILDER_DEBIAN[0];
}

export function golangImage(goVersion: string, variant: string): string {
  return `golang:${goVersion}-${variant}`;
}

/**
 * The alpine release of the golang alpine builder for a Go line (golang tags `1.22-alpine3.21`):
 * the newest one the golang images published for that line (images/golangTag.ts) that is not
 * newer than ALPINE_VERSION. A cgo binary linked there runs on the current alpine runtime (musl
 * keeps its ABI), so the runtime stays on ALPINE_VERSION. A line that came only with newer
 * releases (Go 1.27: alpine 3.23 and 3.24) gets the oldest of them, and so does its runtime
 * (alpineRuntimeFor): a binary linked against a newer musl is not promised to run on an older one.
 */
export function alpineFor(goVersion: string): string {
  const released = GOLANG_VARIANT_LINES.filter((v) => /^alpine3\.[0-9]+$/.test(v.variant)).map((v) => v.variant.slice('alpine'.length));
  const published = released.filter((r) => golangVariantPublished(`alpine${r}`, goVersion) === true);
  const older = published.filter((r) => compareAlpine(r, ALPINE_VERSION) <= 0);
  return older[older.length - 1] ?? published[0] ?? ALPINE_VERSION;
}

/** The alpine runtime release for a cgo binary built on alpineFor(goVersion): never older than the builder's. */
export function alpineRuntimeFor(goVersion: string): string {
  const builder = alpineFor(goVersion);
  return compareAlpine(builder, ALPINE_VERSION) > 0 ? builder : ALPINE_VERSION;
}

function compareAlpine(a: string, b: string): number {
  const [x, y] = [a, b].map((r) => r.split('.').map(Number));
  return x[0] - y[0] || x[1] - y[1];
}

/** The golang alpine builder on a pinned alpine release (never the floating `-alpine`). */
export function golangAlpineImage(goVersion: string): string {
  return golangImage(goVersion, `alpine${alpineFor(goVersion)}`);
}

/** `cc` is `base` with libstdc++ and libgcc: a cgo binary that links C++ needs it. */
export function distrolessImage(kind: 'static' | 'base' | 'cc'): string {
  return `gcr.io/distroless/${kind}-${RUNTIME_DEBIAN.distroless}:nonroot`;
}

export function debianSlimImage(): string {
  return `debian:${RUNTIME_DEBIAN.name}-slim`;
}

export function alpineImage(release: string = ALPINE_VERSION): string {
  return `alpine:${release}`;
}

/** A Go version as go.mod writes it that is also a golang image tag prefix. */
export function isTaggableGoVersion(v: string): boolean {
  return /^[0-9]+\.[0-9]+(\.[0-9]+)?((rc|beta)[0-9]+)?$/.test(v);
}
