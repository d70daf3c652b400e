import { golangTagVersion } from './golangTag';
import { distrolessDebianRelease, normalizeRepository } from './table';

/**
 * The glibc of an image, from the operating-system release its reference names: Debian 10
 * (buster) has glibc 2.28, 11 (bullseye) 2.31, 12 (bookworm) 2.36, 13 (trixie) 2.41; Ubuntu
 * 18.04 2.27, 20.04 2.31, 22.04 2.35, 24.04 2.39 (the releases' libc6 packages).
 */
const DEBIAN_GLIBC: Record<string, { name: string; minor: number }> = {
  '9': { name: 'stretch', minor: 24 },
  '10': { name: 'buster', minor: 28 },
  '11': { name: 'bullseye', minor: 31 },
  '12': { name: 'bookworm', minor: 36 },
  '13': { name: 'trixie', minor: 41 },
};
const DEBIAN_BY_NAME = new Map(Object.entries(DEBIAN_GLIBC).map(([num, d]) => [d.name, num]));
const UBUNTU_GLIBC: Record<string, { name: string; minor: number }> = {
  '16.04': { name: 'xenial', minor: 23 },
  '18.04': { name: 'bionic', minor: 27 },
  '20.04': { name: 'focal', minor: 31 },
  '22.04': { name: 'jammy', minor: 35 },
  '24.04': { name: 'noble', minor: 39 },
};
const UBUNTU_BY_NAME = new Map(Object.entries(UBUNTU_GLIBC).map(([num, u]) => [u.name, num]));

/**
 * The first glibc whose libc.so.6 holds the pthread functions (2.34 merged libpthread into it):
 * a binary linked against it or a later glibc asks for symbol versions GLIBC_2.34 (pthread_create
 * and the others the cgo runtime calls), which an older glibc does not have, so it stops at start
 * with "version `GLIBC_2.34' not found".
 */
export const GLIBC_PTHREAD_MERGE = 34;

export interface ImageGlibc {
  /** The minor version of glibc 2.x. */
  minor: number;
  /** The release the reference names (`exact`), or the oldest it can be (a tag that moves forward: `golang:latest`). */
  exact: boolean;
  /** As a user names it: `Debian 11 (bullseye)`, `Ubuntu 20.04 (focal)`. */
  release: string;
}

/**
 * The glibc of an image reference, where its release is known: a Debian release in the tag of
 * `debian` (`bullseye-slim`, `11.9`) or of `golang` (`1.22-bookworm`, `bookworm`), in a distroless
 * repository's name (`gcr.io/distroless/base-debian11`), an Ubuntu release in `ubuntu`'s tag
 * (`20.04`, `focal-20240123`). A moving tag gives the oldest release it can be (`exact` false):
 * `debian:latest` and `stable` Debian 13; a golang tag without a variant Debian 12 for Go 1.21 and
 * later and for `latest` (the golang images moved to bookworm in June 2023, before Go 1.21, and to
 * trixie in August 2025; `golang:1` follows the newest Go); distroless without a release Debian 12; `ubuntu:latest` 24.04. Null
 * otherwise (older golang tags without a variant, other images).
 */
export function imageGlibc(ref: string | null): ImageGlibc | null {
  if (!ref || ref.includes('$')) return null;
  const { repo, tag: rawTag } = normalizeRepository(ref);
  const tag = rawTag ?? 'latest';
  const debian = (num: string | undefined, exact: boolean): ImageGlibc | null => {
    const d = num !== undefined ? DEBIAN_GLIBC[num] : undefined;
    return d ? { minor: d.minor, exact, release: `Debian ${num} (${d.name})` } : null;
  };
  const distroless = distrolessDebianRelease(repo);
  if (distroless !== null) return debian(distroless, true);
  if (/^gcr\.io\/distroless\/(base|base-nossl|cc)$/.test(repo)) return debian('12', false);
  if (repo === 'debian') {
    const num = /^(\d+)(?:\.\d+)*(?:-|$)/.exec(tag)?.[1] ?? DEBIAN_BY_NAME.get(tag.split('-')[0]);
    if (num !== undefined) return debian(num, true);
    return /^(latest|stable|stable-slim|testing|testing-slim|sid|sid-slim|unstable|unstable-slim)$/.test(tag) ? debian('13', false) : null;
  }
  if (repo === 'ubuntu') {
    const version = /^(\d\d\.\d\d)(?:-|$)/.exec(tag)?.[1] ?? UBUNTU_BY_NAME.get(tag.split('-')[0]);
    const u = version !== undefined ? UBUNTU_GLIBC[version] : undefined;
    if (u) return { minor: u.minor, exact: true, release: `Ubuntu ${version} (${u.name})` };
    return tag === 'latest' ? { minor: UBUNTU_GLIBC['24.04'].minor, exact: false, release: 'Ubuntu 24.04 (noble)' } : null;
  }
  if (repo === 'golang') {
    const go = golangTagVersion(tag);
    const variant = go ? go.variant.replace(/^-/, '') : tag;
    const named = DEBIAN_BY_NAME.get(variant);
    if (named !== undefined) return debian(named, true);
    if (variant !== '' && variant !== 'latest') return null;
    if (!go || (go.major === 1 && (go.minor === null || go.minor >= 21)) || go.major > 1) return debian('12', false);
  }
  return null;
}
