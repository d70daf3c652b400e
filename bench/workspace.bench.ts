/**
 * Workspace model benchmark.
 *
 *   node --import tsx bench/workspace.bench.ts [--files N] [--keep] [--check]
 *
 * Generates a workspace of 20,000 files in a temp folder (Go packages with tests, vendor/,
 * testdata/, node_modules/, docs and assets, and a 50 MB .git), then in fresh child processes:
 *   - baseline: a bare walk of the same tree (readdir + lstat of every file, read every .go file),
 *     the floor any loader pays on this machine;
 *   - cold: loadWorkspace() in a fresh process, five processes (median reported; the OS page
 *     cache is warm: the files were just written and synced), then two warm reloads in one;
 *   - incremental: workspace.update([one .go file]) after changing its imports (median of 21),
 *     a no-op update (content unchanged), adding a new file, and deleting it again;
 *   - peak RSS of the measuring process.
 * Prints a table, writes bench/results/workspace.json, removes the temp folder (unless --keep).
 * Budgets: cold < 1500 ms, incremental < 50 ms; --check exits 1 when one is missed.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadWorkspace } from '../server/src/workspace/load';

const COLD_BUDGET_MS = 1500;
const INCREMENTAL_BUDGET_MS = 50;

// ------------------------------------------------------------------------------ generation

interface Layout {
  git: number;
  vendor: number;
  testdata: number;
  goPackages: number;
  filesPerPackage: number;
  nodeModules: number;
  misc: number;
}

function layoutFor(total: number): Layout {
  const scale = total / 20_000;
  const git = Math.round(1000 * scale);
  const vendor = Math.round(3000 * scale);
  const testdata = Math.round(1500 * scale);
  const nodeModules = Math.round(500 * scale);
  const goPackages = Math.round(1200 * scale);
  const filesPerPackage = 10;
  const misc = total - git - vendor - testdata - nodeModules - goPackages * filesPerPackage;
  return { git, vendor, testdata, goPackages, filesPerPackage, nodeModules, misc };
}

const STD = ['fmt', 'strings', 'os', 'io', 'context', 'errors', 'sort', 'sync', 'bytes', 'encoding/json', 'path/filepath', 'strconv'];
const EXT = ['github.com/google/uuid', 'github.com/spf13/cobra', 'go.uber.org/zap', 'github.com/pkg/errors', 'golang.org/x/sync/errgroup'];

function rnd(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

function goSource(pkg: string, name: string, imports: string[], extra: string, bodyLines: number): string {
  const lines: string[] = [];
  lines.push('// Code for ' + name + '. Licensed under the Apache License, Version 2.0.');
  lines.push('');
  lines.push(`package ${pkg}`);
  lines.push('');
  lines.push('import (');
  for (const i of imports) lines.push(`\t"${i}"`);
  lines.push(')');
  lines.push('');
  for (let i = 0; i < bodyLines; i++) {
    lines.push(`// F${i} does step ${i}: it formats, sorts and returns a value for the ${name} file.`);
    lines.push(`func F${i}(a, b int) (int, error) {`);
    lines.push(`\tif a > b {\n\t\treturn a - b, nil\n\t}\n\treturn b - a, nil\n}`);
    lines.push('');
  }
  lines.push(extra);
  return lines.join('\n') + '\n';
}

function generate(root: string, total: number): { sampleGoFile: string; counts: Record<string, number> } {
  const L = layoutFor(total);
  const r = rnd(42);
  const counts: Record<string, number> = {};
  let written = 0;
  const write = (rel: string, data: string | Buffer, kind: string) => {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, data);
    counts[kind] = (counts[kind] ?? 0) + 1;
    written++;
  };

  // Root files.
  write('go.mod', 'module example.com/big\n\ngo 1.22.3\n\nrequire (\n' + EXT.map((e) => `\t${e} v1.2.3\n`).join('') + '\tgithub.com/mattn/go-sqlite3 v1.14.22 // indirect\n)\n', 'misc');
  write('go.sum', EXT.map((e) => `${e} v1.2.3 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n${e} v1.2.3/go.mod h1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=\n`).join(''), 'misc');
  write('.dockerignore', 'bin/\n*.md\n!README.md\n**/*.log\nnode_modules\n', 'misc');
  write('README.md', '# big\n', 'misc');
  write('Dockerfile', 'FROM golang:1.22\nCOPY . .\nRUN go build ./cmd/...\n', 'misc');

  // Go packages.
  let sampleGoFile = '';
  for (let p = 0; p < L.goPackages; p++) {
    const top = p < 40 ? 'cmd' : p % 2 === 0 ? 'internal' : 'pkg';
    const dir = `${top}/area${p % 37}/mod${p}`;
    const isMain = top === 'cmd';
    const pkgName = isMain ? 'main' : `mod${p}`;
    for (let f = 0; f < L.filesPerPackage; f++) {
      const isTest = f >= L.filesPerPackage - 2;
      const imports = new Set<string>();
      for (let k = 0; k < 6; k++) imports.add(STD[Math.floor(r() * STD.length)]);
      if (r() < 0.3) imports.add(EXT[Math.floor(r() * EXT.length)]);
      if (p > 0 && r() < 0.5) imports.add(`example.com/big/internal/area${(p - 1) % 37}/mod${p - 1 - ((p - 1) % 2)}`);
      if (r() < 0.05) imports.add('net/http');
      let extra = '';
      if (r() < 0.02) {
        imports.add('time');
        extra += 'var Loc, _ = time.LoadLocation("Europe/Paris")\n';
      }
      if (isMain && f === 0) extra += 'func main() {}\n';
      if (isTest) imports.add('testing');
      const name = isTest ? `file${f}_test.go` : `file${f}.go`;
      const body = goSource(pkgName, name, [...imports].sort(), extra, 4 + Math.floor(r() * 30));
      write(`${dir}/${name}`, body, 'go');
      if (!sampleGoFile && !isTest && !isMain && p > 100) sampleGoFile = `${dir}/${name}`;
    }
  }

  // testdata: fixtures, some of them .go files that must not be read.
  for (let i = 0; i < L.testdata; i++) {
    const dir = `internal/area${i % 37}/mod${(i % 500) * 2 + 40}/testdata`;
    const isGo = i % 5 === 0;
    write(`${dir}/case${i}${isGo ? '.go' : '.golden'}`, isGo ? 'package broken\n\nimport "C"\n' : 'x'.repeat(200 + (i % 2000)), 'testdata');
  }

  // vendor/: modules.txt + sources.
  write('vendor/modules.txt', EXT.map((e) => `# ${e} v1.2.3\n## explicit; go 1.20\n${e}\n`).join(''), 'vendor');
  for (let i = 1; i < L.vendor; i++) {
    const mod = EXT[i % EXT.length];
    write(`vendor/${mod}/sub${i % 60}/v${i}.go`, goSource('v', `v${i}.go`, ['fmt', 'C'], '', 10), 'vendor');
  }

  // node_modules/ (excluded by .dockerignore: the loader does not walk it).
  for (let i = 0; i < L.nodeModules; i++) write(`node_modules/pkg${i % 50}/lib/f${i}.js`, 'module.exports = 1;\n'.repeat(20), 'node_modules');

  // .git: ~50 MB: one big pack, its index, loose objects, refs.
  const gitSmall = ['HEAD', 'config', 'description', 'index', 'packed-refs', 'refs/heads/main', 'refs/remotes/origin/HEAD', 'logs/HEAD', 'info/exclude', 'hooks/pre-commit.sample'];
  for (const f of gitSmall) write(`.git/${f}`, 'ref: refs/heads/main\n'.repeat(f === 'index' ? 2000 : 2), 'git');
  const packBytes = 42 * 1024 * 1024;
  {
    const abs = path.join(root, '.git/objects/pack/pack-0123456789abcdef.pack');
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    const fd = fs.openSync(abs, 'w');
    const chunk = Buffer.alloc(1024 * 1024, 0x5a);
    for (let i = 0; i < packBytes / chunk.length; i++) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    counts.git = (counts.git ?? 0) + 1;
    written++;
  }
  write('.git/objects/pack/pack-0123456789abcdef.idx', Buffer.alloc(1024 * 1024, 1), 'git');
  const loose = L.git - gitSmall.length - 2;
  const looseBytes = Math.floor((7 * 1024 * 1024) / Math.max(1, loose));
  for (let i = 0; i < loose; i++) {
    const h = (i * 2654435761 >>> 0).toString(16).padStart(8, '0');
    write(`.git/objects/${h.slice(0, 2)}/${h.slice(2)}${'0'.repeat(32)}`, Buffer.alloc(looseBytes, i & 0xff), 'git');
  }

  // Misc: docs, configs, assets, a few logs and built binaries.
  let m = 0;
  while (written < total) {
    const kind = m % 6;
    const rel =
      kind === 0 ? `docs/section${m % 40}/page${m}.md` :
      kind === 1 ? `deploy/k8s/app${m % 30}/manifest${m}.yaml` :
      kind === 2 ? `web/static/img${m % 20}/asset${m}.svg` :
      kind === 3 ? `api/proto/v${m % 5}/service${m}.proto` :
      kind === 4 ? `logs/run${m}.log` : `bin/tool${m}`;
    write(rel, 'content '.repeat(50 + (m % 400)), 'misc');
    m++;
  }
  return { sampleGoFile, counts };
}

