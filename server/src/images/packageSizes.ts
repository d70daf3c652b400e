/**
 * Installed sizes of common system packages, offline: what `apk add` / `apt-get install` of a
 * package adds to a layer on a minimal base (the package with the dependencies such a base
 * lacks). Approximate figures (Alpine 3.20 and Debian 12, amd64), for estimates only; a real
 * build measures the exact size.
 */
/** The package managers' families (dockerfile/packages.ts reads their commands). */
export type PackageFamily = 'apk' | 'apt' | 'rpm' | 'zypper';

const KB = 1024;
const MB = 1024 * 1024;

/** Bytes per package name, per package family. */
const TABLE: Partial<Record<PackageFamily, Record<string, number>>> = {
  apk: {
    'ca-certificates': 700 * KB,
    'ca-certificates-bundle': 230 * KB,
    tzdata: 1.5 * MB,
    git: 17 * MB,
    'build-base': 230 * MB,
    gcc: 130 * MB,
    'g++': 170 * MB,
    'musl-dev': 10 * MB,
    make: 300 * KB,
    binutils: 10 * MB,
    curl: 3.5 * MB,
    wget: 1 * MB,
    bash: 2.6 * MB,
    openssl: 1.5 * MB,
    'openssh-client': 5 * MB,
    upx: 2 * MB,
    tini: 40 * KB,
    'su-exec': 20 * KB,
    'libc6-compat': 100 * KB,
    gcompat: 200 * KB,
    file: 8 * MB,
    jq: 1.2 * MB,
    protobuf: 10 * MB,
    'protobuf-dev': 15 * MB,
    'pkgconf': 150 * KB,
    'linux-headers': 7 * MB,
  },
  apt: {
    'ca-certificates': 4 * MB,
    tzdata: 3.4 * MB,
    git: 65 * MB,
    'build-essential': 250 * MB,
    gcc: 150 * MB,
    'g++': 190 * MB,
    'libc6-dev': 12 * MB,
    make: 1.5 * MB,
    binutils: 30 * MB,
    curl: 7 * MB,
    wget: 3.5 * MB,
    bash: 0,
    openssl: 2.5 * MB,
    'openssh-client': 7 * MB,
    'upx-ucl': 2 * MB,
    tini: 1 * MB,
    'pkg-config': 500 * KB,
    jq: 1.5 * MB,
    'protobuf-compiler': 12 * MB,
    'gcc-aarch64-linux-gnu': 80 * MB,
    'libc6-dev-arm64-cross': 12 * MB,
    unzip: 400 * KB,
    xz: 500 * KB,
    'xz-utils': 500 * KB,
    'netbase': 50 * KB,
  },
};

/** A package the table does not know: a guess, stated as such. */
export const UNKNOWN_PACKAGE_BYTES = 5 * MB;
/** `apt-get update` leaves the package lists (Debian 12) unless the same RUN removes /var/lib/apt/lists. */
export const APT_LISTS_BYTES = 20 * MB;
/** `apk add` without --no-cache keeps the APKINDEX files in /var/cache/apk. */
export const APK_INDEX_BYTES = 2.5 * MB;

/** The table's installed size of a package (`undefined` when it does not know the package). */
export function packageSize(family: PackageFamily, name: string): number | undefined {
  const t = TABLE[family];
  return t && Object.hasOwn(t, name) ? t[name] : undefined;
}

export interface PackageInstallEstimate {
  bytes: number;
  known: string[];
  unknown: string[];
  /** Leftovers of the package manager (lists, index) counted in. */
  leftovers: number;
}

/**
 * The bytes one RUN's package installs add: each package once, known ones from the table,
 * unknown ones at UNKNOWN_PACKAGE_BYTES, plus the package manager's leftovers.
 */
export function estimatePackageInstall(installs: { family: PackageFamily; names: string[] }[], leftovers = 0): PackageInstallEstimate {
  const seen = new Set<string>();
  const known: string[] = [];
  const unknown: string[] = [];
  let bytes = leftovers;
  for (const i of installs) {
    for (const n of i.names) {
      const key = `${i.family}:${n}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const size = packageSize(i.family, n);
      if (size === undefined) {
        unknown.push(n);
        bytes += UNKNOWN_PACKAGE_BYTES;
      } else {
        known.push(n);
        bytes += size;
      }
    }
  }
  return { bytes, known, unknown, leftovers };
}
