// Shared helpers for the LSP tests: temporary Go projects on disk, and our own
// implementation of LSP text positions and edits (independent of the server's code).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOURCE = 'go-dockerfile';
export const FIX_ALL_KIND = 'source.fixAll.go-dockerfile';

/** The rules these tests are about. Other rules are being added concurrently. */
export const TESTED_RULES = ['GD104', 'GD201', 'GD204', 'GD206', 'GD301'];

/**
 * goDockerfile.rules turning every code (GD100-GD399) but `codes` off, so that rules added
 * later do not change what a test expects (e.g. the exact text fix-all produces).
 */
export function onlyRules(codes) {
  return Object.fromEntries(
    Array.from({ length: 300 }, (_, i) => `GD${100 + i}`).filter((c) => !codes.includes(c)).map((c) => [c, 'off']),
  );
}

export const ONLY_TESTED_RULES = onlyRules(TESTED_RULES);

/** initializationOptions: general features on, only the tested rules. */
export const PINNED_OPTIONS = { languageFeatures: 'on', rules: ONLY_TESTED_RULES };

// ---------------------------------------------------------------------------------------------
// Temporary projects

/**
 * A temp dir holding real files; `dir` is realpath'd so file: URIs match what the server
 * derives. Call `dispose()` in teardown.
 */
export function tempProject(prefix = 'go-dockerfile-lsp-') {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  return {
    dir,
    /** Writes a file (creating folders) and returns its file: URI. */
    write(rel, text) {
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      return pathToFileURL(file).href;
    },
    uri(rel) {
      return pathToFileURL(path.join(dir, rel)).href;
    },
    dispose() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const GO_MOD = 'module example.com/hello\n\ngo 1.22\n\nrequire github.com/google/uuid v1.6.0\n';
export const GO_SUM = 'github.com/google/uuid v1.6.0 h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=\ngithub.com/google/uuid v1.6.0/go.mod h1:TIyPZe4MgqvfeYDBFedMoGGpEw/LqOeaOT+nhxU+yHo=\n';
// Imports the module go.mod requires: building it downloads modules (GD104 is silent for a
// program that imports only the standard library, since that build downloads nothing).
/** A two-stage build of the module at the root onto distroless: modules first, static, non-root. */
export const DOCKERFILE = [
  'FROM golang:1.22 AS build',
  'WORKDIR /src',
  'COPY go.mod go.sum ./',
  'RUN go mod download',
  'COPY . .',
  'RUN CGO_ENABLED=0 go build -o /out/app .',
  '',
  'FROM gcr.io/distroless/static-debian12:nonroot',
  'COPY --from=build /out/app /app',
  'ENTRYPOINT ["/app"]',
  '',
].join('\n');

export const MAIN_GO = 'package main\n\nimport (\n\t"fmt"\n\n\t"github.com/google/uuid"\n)\n\nfunc main() { fmt.Println("hello", uuid.NewString()) }\n';

/** A Go module folder (go.mod, optionally go.sum, main.go) inside a temp project. */
export function writeModule(project, rel = '.', { goSum = true } = {}) {
  project.write(path.join(rel, 'go.mod'), GO_MOD);
  if (goSum) project.write(path.join(rel, 'go.sum'), GO_SUM);
  project.write(path.join(rel, 'main.go'), MAIN_GO);
}

/** Is any ancestor of `dir` (itself included) a Go module or workspace root? */
export function insideGoModule(dir) {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'go.mod')) || fs.existsSync(path.join(d, 'go.work'))) return true;
    if (path.dirname(d) === d) return false;
  }
}

// ---------------------------------------------------------------------------------------------
// LSP positions and edits (UTF-16 code units; \r\n, \n and \r end lines)

export function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Line content without its line break. */
export function lineContentLength(text, starts, line) {
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  if (end > starts[line] && text.charCodeAt(end - 1) === 10) end--;
  if (end > starts[line] && text.charCodeAt(end - 1) === 13) end--;
  return end - starts[line];
}

