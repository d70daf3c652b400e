/**
 * CLI start: `go-dockerfile lint` against node's own start (`node -e 0`), interleaved in the
 * same run so machine load hits both alike.
 *
 *   npm run build && node bench/cli-start.bench.mjs [--runs 15] [--files 51] [--file-runs 1] [--baseline DIR]
 *
 * Cases (wall time of a fresh process, median of --runs):
 *   - node -e 0
 *   - lint of a 20-line Dockerfile in a Go module (go.mod beside it: the workspace is read)
 *   - lint of a 20-line Dockerfile with no RUN and no Go module beside it
 *   - --files Dockerfiles of 20 lines, one process each (a pre-commit hook's pattern), total
 *   - the same files in one invocation
 * Prints ratios to `node -e 0` (the median of --runs, for every row); writes bench/results/cli-start.json.
 * --baseline DIR: also times DIR/dist/cli.js (another checkout's build) on the two single-file
 * cases, interleaved with the rest, for a before/after in the same run.
 * The CLI's code cache (start/cli.ts) goes to a folder of this run, written by the warm-up run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../test/lsp/client.mjs';
import { dockerfile, median, writeGoWorkspace } from './lib/fixtures.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const RUNS = Number(arg('runs', '15'));
const FILES = Number(arg('files', '51'));
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const BASELINE = arg('baseline', null) && path.join(path.resolve(arg('baseline')), 'dist', 'cli.js');
if (BASELINE && !fs.existsSync(BASELINE)) throw new Error(`${BASELINE} is missing: build that checkout first`);

function wall(args, cwd) {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: path.join(dir, '.cache') } });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}\n${r.stderr}`);
  return ms;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-cli-'));
let plain;
try {
  writeGoWorkspace(dir);
  fs.writeFileSync(path.join(dir, 'Dockerfile'), dockerfile(20));
  // Its own folder outside `dir`: below `dir`, the go.mod there would make `dir` its build context
  // and the Go workspace would be read for it too.
  plain = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-cli-plain-'));
  fs.writeFileSync(path.join(plain, 'Dockerfile'), [
    'FROM gcr.io/distroless/static-debian12', 'LABEL org.opencontainers.image.title="app"', 'ENV TZ=UTC PORT=8080',
    'COPY bin/app /app', 'EXPOSE 8080', 'USER nonroot', 'ENTRYPOINT ["/app"]', '',
  ].join('\n'));
  const many = [];
  for (let k = 0; k < FILES; k++) {
    const sub = path.join(dir, 'services', `svc${k}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, 'Dockerfile'), dockerfile(20).replaceAll('app0', `app${k}`));
    many.push(path.relative(dir, path.join(sub, 'Dockerfile')));
  }

  const cases = {
    node: () => wall(['-e', '0'], dir),
    lint20: () => wall([CLI, 'lint', 'Dockerfile'], dir),
    lintPlain: () => wall([CLI, 'lint', 'Dockerfile'], plain),
    ...(BASELINE
      ? { baseLint20: () => wall([BASELINE, 'lint', 'Dockerfile'], dir), baseLintPlain: () => wall([BASELINE, 'lint', 'Dockerfile'], plain) }
      : {}),
  };
  const load0 = os.loadavg();
  const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (const fn of Object.values(cases)) fn(); // warm the page cache
  for (let r = 0; r < RUNS; r++) for (const [k, fn] of Object.entries(cases)) samples[k].push(fn());
  const perFileRuns = Number(arg('file-runs', '1'));
  const eachProcess = [];
  const oneProcess = [];
  const nodeBatch = [];
  for (let r = 0; r < perFileRuns; r++) {
    let t = 0;
    for (const f of many) t += wall([CLI, 'lint', f], dir);
    eachProcess.push(t);
    oneProcess.push(wall([CLI, 'lint', ...many], dir));
    nodeBatch.push(wall(['-e', '0'], dir));
  }

  const node = median(samples.node);
  const rows = [
    ['node -e 0', node],
    ['lint, 20 lines, Go module', median(samples.lint20)],
    ['lint, 8 lines, no RUN, no module', median(samples.lintPlain)],
    [`lint, ${FILES} files, one process each (total)`, median(eachProcess), FILES * node],
    [`lint, ${FILES} files, one invocation`, median(oneProcess)],
    ...(BASELINE ? [['baseline build: lint, 20 lines, Go module', median(samples.baseLint20)], ['baseline build: lint, 8 lines, no RUN', median(samples.baseLintPlain)]] : []),
  ];
  console.log(`load average ${load0.map((l) => l.toFixed(2)).join(' ')} -> ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}${BASELINE ? `; baseline ${BASELINE}` : ''}`);
  console.log(`CLI start, median of ${RUNS} interleaved runs (${perFileRuns} for the ${FILES}-file cases)`);
  console.log('case                                          wall ms   x node -e 0');
  for (const [name, ms, base = node] of rows) console.log(`${name.padEnd(44)} ${ms.toFixed(0).padStart(8)} ${(ms / base).toFixed(2).padStart(12)}`);
  fs.mkdirSync(path.join(REPO_ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(REPO_ROOT, 'bench/results/cli-start.json'), JSON.stringify({ samples, eachProcess, oneProcess, nodeBatch }, null, 2));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
  if (plain) fs.rmSync(plain, { recursive: true, force: true });
}
