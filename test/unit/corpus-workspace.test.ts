/**
 * The whole analysis with a loaded workspace over the shared corpus (read in place from
 * /work/shared/corpus or $GO_DOCKERFILE_CORPUS; never copied into the repository).
 *
 * Each entry is laid out in a temporary build context: the Dockerfile at the manifest's `path`,
 * go.mod at the root, the manifest's .dockerignore text (when it has one), an empty go.sum when
 * go.mod requires anything (real modules with requirements have one), and vendor/modules.txt
 * when the manifest says `has_vendor`. A second layout adds a stub `package main` in each of the
 * manifest's main packages, so package resolution has something to resolve.
 *
 * Checked: no rule throws, every finding's range and every fix edit lies inside the document,
 * fix edits do not overlap, and each fix of the go-build workspace rules (GD101-GD106) keeps
 * the guarantees (parses, finding gone, nothing new of a higher severity). The GD101 and GD103
 * findings must be exactly the reviewed ones below (each with its verdict), so a rule change
 * that moves them shows up here for review.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyzeText } from '../../server/src/analysis';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { applyEdits } from '../../server/src/edits/edits';
import type { AnalyzeOptions } from '../../server/src/rules/analyze';
import type { Finding, Severity } from '../../server/src/rules/types';
import { loadWorkspace } from '../../server/src/workspace/load';
import { ready } from './helpers';

const CORPUS = process.env.GO_DOCKERFILE_CORPUS ?? '/work/shared/corpus';
const MANIFEST = path.join(CORPUS, 'manifest.json');
const present = fs.existsSync(MANIFEST) && fs.existsSync(path.join(CORPUS, 'dockerfiles')) && fs.existsSync(path.join(CORPUS, 'gomod'));
const skip = present ? false : `corpus not found at ${CORPUS} (set GO_DOCKERFILE_CORPUS): skipping the workspace corpus check`;

interface Entry {
  id: string;
  path: string;
  main_packages: string[];
  has_vendor: boolean;
  dockerignore: string | null;
}

/**
 * The reviewed GD101/GD103 findings over the bare layout (id: line of the finding, 1-based).
 * Verdicts are in the closing note of the change that added this test; in short:
 * - amir20__dozzle__Dockerfile:21 GD101 golang:1.17.0-alpine vs go 1.22.5 — right for these
 *   files (the manifest's caveat: the go.mod is from a later commit than the Dockerfile).
 * - drakkan__sftpgo__Dockerfile:1 GD101 golang:1.16-buster vs go 1.23.6 — right for these files
 *   (same caveat); no fix, as golang has no -buster variant after Go 1.20.
 * - GD103: none. No corpus build that visibly compiles the module turns cgo off or ships a cgo
 *   binary to a libc-less runtime.
 */
const REVIEWED: Record<string, string[]> = {
  GD101: ['amir20__dozzle__Dockerfile:21', 'drakkan__sftpgo__Dockerfile:1'],
  GD103: [],
};

const RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };
const OWN = new Set(['GD101', 'GD102', 'GD103', 'GD105', 'GD106']);

const temps: string[] = [];
after(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

function layout(e: Entry, stubs: boolean): { text: string; opts: AnalyzeOptions; errors: string[] } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-corpus-'));
  temps.push(root);
  const write = (rel: string, text: string) => {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  };
  const text = fs.readFileSync(path.join(CORPUS, 'dockerfiles', `${e.id}.Dockerfile`), 'utf8');
  const gomod = fs.readFileSync(path.join(CORPUS, 'gomod', `${e.id}.go.mod`), 'utf8');
  write(e.path, text);
  write('go.mod', gomod);
  if (/^\s*require\b/m.test(gomod)) write('go.sum', '');
  if (e.dockerignore !== null) write('.dockerignore', e.dockerignore);
  if (e.has_vendor) write('vendor/modules.txt', '# example.com/dep v1.0.0\n## explicit\nexample.com/dep\n');
  if (stubs) for (const p of e.main_packages) write(path.posix.join(p, 'main.go'), 'package main\n\nfunc main() {}\n');
  const ws = loadWorkspace(root);
  const errors: string[] = [];
  return { text, opts: { workspace: ws.model, files: ws, onRuleError: (code, err) => errors.push(`${e.id} ${code}: ${String((err as Error)?.stack ?? err)}`) }, errors };
}

function checkFix(id: string, text: string, f: Finding, opts: AnalyzeOptions, before: Finding[]): string[] {
  const problems: string[] = [];
  const fixed = applyEdits(text, f.fix!.edits);
  const after = analyzeText(fixed, opts).findings;
  const model = parseDockerfile(fixed);
  for (const i of model.instructions) if (i.script && i.script.parsed.hasErrors && !parseDockerfile(text).instructions.some((o) => o.script?.parsed.hasErrors)) problems.push(`${id} ${f.code}: fix broke the shell of ${fixed.slice(i.span.start, i.span.end)}`);
  if (after.filter((x) => x.code === f.code).length >= before.filter((x) => x.code === f.code).length) problems.push(`${id} ${f.code}: still reported after "${f.fix!.title}"`);
  const had = new Set(before.map((x) => x.code));
  for (const x of after) if (!had.has(x.code) && RANK[x.severity] > RANK[f.severity]) problems.push(`${id} ${f.code}: fix introduced ${x.code} (${x.severity})`);
  return problems;
}

describe('workspace analysis over the corpus', { skip }, () => {
  before(() => ready);
  const entries: Entry[] = present ? JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) : [];

  for (const stubs of [false, true]) {
    it(`${stubs ? 'with stub main packages' : 'bare layout'}: no rule throws, ranges and fix edits inside the document, own fixes keep their guarantees`, () => {
      assert.ok(entries.length > 0);
      const problems: string[] = [];
      const seen: Record<string, string[]> = { GD101: [], GD103: [] };
      for (const e of entries) {
        const { text, opts, errors } = layout(e, stubs);
        const { model, findings } = analyzeText(text, opts);
        problems.push(...errors);
        for (const f of findings) {
          if (!(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length)) problems.push(`${e.id} ${f.code}: range ${f.span.start}-${f.span.end} outside 0-${text.length}`);
          if (f.code in seen) seen[f.code].push(`${e.id}:${model.lines.positionAt(f.span.start).line + 1}`);
          if (!f.fix) continue;
          for (const ed of f.fix.edits) if (!(ed.start >= 0 && ed.start <= ed.end && ed.end <= text.length)) problems.push(`${e.id} ${f.code}: fix edit ${ed.start}-${ed.end} outside the document`);
          try {
            applyEdits(text, f.fix.edits);
          } catch (err) {
            problems.push(`${e.id} ${f.code}: ${(err as Error).message}`);
            continue;
          }
          // A fix of another file (GD106's .dockerignore edit) is checked in rules/GD106.test.ts.
          if (OWN.has(f.code) && !f.fix.editFiles?.length) problems.push(...checkFix(e.id, text, f, opts, findings));
        }
      }
      assert.deepEqual(problems, []);
      const ids = new Set(entries.map((e) => e.id));
      for (const code of Object.keys(REVIEWED)) {
        assert.deepEqual(seen[code].sort(), REVIEWED[code].filter((x) => ids.has(x.split(':')[0])).sort(), `${code} findings changed: review them`);
      }
    });
  }
});
