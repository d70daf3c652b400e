/**
 * Stage-scoped rules run block by block over a long file (rules/analyze.ts runStageRules: every
 * rule over 64 stages before the next 64), not rule by rule over every stage. The findings must
 * not depend on that order: those of one analysis with every rule are exactly those of the
 * analyses with one rule each, put together; a rule that throws in a later block is reported once
 * and runs no further, and the other rules' findings stay; the reuse of the previous version's
 * stage findings while editing gives what a fresh analysis gives.
 *
 * The pattern that motivated it: bench/analysis.bench.mjs's 14,000-line Dockerfile (700 stages, a
 * Go build and its runtime image repeated with distinct names), where reading each stage's
 * objects from memory again for each rule was a large part of the analysis.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeText } from '../../server/src/analysis';
import { RULES } from '../../server/src/rules/registry';
import type { Finding, Rule } from '../../server/src/rules/types';
import { dockerfile } from '../../bench/lib/fixtures.mjs';
import { plainFindings, ready } from './helpers';

before(() => ready);

/** 150 stages (three blocks and a part), with findings of many rules, some stages reading others. */
function longFile(): string {
  return dockerfile(1500) + [
    'FROM golang:1.22 AS extra',
    'ARG TARGETARCH',
    'WORKDIR /src',
    'COPY go.mod go.sum ./',
    'RUN go mod download',
    'COPY . .',
    'RUN GOARCH=$TARGETARCH go build -a -o /out/x ./cmd/x',
    'FROM build3 AS child',
    'RUN go vet ./...',
    'FROM scratch',
    'COPY --from=extra /out/x /x',
    'ENTRYPOINT ["/x"]',
    '',
  ].join('\n');
}

const sorted = (fs: Finding[]) => [...fs].sort((a, b) => a.span.start - b.span.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));

describe('stage-scoped rules run block by block', () => {
  it('the findings of all rules together are those of each rule alone', () => {
    const text = longFile();
    const all = analyzeText(text);
    assert.ok(all.model.stages.length > 128, `a file of more than two blocks of stages (${all.model.stages.length})`);
    const stageRules = RULES.filter((r) => r.scope === 'stage');
    assert.ok(stageRules.length > 10, 'several stage-scoped rules');
    const one = RULES.flatMap((r) => analyzeText(text, { only: [r] }).findings);
    assert.ok(all.findings.length > 300, `findings of many stages (${all.findings.length})`);
    assert.deepEqual(plainFindings(sorted(all.findings)), plainFindings(sorted(one)), 'all rules together find what each rule finds alone');
    const codes = new Set(all.findings.map((f) => f.code));
    assert.ok(stageRules.filter((r) => codes.has(r.code)).length >= 5, `findings of several stage-scoped rules (${[...codes].join(' ')})`);
  });

  it('a rule that throws in a later block is reported once, runs no further, and the others keep their findings', () => {
    const text = longFile();
    const model = analyzeText(text).model;
    const failing = RULES.find((r) => r.code === 'GD107')!;
    let calls = 0;
    let after = 0;
    let thrown = false;
    const throwing: Rule = {
      ...failing,
      check: (ctx) => {
        calls++;
        if (thrown) after++;
        if (ctx.stages?.[0]?.index === 70) {
          thrown = true;
          throw new Error('boom');
        }
        return failing.check(ctx);
      },
    };
    const errors: string[] = [];
    const rules = RULES.map((r) => (r === failing ? throwing : r));
    const got = analyzeText(text, { only: rules, onRuleError: (code, e) => errors.push(`${code}: ${(e as Error).message}`) });
    assert.deepEqual(errors, ['GD107: boom'], 'the error reported once, with its rule');
    assert.equal(calls, 71, 'the rule ran on stages 0 to 70, and not after it threw');
    assert.equal(after, 0, 'no call after the throw');
    assert.ok(model.stages.length > 71, 'the file has stages after the one that threw');
    const others = analyzeText(text, { only: RULES.filter((r) => r !== failing) });
    assert.deepEqual(plainFindings(got.findings), plainFindings(others.findings), 'the other rules find what they find without it');
  });

  it('while editing, the reused stage findings of a long file are those of a fresh analysis', () => {
    const text = longFile();
    const at = text.indexOf('FROM golang:1.22-alpine AS build60');
    assert.ok(at > 0, 'the fixture has stage 120 (build60), in the second block');
    const edits = [
      text.slice(0, at) + 'RUN go build -a ./...\n' + text.slice(at),
      text.slice(0, at) + text.slice(at).replace('RUN go mod download', 'RUN --mount=type=cache,target=/go/pkg/mod go mod download'),
    ];
    for (const [k, next] of edits.entries()) {
      // (A previous model is used once: the next parse moves its instructions into the new one.)
      const first = analyzeText(text);
      const inc = analyzeText(next, {}, first.model, first.stageFindings);
      const fresh = analyzeText(next);
      assert.deepEqual(plainFindings(inc.findings), plainFindings(fresh.findings), `edit ${k}: reused and fresh findings are the same`);
    }
  });
});
