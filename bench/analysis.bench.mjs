/**
 * Whole analysis (parse + every rule) against dockerfile-language-service's own `validate`
 * on the same texts, in the same process: Dockerfiles of about 20, 150, 1,400 and 14,000 lines.
 *
 *   node bench/analysis.bench.mjs [--processes 5] [--root DIR] [--sizes 20,150,1400,14000]
 *
 * Ours is measured as the server and the CLI ship it: the sources of `--root` (this tree by
 * default) bundled with dist's options (scripts/bundle-options.mjs). Run from the sources under
 * tsx, every function carries a `__name` call for its name, which the shipped bundle does not.
 * The baseline is the library as shipped (our analysis has its own lexer and never loads
 * dockerfile-ast).
 *
 * How well V8 compiles the two differs from one process to the next (a ratio at 20 lines moves by
 * about ±0.07 between runs): each size is measured in `--processes` fresh processes, and the
 * median and the range of their ratios are printed, with our time per line (flat = linear).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const SIZES = (arg('sizes', '20,150,1400,14000')).split(',').map(Number);

/** Bundles `root`'s analysis into `dir`/analysis.js (this tree's options), the grammar's .wasm files beside it. */
async function bundle(root, dir) {
  const { nodeBundle, serverCode } = await import('../scripts/bundle-options.mjs');
  const esbuild = createRequire(import.meta.url)('esbuild');
  const entry = path.join(dir, 'entry.ts');
  const src = (p) => JSON.stringify(path.join(root, 'server/src', p));
  fs.writeFileSync(entry, `export { analyzeText, initAnalysis } from ${src('analysis')};\nexport { clearShellCache } from ${src('dockerfile/shell')};\n`);
  await esbuild.build({ ...nodeBundle, ...serverCode, entryPoints: [entry], outfile: path.join(dir, 'analysis.js'), define: { VERSION: '"bench"' }, logLevel: 'warning' });
  const wasm = path.join(HERE, '../node_modules/@vscode/tree-sitter-wasm/wasm');
  for (const f of ['tree-sitter.wasm', 'tree-sitter-bash.wasm']) fs.copyFileSync(path.join(wasm, f), path.join(dir, f));
}

/** Medians of two functions timed alternately (load on the machine hits both alike). */
function timePair(a, b, warmMs, budgetMs) {
  // Warm-up: let both be compiled by the optimizing tier before anything is timed.
  const warm = performance.now() + warmMs;
  do {
    a();
    b();
  } while (performance.now() < warm);
  const sa = [];
  const sb = [];
  const end = performance.now() + budgetMs;
  while (sa.length < 5 || (performance.now() < end && sa.length < 400)) {
    let t = performance.now();
    a();
    sa.push(performance.now() - t);
    t = performance.now();
    b();
    sb.push(performance.now() - t);
  }
  const med = (s) => s.sort((x, y) => x - y)[s.length >> 1];
  return [med(sa), med(sb)];
}

/** One process, one size: prints `{ ours, theirs, findings }` as JSON. */
async function child(dir, lines) {
  const require = createRequire(import.meta.url);
  const { analyzeText, initAnalysis, clearShellCache } = require(path.join(dir, 'analysis.js'));
  const { DockerfileLanguageServiceFactory } = require('dockerfile-language-service');
  const { dockerfile } = await import('./lib/fixtures.mjs');
  await initAnalysis();
  const service = DockerfileLanguageServiceFactory.createLanguageService();
  const text = dockerfile(lines);
  // A cold analysis each time: no scripts parsed by an earlier run (the cache is for editing).
  const [ours, theirs] = timePair(() => {
    clearShellCache();
    analyzeText(text);
  }, () => service.validate(text), 3000, 6000);
  console.log(JSON.stringify({ ours, theirs, findings: analyzeText(text).findings.length }));
}

async function main() {
  const processes = Number(arg('processes', '5'));
  const root = path.resolve(arg('root', path.join(HERE, '..')));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-analysis-bench-'));
  try {
    await bundle(root, dir);
    console.log(`analysis of ${root} as bundled for dist, ${processes} processes per size (median and range of their ratios)`);
    console.log('lines   ours (ms)  validate (ms)  ratio  (range)      ours µs/line  findings');
    for (const n of SIZES) {
      const runs = [];
      for (let k = 0; k < processes; k++) {
        const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', dir, String(n)], { encoding: 'utf8' });
        runs.push(JSON.parse(out.trim().split('\n').pop()));
      }
      const med = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
      const ratios = runs.map((r) => r.ours / r.theirs);
      const ours = med(runs.map((r) => r.ours));
      const theirs = med(runs.map((r) => r.theirs));
      const range = `(${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
      console.log(`${String(n).padStart(6)} ${ours.toFixed(2).padStart(10)} ${theirs.toFixed(2).padStart(14)} ${med(ratios).toFixed(2).padStart(6)}  ${range.padEnd(12)} ${((ours * 1000) / n).toFixed(1).padStart(11)}  ${runs[0].findings}`);
    }
    console.log(`load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3], Number(process.argv[4]));
else await main();
