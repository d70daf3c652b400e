/**
 * Modules known to break with a newer Go than they were written for: the one table of them, read by
 * GD219 (a Dockerfile builds such a module with a Go it breaks with) and by the generator
 * (generate/oldDependencies.ts: a Check when the builder it picks has such a Go). Only breaks that
 * are certain from the version alone are listed, each with its Go line, the release that fixed it
 * (the maintainers' own history) and the upstream issue.
 *
 * Whether a program meets a break: the selected version of the module (vendor/modules.txt when the
 * module vendors, else a go.mod at go 1.17 or later, which lists every module of the build) and
 * whether the program compiles a package of it (the vendored import graph, facts/vendorGraph.ts;
 * without vendor/ only a package the program imports itself, or one that certainly imports it).
 */
import { compareGoVersions } from '../images/golangTag';
import type { GoModule, VendorModule, WorkspaceModel } from '../workspace/model';
import { walkVendored, type VendorIo } from './vendorGraph';

export interface KnownBreak {
  module: string;
  /** The Go line from which the old versions break. */
  since: string;
  /** The newest Go line the old versions work with (the line before `since`). */
  lastWorking: string;
  /** The first version that does not break (a release, or a pseudo-version of the fixing commit). */
  fixed: string;
  /** Whether `version` is older than the fix (false when unsure). */
  older: (version: string) => boolean;
  /** What happens, in a few words. */
  how: string;
  /** The upstream evidence (issue, fix). */
  evidence: string;
  /** Only when the program imports a package of one of these modules itself (the break is in code it calls). */
  importedVia?: readonly string[];
  /** Packages of other modules that import the module in every build (json-iterator's root package imports reflect2). */
  linkedVia?: readonly string[];
  /** A setting in the Dockerfile that lifts the break (the program then starts): stay silent when it is named. */
  escape?: RegExp;
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

export const KNOWN_BREAKS: readonly KnownBreak[] = [
  {
    // modern-go/reflect2 PR #25 (issue #24): reflect.mapiterinit changed in Go 1.18; json-iterator
    // (which needs reflect2) crashes encoding a map (SIGSEGV in runtime.mapiternext, reflect2 issue #26).
    // A v1.0.2-0.… pseudo-version sits between v1.0.1 and v1.0.2: unsure, left alone. Reproduced
    // offline with Go 1.19 on kubernetes-sigs/kube-batch's vendored json-iterator v1.1.7 + reflect2 v1.0.1.
    module: 'github.com/modern-go/reflect2',
    since: '1.18',
    lastWorking: '1.17',
    fixed: 'v1.0.2',
    older: (v) => {
      const r = release(v);
      return r !== null && (r[0] < 1 || (r[0] === 1 && r[1] === 0 && r[2] < 2));
    },
    how: 'the program crashes when json-iterator (or another user of reflect2) iterates a map (fatal error: fault, SIGSEGV in runtime.mapiternext under reflect2.(*UnsafeMapType).UnsafeIterate)',
    evidence: 'modern-go/reflect2 issues #24 and #26, fixed by PR #25 in v1.0.2',
    // json-iterator's root package (config.go, reflect.go) imports reflect2 in every build.
    linkedVia: ['github.com/json-iterator/go'],
  },
  {
    // go4org/unsafe-assume-no-moving-gc: before e7c30c7 ("For Go 1.21+, ask the Go runtime about
    // its GC", PR #10, 2023-05-25) an init() panics on any Go newer than the versions it lists (Go 1.20 the last).
    module: 'go4.org/unsafe/assume-no-moving-gc',
    since: '1.21',
    lastWorking: '1.20',
    fixed: 'v0.0.0-20230525183740-e7c30c78aeb2',
    older: (v) => {
      const t = pseudoTime(v);
      return t !== null && t < '20230525183740';
    },
    how: 'the program panics at start ("… hasn\'t been updated to assert that it\'s safe against the go1.NN runtime")',
    evidence: 'go4org/unsafe-assume-no-moving-gc PR #10 (e7c30c7, 2023-05-25)',
    // go4.org/intern imports it for its side effect; inet.af/netaddr imports go4.org/intern.
    linkedVia: ['go4.org/intern', 'inet.af/netaddr'],
    escape: /ASSUME_NO_MOVING_GC_UNSAFE_RISK_IT_WITH/,
  },
  {
    // creack/pty b6e1bdd ("Set Ctty in SysProcAttr", v1.1.5) set SysProcAttr.Ctty to the parent's
    // descriptor of the tty; Go 1.15 (CL 231638) checks that Ctty is a descriptor of the child, so
    // pty.Start fails: creack/pty issue #96; f272787 (v1.1.10) stopped setting it. kr/pty v1.1.8 is a
    // shim over creack/pty v1.1.7 (its go.mod), whose selected version is what is read.
    module: 'github.com/creack/pty',
    since: '1.15',
    lastWorking: '1.14',
    fixed: 'v1.1.10',
    older: (v) => {
      const r = release(v);
      return r !== null && !/^v[0-9]+\.[0-9]+\.[0-9]+-/.test(v) && r[0] === 1 && r[1] === 1 && r[2] >= 5 && r[2] < 10;
    },
    how: 'pty.Start cannot start a command ("fork/exec …: Setctty set but Ctty not valid in child": the version sets Ctty to the parent\'s descriptor of the tty)',
    evidence: 'creack/pty issue #96, fixed in v1.1.10 (f272787)',
    importedVia: ['github.com/creack/pty', 'github.com/kr/pty'],
  },
];

/** Is `imp` a package of module (or package path) `m`? */
export function inModule(imp: string, m: string): boolean {
  return imp === m || imp.startsWith(m + '/');
}

/**
 * The vendored packages a program compiles whatever its cgo setting: reached by the walk from its
 * external imports both with cgo on and off (a file gated by a custom build tag counts in neither).
 */
export function compiledVendored(externalImports: readonly string[], base: string, io: VendorIo): Set<string> {
  const compiled = (cgo: boolean) => new Set([...walkVendored(externalImports, base, io, () => false, cgo).values()].filter((p) => p.files.length > 0).map((p) => p.importPath));
  const on = compiled(true);
  return new Set([...compiled(false)].filter((p) => on.has(p)));
}

export interface ProgramBreak {
  known: KnownBreak;
  version: string;
  /** Where the version is written: the module's go.mod (its 1-based line) or its vendor/modules.txt (line 0). */
  file: 'go.mod' | 'vendor/modules.txt';
  line: number;
}

/**
 * The known breaks a program of `mod` meets when built with Go `builderGo`, where both the selected
 * version and the program's use of the module are certain: with `vendored` (the module's
 * vendor/modules.txt, consistent with go.mod), its version and a package of it the program compiles
 * (`compiled`, the vendored walk); else at a go line of 1.17 or later (go.mod lists every module
 * of the build), go.mod's version and a package of it (or a `linkedVia` package) the program
 * imports itself (`imports`, its external imports). A break in code the program calls itself
 * (`importedVia`) needs its import in `imports` either way. A replaced module is left alone.
 */
export function programBreaks(mod: Pick<GoModule, 'goVersion' | 'requirements' | 'replaces'>, builderGo: string, imports: readonly string[], vendored: readonly VendorModule[] | null, compiled: () => ReadonlySet<string>): ProgramBreak[] {
  const out: ProgramBreak[] = [];
  for (const k of KNOWN_BREAKS) {
    if (compareGoVersions(builderGo, k.since) < 0) continue;
    if (mod.replaces.some((r) => r.oldPath === k.module)) continue;
    const imported = (paths: readonly string[]) => imports.some((i) => paths.some((m) => inModule(i, m)));
    if (k.importedVia && !imported(k.importedVia)) continue;
    if (vendored !== null) {
      const v = vendored.find((r) => r.path === k.module);
      if (!v?.version || v.replacement !== null || !k.older(v.version)) continue;
      if (!k.importedVia && ![...compiled()].some((p) => inModule(p, k.module))) continue;
      out.push({ known: k, version: v.version, file: 'vendor/modules.txt', line: 0 });
      continue;
    }
    if (mod.goVersion === null || compareGoVersions(mod.goVersion, '1.17') < 0) continue;
    const req = mod.requirements.find((r) => r.path === k.module);
    if (!req || !k.older(req.version)) continue;
    if (!k.importedVia && !imported([k.module]) && !imports.some((i) => (k.linkedVia ?? []).includes(i))) continue;
    out.push({ known: k, version: req.version, file: 'go.mod', line: req.line });
  }
  return out;
}

/** Does any go.mod or vendor/modules.txt of the workspace name a known break at a version older than its fix? (GD219's cheap test first.) */
export function namesKnownBreak(ws: WorkspaceModel): boolean {
  const old = (path: string, version: string | null) => version !== null && KNOWN_BREAKS.some((k) => k.module === path && k.older(version));
  return ws.modules.some((m) => m.requirements.some((r) => old(r.path, r.version))) || (ws.vendor?.modules ?? []).some((m) => old(m.path, m.version));
}
