/**
 * The editing path reuses work between analyses: shell parses by script text, the previous
 * model's instructions, image lookups, per-model facts. A random sequence of edits analysed
 * one after another (as the language server does while typing) must end with exactly the
 * findings, fixes included, of a fresh analysis of the final text.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeText } from '../../server/src/analysis';
import { toDoc, type DockerfileModel } from '../../server/src/dockerfile/model';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { clearShellCache } from '../../server/src/dockerfile/shell';
import type { Finding } from '../../server/src/rules/types';
import { dockerfile } from '../../bench/lib/fixtures.mjs';
import { df, plainFindings, randomEdit as randomEditOf, ready, rng } from './helpers';

before(() => ready);

/** Pieces an editor types into a Dockerfile: words that change what the rules see. */
const SNIPPETS = [
  ' ', '\n', 'x', '\\\n', '&&', ' go build -o /app .', ' CGO_ENABLED=0', ' -trimpath', ' -ldflags "-s -w"',
  '\nRUN go mod download', '\nFROM scratch', '\nFROM alpine:3.20 AS rt', '\nCOPY --from=build0 /out/app0 /app',
  '\nUSER 65532', '\nENV GOFLAGS=-mod=vendor', '\nARG GO=1.22', ' --mount=type=cache,target=/go/pkg/mod',
  ' apk add --no-cache git', ' && rm -rf /var/cache/apk/*', '\n# go-dockerfile ignore=GD107', '"', "'", '$(', '${GO}',
  // What moves instruction boundaries: heredocs opened and closed, continuations, comments inside them.
  '\nRUN <<EOF', '\nEOF\n', '\nCOPY <<-EOT /etc/motd', '\nEOT', '\\', '`', '\n#', '#', '\r\n', '\r', '\n  \\\n', '[', '["/app"]',
];

const randomEdit = (text: string, next: () => number) => randomEditOf(text, next, SNIPPETS, 0.55);
const plain = plainFindings;

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

/** Everything a rule can read from a model, positions as document offsets. */
function view(m: DockerfileModel) {
  return {
    escape: m.escape, eol: m.eol, directives: m.directives, comments: m.comments, globalArgs: [...m.globalArgs],
    stages: m.stages.map((s) => ({ ...s, from: s.from.span, instructions: s.instructions.map((i) => i.span) })),
    instructions: m.instructions.map((i) => ({
      keyword: i.keyword, span: i.span, line: i.line, endLine: i.endLine, stage: i.stage, flags: i.flags, args: i.args,
      argsSpan: i.argsSpan, json: i.json, heredocs: i.heredocs,
      script: i.script && { text: i.script.text, heredoc: i.script.heredoc, parsed: i.script.parsed, at: Array.from({ length: i.script.text.length + 1 }, (_, k) => toDoc(i.script!, k)) },
    })),
  };
}

describe('a model parsed from the previous version equals a fresh parse', () => {
  const heredocs = df(['# syntax=docker/dockerfile:1', 'FROM golang:1.22 AS build', 'RUN <<EOF', 'go build -o /app .', 'EOF', 'COPY <<EOT /etc/motd', 'hello', 'EOT', 'RUN echo a \\', '  # inside', '  && echo b', 'FROM scratch', 'COPY --from=build /app /app']);
  const starts: [string, string][] = [
    ['the benchmark build, 60 lines', dockerfile(60)],
    ['heredocs, continuations and comments', heredocs],
    ['CRLF line breaks', dockerfile(40).replace(/\n/g, '\r\n')],
    ['escape=` directive', '# escape=`\n' + dockerfile(40).replace(/\\\n/g, '`\n')],
  ];
  for (const [name, start] of starts) {
    for (const seed of [1, 2, 3, 4]) {
      it(`${name}, seed ${seed}: every step of 200 random edits`, () => {
        const next = rng(seed * 7919);
        let text = start;
        let model = parseDockerfile(text);
        for (let k = 0; k < 200; k++) {
          text = randomEdit(text, next);
          model = parseDockerfile(text, model);
          assert.deepEqual(view(model), view(parseDockerfile(text)), `step ${k}, the text is:\n${JSON.stringify(text)}`);
        }
      });
    }
  }

  it('an edit that joins the lines below to an instruction (continuation, heredoc) or splits them again', () => {
    const base = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'RUN go mod download', 'COPY . .', 'RUN go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app', 'USER 65532']);
    const steps = [
      (t: string) => t.replace('RUN go mod download', 'RUN go mod download \\'),
      (t: string) => t.replace('RUN go mod download \\', 'RUN go mod download'),
      (t: string) => t.replace('WORKDIR /src', 'RUN <<EOF'),
      (t: string) => t.replace('USER 65532', 'EOF'),
      (t: string) => t.replace('COPY . .', 'EOF'),
      (t: string) => t.replace('RUN <<EOF', 'WORKDIR /src'),
    ];
    let text = base;
    let model = parseDockerfile(text);
    for (const step of steps) {
      text = step(text);
      model = parseDockerfile(text, model);
      assert.deepEqual(view(model), view(parseDockerfile(text)), text);
    }
  });

  it('findings of an analysis from the previous model equal a fresh analysis', () => {
    const next = rng(42);
    let text = dockerfile(200);
    let a = analyzeText(text);
    for (let k = 0; k < 150; k++) {
      text = randomEdit(text, next);
      a = analyzeText(text, {}, a.model);
    }
    assert.deepEqual(plain(a.findings), plain(analyzeText(text).findings), `the text is:\n${text}`);
  });
});
