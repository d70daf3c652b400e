#!/usr/bin/env node
// `npm test`: every check and test suite, installing what the suites need on the way, then a
// summary table. On a fresh clone after `npm ci` this is all there is to run.
//
//   npm test                    everything
//   npm test -- unit lsp        only these steps (and the steps they need), by name
//
// Each step prints a start line and, when it ends, its result and duration. The suites that need
// more than npm's packages install it first, idempotently (a second run finds it in place):
//   real builds      test/real-builds/setup.sh: buildah and debootstrapped base images (root, Debian)
//   UI, ext. host    test/e2e/setup.sh: chromium and the code-server harness
// A prerequisite that cannot be installed here (no root, not Debian, offline) skips the suites
// that need it, with the reason; under CI=true it fails the run instead. The last lines name
// every skipped suite: a skip never reads like a pass. Exit code: 0 when nothing failed.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CI = /^(1|true|yes)$/i.test(process.env.CI ?? '');

/**
 * The steps in order. kind: 'check' (typecheck, build, package), 'setup' (installs a
 * prerequisite; when it fails the steps needing it are skipped, or fail under CI) or 'suite'
 * (tests, with counts). needs: steps that must have succeeded first.
 */
const STEPS = [
  { name: 'typecheck', kind: 'check', cmd: ['npm', 'run', 'typecheck'] },
  { name: 'architecture', kind: 'check', cmd: ['npm', 'run', 'check:arch'] },
  { name: 'build', kind: 'check', cmd: ['npm', 'run', 'build'] },
  // unit runs the built CLI for the special-file cases (a FIFO read would block the test process).
  { name: 'unit', kind: 'suite', cmd: ['npm', 'run', 'test:unit'], needs: ['build'] },
  { name: 'lsp', kind: 'suite', cmd: ['npm', 'run', 'test:lsp'], needs: ['build'] },
  { name: 'real-builds setup', kind: 'setup', cmd: ['bash', 'test/real-builds/setup.sh'] },
  { name: 'real builds', kind: 'suite', cmd: ['npm', 'run', 'test:real'], needs: ['build', 'real-builds setup'] },
  { name: 'package', kind: 'check', cmd: ['npm', 'run', 'package'], needs: ['build'] },
  { name: 'packaging', kind: 'suite', cmd: ['npm', 'run', 'test:package'], needs: ['package'] },
  { name: 'e2e setup', kind: 'setup', cmd: ['bash', 'test/e2e/setup.sh'] },
  { name: 'UI (e2e)', kind: 'suite', cmd: ['npm', 'run', 'test:e2e'], needs: ['package', 'e2e setup'] },
  { name: 'extension host', kind: 'suite', cmd: ['npm', 'run', 'test:extension'], needs: ['build', 'e2e setup'] },
];

function say(message) {
  console.log(`[test] ${message}`);
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The steps the command line asks for, with every step they need. */
function selected(args) {
  if (args.length === 0) return STEPS;
  const wanted = new Set();
  const add = (name) => {
    const step = STEPS.find((s) => s.name.toLowerCase().startsWith(name.toLowerCase()));
    if (!step) {
      console.error(`[test] no step named "${name}"; steps: ${STEPS.map((s) => s.name).join(', ')}`);
      process.exit(2);
    }
    if (wanted.has(step)) return;
    wanted.add(step);
    for (const n of step.needs ?? []) add(n);
  };
  for (const a of args) add(a);
  return STEPS.filter((s) => wanted.has(s));
}

/** Runs a command, its output passed through and kept (the end of it) for the counts. */
function run(cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd: REPO, stdio: ['inherit', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk) => {
      tail = (tail + chunk.toString('utf8')).slice(-256 * 1024);
    };
    child.stdout.on('data', (c) => {
      process.stdout.write(c);
      keep(c);
    });
    child.stderr.on('data', (c) => {
      process.stderr.write(c);
      keep(c);
    });
    child.on('error', (e) => resolve({ code: 127, output: String(e) }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output: tail }));
  });
}

/**
 * Test counts from the end of a suite's output: node's test runner summary (`# pass 12` in TAP,
 * `ℹ pass 12` in the spec reporter) or the extension-host runner's `12 passed, 0 failed`.
 */
