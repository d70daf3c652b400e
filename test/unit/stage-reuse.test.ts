/**
 * While editing, stage-scoped rules run again only for the stages whose chain's text changed;
 * the other stages' findings are the previous version's, moved (rules/stageReuse.ts). After
 * every edit of a random sequence, the findings (spans, messages, fix edits) must be exactly
 * those of a fresh analysis of the text, and the sequence must have reused findings at all.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeText, type Analysis } from '../../server/src/analysis';
import type { AnalyzeOptions } from '../../server/src/rules/analyze';
import { RULES } from '../../server/src/rules/registry';
import type { Finding, Rule } from '../../server/src/rules/types';
import { dockerfile } from '../../bench/lib/fixtures.mjs';
import { df, plainFindings, randomEdit as randomEditOf, ready, rng } from './helpers';
import { contextWith } from './rules/kit/goAtStart';

before(() => ready);

/** What the stage rules (GD104, GD107, GD109, GD111, GD113, GD209, GD301, GD302, GD309) react to, and what moves stages and their chains. */
const SNIPPETS = [
  ' ', '\n', 'x', '\\\n', ' -a', '\nRUN go env -w CGO_ENABLED=0', ' -extldflags "-static"', ' CGO_ENABLED=0', '\nENV CGO_ENABLED=0', '\nENV GOFLAGS=-a',
  '\nRUN go install golang.org/x/tools/cmd/goimports@latest', '\nRUN go run github.com/a/b@main', '\nRUN git clone https://github.com/a/b',
  '\nARG TARGETARCH', '\nARG TARGETPLATFORM', ' --platform=$BUILDPLATFORM', ' --platform=$TARGETPLATFORM', ' GOARCH=$TARGETARCH',
  '\nRUN go build -a -o /app .', '\nFROM build0 AS child', '\nFROM golang:1.22 AS extra', '\nARG GO=1.22', '${GO}', '$(', '"',
  '\n# go-dockerfile ignore=GD109', '\nRUN apk add git', '\nRUN rm -rf /var/cache/apk/*', '\nRUN mkdir /out && go build -o /out/x .', '\nRUN rm -rf /out /root/.cache/go-build', '\nCOPY --from=build0 /go/pkg/mod /go/pkg/mod', '\nCOPY --from=tools /root/go /x', ' --mount=type=cache,target=/go/pkg/mod', '\nRUN go mod download', '\nUSER app', '\nENV GOMODCACHE=/m', ' -mod=vendor', '\nRUN <<EOF', '\nEOF\n', '\r\n', '#', ' AS renamed',
  '\nRUN go get example.com/x', '\nRUN go mod tidy', ' -mod=mod', '\nENV GOFLAGS=-mod=mod', '\nENV GO111MODULE=off', '\nCOPY --from=build0 /src/go.mod /x', '\nRUN cp go.sum /out', '\nRUN go mod init x',
  '\nCOPY . .', '\nCOPY go.mod go.sum ./', '\nCOPY go.mod ./', '\nRUN go build ./...', '\nRUN make build',
  ' --no-cache', '\nRUN apk update', '\nRUN apk -U upgrade', '\nRUN apk update && apk add --no-cache curl', '\nRUN apt-get update && apt-get install -y gcc',
  '\nRUN apt-get update', '\nRUN apt-get install -y curl', '\nRUN apk add curl', '\nRUN adduser -D app', '\nRUN mkdir -p /data', '\nCOPY api/go.mod api/', '\nCOPY go.* ./',
  ':latest', '\nFROM golang AS g', '\nFROM alpine AS a2', '@sha256:' + 'a'.repeat(64), '\nFROM run0',
];

const randomEdit = (text: string, next: () => number) => randomEditOf(text, next, SNIPPETS, 0.6);
const plain = plainFindings;

/** The rules, with the stage rules' runs counted (a run per stage checked). */
function counted(): { rules: Rule[]; runs: () => number } {
  let runs = 0;
  const rules = RULES.map((r) => (r.scope === 'stage' ? { ...r, check: (ctx: Parameters<Rule['check']>[0]) => { runs++; return r.check(ctx); } } : r));
  return { rules, runs: () => runs };
}

const STAGE_RULES = RULES.filter((r) => r.scope === 'stage').map((r) => r.code);

