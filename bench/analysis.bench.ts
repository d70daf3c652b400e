/**
 * Whole analysis (parse + every rule) against dockerfile-language-service's own `validate`
 * on the same texts, in the same run: Dockerfiles of about 20, 150, 1,400 and 14,000 lines.
 *
 *   node --import tsx bench/analysis.bench.ts
 *
 * Prints the ratio ours/validate per size and our time per line (flat = linear).
 */
import { dockerfile } from './lib/fixtures.mjs';

// The baseline is the library as shipped (our analysis has its own lexer and never loads dockerfile-ast).
const { DockerfileLanguageServiceFactory } = require('dockerfile-language-service') as typeof import('dockerfile-language-service');
const { analyzeText, initAnalysis } = require('../server/src/analysis') as typeof import('../server/src/analysis');
const shell = require('../server/src/dockerfile/shell') as typeof import('../server/src/dockerfile/shell');

// A cold analysis each time: no scripts parsed by an earlier run (the cache is for editing).
const clearCache = () => (shell as { clearShellCache?: () => void }).clearShellCache?.();

/** Medians of two functions timed alternately (load on the machine hits both alike). */
function timePair(a: () => unknown, b: () => unknown, budgetMs: number): [number, number] {
  // Warm-up: let both be compiled by the optimizing tier before anything is timed.
  const warm = performance.now() + Math.min(1500, budgetMs / 4);
  do {
    a();
    b();
  } while (performance.now() < warm);
  const sa: number[] = [];
  const sb: number[] = [];
  const end = performance.now() + budgetMs;
  while (sa.length < 5 || (performance.now() < end && sa.length < 200)) {
    let t = performance.now();
    a();
    sa.push(performance.now() - t);
    t = performance.now();
    b();
    sb.push(performance.now() - t);
  }
  const med = (s: number[]) => s.sort((x, y) => x - y)[s.length >> 1];
  return [med(sa), med(sb)];
}

async function main() {
  await initAnalysis();
  const service = DockerfileLanguageServiceFactory.createLanguageService();
  console.log('lines   ours (ms)  validate (ms)  ratio  ours µs/line  findings');
  for (const n of [20, 150, 1400, 14000]) {
    const text = dockerfile(n);
    const [ours, theirs] = timePair(() => {
      clearCache();
      analyzeText(text);
    }, () => service.validate(text), 6000);
    const findings = analyzeText(text).findings.length;
    console.log(`${String(n).padStart(6)} ${ours.toFixed(2).padStart(10)} ${theirs.toFixed(2).padStart(14)} ${(ours / theirs).toFixed(2).padStart(6)} ${((ours * 1000) / n).toFixed(1).padStart(13)}  ${findings}`);
  }
}

void main();
