/**
 * `go-dockerfile generate` (never overwrites without --force; exit codes 0/1/2) and the LSP
 * request `goDockerfile/generate`, over an in-process JSON-RPC connection to the real server.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import { runCli as run } from './cliRun';
import type { GenerateResponse } from '../../server/src/driver/generateRequest';
import { startServer } from '../../server/src/lsp/server';
import { ready } from './helpers';

const FIXTURES = path.resolve(__dirname, '../fixtures/generate');
let tmp: string;
let n = 0;

before(async () => {
  await ready;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-generate-cli-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function copy(fixture: string): string {
  const dir = path.join(tmp, `${fixture}-${n++}`);
  fs.cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  return dir;
}

describe('go-dockerfile generate', () => {
  it('writes Dockerfile and .dockerignore, explains why, exits 0', async () => {
    const dir = copy('root-main');
    const r = await run('generate', dir);
    assert.equal(r.code, 0, r.err);
    const df = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
    assert.match(df, /FROM gcr\.io\/distroless\/static-debian12:nonroot/);
    assert.match(fs.readFileSync(path.join(dir, '.dockerignore'), 'utf8'), /^\.git$/m);
    assert.match(r.out, /^Wrote .*Dockerfile and .*\.dockerignore for \. \(binary hello, distroless runtime\)\./);
    assert.match(r.out, /\nWhy:\n {2}- Builds \. \(example\.com\/hello\)/);
    assert.ok(!r.out.includes('Self-check'), r.out);
  });

  it('never overwrites an existing Dockerfile without --force (exit 1, nothing written); --force replaces both', async () => {
    const dir = copy('tzdata');
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\n');
    fs.writeFileSync(path.join(dir, '.dockerignore'), 'mine\n');
    const r = await run('generate', dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /Dockerfile already exists: nothing written\. Use --force/);
    assert.equal(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), 'FROM scratch\n');
    assert.equal(fs.readFileSync(path.join(dir, '.dockerignore'), 'utf8'), 'mine\n');
    const forced = await run('generate', dir, '--force', '--runtime', 'scratch');
    assert.equal(forced.code, 0, forced.err);
    assert.match(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), /^FROM scratch$/m);
    assert.match(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), /-tags timetzdata/);
    assert.notEqual(fs.readFileSync(path.join(dir, '.dockerignore'), 'utf8'), 'mine\n');
  });

  it('keeps an existing .dockerignore when there is no Dockerfile yet, and says so', async () => {
    const dir = copy('nosum');
    fs.writeFileSync(path.join(dir, '.dockerignore'), '.git\n');
    const r = await run('generate', dir);
    assert.equal(r.code, 0, r.err);
    assert.ok(fs.existsSync(path.join(dir, 'Dockerfile')));
    assert.equal(fs.readFileSync(path.join(dir, '.dockerignore'), 'utf8'), '.git\n');
    assert.match(r.out, /Kept the existing .*\.dockerignore/);
  });

  it('--stdout prints only the Dockerfile on stdout (the report goes to stderr) and writes nothing', async () => {
    const dir = copy('cgo-c');
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\n');
    const r = await run('generate', dir, '--stdout');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^# syntax=docker\/dockerfile:1\n/);
    assert.match(r.out, /ENTRYPOINT \["\/usr\/local\/bin\/cgoc"\]$/);
    assert.match(r.err, /Why:/);
    assert.equal(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), 'FROM scratch\n');
    assert.ok(!fs.existsSync(path.join(dir, '.dockerignore')));
  });

  it('--format json: the result, the files written and the self-check', async () => {
    const dir = copy('gowork');
    const r = await run('generate', dir, '--format', 'json', '--runtime=debian');
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.target.dir, 'svc/api');
    assert.equal(j.runtime, 'debian');
    assert.deepEqual(j.written, [path.join(dir, 'Dockerfile'), path.join(dir, '.dockerignore')]);
    assert.deepEqual(j.selfCheck, []);
    assert.equal(j.dockerfile, fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'));
    assert.ok(Array.isArray(j.reasons) && j.reasons.length > 3);
  });

  it('several main packages: exit 2 with the candidates; --package picks one', async () => {
    const dir = copy('cmd-several');
    const r = await run('generate', dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /2 main packages \(cmd\/api, cmd\/worker\)/);
    assert.match(r.err, /--package cmd\/api +\(example\.com\/multi\/cmd\/api, binary api\)/);
    assert.match(r.err, /--package cmd\/worker/);
    assert.ok(!fs.existsSync(path.join(dir, 'Dockerfile')));
    const j = await run('generate', dir, '--format', 'json');
    assert.equal(j.code, 2);
    assert.equal(JSON.parse(j.out).error.code, 'ambiguous-package');
    const ok = await run('generate', dir, '--package', 'worker', '--stdout');
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /-o \/out\/worker \.\/cmd\/worker/);
  });

  it('usage errors and impossible requests exit 2', async () => {
    const dir = copy('cgo-sqlite');
    const scratch = await run('generate', dir, '--runtime', 'scratch');
    assert.equal(scratch.code, 2);
    assert.match(scratch.err, /needs cgo.*scratch has no C library/);
    assert.equal((await run('generate', dir, '--runtime', 'busybox')).code, 2);
    assert.equal((await run('generate', dir, '--format', 'xml')).code, 2);
    assert.equal((await run('generate', dir, '--frob')).code, 2);
    assert.equal((await run('generate', path.join(dir, 'nope'))).code, 2);
    assert.equal((await run('generate', path.join(tmp))).code, 2); // no go.mod
    const help = await run('--help');
    assert.match(help.out, /go-dockerfile generate \[DIR\] \[--package PKG\] \[--runtime distroless\|scratch\|alpine\|debian\]/);
  });
});

describe('goDockerfile/generate (LSP request)', () => {
  let client: MessageConnection;
  const streams = { up: new PassThrough(), down: new PassThrough() };

  before(async () => {
    const server = createConnection(new StreamMessageReader(streams.up), new StreamMessageWriter(streams.down));
    startServer(server);
    client = createMessageConnection(new StreamMessageReader(streams.down), new StreamMessageWriter(streams.up));
    client.listen();
    await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null, initializationOptions: { languageFeatures: 'off' } });
    await client.sendNotification('initialized', {});
  });
  after(() => {
    client.dispose();
    streams.up.end();
    streams.down.end();
  });

  it('returns the files, the target, the reasons, what exists, and a clean self-check; writes nothing', async () => {
    const dir = copy('tls-client');
    fs.writeFileSync(path.join(dir, '.dockerignore'), '.git\n');
    const r = (await client.sendRequest('goDockerfile/generate', { folderUri: pathToFileURL(dir).href, runtime: 'scratch' })) as GenerateResponse;
    assert.match(r.dockerfile, /^FROM scratch$/m);
    assert.match(r.dockerignore, /^\.git$/m);
    assert.equal(r.target.binary, 'fetch');
    assert.ok(r.reasons.length > 3);
    assert.deepEqual(r.existing, { dockerfile: false, dockerignore: true });
    assert.deepEqual(r.selfCheck, []);
    assert.equal(r.folder, dir);
    assert.ok(!fs.existsSync(path.join(dir, 'Dockerfile')));
    assert.deepEqual(r.existingIgnore, { path: '.dockerignore', conflicts: [] });
  });

  it('an existing .dockerignore that excludes the sources the build compiles: the response says which line (the editor then offers only to replace it)', async () => {
    const dir = copy('tls-client');
    fs.writeFileSync(path.join(dir, '.dockerignore'), '.git\n*.go\n');
    const r = (await client.sendRequest('goDockerfile/generate', { folderUri: pathToFileURL(dir).href })) as GenerateResponse;
    assert.equal(r.existingIgnore?.path, '.dockerignore');
    assert.ok(r.existingIgnore!.conflicts.length > 0);
    assert.ok(r.existingIgnore!.conflicts.every((c) => c.line === 2 && c.pattern === '*.go'), JSON.stringify(r.existingIgnore));
    assert.match(r.warnings[0], /^The existing \.dockerignore breaks this build: \.dockerignore line 2 `\*\.go` excludes/);
  });

  it('ambiguous: a RequestFailed error whose data lists the candidates; package then resolves it', async () => {
    const uri = pathToFileURL(copy('cmd-several')).href;
    await assert.rejects(client.sendRequest('goDockerfile/generate', { folderUri: uri }), (e: unknown) => {
      assert.ok(e instanceof ResponseError);
      assert.equal(e.code, -32803);
      const data = e.data as { code: string; candidates: { dir: string; binary: string }[] };
      assert.equal(data.code, 'ambiguous-package');
      assert.deepEqual(data.candidates.map((c) => c.dir), ['cmd/api', 'cmd/worker']);
      return true;
    });
    const r = (await client.sendRequest('goDockerfile/generate', { folderUri: uri, package: 'cmd/api' })) as GenerateResponse;
    assert.equal(r.target.dir, 'cmd/api');
    assert.deepEqual(r.exposes, [9000]);
  });

  it('bad parameters: a RequestFailed error with code bad-option', async () => {
    await assert.rejects(client.sendRequest('goDockerfile/generate', { folderUri: pathToFileURL(copy('nosum')).href, runtime: 'busybox' }), (e: unknown) => e instanceof ResponseError && (e.data as { code: string }).code === 'bad-option');
    await assert.rejects(client.sendRequest('goDockerfile/generate', { folderUri: 'untitled:x' }), (e: unknown) => e instanceof ResponseError && (e.data as { code: string }).code === 'bad-option');
  });
});
