/**
 * The go.mod parser over the shared corpus of real-world go.mod files (read in place from
 * /work/shared/corpus or $GO_DOCKERFILE_CORPUS; never copied into the repository).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { knownCgoRequirement } from '../../server/src/workspace/goImports';
import { parseGoMod } from '../../server/src/workspace/gomod';

const CORPUS = process.env.GO_DOCKERFILE_CORPUS ?? '/work/shared/corpus';
const MANIFEST = path.join(CORPUS, 'manifest.json');
const present = fs.existsSync(MANIFEST) && fs.existsSync(path.join(CORPUS, 'gomod'));
const skip = present ? false : `corpus not found at ${CORPUS} (set GO_DOCKERFILE_CORPUS): skipping the go.mod corpus check`;

interface Entry {
  id: string;
  go_module: string;
  go_version: string | null;
  toolchain: string | null;
  uses_cgo: boolean | 'unknown';
}

describe('go.mod corpus', { skip }, () => {
  const entries: Entry[] = present ? JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) : [];

  it('has entries', () => {
    assert.ok(entries.length > 0);
  });

  it('every go.mod parses without throwing and without errors; module, go and toolchain match the manifest', () => {
    const mismatches: string[] = [];
    for (const e of entries) {
      const file = path.join(CORPUS, 'gomod', `${e.id}.go.mod`);
      const text = fs.readFileSync(file, 'utf8');
      const f = parseGoMod(text);
      if (f.errors.length > 0) mismatches.push(`${e.id}: errors ${f.errors.join('; ')}`);
      if (f.module !== e.go_module) mismatches.push(`${e.id}: module ${f.module} != ${e.go_module}`);
      if (f.go !== e.go_version) mismatches.push(`${e.id}: go ${f.go} != ${e.go_version}`);
      if (f.toolchain !== e.toolchain) mismatches.push(`${e.id}: toolchain ${f.toolchain} != ${e.toolchain}`);
      if (/^require\b/m.test(text) && f.requires.length === 0) mismatches.push(`${e.id}: no requirements read`);
    }
    assert.deepEqual(mismatches, []);
  });

  it('every file also parses with CRLF line endings and a BOM', () => {
    for (const e of entries) {
      const text = fs.readFileSync(path.join(CORPUS, 'gomod', `${e.id}.go.mod`), 'utf8');
      const f = parseGoMod('\uFEFF' + text.replace(/\r?\n/g, '\r\n'));
      assert.equal(f.go, e.go_version, e.id);
      assert.equal(f.module, e.go_module, e.id);
    }
  });

  it('no direct known-cgo requirement in a module the manifest says does not use cgo', () => {
    for (const e of entries.filter((x) => x.uses_cgo === false)) {
      const f = parseGoMod(fs.readFileSync(path.join(CORPUS, 'gomod', `${e.id}.go.mod`), 'utf8'));
      const hits = f.requires.filter((r) => !r.indirect && knownCgoRequirement(r.path));
      assert.deepEqual(hits.map((h) => h.path), [], e.id);
    }
  });
});
