/**
 * The images the generator writes. Kept in one place so that a new Debian or Alpine release is
 * a one-line change. The runtime is always the current Debian release (RUNTIME_DEBIAN): an old
 * go line may need an older builder, but never an end-of-life runtime; glibc runs binaries
 * linked against an older glibc, so a cgo binary built on bullseye runs on bookworm.
 */
import { compareGoVersions } from '../images/golangTag';

export interface DebianRelease {
  /** Codename used in golang and debian tags: `bookworm`. */
  name: string;
  /** Suffix used by distroless: `debian12`. */
  distroless: string;
}

const BOOKWORM: DebianRelease = { name: 'bookworm', distroless: 'debian12' };
const BULLSEYE: DebianRelease = { name: 'bullseye', distroless: 'debian11' };

/** The Debian release of every runtime image (distroless and debian-slim). */
export const RUNTIME_DEBIAN: DebianRelease = BOOKWORM;

/** Alpine release of the `alpine` runtime (pinned: `alpine:latest` moves, see GD209). */
export const ALPINE_VERSION = '3.22';

/** Go version used when go.mod/go.work names none (a warning says so). */
export const FALLBACK_GO_VERSION = '1.24';

/**
 * The Debian release of the golang builder for a Go version: bookworm (Debian 12) from Go 1.19
 * on (golang publishes `-bookworm` tags for every later line), bullseye before.
 */
export function debianFor(goVersion: string): DebianRelease {
  return compareGoVersions(goVersion, '1.19') >= 0 ? BOOKWORM : BULLSEYE;
}

export function golangImage(goVersion: string, variant: string): string {
  return `golang:${goVersion}-${variant}`;
}

/**
 * The newest alpine release the golang image published for a Go line (golang tags
 * `1.22-alpine3.21`). A cgo binary linked there runs on the current alpine runtime (musl keeps its
 * ABI), so the runtime stays on ALPINE_VERSION.
 */
export function alpineFor(goVersion: string): string {
  if (compareGoVersions(goVersion, '1.23') >= 0) return ALPINE_VERSION;
  if (compareGoVersions(goVersion, '1.22') >= 0) return '3.21';
  if (compareGoVersions(goVersion, '1.21') >= 0) return '3.20';
  if (compareGoVersions(goVersion, '1.20') >= 0) return '3.19';
  return '3.18';
}

/** The golang alpine builder on a pinned alpine release (never the floating `-alpine`). */
export function golangAlpineImage(goVersion: string): string {
  return golangImage(goVersion, `alpine${alpineFor(goVersion)}`);
}

export function distrolessImage(kind: 'static' | 'base'): string {
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
