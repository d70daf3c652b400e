/**
 * Requirements of go.mod at versions known to break under a newer Go than the go line: when
 * plan.ts raises an out-of-support go line (to OLDEST_SUPPORTED_GO_LINE), the build or the
 * program may fail because of them, so the Dockerfile says so and a Check names the fix.
 * Only breaks that are certain from the version alone are listed; each names the release that
 * fixed it (the maintainers' own repository history).
 */
import { compareGoVersions } from '../images/golangTag';
import type { GoModule } from '../workspace/model';

interface KnownBreak {
  module: string;
  /** The Go line from which the old versions break. */
  since: string;
  /** The first version that does not break (a release, or a pseudo-version of the fixing commit). */
  fixed: string;
  /** Whether `version` is older than the fix (false when unsure). */
  older: (version: string) => boolean;
  /** What happens, in a few words. */
  how: string;
  /** Only when the program imports a package of one of these modules (the break is in code it calls). */
  importedVia?: readonly string[];
}

/** [major, minor, patch] of `vX.Y.Z…`, ignoring a pre-release or pseudo-version suffix. */
function release(version: string): [number, number, number] | null {
  const m = /^v([0-9]+)\.([0-9]+)\.([0-9]+)/.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** The commit time of a `v0.0.0-YYYYMMDDhhmmss-hash` pseudo-version, else null. */
function pseudoTime(version: string): string | null {
  return /^v0\.0\.0-([0-9]{14})-[0-9a-f]{12}$/.exec(version)?.[1] ?? null;
}

const KNOWN: KnownBreak[] = [
  {
    // modern-go/reflect2 PR #25 (issue #24): reflect.mapiterinit changed in Go 1.18; json-iterator
    // (which needs reflect2) crashes encoding a map (SIGSEGV in runtime.mapiternext, reflect2 issue #26).
    // A v1.0.2-0.… pseudo-version sits between v1.0.1 and v1.0.2: unsure, left alone.
    module: 'github.com/modern-go/reflect2',
    since: '1.18',
    fixed: 'v1.0.2',
    older: (v) => {
      const r = release(v);
      return r !== null && (r[0] < 1 || (r[0] === 1 && r[1] === 0 && r[2] < 2));
    },
    how: 'the program crashes when json-iterator (or another user of reflect2) iterates a map (fatal error: unexpected signal in runtime.mapiternext)',
  },
  {
    // go4org/unsafe-assume-no-moving-gc: before e7c30c7 ("For Go 1.21+, ask the Go runtime about
    // its GC", 2023-05-25) an init() panics on any Go newer than the versions it lists (Go 1.20 the last).
    module: 'go4.org/unsafe/assume-no-moving-gc',
    since: '1.21',
    fixed: 'v0.0.0-20230525183740-e7c30c78aeb2',
    older: (v) => {
      const t = pseudoTime(v);
      return t !== null && t < '20230525183740';
    },
    how: 'the program panics at start ("… hasn\'t been updated to assert that it\'s safe against the go1.NN runtime")',
  },
  {
    // creack/pty b6e1bdd ("Set Ctty in SysProcAttr", v1.1.5) set SysProcAttr.Ctty to the parent's
    // descriptor of the tty; Go 1.15 (CL 231638) checks that Ctty is a descriptor of the child, so
    // pty.Start fails: creack/pty issue #96; f272787 (v1.1.10) stopped setting it. kr/pty v1.1.8 is a
    // shim over creack/pty v1.1.7 (its go.mod), whose selected version is what is read.
    module: 'github.com/creack/pty',
    since: '1.15',
    fixed: 'v1.1.10',
    older: (v) => {
      const r = release(v);
      return r !== null && !/^v[0-9]+\.[0-9]+\.[0-9]+-/.test(v) && r[0] === 1 && r[1] === 1 && r[2] >= 5 && r[2] < 10;
    },
    how: 'pty.Start cannot start a command ("fork/exec …: Setctty set but Ctty not valid in child": the version sets Ctty to the parent\'s descriptor of the tty)',
    importedVia: ['github.com/creack/pty', 'github.com/kr/pty'],
  },
];

export interface OldDependency {
  module: string;
  version: string;
  /** 1-based line of the require in go.mod; 0 when the version is vendor/modules.txt's. */
  line: number;
  /** Where the version is written: go.mod, or the module's vendor/modules.txt. */
  file: 'go.mod' | 'vendor/modules.txt';
  since: string;
  fixed: string;
  how: string;
}

/**
 * The requirements of `mod` (not replaced) at a version that breaks with Go `builderGo`: go.mod's
 * requirement, or, for a break in code the program imports itself (`importedVia`, its import in
 * `imports`), the version vendor/modules.txt vendors when the module has one (`vendored`, what
 * -mod=vendor builds).
 */
export function oldDependencies(mod: Pick<GoModule, 'requirements' | 'replaces'>, builderGo: string, vendored: readonly { path: string; version: string | null }[] | null = null, imports: readonly string[] | null = null): OldDependency[] {
  const out: OldDependency[] = [];
  for (const k of KNOWN) {
    if (compareGoVersions(builderGo, k.since) < 0) continue;
    if (mod.replaces.some((r) => r.oldPath === k.module)) continue;
    if (k.importedVia && !(imports ?? []).some((i) => k.importedVia!.some((m) => i === m || i.startsWith(m + '/')))) continue;
    // The vendored version only for a break in code the program itself imports: vendor/ also holds
    // modules that only a build tag links (bmc-toolbox/dora vendors reflect2 v1.0.1 for gin's
    // `jsoniter`-tagged internal/json, which its build does not compile).
    const v = vendored?.find((r) => r.path === k.module);
    if (vendored !== null && k.importedVia) {
      if (v?.version && k.older(v.version)) out.push({ module: k.module, version: v.version, line: 0, file: 'vendor/modules.txt', since: k.since, fixed: k.fixed, how: k.how });
      continue;
    }
    const req = mod.requirements.find((r) => r.path === k.module);
    if (!req || !k.older(req.version)) continue;
    out.push({ module: k.module, version: req.version, line: req.line, file: 'go.mod', since: k.since, fixed: k.fixed, how: k.how });
  }
  return out;
}