// ------------------------------------------------------------------------------ measuring (child)

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function childLoad(root: string, sample: string): void {
  const logs: string[] = [];
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  const t0 = performance.now();
  const ws = loadWorkspace(root, { log: (l) => logs.push(l) });
  const cold = performance.now() - t0;
  const heapAfterLoad = process.memoryUsage().heapUsed;
  const model = ws.model;

  const warm: number[] = [];
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    loadWorkspace(root, {});
    warm.push(performance.now() - t);
  }

  const abs = path.join(root, sample);
  const original = fs.readFileSync(abs, 'utf8');
  const changedTimes: number[] = [];
  let changedOk = true;
  for (let i = 0; i < 21; i++) {
    const next = i % 2 === 0 ? original.replace('import (\n', `import (\n\t"crypto/tls"\n`) : original;
    fs.writeFileSync(abs, next);
    const t = performance.now();
    const changed = ws.update([abs]);
    changedTimes.push(performance.now() - t);
    if (!changed) changedOk = false;
  }
  // No-op: same content again.
  fs.writeFileSync(abs, original);
  ws.update([abs]);
  const noopTimes: number[] = [];
  let noopOk = true;
  for (let i = 0; i < 11; i++) {
    const t = performance.now();
    const changed = ws.update([abs]);
    noopTimes.push(performance.now() - t);
    if (changed) noopOk = false;
  }
  const added = path.join(path.dirname(abs), 'zz_added.go');
  fs.writeFileSync(added, 'package ' + (ws.model.packages.find((p) => p.dir === path.dirname(sample))?.name ?? 'x') + '\n\nimport "net/http"\n\nvar _ = http.Get\n');
  let t = performance.now();
  const addChanged = ws.update([added]);
  const addMs = performance.now() - t;
  fs.unlinkSync(added);
  t = performance.now();
  const delChanged = ws.update([added]);
  const delMs = performance.now() - t;

  const rss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({
    coldMs: cold, warmMs: warm, incrementalMedianMs: median(changedTimes), incrementalMaxMs: Math.max(...changedTimes), changedOk,
    noopMedianMs: median(noopTimes), noopOk, addMs, addChanged, delMs, delChanged,
    peakRssBytes: rss, rssBeforeLoadBytes: rssBefore, heapAfterLoadBytes: heapAfterLoad,
    model: {
      packages: model.packages.length, mains: model.packages.filter((p) => p.isMain).length, modules: model.modules.length,
      hasVendor: model.hasVendor, truncated: model.truncated, sentFiles: model.context.sentFiles, sentBytes: model.context.sentBytes,
      excludedFiles: model.context.excludedFiles, gitBytes: model.context.git.bytes, indexed: ws.listFiles().length,
    },
    logs,
  }));
}