/** Position -> offset; strict: throws on a position outside the text (a server bug). */
export function offsetAt(text, pos, starts = lineStarts(text)) {
  assert.ok(Number.isInteger(pos.line) && Number.isInteger(pos.character) && pos.line >= 0 && pos.character >= 0, `bad position ${JSON.stringify(pos)}`);
  assert.ok(pos.line < starts.length, `position ${JSON.stringify(pos)} is past the last line (${starts.length - 1})`);
  const len = lineContentLength(text, starts, pos.line);
  assert.ok(pos.character <= len, `position ${JSON.stringify(pos)} is past the end of line ${pos.line} (length ${len})`);
  return starts[pos.line] + pos.character;
}

export function positionAt(text, offset, starts = lineStarts(text)) {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

/** Asserts a range is well-formed and inside the text; returns its offsets. */
export function assertRangeInside(text, range, what = 'range', starts = lineStarts(text)) {
  const start = offsetAt(text, range.start, starts);
  const end = offsetAt(text, range.end, starts);
  assert.ok(start <= end, `${what}: start after end ${JSON.stringify(range)}`);
  // Never between \r and \n, nor inside a surrogate pair.
  for (const o of [start, end]) {
    const a = text.charCodeAt(o - 1);
    const b = text.charCodeAt(o);
    assert.ok(!(a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff), `${what} splits a surrogate pair at ${o}`);
  }
  return { start, end };
}

/** Applies TextEdits (all relative to `text`, non-overlapping) and returns the new text. */
export function applyTextEdits(text, edits) {
  const starts = lineStarts(text);
  const located = edits.map((e, i) => ({ ...assertRangeInside(text, e.range, `edit ${i}`, starts), newText: e.newText, i }));
  // Stable: edits at the same position keep their order (LSP: inserted in array order).
  located.sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const e of located) {
    assert.ok(e.start >= pos, `overlapping TextEdits at offset ${e.start}`);
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/**
 * The incremental didChange contentChanges an editor sends for a set of TextEdits: applied
 * from the end of the document backwards, so each range is still valid when it is applied.
 */
export function contentChangesFor(text, edits) {
  const starts = lineStarts(text);
  return edits
    .map((e, i) => ({ e, i, start: offsetAt(text, e.range.start, starts), end: offsetAt(text, e.range.end, starts) }))
    .sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i)
    .map(({ e }) => ({ range: e.range, text: e.newText }));
}

/** Applies incremental contentChanges in order, as the server's TextDocument must. */
export function applyContentChanges(text, changes) {
  for (const c of changes) text = applyTextEdits(text, [{ range: c.range, newText: c.text }]);
  return text;
}

/**
 * The text edits a WorkspaceEdit makes to `uri`, checking what an editor checks: documentChanges
 * (we announced support) targeting the version we hold.
 */
export function editsFor(workspaceEdit, uri, version) {
  assert.ok(workspaceEdit, 'the action has an edit');
  assert.ok(Array.isArray(workspaceEdit.documentChanges), 'the edit uses documentChanges');
  const edits = [];
  for (const dc of workspaceEdit.documentChanges) {
    if ('kind' in dc) continue; // resource operations: none expected for the document itself
    if (dc.textDocument.uri !== uri) continue;
    assert.equal(dc.textDocument.version, version, 'the edit targets the document version the editor holds');
    edits.push(...dc.edits);
  }
  return edits;
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

export function ours(diagnostics) {
  return diagnostics.filter((d) => d.source === SOURCE);
}

export function codes(diagnostics) {
  return ours(diagnostics).map((d) => d.code);
}

export function errorsOf(diagnostics) {
  return ours(diagnostics).filter((d) => d.severity === 1);
}

/** Text of a range, for messages. */
export function textOf(text, range) {
  const s = lineStarts(text);
  return text.slice(offsetAt(text, range.start, s), offsetAt(text, range.end, s));
}

/** Where each code's finding starts, to check the server reads the same text we hold. */
const FINDING_START = {
  GD104: /^(COPY|ADD)\b/i,
  GD201: /^FROM\b/i,
  GD204: /^(FROM|USER)\b/i,
  GD206: /^(RUN|CMD|ENTRYPOINT)\b/i,
  // A command's range includes the variable assignments before it (`X=1 apk add git`).
  GD301: /^(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*apk\b/,
};

/** Diagnostics of other sources whose range is not inside the document. */
export const foreignRangeViolations = [];

/**
 * Checks a publishDiagnostics against the text the editor holds: every range inside it, our
 * diagnostics well-formed (code, codeDescription, data) and starting where their rule says.
 */
export function assertDiagnosticsFit(text, diagnostics) {
  const starts = lineStarts(text);
  for (const d of diagnostics) {
    if (d.source !== SOURCE) {
      // dockerfile-language-service's syntax diagnostics: recorded, checked by a dedicated test.
      try {
        assertRangeInside(text, d.range, `${d.source}/${d.code} diagnostic`, starts);
      } catch (e) {
        foreignRangeViolations.push({ text, diagnostic: d, error: e.message });
      }
      continue;
    }
    const { start, end } = assertRangeInside(text, d.range, `${d.source}/${d.code} diagnostic`, starts);
    assert.ok([1, 2, 3, 4].includes(d.severity), `severity ${d.severity}`);
    assert.equal(typeof d.message, 'string');
    // The server's own notes (a file over a size limit, findings left out of a publish) have no code.
    if (d.code === undefined && /^Not (analysed|showing)\b/.test(d.message)) continue;
    assert.match(String(d.code), /^GD\d{3}$/);
    assert.match(d.codeDescription?.href ?? '', new RegExp(`/${d.code}\\.md$`));
    assert.ok(d.data && typeof d.data.start === 'number' && typeof d.data.end === 'number', 'data carries the finding span');
    const pattern = FINDING_START[d.code];
    // The builder joins a line continuation before reading a word: `E\` + line break + `NTRYPOINT` is ENTRYPOINT.
    if (pattern) assert.match(text.slice(start, end).replace(/[\\`](?:\r\n|\r|\n)/g, ''), pattern, `${d.code} range text ${JSON.stringify(text.slice(start, end))}`);
  }
}

/**
 * A document as an editor holds it: its text and version, kept in sync with the server by
 * didOpen/didChange (incremental), with the diagnostics of the current version.
 */
export class EditorDocument {
  constructor(client, uri, text) {
    this.client = client;
    this.uri = uri;
    this.text = text;
    this.version = 0;
    this.diagnostics = [];
  }

  static async open(client, uri, text) {
    const doc = new EditorDocument(client, uri, text);
    doc.version = client.open(uri, text);
    await doc.receive();
    return doc;
  }

  async receive() {
    this.diagnostics = await this.client.diagnostics(this.uri, this.version);
    assertDiagnosticsFit(this.text, this.diagnostics);
    return this.diagnostics;
  }

  ours(code) {
    return ours(this.diagnostics).filter((d) => code === undefined || d.code === code);
  }

  /** Codes of our diagnostics from the tested rules, in document order (others are ignored). */
  codes() {
    return this.ours().map((d) => d.code).filter((c) => TESTED_RULES.includes(c));
  }

  /** Applies TextEdits as an editor does (incremental didChange) and waits for the new diagnostics. */
  async applyEdits(edits) {
    const next = applyTextEdits(this.text, edits);
    const changes = contentChangesFor(this.text, edits);
    assert.equal(applyContentChanges(this.text, changes), next, 'the sequential contentChanges give the same text as the edits');
    this.text = next;
    this.version = this.client.change(this.uri, changes);
    return this.receive();
  }

  /** Types: replaces a range given in the current text (one incremental change). */
  async replace(range, newText) {
    return this.applyEdits([{ range, newText }]);
  }

  async applyAction(action) {
    assert.ok(action, 'a code action to apply');
    return this.applyEdits(editsFor(action.edit, this.uri, this.version));
  }

  /** textDocument/codeAction as the lightbulb (diagnostics at a range) or a source action asks. */
  codeActions({ range, diagnostics = [], only } = {}) {
    const r = range ?? diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return this.client.request('textDocument/codeAction', {
      textDocument: { uri: this.uri },
      range: r,
      context: { diagnostics, ...(only ? { only } : {}), triggerKind: only ? 1 : 2 },
    });
  }

  /** The quick fixes offered for one of our diagnostics: { fix, ignore, all }. */
  async quickFixesFor(diagnostic) {
    const all = await this.codeActions({ diagnostics: [diagnostic], only: ['quickfix'] });
    for (const a of all) assert.equal(a.kind, 'quickfix');
    return {
      all,
      fix: all.find((a) => !a.title.startsWith('Ignore ')),
      ignore: all.find((a) => a.title === `Ignore ${diagnostic.code} for this instruction`),
    };
  }
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32): a seeded run reproduces a failure. */
export function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
