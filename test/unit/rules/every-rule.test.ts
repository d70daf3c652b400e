/**
 * Every rule in the registry has its own test file here, GDxxx.test.ts, with the rule's suite
 * (`describe('GDxxx rule-name', ...)`), cases that expect the finding and cases that expect
 * silence, and — when the rule has a fix — a fix test (applyFix checks that the result parses,
 * keeps its line endings and no longer has the finding; a fix of another file is applied to that
 * file) including a CRLF file. Checked by reading the files: a new rule without them fails here.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../../server/src/rules/registry';

const HERE = __dirname;

describe('one test file per rule', () => {
  for (const rule of RULES) {
    it(`${rule.code} has test/unit/rules/${rule.code}.test.ts with its suite, positive and negative cases${rule.fix === 'none' ? '' : ' and a fix test'}`, () => {
      const file = path.join(HERE, `${rule.code}.test.ts`);
      assert.ok(fs.existsSync(file), `missing ${path.relative(process.cwd(), file)}: every registered rule has its own test file`);
      const text = fs.readFileSync(file, 'utf8');
      assert.ok(text.includes(`describe('${rule.code} ${rule.name}`), `${rule.code}.test.ts has no describe('${rule.code} ${rule.name}', ...)`);
      assert.ok((text.match(/\bit\(/g) ?? []).length >= 2, `${rule.code}.test.ts needs at least one case with the finding and one without`);
      assert.match(text, new RegExp(`'${rule.code}'`), `${rule.code}.test.ts never looks for ${rule.code}`);
      assert.match(text, /silent|, false\)|\[\]\)|no fix|does not|is not/i, `${rule.code}.test.ts has no case where the rule stays silent`);
      if (rule.fix !== 'none') {
        assert.match(text, /applyFix\(|\bfix\(|editFiles|createFiles/, `${rule.code} has a fix (${rule.fix}) but its file never applies it`);
        assert.match(text, /\\r\\n/, `${rule.code} has a fix but no CRLF case`);
      }
    });
  }

  it('no stray test file names a rule the registry does not have', () => {
    const codes = new Set(RULES.map((r) => r.code));
    for (const f of fs.readdirSync(HERE)) {
      const m = /^(GD\d{3})\.test\.ts$/.exec(f);
      if (m) assert.ok(codes.has(m[1]), `${f}: no rule ${m[1]} in the registry`);
    }
  });
});
