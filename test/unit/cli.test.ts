import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type JsonFinding } from '../../server/src/cli';
import { runCli as run } from './cliRun';
import { df, ready } from './helpers';

let dir: string;
before(async () => {
  await ready;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-cli-'));
  fs.writeFileSync(path.join(dir, 'go.mod'), 'module example.com/x\n\ngo 1.22\n');
  fs.mkdirSync(path.join(dir, 'build', 'package'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'build', 'package', 'Dockerfile'), df(['FROM golang:1.22 AS build', 'COPY . .', 'RUN go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app', 'USER 65532', 'CMD /app']));
  fs.writeFileSync(path.join(dir, 'Dockerfile.ok'), df(['FROM scratch', 'COPY app /app', 'USER 65532', 'ENTRYPOINT ["/app"]']));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('go-dockerfile lint', () => {
  it('prints JSON with 1-based positions and exits 1 on an error-level finding', async () => {
    const file = path.join(dir, 'build', 'package', 'Dockerfile');
    const r = await run('lint', file, '--format', 'json');
    assert.equal(r.code, 1);
    const findings = JSON.parse(r.out) as JsonFinding[];
    const gd206 = findings.find((f) => f.code === 'GD206')!;
    assert.deepEqual({ line: gd206.line, column: gd206.column, endLine: gd206.endLine, endColumn: gd206.endColumn, severity: gd206.severity }, { line: 7, column: 1, endLine: 7, endColumn: 9, severity: 'error' });
    assert.deepEqual(Object.keys(gd206).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
    // The Dockerfile in build/package finds the module root (no go.sum there) for GD104's advice.
    assert.ok(findings.some((f) => f.code === 'GD104'));
  });

  it('each Dockerfile is checked against its own ignore file: <Dockerfile>.dockerignore beside it, else the context\'s .dockerignore', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-cli-ignore-'));
    try {
      const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app']);
      fs.writeFileSync(path.join(root, 'go.mod'), 'module example.com/x\n\ngo 1.22\n');
      fs.writeFileSync(path.join(root, 'main.go'), 'package main\n\nfunc main() {}\n');
      fs.mkdirSync(path.join(root, '.git'));
      fs.writeFileSync(path.join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
      fs.mkdirSync(path.join(root, 'build'));
      for (const name of ['Dockerfile', 'build/Foo.Dockerfile', 'build/Bar.Dockerfile']) fs.writeFileSync(path.join(root, name), text);
      fs.writeFileSync(path.join(root, 'build', 'Foo.Dockerfile.dockerignore'), '.git\n');
      const codes = async (name: string) => ((JSON.parse((await run('lint', path.join(root, name), '--context', root, '--format', 'json')).out) as JsonFinding[]).map((f) => f.code)).filter((c) => c === 'GD114' || c === 'GD305');
      assert.deepEqual(await codes('build/Foo.Dockerfile'), [], 'its own ignore file excludes .git');
      assert.deepEqual(await codes('build/Bar.Dockerfile'), ['GD114', 'GD305'], 'Foo\'s ignore file is not Bar\'s');
      assert.deepEqual(await codes('Dockerfile'), ['GD114', 'GD305']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('prints text and exits 0 on a clean file; --fail-on lowers the bar', async () => {
    const ok = await run('lint', path.join(dir, 'Dockerfile.ok'));
    assert.equal(ok.code, 0);
    assert.match(ok.out, /No findings/);
    const warn = await run('lint', path.join(dir, 'build', 'package', 'Dockerfile'), '--fail-on', 'warning');
    assert.equal(warn.code, 1);
    assert.match(warn.out, /Dockerfile:2:1: warning GD104 /);
  });

  it('exits 2 with a clear message for a missing file or a bad option', async () => {
    const missing = await run('lint', path.join(dir, 'nope'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read .*nope: no such file/);
    assert.equal((await run('lint', '--format', 'xml', 'x')).code, 2);
    assert.equal((await run('lint')).code, 2);
    assert.equal((await run('frobnicate')).code, 2);
  });

  it('--format sarif gives SARIF 2.1.0 with rule metadata, help links and 1-based regions', async () => {
    const r = await run('lint', path.join(dir, 'build', 'package', 'Dockerfile'), '--format', 'sarif');
    const sarif = JSON.parse(r.out);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    const rules = run0.tool.driver.rules as { id: string; helpUri: string }[];
    assert.ok(rules.some((x) => x.id === 'GD206' && /docs\/rules\/GD206\.md$/.test(x.helpUri)));
    const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'GD206');
    assert.equal(res.level, 'error');
    assert.equal(rules[res.ruleIndex].id, 'GD206');
    assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 7, startColumn: 1, endLine: 7, endColumn: 9 });
  });

  it('--fix writes the safely fixed file, reports what changed, and keeps CRLF', async () => {
    const file = path.join(dir, 'Dockerfile.fix');
    fs.writeFileSync(file, df(['FROM alpine:3.22', 'RUN apk add tzdata', 'USER 65532', 'CMD ["/app"]'], '\r\n'));
    const r = await run('lint', file, '--fix', '--fail-on', 'information');
    assert.equal(r.code, 0, r.out);
    assert.match(r.err, /fixed GD301/);
    assert.equal(fs.readFileSync(file, 'utf8'), df(['FROM alpine:3.22', 'RUN apk add --no-cache tzdata', 'USER 65532', 'CMD ["/app"]'], '\r\n'));
  });

  it('--target checks that stage as the image (a production target in a multi-target file)', async () => {
    const file = path.join(dir, 'Dockerfile.targets');
    fs.writeFileSync(file, df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/app .', 'FROM alpine:3.22 AS prod', 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/app"]', 'FROM build AS dev', 'CMD ["go", "run", "."]']));
    const codes = async (...extra: string[]) => (JSON.parse((await run('lint', file, '--format', 'json', ...extra)).out) as JsonFinding[]).map((f) => f.code);
    // The last stage (dev) is a golang image: GD201. As --target prod, the alpine stage runs as root: GD204.
    assert.ok((await codes()).includes('GD201'));
    const prod = await codes('--target', 'prod');
    assert.ok(!prod.includes('GD201'));
    assert.ok(prod.includes('GD204'));
    const r = await run('lint', file, '--target=missing');
    assert.equal(r.code, 2);
    assert.match(r.err, /has no stage named "missing"/);
  });

  it('reads .go-dockerfile.json above the Dockerfile, and survives a broken one', async () => {
    const sub = path.join(dir, 'cfg');
    fs.mkdirSync(path.join(sub, 'deep'), { recursive: true });
    const file = path.join(sub, 'deep', 'Dockerfile');
    fs.writeFileSync(file, df(['FROM scratch', 'COPY app /app', 'CMD /app']));
    fs.writeFileSync(path.join(sub, '.go-dockerfile.json'), JSON.stringify({ GD206: 'warning', GD204: 'off' }));
    const r = await run('lint', file, '--format', 'json');
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out).map((f: JsonFinding) => `${f.code}:${f.severity}`), ['GD206:warning']);
    fs.writeFileSync(path.join(sub, '.go-dockerfile.json'), '{ not json');
    const broken = await run('lint', file, '--format', 'json');
    assert.equal(broken.code, 1);
    assert.match(broken.err, /ignoring .*\.go-dockerfile\.json/);
  });
});
