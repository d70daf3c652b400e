/**
 * Requirements at versions known to break under the builder's Go (the table is facts/knownBreaks.ts,
 * which GD219 reads too): when the builder's Go is one they break with (plan.ts raising an
 * out-of-support go line to OLDEST_SUPPORTED_GO_LINE, or a go line that is itself that new), the
 * build or the program may fail because of them, so the Dockerfile says so and a Check names the fix.
 */
import { compareGoVersions } from '../images/golangTag';
import { KNOWN_BREAKS, inModule } from '../facts/knownBreaks';
import type { GoModule } from '../workspace/model';

export interface OldDependency {
  module: string;
  version: string;
  /** 1-based line of the require in go.mod; 0 when the version is vendor/modules.txt's. */
  line: number;
  /** Where the version is written: go.mod, or the module's vendor/modules.txt. */
  file: 'go.mod' | 'vendor/modules.txt';
  since: string;
  /** The newest Go line the version works with. */
  lastWorking: string;
  fixed: string;
  how: string;
}

/**
 * The requirements of `mod` (not replaced) at a version that breaks with Go `builderGo`: go.mod's
 * requirement, or the version vendor/modules.txt vendors when the module has one (`vendored`, what
 * -mod=vendor builds) for a break in code the program imports itself (`importedVia`, its import in
 * `imports`) or in a module of which the program compiles a package (`compiled`).
 */
export function oldDependencies(mod: Pick<GoModule, 'requirements' | 'replaces'>, builderGo: string, vendored: readonly { path: string; version: string | null; replacement?: string | null }[] | null = null, imports: readonly string[] | null = null, compiled: (() => ReadonlySet<string>) | null = null): OldDependency[] {
  const out: OldDependency[] = [];
  for (const k of KNOWN_BREAKS) {
    if (compareGoVersions(builderGo, k.since) < 0) continue;
    if (mod.replaces.some((r) => r.oldPath === k.module)) continue;
    if (k.importedVia && !(imports ?? []).some((i) => k.importedVia!.some((m) => i === m || i.startsWith(m + '/')))) continue;
    // The vendored version for a break in code the program itself imports, or (below) for a module
    // the vendored import graph shows it compiles: vendor/ also holds modules that only a build tag links (bmc-toolbox/dora vendors reflect2 v1.0.1 for gin's
    // `jsoniter`-tagged internal/json, which its build does not compile).
    const v = vendored?.find((r) => r.path === k.module);
    if (vendored !== null && k.importedVia) {
      if (v?.version && k.older(v.version)) out.push({ module: k.module, version: v.version, line: 0, file: 'vendor/modules.txt', since: k.since, lastWorking: k.lastWorking, fixed: k.fixed, how: k.how });
      continue;
    }
    // A vendored module a package of which the program compiles (`compiled`, the vendored import
    // graph: facts/knownBreaks.ts compiledVendored), whether go.mod names it or not
    // (kubernetes-sigs/kube-batch 86b2ba2: go 1.13, vendor/modules.txt:103 reflect2 v1.0.1 under
    // json-iterator v1.1.7, which k8s.io/apimachinery's JSON serializer uses).
    if (v?.version && !v.replacement && compiled && [...compiled()].some((p) => inModule(p, k.module))) {
      if (k.older(v.version)) out.push({ module: k.module, version: v.version, line: 0, file: 'vendor/modules.txt', since: k.since, lastWorking: k.lastWorking, fixed: k.fixed, how: k.how });
      continue;
    }
    const req = mod.requirements.find((r) => r.path === k.module);
    if (!req || !k.older(req.version)) continue;
    out.push({ module: k.module, version: req.version, line: req.line, file: 'go.mod', since: k.since, lastWorking: k.lastWorking, fixed: k.fixed, how: k.how });
  }
  return out;
}
