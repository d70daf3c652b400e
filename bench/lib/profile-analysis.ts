// Profiling driver (not a benchmark): `node --cpu-prof --import tsx bench/lib/profile-analysis.ts LINES SECONDS`
// analyses a Dockerfile of LINES lines over and over, cold (no cached shell parses), for SECONDS.
import { dockerfile } from './fixtures.mjs';
const { analyzeText, initAnalysis } = require('../../server/src/analysis') as typeof import('../../server/src/analysis');
const shell = require('../../server/src/dockerfile/shell') as typeof import('../../server/src/dockerfile/shell');

async function main() {
  await initAnalysis();
  const text = dockerfile(Number(process.argv[2] ?? 20));
  const seconds = Number(process.argv[3] ?? 5);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let n = 0;
  while (performance.now() < t0 + seconds * 1000) {
    shell.clearShellCache();
    analyzeText(text);
    n++;
  }
  const c = process.cpuUsage(c0);
  console.log(`${n} analyses, ${((performance.now() - t0) / n).toFixed(3)} ms wall, ${((c.user + c.system) / 1000 / n).toFixed(3)} ms CPU each`);
}
void main();
