/**
 * Typing over LSP: the spawned dist/server.js, a Go workspace beside the Dockerfile, an editor
 * that types one character every 30 ms.
 *
 *   npm run build && node bench/typing.bench.mjs [--edits 1000] [--lines 1400,14000] [--opens 7] [--server dist/server.js]
 *
 * For each size it measures
 *   - open: didOpen -> the first publishDiagnostics (version 1), each time in a fresh server:
 *     first in a new cache folder (the first start after an install: no V8 code cache yet), then
 *     the median of `--opens` starts once the server has written its cache (every later start),
 *     opened at once (the server started for that file); then the median of `--opens` opens
 *     after the server's idle warm-up (a server started with the Go workspace, lsp/warmUp.ts);
 *   - typing: `--edits` one-character edits (insert a word into a RUN, then delete it again)
 *     sent every 30 ms; the latency of version v is from its didChange to the first publish of
 *     version >= v (a newer answer supersedes it, as in an editor);
 *   - after a pause: one keystroke after 600 ms idle, 15 times (median and max: the library's
 *     syntax check, asked for after 200 ms idle, may still run when the keystroke comes);
 *   - the server's RSS after opening (and settling) and after the edits.
 * Baseline in the same run: dockerfile-language-service's `validate` of the same text (the
 * plain validator's whole-file cost), and the budgets (p99 50 ms at 1,400 lines, 250 ms
 * at 14,000; open 100 ms at 1,400; RSS growth 1.5x). Ratios are printed against both.
 * Writes bench/results/typing.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
// Another build's server (`--server /tmp/before/dist/server.js`), to compare two builds in the same conditions.
if (arg('server')) process.env.GO_DOCKERFILE_LSP_SERVER = path.resolve(arg('server'));
const { LspClient, pathUri, REPO_ROOT, SERVER_JS } = await import('../test/lsp/client.mjs');
const { dockerfile, median, quantile, writeGoWorkspace } = await import('./lib/fixtures.mjs');
const EDITS = Number(arg('edits', '1000'));
const OPENS = Number(arg('opens', '7'));
const SIZES = arg('lines', '1400,14000').split(',').map(Number);
const KEY_MS = 30;
const BUDGET_P99 = { 1400: 50, 14000: 250 };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function rssMb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function validateMs(text) {
  const service = DockerfileLanguageServiceFactory.createLanguageService();
  service.validate(text);
  const samples = [];
  for (let k = 0; k < 7; k++) {
    const t = performance.now();
    service.validate(text);
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/**
 * didOpen -> first publish in a server started for it; `writeCache`: stays up until the server
 * has written its V8 code cache (server.ts writes it 1.5 s after the first diagnostics).
 */
