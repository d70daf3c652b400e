// `lint --format github|gitlab`, each held against the shape its documentation gives:
//   GitHub: workflow commands `::error file=F,line=L,col=C,endLine=L,endColumn=E,title=T::MESSAGE`,
//     with %, CR, LF escaped in the message and also `:` and `,` in property values;
//   GitLab: Code Quality, an array of { description, check_name, fingerprint,
//     severity (info|minor|major|critical|blocker), location: { path, lines: { begin } } }.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type JsonFinding } from '../../server/src/cli';
import { runCli as run } from './cliRun';
import { escapeData, escapeProperty } from '../../server/src/cli/github';
import { df, ready } from './helpers';

let dir: string;
const cwd = process.cwd();
// A folder name with the two characters that separate workflow-command properties.
const ODD = path.join('svc,api:v2', 'Dockerfile');
const TEXT = df(['FROM golang:1.22 AS build', 'COPY . .', 'RUN go mod download && go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app', 'CMD /app']);

before(async () => {
  await ready;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-cli-formats-'));
  fs.mkdirSync(path.join(dir, path.dirname(ODD)));
  fs.writeFileSync(path.join(dir, ODD), TEXT);
  fs.writeFileSync(path.join(dir, 'Dockerfile'), df(['FROM scratch', 'COPY app /app', 'USER 65532', 'ENTRYPOINT ["/app"]']));
  // Paths in CI reports are relative to the repository root, the job's current folder.
  process.chdir(dir);
});
after(() => {
  process.chdir(cwd);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function jsonFindings(file: string): Promise<JsonFinding[]> {
  return JSON.parse((await run('lint', file, '--format', 'json', '--fail-on', 'hint')).out) as JsonFinding[];
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function unescapeProperty(s: string): string {
  return unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));
}

describe('lint --format github', () => {
  it('escapes as the workflow-command syntax requires', () => {
    assert.equal(escapeData('100% done\r\nnext: a,b'), '100%25 done%0D%0Anext: a,b');
    assert.equal(escapeProperty('svc,api:v2/Dockerfile 50%'), 'svc%2Capi%3Av2/Dockerfile 50%25');
  });

  it('prints one annotation per finding, which parses back to the JSON finding', async () => {
    const expected = await jsonFindings(ODD);
    assert.ok(expected.length >= 3, 'the fixture has several findings');
    const r = await run('lint', ODD, '--format', 'github');
    assert.equal(r.code, 1, 'GD206 is an error');
    const lines = r.out.split('\n');
    assert.equal(lines.length, expected.length);
    const level = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;
    lines.forEach((line, i) => {
      // The documented grammar: ::command k=v,k=v::message, no unescaped `,` or `:` in values.
      const m = /^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*,)*[a-zA-Z]+=[^,:]*)::(.*)$/.exec(line);
      assert.ok(m, `not a workflow command: ${line}`);
      const props = Object.fromEntries(m[2].split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), unescapeProperty(kv.slice(kv.indexOf('=') + 1))]));
      const f = expected[i];
      assert.equal(m[1], level[f.severity]);
      assert.equal(props.file, 'svc,api:v2/Dockerfile');
      assert.equal(Number(props.line), f.line);
      assert.equal(Number(props.endLine), f.endLine);
      if (f.line === f.endLine) assert.deepEqual([Number(props.col), Number(props.endColumn)], [f.column, f.endColumn]);
      else assert.equal(props.col, undefined, 'GitHub takes columns only on a single line');
      assert.match(props.title, new RegExp(`^${f.code} [a-z-]+$`));
      const message = unescapeData(m[3]);
      assert.ok(message.startsWith(f.message), message);
      assert.match(message, new RegExp(`\\n\\S+/docs/rules/${f.code}\\.md$`));
      assert.ok(!/[\r\n]/.test(m[3]), 'one finding, one line');
    });
  });

  it('prints nothing for a clean file and exits 0', async () => {
    const r = await run('lint', 'Dockerfile', '--format', 'github');
    assert.deepEqual([r.code, r.out], [0, '']);
  });
});

describe('lint --format gitlab', () => {
  interface Issue {
    description: string;
    check_name: string;
    fingerprint: string;
    severity: string;
    location: { path: string; lines: { begin: number; end?: number } };
  }

  async function report(file: string): Promise<Issue[]> {
    const r = await run('lint', file, '--format', 'gitlab');
    assert.equal(r.code, 1);
    return JSON.parse(r.out) as Issue[];
  }

  it('gives a Code Quality report with the required fields, relative paths and unique fingerprints', async () => {
    const expected = await jsonFindings(ODD);
    const issues = await report(ODD);
    assert.ok(Array.isArray(issues));
    assert.equal(issues.length, expected.length);
    const severity = { error: 'major', warning: 'minor', information: 'info', hint: 'info' } as const;
    issues.forEach((issue, i) => {
      const f = expected[i];
      assert.deepEqual(Object.keys(issue).sort(), ['check_name', 'description', 'fingerprint', 'location', 'severity']);
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity));
      assert.equal(issue.severity, severity[f.severity]);
      assert.equal(issue.check_name, f.code);
      assert.ok(issue.description.includes(f.message));
      assert.equal(issue.location.path, 'svc,api:v2/Dockerfile');
      assert.ok(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin === f.line);
      assert.match(issue.fingerprint, /^[0-9a-f]{64}$/);
    });
    assert.equal(new Set(issues.map((x) => x.fingerprint)).size, issues.length, 'fingerprints are unique');
  });

  it('keeps fingerprints when unrelated lines are added above (GitLab matches findings across commits)', async () => {
    const before = await report(ODD);
    fs.writeFileSync(path.join(dir, ODD), `# syntax=docker/dockerfile:1\n# the api service\n${TEXT}`);
    try {
      const moved = await report(ODD);
      assert.deepEqual(moved.map((x) => x.location.lines.begin), before.map((x) => x.location.lines.begin + 2));
      assert.deepEqual(moved.map((x) => x.fingerprint), before.map((x) => x.fingerprint));
    } finally {
      fs.writeFileSync(path.join(dir, ODD), TEXT);
    }
  });

  it('is an empty array for a clean file', async () => {
    const r = await run('lint', 'Dockerfile', '--format', 'gitlab');
    assert.deepEqual([r.code, JSON.parse(r.out)], [0, []]);
  });
});
