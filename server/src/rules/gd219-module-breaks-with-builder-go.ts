/**
 * GD219: a program the image ships compiles a module at a version known to break with the Go of
 * the stage that builds it (facts/knownBreaks.ts, the table the generator reads too): modern-go/
 * reflect2 before v1.0.2 with Go 1.18 or newer (json-iterator crashes encoding a map),
 * go4.org/unsafe/assume-no-moving-gc before its Go 1.21 fix (an init panics), creack/pty v1.1.5 to
 * v1.1.9 with Go 1.15 or newer (pty.Start fails). kubernetes-sigs/kube-batch 86b2ba2 vendors
 * json-iterator v1.1.7 with reflect2 v1.0.1 (vendor/modules.txt:93,103), which k8s.io/apimachinery's
 * JSON serializer uses: built with Go ≥ 1.18 the scheduler dies with SIGSEGV in reflect.mapiterinit.
 *
 * Reported only when both sides are certain:
 * - the module's selected version: its module's vendor/modules.txt (consistent with go.mod; not a
 *   workspace's), or a go.mod at go 1.17 or later (which lists every module of the build); an older
 *   go.mod without vendor/ lists only part of the build list, and go.work changes the selection:
 *   silent;
 * - that the program compiles it: a package of it the vendored import graph reaches from the
 *   program's imports with cgo on and off (facts/vendorGraph.ts; not a file only a custom build tag
 *   compiles: bmc-toolbox/dora vendors reflect2 for gin's `jsoniter`-tagged file), or, without
 *   vendor/, a package of it (or one that imports it in every build, json-iterator's root) the
 *   program's own packages import;
 * - the builder's Go: a golang image whose tag names the minor version (`golang:1.26-alpine`; not
 *   `golang:latest`, `golang:1`, a tag a variable leaves open), for a go build of the Dockerfile's
 *   own RUN (not through make) whose binary lands in the final stage. A GOTOOLCHAIN the Dockerfile
 *   sets to anything but `local` or `auto` may pick another Go: silent. A go.mod `go`/`toolchain`
 *   line above the image's Go only switches to a newer Go (GOTOOLCHAIN=auto) or stops the build
 *   (the images' GOTOOLCHAIN=local, GD101), and every break of the table holds for every Go from its
 *   line on, so the finding stands either way.
 *
 * The finding is on the builder stage's FROM image (where its Go is written). No fix: upgrading a
 * module is `go get` (and `go mod vendor`), not an edit of the Dockerfile.
 */
import { stageChain, stageImage } from '../dockerfile/facts';
import { shippedBuilds } from '../facts/builtPackages';
import { compiledVendored, namesKnownBreak, programBreaks, type ProgramBreak } from '../facts/knownBreaks';
import { workspaceFact } from '../facts/memo';
import { buildFacts } from '../workspace/query';
import { modulesTxtIsForWorkspace, vendorInconsistencies } from '../workspace/vendor';
import type { Rule, RuleFinding } from './types';

/** Values the Dockerfile gives GOTOOLCHAIN that keep the image's Go (or only move to a newer one). */
const KEEPS_GO = /^(local|auto|path)$/;

export const gd219: Rule = {
  code: 'GD219',
  name: 'module-breaks-with-builder-go',
  summary: 'The program compiles a module version known to break with the builder\'s Go (reflect2 before v1.0.2 with Go 1.18 or newer): the image builds, the program crashes or fails',
  severity: 'warning',
  needsWorkspace: true,
  fix: 'none',
  facts: ['goBuilds', 'images', 'workspace', 'contextFiles'],
  inStage: true,
  docs: { workspace: '(reads `go.mod` and `vendor/modules.txt`, and the vendored packages\' imports; silent without a workspace)' },
  check(ctx) {
    const out: RuleFinding[] = [];
    const ws = ctx.workspace;
    const { model } = ctx;
    if (!ws || ws.work !== null || !namesKnownBreak(ws)) return out;
    // GOTOOLCHAIN set to a version (or from a build argument): the Go that builds may be another.
    for (const m of model.text.matchAll(/\bGOTOOLCHAIN\b\s*(?:=\s*|\s+)?(["']?)([^\s"';&|\\]*)/g)) if (!KEEPS_GO.test(m[2])) return out;
    const info = { model, workspace: ws, files: ctx.files, dockerfile: ctx.dockerfile };
    const reported = new Set<string>();
    for (const b of shippedBuilds(info, ctx.finalStage)) {
      if (!b.resolved) continue;
      const root = stageChain(model, b.stage)[0];
      const image = stageImage(model, b.stage);
      const go = image?.repository === 'golang' ? image.go : null;
      const word = root.from.args[0];
      if (!go || go.minor === null || !word) continue;
      for (const p of b.packages) {
        const mod = ws.modules.find((m) => m.dir === p.module);
        if (!mod) continue;
        const vendor = ws.vendor !== null && ws.vendor.dir === mod.dir ? ws.vendor : null;
        let vendored = null;
        if (vendor) {
          // Only a vendor/ go reads as the build list: the module's own, consistent with go.mod.
          const txt = ctx.files?.readFile(mod.dir === '' ? 'vendor/modules.txt' : `${mod.dir}/vendor/modules.txt`) ?? null;
          if (!ctx.files || txt === null || modulesTxtIsForWorkspace(txt) || vendorInconsistencies(mod, vendor.modules).length > 0) continue;
          vendored = vendor.modules;
        }
        const imports = buildFacts(ws, p.dir).externalImports;
        const files = ctx.files;
        const base = mod.dir === '' ? 'vendor' : `${mod.dir}/vendor`;
        const compiled = () => workspaceFact(ws, `compiledVendored:${p.dir}`, () => compiledVendored(imports, base, {
          read: (rel) => files!.readFile(rel),
          goFiles: (dir) => files!.listFiles(dir).map((f) => f.path).filter((f) => f.startsWith(dir + '/') && !f.slice(dir.length + 1).includes('/') && f.endsWith('.go')).map((f) => f.slice(dir.length + 1)),
        }));
        for (const found of programBreaks(mod, go.version, imports, vendored, compiled)) {
          if (found.known.escape?.test(model.text)) continue;
          const key = `${root.index}\0${found.known.module}`;
          if (reported.has(key)) continue;
          reported.add(key);
          out.push({ message: message(found, mod.dir, p.dir, `${root.resolvedBase ?? root.base}`, go.version), span: word.span });
        }
      }
    }
    return out;
  },
};

function message(found: ProgramBreak, modDir: string, pkg: string, image: string, go: string): string {
  const k = found.known;
  const at = found.file === 'go.mod' ? `${modDir ? `${modDir}/` : ''}go.mod:${found.line}` : `${modDir ? `${modDir}/` : ''}vendor/modules.txt`;
  const program = pkg === '' ? 'the root package' : pkg;
  const get = `go get ${k.module}@${k.fixed}${found.file === 'go.mod' ? '' : ' && go mod vendor'}`;
  return `${program} compiles ${k.module} ${found.version} (${at}), which breaks with Go ${k.since} and newer, and ${image} has Go ${go}: ${k.how}. The image builds, but the program fails at run time (${k.evidence}). Upgrade the module to ${k.fixed} or newer (\`${get}\`), or build with Go ${k.lastWorking} or older (out of support).`;
}
