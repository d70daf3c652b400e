/**
 * The files generated from the rule declarations (README table, docs/rules tables, page headers,
 * the settings schema in package.json) are up to date, and each declaration says what its rule
 * reads: the facts it declares are the ones its imports show.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { generatedFiles } from '../../scripts/rule-docs';
import { pageHeader, sarifRule, settingsSchema } from '../../server/src/rules/catalogue';
import { RULES } from '../../server/src/rules/registry';
import type { FactName, Rule } from '../../server/src/rules/types';

const ROOT = path.resolve(__dirname, '../..');

describe('generated rule documentation', () => {
  it('every generated file is up to date (run `npm run docs:rules` after changing a declaration)', () => {
    const stale: string[] = [];
    for (const [rel, text] of generatedFiles(ROOT)) if (fs.readFileSync(path.join(ROOT, rel), 'utf8') !== text) stale.push(rel);
    assert.deepEqual(stale, []);
  });

  it('a changed declaration makes its page stale', () => {
    const r = RULES.find((x) => x.code === 'GD304')!;
    const page = fs.readFileSync(path.join(ROOT, 'docs/rules/GD304.md'), 'utf8');
    assert.ok(page.startsWith(pageHeader(r)));
    assert.ok(!page.startsWith(pageHeader({ ...r, severity: 'error' })));
  });

  it('the settings schema lists every rule with its summary, and still takes any code', () => {
    const schema = settingsSchema(RULES) as { properties: Record<string, { enum: string[]; markdownDescription: string }>; additionalProperties: object };
    assert.deepEqual(Object.keys(schema.properties).sort(), RULES.map((r) => r.code).sort());
    assert.deepEqual(schema.properties.GD110.enum, ['error', 'warning', 'information', 'hint', 'off']);
    assert.match(schema.properties.GD110.markdownDescription, /-s -w/);
    assert.ok(schema.additionalProperties);
  });

  it('SARIF rule metadata carries the summary, default level and fix kind', () => {
    const d = sarifRule(RULES.find((x) => x.code === 'GD306')!, 'https://example/GD306.md') as { shortDescription: { text: string }; defaultConfiguration: { level: string }; properties: { fix: string; peers: string[] } };
    assert.match(d.shortDescription.text, /\.dockerignore excludes/);
    assert.equal(d.defaultConfiguration.level, 'error');
    assert.equal(d.properties.fix, 'none');
    assert.deepEqual(d.properties.peers, ['CopyIgnoredFile']);
  });
});

/** Facts whose use shows in a rule file's imports. */
const BY_IMPORT: [FactName, RegExp][] = [
  ['goBuilds', /from '\.\.\/facts\/(builtPackages|entrypointProgram)'/],
  ['cgo', /from '\.\.\/facts\/cgo'/],
  ['contextInputs', /from '\.\.\/facts\/contextInputs'/],
  ['embeds', /\breadEmbedDirectives\b/],
  ['packageInstalls', /from '\.\.\/dockerfile\/packages'/],
  ['goCommands', /from '\.\.\/dockerfile\/goBuild'|\b(stageGoCommands|goCommands)\b/],
];

function ruleFile(r: Rule): string {
  const dir = path.join(ROOT, 'server/src/rules');
  const f = fs.readdirSync(dir).find((n) => n.startsWith(r.code.toLowerCase() + '-'));
  assert.ok(f, `no file for ${r.code}`);
  return fs.readFileSync(path.join(dir, f), 'utf8');
}

describe('rule declarations', () => {
  it('codes and names are unique, severities include the default, a command fix names its command', () => {
    assert.equal(new Set(RULES.map((r) => r.code)).size, RULES.length);
    assert.equal(new Set(RULES.map((r) => r.name)).size, RULES.length);
    for (const r of RULES) {
      if (r.severities) assert.ok(r.severities.includes(r.severity), r.code);
      assert.equal(r.fix === 'command', !!r.command, r.code);
      assert.ok(r.summary.length > 10 && !r.summary.endsWith('.'), `${r.code}: a one-line summary without a final period`);
    }
  });

  it('the facts a rule declares are the ones its source uses', () => {
    for (const r of RULES) {
      const src = ruleFile(r);
      for (const [fact, re] of BY_IMPORT) assert.equal(r.facts.includes(fact), re.test(src), `${r.code}: facts ${fact}`);
      assert.equal(r.facts.includes('workspace'), /ctx\.workspace|\bworkspace\/query'|\bws\b/.test(src), `${r.code}: facts workspace`);
    }
  });

  it('a rule that reads the workspace declares it or stays silent without one', () => {
    for (const r of RULES) if (r.needsWorkspace) assert.ok(r.facts.includes('workspace') || r.facts.includes('contextFiles'), r.code);
  });
});