function countsOf(output) {
  const last = (name) => {
    const all = [...output.matchAll(new RegExp(`^(?:#|ℹ) ${name} (\\d+)$`, 'gm'))];
    return all.length ? Number(all[all.length - 1][1]) : undefined;
  };
  const pass = last('pass');
  if (pass !== undefined) {
    return { tests: last('tests'), pass, fail: (last('fail') ?? 0) + (last('cancelled') ?? 0), skipped: (last('skipped') ?? 0) + (last('todo') ?? 0) };
  }
  const mocha = [...output.matchAll(/^(\d+) passed, (\d+) failed$/gm)].pop();
  if (mocha) return { tests: Number(mocha[1]) + Number(mocha[2]), pass: Number(mocha[1]), fail: Number(mocha[2]), skipped: 0 };
  return undefined;
}

/** The last line a setup script printed: its own account of what went wrong. */
function lastLine(output) {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  return (lines[lines.length - 1] ?? 'no output').replace(/^\[[^\]]+\]\s*/, '');
}

const steps = selected(process.argv.slice(2));
const results = new Map(); // name -> { result: 'ok'|'FAILED'|'SKIPPED', counts?, ms?, reason? }
const started = performance.now();
say(`${steps.length} steps: ${steps.map((s) => s.name).join(', ')}${CI ? ' (CI: a prerequisite that cannot be installed fails the run)' : ''}`);

for (const [i, step] of steps.entries()) {
  const blocked = (step.needs ?? []).map((n) => [n, results.get(n)]).find(([, r]) => r && r.result !== 'ok');
  if (blocked) {
    const [name, r] = blocked;
    const reason = r.result === 'SKIPPED' ? r.reason : `${name} failed`;
    // A suite skipped because its prerequisite cannot be installed is a failure under CI.
    const result = r.result === 'SKIPPED' && !CI ? 'SKIPPED' : 'FAILED';
    results.set(step.name, { result, reason });
    say(`[${i + 1}/${steps.length}] ${step.name}: ${result === 'SKIPPED' ? 'skipped' : 'not run'} (${reason})`);
    continue;
  }
  say(`[${i + 1}/${steps.length}] ${step.name}: ${step.cmd.join(' ')}`);
  const t0 = performance.now();
  const { code, output } = await run(step.cmd);
  const ms = performance.now() - t0;
  const counts = step.kind === 'suite' ? countsOf(output) : undefined;
  let entry;
  if (code === 0 && step.kind === 'suite' && (!counts || counts.pass === 0)) {
    // Exit 0 with nothing passed: the suite skipped itself (e.g. its own prerequisite check).
    const why = /skipped:?\s+(.+)$/m.exec(output)?.[1]?.trim() ?? 'no test ran';
    entry = { result: CI ? 'FAILED' : 'SKIPPED', counts, ms, reason: why };
  } else if (code === 0) entry = { result: 'ok', counts, ms };
  else if (step.kind === 'setup' && !CI) entry = { result: 'SKIPPED', ms, reason: `${step.name}: ${lastLine(output)}` };
  else entry = { result: 'FAILED', counts, ms, reason: step.kind === 'setup' ? lastLine(output) : `exit ${code}` };
  results.set(step.name, entry);
  say(`[${i + 1}/${steps.length}] ${step.name}: ${entry.result}${counts ? ` (${counts.pass} passed, ${counts.fail} failed, ${counts.skipped} skipped)` : ''} in ${seconds(ms)}${entry.reason ? `: ${entry.reason}` : ''}`);
}

// ---- summary --------------------------------------------------------------------------------------
const total = performance.now() - started;
const rows = [['step', 'result', 'tests', 'pass', 'fail', 'skip', 'time', 'note']];
for (const step of steps) {
  const r = results.get(step.name);
  const c = r.counts;
  rows.push([step.name, r.result, c?.tests ?? '', c?.pass ?? '', c?.fail ?? '', c?.skipped ?? '', r.ms === undefined ? '' : seconds(r.ms), r.reason ?? '']);
}
const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => String(row[col]).length)));
console.log('');
say('summary');
for (const row of rows) say(row.map((cell, col) => (col >= 2 && col <= 6 ? String(cell).padStart(widths[col]) : String(cell).padEnd(widths[col]))).join('  ').trimEnd());
say(`total ${seconds(total)}`);

const failed = steps.filter((s) => results.get(s.name).result === 'FAILED');
const skipped = steps.filter((s) => results.get(s.name).result === 'SKIPPED' && s.kind === 'suite');
for (const s of skipped) say(`SKIPPED: ${s.name}: ${results.get(s.name).reason}`);
if (failed.length > 0) say(`FAILED: ${failed.map((s) => s.name).join(', ')}`);
else if (skipped.length > 0) say(`passed, but ${skipped.length} suite(s) did not run: ${skipped.map((s) => s.name).join(', ')}`);
else say('all steps passed; every suite ran');
process.exit(failed.length > 0 ? 1 : 0);