async function openOnce(dir, uri, text, env, writeCache, afterWarmUp = false) {
  const c = await LspClient.start({ rootDir: dir, initializationOptions: { languageFeatures: 'on' }, timeoutMs: 120000, env });
  try {
    // A server started with the Go workspace, before any Dockerfile is open (the extension's
    // activation on go.mod): it warms its analysis up while idle (lsp/warmUp.ts).
    if (afterWarmUp) {
      while (!c.logs.some((l) => /^warm-up: /.test(l.message))) {
        if (c.exited) throw new Error(`server exited\n${c.stderr}`);
        await sleep(20);
      }
    }
    // A server that never answers fails the run instead of holding it forever.
    let timer;
    const first = new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no diagnostics within 60 s of opening (${text.length} characters)`)), 60000);
      const orig = c.onPublish.bind(c);
      c.onPublish = (p) => {
        if (p.uri === uri) resolve(performance.now());
        orig(p);
      };
    }).finally(() => clearTimeout(timer));
    const t0 = performance.now();
    c.open(uri, text);
    const ms = (await first) - t0;
    if (writeCache) await sleep(2500);
    return ms;
  } finally {
    await c.stop();
  }
}

async function runSize(lines) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-typing-'));
  // The server's V8 code cache goes here, not into the user's cache folder: the first start
  // has none, whatever ran before.
  const env = { XDG_CACHE_HOME: path.join(dir, '.cache') };
  try {
    writeGoWorkspace(dir);
    const text = dockerfile(lines);
    const file = path.join(dir, 'Dockerfile');
    fs.writeFileSync(file, text);
    const uri = pathUri(file);
    const openFirst = await openOnce(dir, uri, text, env, true);
    const opens = [];
    for (let k = 0; k < OPENS; k++) opens.push(await openOnce(dir, uri, text, env, false));
    const idleOpens = [];
    for (let k = 0; k < OPENS; k++) idleOpens.push(await openOnce(dir, uri, text, env, false, true));
    const c = await LspClient.start({ rootDir: dir, initializationOptions: { languageFeatures: 'on' }, timeoutMs: 120000, env });
    try {
      /** publish arrival times: [version, ms] */
      const arrivals = [];
      const orig = c.onPublish.bind(c);
      c.onPublish = (p) => {
        if (p.uri === uri) arrivals.push([p.version, performance.now()]);
        // Only the arrival matters here: keeping a thousand copies of a 14,000-line file's
        // diagnostics made the bench's own collector the bottleneck (its writes then queued).
        orig(p.uri === uri ? { ...p, diagnostics: [] } : p);
      };
      const answered = (v, since) => new Promise((resolve) => {
        const check = () => {
          const hit = arrivals.find(([ver, t]) => ver >= v && t >= since);
          if (hit) resolve(hit[1]);
          else setTimeout(check, 1);
        };
        check();
      });

      c.open(uri, text);
      await answered(1, 0);
      // Let the workspace be read and its re-lint be published before measuring RSS and typing.
      let count;
      do {
        count = arrivals.length;
        await sleep(1500);
      } while (arrivals.length !== count);
      const rssOpen = rssMb(c.proc.pid);

      // The line to type into: a RUN in the middle of the file.
      const all = text.split('\n');
      let line = all.length >> 1;
      while (!all[line].startsWith('RUN go mod download')) line++;
      const word = ' -x';
      let col = all[line].length;
      let typed = 0;
      const sent = [];
      let version = 1;
      const start = performance.now();
      for (let k = 0; k < EDITS; k++) {
        const due = start + k * KEY_MS;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        // Type the word, then delete it with backspaces, and again.
        const deleting = Math.floor(k / word.length) % 2 === 1;
        let change;
        if (!deleting) {
          change = { range: { start: { line, character: col }, end: { line, character: col } }, text: word[typed % word.length] };
          col++;
          typed++;
        } else {
          change = { range: { start: { line, character: col - 1 }, end: { line, character: col } }, text: '' };
          col--;
          typed--;
        }
        version = c.change(uri, [change]);
        sent.push([version, performance.now()]);
      }
      await answered(version, start);
      const latencies = [];
      for (const [v, t] of sent) latencies.push((await answered(v, t)) - t);
      latencies.sort((a, b) => a - b);
      const published = arrivals.filter(([, t]) => t >= start).length;

      // One keystroke after a pause.
      const paused = [];
      for (let k = 0; k < 15; k++) {
        await sleep(600);
        const insert = k % 2 === 0;
        const change = insert
          ? { range: { start: { line, character: col }, end: { line, character: col } }, text: 'y' }
          : { range: { start: { line, character: col - 1 }, end: { line, character: col } }, text: '' };
        col += insert ? 1 : -1;
        const t = performance.now();
        const v = c.change(uri, [change]);
        paused.push((await answered(v, t)) - t);
      }
      await sleep(1500);
      const rssEdited = rssMb(c.proc.pid);
      return {
        lines, openFirst, openMs: median(opens), openMax: Math.max(...opens),
        openIdleMs: median(idleOpens), openIdleMax: Math.max(...idleOpens),
        p50: quantile(latencies, 0.5), p90: quantile(latencies, 0.9), p99: quantile(latencies, 0.99), max: latencies[latencies.length - 1],
        publishes: published, edits: EDITS,
        pausedP50: median(paused), pausedMax: Math.max(...paused),
        rssOpen, rssEdited,
        validateMs: validateMs(text),
      };
    } finally {
      await c.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const LOAD_AT_START = os.loadavg().map((x) => x.toFixed(2)).join(' ');
const results = [];
for (const n of SIZES) results.push(await runSize(n));
console.log(`typing over LSP, ${EDITS} one-character edits every ${KEY_MS} ms (latency: didChange -> publish of that version or newer); server ${SERVER_JS}`);
console.log(`load average at start: ${LOAD_AT_START}; at end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`open: the first start (no code cache yet), then median/max of ${OPENS} starts; idle: median/max of ${OPENS} opens after the server's idle warm-up`);
console.log('lines  open first median/max ms  idle ms   p50 ms   p90 ms   p99 ms   max ms  publishes  paused p50/max  validate ms  p99/budget  p50/validate  RSS open->edited (ratio)');
for (const r of results) {
  const budget = BUDGET_P99[r.lines];
  console.log([
    String(r.lines).padStart(6),
    `${r.openFirst.toFixed(0)}  ${r.openMs.toFixed(0)}/${r.openMax.toFixed(0)}`.padStart(22),
    `${r.openIdleMs.toFixed(0)}/${r.openIdleMax.toFixed(0)}`.padStart(9),
    r.p50.toFixed(1).padStart(8),
    r.p90.toFixed(1).padStart(8),
    r.p99.toFixed(1).padStart(8),
    r.max.toFixed(0).padStart(8),
    String(r.publishes).padStart(10),
    `${r.pausedP50.toFixed(1)}/${r.pausedMax.toFixed(0)}`.padStart(15),
    r.validateMs.toFixed(1).padStart(12),
    (budget ? (r.p99 / budget).toFixed(2) : '-').padStart(11),
    (r.p50 / r.validateMs).toFixed(2).padStart(13),
    `  ${r.rssOpen.toFixed(0)} -> ${r.rssEdited.toFixed(0)} MB (${(r.rssEdited / r.rssOpen).toFixed(2)})`,
  ].join(' '));
}
fs.mkdirSync(path.join(REPO_ROOT, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(REPO_ROOT, 'bench/results/typing.json'), JSON.stringify(results, null, 2));