function childCold(root: string): void {
  const t0 = performance.now();
  const ws = loadWorkspace(root, {});
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ coldMs: ms, packages: ws.model.packages.length, peakRssBytes: process.resourceUsage().maxRSS * 1024 }));
}

function childBaseline(root: string): void {
  const t0 = performance.now();
  let files = 0;
  let bytes = 0;
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') stack.push(p);
      } else {
        files++;
        if (e.name.endsWith('.go') && !p.includes(`${path.sep}vendor${path.sep}`) && !p.includes(`${path.sep}testdata${path.sep}`)) bytes += fs.readFileSync(p).length;
        else bytes += fs.lstatSync(p).size;
      }
    }
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ baselineMs: ms, files, bytes }));
}

// ------------------------------------------------------------------------------ main

function fmtMs(x: number): string {
  return x.toFixed(x < 10 ? 2 : 0) + ' ms';
}
function fmtMB(x: number): string {
  return (x / 1024 / 1024).toFixed(1) + ' MB';
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === '--child-load') return childLoad(args[1], args[2]);
  if (args[0] === '--child-baseline') return childBaseline(args[1]);
  if (args[0] === '--child-cold') return childCold(args[1]);

  const total = Number(args[args.indexOf('--files') + 1]) || 20_000;
  const keep = args.includes('--keep');
  const check = args.includes('--check');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'go-dockerfile-bench-'));
  let failed = false;
  try {
    const g0 = performance.now();
    const { sampleGoFile, counts } = generate(root, total);
    const genMs = performance.now() - g0;
    // Let the kernel write the new files back first: measuring while it flushes 100 MB of dirty
    // pages measures the disk, not the loader.
    try {
      execFileSync('sync');
    } catch {
      // not available: measure anyway
    }
    const self = __filename;
    const run = (extra: string[]) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, ...extra], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
    const base = run(['--child-baseline', root]);
    const r = run(['--child-load', root, sampleGoFile]);
    const colds: number[] = [r.coldMs];
    for (let i = 0; i < 4; i++) colds.push(run(['--child-cold', root]).coldMs);
    const coldMedian = median(colds);

    const rows: [string, string, string][] = [
      ['workspace', `${total} files (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')})`, ''],
      ['generated in', fmtMs(genMs), ''],
      ['baseline: bare walk + read .go', fmtMs(base.baselineMs), `${base.files} files, ${fmtMB(base.bytes)}`],
      ['cold load (fresh process), median of 5', fmtMs(coldMedian), `runs ${colds.map((x) => x.toFixed(0)).join(', ')} ms; budget ${COLD_BUDGET_MS} ms: ${Math.max(...colds) < COLD_BUDGET_MS ? 'ok (every run)' : coldMedian < COLD_BUDGET_MS ? 'ok (median; not every run)' : 'MISSED'}`],
      ['warm reloads', r.warmMs.map(fmtMs).join(', '), ''],
      ['incremental (1 .go changed), median of 21', fmtMs(r.incrementalMedianMs), `max ${fmtMs(r.incrementalMaxMs)}; budget ${INCREMENTAL_BUDGET_MS} ms: ${r.incrementalMedianMs < INCREMENTAL_BUDGET_MS ? 'ok' : 'MISSED'}; reported changed: ${r.changedOk}`],
      ['incremental no-op (same content)', fmtMs(r.noopMedianMs), `reported unchanged: ${r.noopOk}`],
      ['add one .go file / delete it', `${fmtMs(r.addMs)} / ${fmtMs(r.delMs)}`, `changed: ${r.addChanged} / ${r.delChanged}`],
      ['peak RSS (measuring process)', fmtMB(r.peakRssBytes), `+${fmtMB(r.peakRssBytes - r.rssBeforeLoadBytes)} over the process before loading (node + tsx: ${fmtMB(r.rssBeforeLoadBytes)}); heap after load ${fmtMB(r.heapAfterLoadBytes)}`],
      ['model', `${r.model.packages} packages, ${r.model.mains} main, ${r.model.modules} module(s)`, `indexed ${r.model.indexed} files; sent ${r.model.sentFiles} files ${fmtMB(r.model.sentBytes)}; excluded ${r.model.excludedFiles}; .git ${r.model.gitBytes === null ? 'not walked' : fmtMB(r.model.gitBytes)}; vendor ${r.model.hasVendor}; truncated ${r.model.truncated}`],
    ];
    const w0 = Math.max(...rows.map((x) => x[0].length));
    const w1 = Math.max(...rows.map((x) => x[1].length));
    console.log(`workspace model benchmark  (node ${process.version}, ${os.cpus().length} cpu, ${os.platform()})`);
    for (const [a, b, c] of rows) console.log(`  ${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
    if (r.logs.length) console.log('  logs: ' + r.logs.join(' | '));

    failed = coldMedian >= COLD_BUDGET_MS || r.incrementalMedianMs >= INCREMENTAL_BUDGET_MS || !r.changedOk || !r.noopOk;
    try {
      const outDir = path.join(__dirname, 'results');
      fs.mkdirSync(outDir, { recursive: true });
      fs.writeFileSync(path.join(outDir, 'workspace.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, total, genMs, baseline: base, coldRunsMs: colds, coldMedianMs: coldMedian, ...r }, null, 2));
    } catch {
      // results are optional
    }
  } finally {
    if (keep) console.log(`  kept ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
  if (check && failed) process.exit(1);
}

main();
