/**
 * The editing path reuses work between analyses: shell parses by script text, dockerfile-ast's
 * arguments per instruction, image lookups, per-model facts. A random sequence of edits analysed
 * one after another (as the language server does while typing) must end with exactly the
 * findings, fixes included, of a fresh analysis of the final text.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeText } from '../../server/src/analysis';
import { clearShellCache } from '../../server/src/dockerfile/shell';
import type { Finding } from '../../server/src/rules/types';
import { dockerfile } from '../../bench/lib/fixtures.mjs';
import { df, ready } from './helpers';

before(() => ready);

/** Deterministic pseudo-random numbers (mulberry32), so a failure reproduces. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces an editor types into a Dockerfile: words that change what the rules see. */
const SNIPPETS = [
  ' ', '\n', 'x', '\\\n', '&&', ' go build -o /app .', ' CGO_ENABLED=0', ' -trimpath', ' -ldflags "-s -w"',
  '\nRUN go mod download', '\nFROM scratch', '\nFROM alpine:3.20 AS rt', '\nCOPY --from=build0 /out/app0 /app',
  '\nUSER 65532', '\nENV GOFLAGS=-mod=vendor', '\nARG GO=1.22', ' --mount=type=cache,target=/go/pkg/mod',
  ' apk add --no-cache git', ' && rm -rf /var/cache/apk/*', '\n# go-dockerfile ignore=GD107', '"', "'", '$(', '${GO}',
];

function randomEdit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const r = next();
  if (r < 0.55) return text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + text.slice(at);
  if (r < 0.9) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 12)));
  // Retype a character: the script around it changes, and back again.
  return text.slice(0, at) + (text[at] === 'a' ? 'b' : 'a') + text.slice(at + 1);
}

const plain = (fs: Finding[]) => fs.map((f) => ({ code: f.code, severity: f.severity, message: f.message, span: f.span, fix: f.fix }));

describe('incremental analysis equals a fresh one', () => {
  const starts: [string, string][] = [
    ['the benchmark build, 60 lines', dockerfile(60)],
    ['a small multi-stage file', df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app', 'ENTRYPOINT ["/app"]'])],
  ];
  for (const [name, start] of starts) {
    for (const seed of [1, 2, 3]) {
      it(`${name}, seed ${seed}: 150 random edits`, () => {
        const next = rng(seed);
        let text = start;
        let last: Finding[] = [];
        for (let k = 0; k < 150; k++) {
          text = randomEdit(text, next);
          last = analyzeText(text).findings;
        }
        clearShellCache();
        const fresh = analyzeText(text).findings;
        assert.deepEqual(plain(last), plain(fresh), `after the edits the text is:\n${text}`);
      });
    }
  }
});
