/**
 * Server memory over a long editing session (issue 16's soak figure): dist/server.js over
 * stdio opens a 14,000-line Dockerfile in a Go module and gets 1,000 seeded edits, one every
 * INTERVAL ms (a fast typist); the server's RSS is sampled from /proc every 100 edits, then
 * after the last version's diagnostics arrive. Run it for two builds on the same machine, one
 * after the other, and compare (the load average is printed: the other processes matter).
 *
 *   node bench/soak.mjs [--server dist/server.js] [--edits 1000] [--interval 50] [--lines 14000] [--seed 16]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
if (args.server) process.env.GO_DOCKERFILE_LSP_SERVER = path.resolve(args.server);
const EDITS = Number(args.edits ?? 1000);
const INTERVAL = Number(args.interval ?? 50);
const LINES = Number(args.lines ?? 14000);
const SEED = Number(args.seed ?? 16);
const { LspClient } = await import('../test/lsp/client.mjs');
const { rng } = await import('../test/lsp/helpers.mjs');

/** The analysis benchmark's ~20-line Go build, repeated with distinct stage names. */
function block(i) {
  return [
    `FROM golang:1.22-alpine AS build${i}`, 'RUN apk add git ca-certificates', 'WORKDIR /src', 'COPY . .', 'RUN go mod download',
    `RUN CGO_ENABLED=0 GOOS=linux go build -ldflags "-X main.version=${i}" \\`, `    -o /out/app${i} ./cmd/app${i}`, '# runtime',
    `FROM alpine:3.20 AS run${i}`, 'RUN apk update && apk add tzdata && \\', '    addgroup -S app && adduser -S app -G app',
    `COPY --from=build${i} /out/app${i} /usr/local/bin/app`, 'ENV TZ=UTC PORT=8080', 'EXPOSE 8080', 'USER root',
    'HEALTHCHECK CMD wget -qO- http://127.0.0.1:8080/healthz || exit 1', 'LABEL org.opencontainers.image.title="app" \\',
    '      org.opencontainers.image.source="example"', 'ENTRYPOINT app serve --port 8080', '',
  ];
}

function memoryOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gd-soak-')));
fs.writeFileSync(path.join(dir, 'go.mod'), 'module example.com/soak\n\ngo 1.22\n');
fs.writeFileSync(path.join(dir, 'main.go'), 'package main\n\nfunc main() {}\n');
fs.writeFileSync(path.join(dir, '.dockerignore'), '.git\n');
const lines = [];
for (let i = 0; lines.length < LINES; i++) lines.push(...block(i));
lines.length = LINES;
const file = path.join(dir, 'Dockerfile');
fs.writeFileSync(file, lines.join('\n') + '\n');
const uri = pathToFileURL(file).href;

const client = await LspClient.start({ rootDir: dir, timeoutMs: 600_000 });
const pid = client.proc.pid;
const rnd = rng(SEED);
console.log(`server ${process.env.GO_DOCKERFILE_LSP_SERVER ?? 'dist/server.js'}; ${LINES} lines, ${EDITS} edits every ${INTERVAL} ms, seed ${SEED}`);
console.log(`load average at start: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const t0 = Date.now();
client.open(uri, lines.join('\n') + '\n');
await client.diagnostics(uri, 1);
const opened = memoryOf(pid);
console.log(`opened: diagnostics after ${((Date.now() - t0) / 1000).toFixed(1)} s, RSS ${opened.rss.toFixed(0)} MB`);
console.log('edits    RSS MB   peak MB');

// Edits as typing does them: characters typed into a line, a comment line inserted or removed,
// an image tag changed (which changes findings).
let version = 1;
for (let e = 1; e <= EDITS; e++) {
  const line = Math.floor(rnd() * lines.length);
  const kind = rnd();
  let change;
  if (kind < 0.5) {
    const at = lines[line].length;
    lines[line] += 'x';
    change = { range: { start: { line, character: at }, end: { line, character: at } }, text: 'x' };
  } else if (kind < 0.7) {
    lines.splice(line, 0, `# soak ${e}`);
    change = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `# soak ${e}\n` };
  } else if (kind < 0.85) {
    const i = lines.findIndex((l, k) => k >= line && l.startsWith('# soak '));
    if (i < 0) { e--; continue; }
    lines.splice(i, 1);
    change = { range: { start: { line: i, character: 0 }, end: { line: i + 1, character: 0 } }, text: '' };
  } else {
    const i = lines.findIndex((l, k) => k >= line && /alpine:3\.\d+/.test(l));
    if (i < 0) { e--; continue; }
    const m = /alpine:3\.\d+/.exec(lines[i]);
    const tag = m[0] === 'alpine:3.20' ? 'alpine:3.19' : 'alpine:3.20';
    lines[i] = lines[i].replace(m[0], tag);
    change = { range: { start: { line: i, character: m.index }, end: { line: i, character: m.index + m[0].length } }, text: tag };
  }
  version = client.change(uri, [change]);
  if (e % 100 === 0) {
    const m = memoryOf(pid);
    console.log(`${String(e).padStart(5)} ${m.rss.toFixed(0).padStart(9)} ${m.peak.toFixed(0).padStart(9)}`);
  }
  await new Promise((r) => setTimeout(r, INTERVAL));
}
const tEdits = Date.now();
await client.diagnostics(uri, version);
const end = memoryOf(pid);
console.log(`last version's diagnostics ${((Date.now() - tEdits) / 1000).toFixed(1)} s after the last edit; RSS ${end.rss.toFixed(0)} MB, peak ${end.peak.toFixed(0)} MB; ${client.publishCount(uri)} publishes`);
console.log(`load average at end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; wall ${((Date.now() - t0) / 1000).toFixed(0)} s`);
await client.stop();
fs.rmSync(dir, { recursive: true, force: true });
