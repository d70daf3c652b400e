/**
 * The images the generator writes. Kept in one place so that a new Debian or Alpine release is
 * a one-line change. Builder and runtime always come from the same Debian release, so a cgo
 * binary finds the glibc it was linked against.
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

export function distrolessImage(kind: 'static' | 'base', deb: DebianRelease): string {
  return `gcr.io/distroless/${kind}-${deb.distroless}:nonroot`;
}

export function debianSlimImage(deb: DebianRelease): string {
  return `debian:${deb.name}-slim`;
}

export function alpineImage(): string {
  return `alpine:${ALPINE_VERSION}`;
}

/** A Go version as go.mod writes it that is also a golang image tag prefix. */
export function isTaggableGoVersion(v: string): boolean {
  return /^[0-9]+\.[0-9]+(\.[0-9]+)?((rc|beta)[0-9]+)?$/.test(v);
}
