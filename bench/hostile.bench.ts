/**
 * How the analysis grows with pathological Dockerfiles (issue 16, item 7): each shape at n, 2n
 * and 4n, the n run being the baseline in the same run. Linear growth shows as ratios near 2
 * and 4; the n² walks this replaced showed 4 and 16 (and minutes at the sizes of the issue).
 *
 *   node --import tsx bench/hostile.bench.ts
 */
import { analyzeText, initAnalysis } from '../server/src/analysis';

const SHAPES: Record<string, (n: number) => string> = {
  'chained stages': (n) => Array.from({ length: n }, (_, i) => `FROM ${i ? `s${i - 1}` : 'golang:1.22'} AS s${i}\nRUN echo ${i}\n`).join(''),
  'ENV lines': (n) => `FROM golang:1.22\nENV V0=a\n${Array.from({ length: n }, (_, i) => `ENV V${i + 1}=\${V${i}}\n`).join('')}RUN go build -o /app .\n`,
  'ARG lines': (n) => `FROM golang:1.22\n${Array.from({ length: n }, (_, i) => `ARG A${i}=v${i}\n`).join('')}RUN go build -o /app .\n`,
  'continuation lines': (n) => `FROM golang:1.22\nRUN echo a${Array.from({ length: n }, (_, i) => ` \\\n  b${i}`).join('')}\n`,
  'nested (': (n) => `FROM golang:1.22\nRUN ${'('.repeat(n)}echo${')'.repeat(n)}\n`,
};
const SIZES: Record<string, number> = { 'chained stages': 1000, 'ENV lines': 1000, 'ARG lines': 2500, 'continuation lines': 5000, 'nested (': 500 };

function ms(text: string): number {
  const t = performance.now();
  analyzeText(text);
  return performance.now() - t;
}

async function main() {
  await initAnalysis();
  analyzeText(SHAPES['ENV lines'](10)); // warm-up
  console.log('shape                 n        t(n) ms   t(2n)/t(n)  t(4n)/t(n)');
  for (const [name, make] of Object.entries(SHAPES)) {
    const n = SIZES[name];
    const [a, b, c] = [n, 2 * n, 4 * n].map((k) => Math.min(ms(make(k)), ms(make(k))));
    console.log(`${name.padEnd(20)} ${String(n).padStart(6)} ${a.toFixed(0).padStart(10)} ${(b / a).toFixed(1).padStart(11)} ${(c / a).toFixed(1).padStart(11)}`);
  }
}

void main();