/** Analyses `texts` one after another as the language server does, checking each against a fresh analysis. */
function editSequence(texts: string[], opts: AnalyzeOptions = {}): { reusedRuns: number; freshRuns: number; last: Analysis } {
  const inc = counted();
  const fresh = counted();
  let prev: Analysis | undefined;
  for (const [k, text] of texts.entries()) {
    const a: Analysis = analyzeText(text, { ...opts, only: inc.rules }, prev?.model, prev?.stageFindings);
    const f = analyzeText(text, { ...opts, only: fresh.rules });
    assert.deepEqual(plain(a.findings), plain(f.findings), `step ${k}, the text:\n${text}`);
    prev = a;
  }
  return { reusedRuns: inc.runs(), freshRuns: fresh.runs(), last: prev! };
}

describe('stage rules re-run only for changed stages', () => {
  it('some rules are stage-scoped', () => {
    assert.ok(STAGE_RULES.length > 0);
  });

  const starts: [string, string][] = [
    ['the benchmark build, 60 lines', dockerfile(60)],
    ['stages built FROM stages, global ARGs', df([
      'ARG GO=1.22', 'FROM golang:${GO} AS build0', 'ENV CGO_ENABLED=0', 'ARG TARGETARCH', 'WORKDIR /src', 'COPY . .',
      'RUN go build -a -ldflags "-extldflags \'-static\'" -o /app .', 'FROM build0 AS tools', 'RUN go install example.com/tool@latest',
      'RUN go build -ldflags "-extldflags -static" -o /t ./t', 'FROM alpine:3.20', 'RUN git clone https://github.com/a/b && go build ./b',
      'COPY --from=build0 /app /app', 'ENTRYPOINT ["/app"]'])],
  ];
  for (const [name, start] of starts) {
    for (const seed of [11, 12, 13]) {
      it(`${name}, seed ${seed}: every step of 120 random edits equals a fresh analysis`, () => {
        const next = rng(seed);
        const texts = [start];
        for (let k = 0; k < 120; k++) texts.push(randomEdit(texts[texts.length - 1], next));
        const { reusedRuns, freshRuns } = editSequence(texts);
        // The sequence exercised the reuse: fewer stage runs than fresh analyses make.
        assert.ok(reusedRuns < freshRuns, `${reusedRuns} runs editing, ${freshRuns} fresh`);
      });
    }
  }

  // With a Go workspace beside the Dockerfile: the rules that read it (GD105: a go.mod copied
  // without its go.sum) and the stage rules that read files from the context.
  for (const seed of [14, 15]) {
    it(`with a Go workspace, seed ${seed}: every step of 80 random edits equals a fresh analysis`, () => {
      const opts = contextWith({
        'go.mod': 'module example.com/app\n\ngo 1.22\n', 'go.sum': '', 'main.go': 'package main\n\nfunc main() {}\n',
        'api/go.mod': 'module example.com/api\n\ngo 1.22\n', 'api/go.sum': '', 'api/main.go': 'package main\n\nfunc main() {}\n',
      });
      const next = rng(seed);
      const texts = [df(['FROM golang:1.22 AS build0', 'WORKDIR /src', 'COPY go.mod ./', 'RUN go mod download', 'COPY . .', 'RUN apt-get update && apt-get install -y gcc', 'RUN go build -o /app .', 'FROM debian:12 AS run', 'RUN apt-get update', 'RUN apt-get install -y ca-certificates', 'COPY --from=build0 /app /app', 'ENTRYPOINT ["/app"]'])];
      for (let k = 0; k < 80; k++) texts.push(randomEdit(texts[texts.length - 1], next));
      const { reusedRuns, freshRuns, last } = editSequence(texts, opts);
      assert.ok(reusedRuns < freshRuns, `${reusedRuns} runs editing, ${freshRuns} fresh`);
      assert.ok(last.findings.length > 0);
    });
  }

  // Edits where a stage's findings change through another stage, or at a stage's edge.
  const base = df([
    'ARG V=1', 'FROM golang:1.22 AS build0', 'RUN go build -ldflags "-extldflags -static" -o /a .', 'RUN go mod download',
    'FROM build0 AS child', 'RUN go build -ldflags "-extldflags -static" -o /b .', 'FROM alpine:3.20 AS other', 'RUN go build -a -o /c .', 'RUN apk add git', 'RUN rm -rf /var/cache/apk/*',
  ]);
  const cases: [string, (t: string) => string][] = [
    ['CGO_ENABLED=0 set in the base stage reaches the stage built FROM it', (t) => t.replace('FROM golang:1.22 AS build0\n', 'FROM golang:1.22 AS build0\nENV CGO_ENABLED=0\n')],
    ['a RUN appended at the very end of a stage, just before the next FROM', (t) => t.replace('\nFROM build0', '\nRUN go build -a -o /z .\nFROM build0')],
    ['a line break removed between two stages', (t) => t.replace('-o /b .\nFROM', '-o /b .\n\nFROM')],
    ['the global ARG changes', (t) => t.replace('ARG V=1', 'ARG V=22')],
    ['a stage renamed', (t) => t.replace('AS other', 'AS others')],
    ['the text before every stage grows', (t) => `# a comment\n${t}`],
    ['a line added in an earlier stage: a later stage\'s messages that name lines change', (t) => t.replace('-o /a .\n', '-o /a .\n\n')],
    ['typing within a line of an earlier stage keeps the later stages\' lines', (t) => t.replace('-o /a .', '-o /aa .')],
    ['a later stage starts copying the module cache out of the first (GD107 no longer asks for a mount there)', (t) => `${t}COPY --from=build0 /go/pkg/mod /m\n`],
    ['a later stage starts copying go.mod out of the first (GD111: the first is the tidy tool then)', (t) => `${t.replace('RUN go mod download', 'RUN go mod tidy')}COPY --from=build0 /src/go.mod /m\n`],
    ['GOFLAGS=-mod=mod set in the base stage reaches the stage built FROM it', (t) => t.replace('FROM golang:1.22 AS build0\n', 'FROM golang:1.22 AS build0\nENV GOFLAGS=-mod=mod\n')],
    ['the base stage downloads the modules: the stage built FROM it copies sources without a GD104 finding', (t) => t.replace('FROM build0 AS child\n', 'FROM build0 AS child\nCOPY . .\n').replace('FROM golang:1.22 AS build0\n', 'FROM golang:1.22 AS build0\nCOPY go.mod go.sum ./\n')],
    ['sources copied in the base stage before its download', (t) => t.replace('FROM build0 AS child\n', 'FROM build0 AS child\nCOPY . .\n').replace('FROM golang:1.22 AS build0\n', 'FROM golang:1.22 AS build0\nCOPY . .\n')],
    ['the last stage edited at the end of the file', (t) => `${t}RUN go install example.com/x@latest\n`],
  ];
  for (const [name, edit] of cases) {
    it(name, () => {
      editSequence([base, edit(base), base]);
    });
  }

  // GD119 (stage-scoped, with a reuse key): a build stage's finding depends on the folders the
  // context copies of every stage the target needs bring in, not only on its own chain.
  describe('GD119: the folders other stages copy in', () => {
    const opts = contextWith({
      'go.mod': 'module example.com/app\n\ngo 1.22\n',
      'cmd/app/main.go': 'package main\n\nimport _ "example.com/app/internal/x"\n\nfunc main() {}\n',
      'internal/x/x.go': 'package x\n',
    });
    const build = df([
      'FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY go.mod ./', 'COPY cmd cmd', 'RUN go build -o /app ./cmd/app',
      'FROM alpine:3.20 AS assets', 'RUN echo hi',
      'FROM alpine:3.20', 'COPY --from=build /app /app', 'COPY --from=assets /etc/hostname /h', 'ENTRYPOINT ["/app"]',
    ]);
    it('another stage the target needs starts (and stops) copying the missing folder in', () => {
      assert.ok(analyzeText(build, opts).findings.some((f) => f.code === 'GD119'));
      const { last } = editSequence([build, build.replace('RUN echo hi', 'COPY internal /internal'), build], opts);
      assert.ok(last.findings.some((f) => f.code === 'GD119'));
    });
    it('a whole-context copy elsewhere silences it; a build of a moved package names the line of the COPY that brought the context', () => {
      const moved = build.replace('COPY cmd cmd', 'COPY . .').replace('./cmd/app', './cmd/gone');
      assert.ok(analyzeText(moved, opts).findings.some((f) => f.code === 'GD119' && /on line 4 copies/.test(f.message)));
      editSequence([build, build.replace('RUN echo hi', 'COPY . /all'), moved, `# a comment\n${moved}`, moved.replace('WORKDIR /src', 'WORKDIR /src\n')], opts);
      // A line added in an earlier stage moves the COPY the message names.
      const later = df([
        'FROM alpine:3.20 AS assets', 'RUN echo hi',
        'FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /app ./cmd/gone',
        'FROM alpine:3.20', 'COPY --from=build /app /app', 'COPY --from=assets /etc/hostname /h', 'ENTRYPOINT ["/app"]',
      ]);
      const { last } = editSequence([later, later.replace('RUN echo hi', 'RUN echo hi\nRUN echo more')], opts);
      assert.ok(last.findings.some((f) => f.code === 'GD119' && /on line 6 copies/.test(f.message)));
    });
  });

  // GD212 and GD213 (stage-scoped, reading the stages they copy from): an image's start script
  // comes from a builder stage, which copied it from the context.
  it('GD212/GD213: the start script an image copies from a builder stage changes there', () => {
    const opts = contextWith({
      'go.mod': 'module example.com/app\n\ngo 1.22\n', 'main.go': 'package main\n\nfunc main() {}\n',
      'run.sh': '#!/bin/bash\nmkdir -p /data\n/app serve\n', 'ok.sh': '#!/bin/sh\nmkdir -p /data\nexec /app serve\n',
    });
    const text = df([
      'FROM alpine:3.22 AS scripts', 'COPY run.sh /run.sh',
      'FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app .',
      'FROM alpine:3.22', 'COPY --from=build /app /app', 'COPY --from=scripts /run.sh /run.sh', 'EXPOSE 8080', 'ENTRYPOINT ["/run.sh"]',
    ]);
    const codes = (t: string) => analyzeText(t, opts).findings.map((f) => f.code);
    assert.ok(codes(text).includes('GD212') && codes(text).includes('GD213'), codes(text).join(' '));
    const { last } = editSequence([text, text.replace('COPY run.sh', 'COPY ok.sh'), text], opts);
    assert.ok(last.findings.some((f) => f.code === 'GD212'));
  });

  it('a stage built FROM another starts installing from its apt lists (GD303: the lists are then kept on purpose)', () => {
    const parent = df(['FROM debian:12 AS base', 'RUN apt-get update && apt-get install -y --no-install-recommends gcc', 'FROM base AS child', 'RUN echo hi', 'FROM base', 'COPY --from=child /etc/hostname /x']);
    const withInstall = parent.replace('RUN echo hi', 'RUN apt-get install -y --no-install-recommends make');
    const { last } = editSequence([parent, withInstall, parent]);
    assert.ok(last.findings.some((f) => f.code === 'GD303'), 'the lists finding is back once the child stops installing');
  });

  // A fix is built when first read (rules/types.ts withLazyFix), and the next version's parse
  // moves the instructions it is built from: a fix nobody read while typing must still be right.
  for (const seed of [21, 22]) {
    it(`fixes read only after 60 random edits (seed ${seed}) equal a fresh analysis's`, () => {
      const next = rng(seed);
      let text = dockerfile(60);
      let prev: Analysis | undefined;
      for (let k = 0; k < 60; k++) {
        text = randomEdit(text, next);
        prev = analyzeText(text, {}, prev?.model, prev?.stageFindings);
      }
      const lazy = prev!.findings;
      assert.ok(lazy.some((f) => f.fix), 'some finding has a fix');
      assert.deepEqual(plain(lazy), plain(analyzeText(text).findings), `the text:\n${text}`);
    });
  }

  it('findings move with their fix edits when text is added before their stage', () => {
    const { last, reusedRuns, freshRuns } = editSequence([base, base.replace('FROM build0', '# moved\nFROM build0')]);
    assert.ok(reusedRuns < freshRuns, 'the later stages were not run again');
    const moved = last.findings.find((f) => f.code === 'GD109' && f.message.includes('`go build -a`'));
    assert.ok(moved?.fix, 'the -a finding of the last stage has its fix');
    assert.equal(last.model.text.slice(moved.span.start, moved.span.end), '-a');
    assert.equal(last.model.text.slice(moved.fix.edits[0].start, moved.fix.edits[0].end), ' -a');
  });
});
