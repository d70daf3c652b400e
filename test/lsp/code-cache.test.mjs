// The server's V8 code cache (server/src/start/server.ts, start/codeCache.ts), as editors run it:
// dist/server.js spawned over stdio, each with its own cache folder (XDG_CACHE_HOME). The server
// logs what became of the cache at its start (V8's own verdict, `script.cachedDataRejected`) and
// when it wrote one. A cache changes how fast the first answer comes, never what it says: every
// server here is compared with one run without the cache.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { LspClient, REPO_ROOT, withTimeout } from './client.mjs';
import { tempProject, writeModule } from './helpers.mjs';

// A compound command: the shell grammar's glue runs from the cached code too.
const TEXT = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN if [ -f go.mod ]; then go build -o /app .; fi\nFROM scratch\nCOPY --from=0 /app /app\nCMD /app\n';

let project;
/** Cache homes, outside the project (its build context). */
let homes;
let uri;
let n = 0;
let uncached;
before(async () => {
  project = tempProject('go-dockerfile-code-cache-');
  homes = fs.mkdtempSync(path.join(os.tmpdir(), 'go-dockerfile-cache-homes-'));
  writeModule(project);
  uri = project.write('Dockerfile', TEXT);
  uncached = await session({ GO_DOCKERFILE_CODE_CACHE: '0' });
  assert.equal(uncached.state, 'off');
});
after(() => {
  project?.dispose();
  if (homes) fs.rmSync(homes, { recursive: true, force: true });
});

/** A fresh cache home. */
function cacheHome() {
  const dir = path.join(homes, `cache${n++}`);
  fs.mkdirSync(dir);
  return dir;
}

const cacheFiles = (home) => {
  const dir = path.join(home, 'go-dockerfile');
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
};

/** The next log line matching `re` (one already received, or the next). */
async function logLine(c, re) {
  const found = () => c.logs.find((l) => re.test(l.message))?.message;
  return withTimeout(
    (async () => {
      while (!found()) {
        if (c.exited) throw new Error(`server exited\n${c.stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return found();
    })(),
    20000,
    `a log line matching ${re}`,
  );
}

/**
 * One server from open to stop: what it said about the cache, whether it wrote one, and its
 * findings once the workspace and the shell grammar are in (GD305 comes with them).
 */
async function session(env, { expectWrite = false } = {}) {
  const c = await LspClient.start({ rootDir: project.dir, timeoutMs: 20000, env });
  try {
    const state = (await logLine(c, /^V8 code cache: /)).slice('V8 code cache: '.length);
    c.open(uri, TEXT);
    const findings = (await c.diagnosticsWhere(uri, (d) => d.some((x) => x.code === 'GD305'))).map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`).sort();
    // The server still answers after the cache was (or could not be) written.
    const written = expectWrite ? await logLine(c, /^V8 code cache (not )?written/) : undefined;
    c.change(uri, [{ text: TEXT.replace('CMD /app', 'CMD ["/app"]') }]);
    const changed = await c.diagnostics(uri, 2);
    assert.ok(!changed.some((d) => d.code === 'GD206'), 'the exec form takes GD206 away');
    return { state, findings, written };
  } finally {
    await c.stop();
  }
}

describe('server code cache', () => {
  it('the first server writes one cache file, private to the user; the next start uses it (V8 accepts it) and answers the same', async () => {
    const home = cacheHome();
    const first = await session({ XDG_CACHE_HOME: home }, { expectWrite: true });
    assert.equal(first.state, 'none');
    assert.match(first.written, /^V8 code cache written/);
    assert.deepEqual(first.findings, uncached.findings);
    const files = cacheFiles(home);
    assert.equal(files.length, 1, 'one cache file');
    assert.match(path.basename(files[0]), /^server-[0-9a-f]{8}-[0-9a-f]{16}-[0-9a-f]{8}-v\d+\.\d+\.\d+-\w+\.v8cache$/);
    assert.ok(fs.statSync(files[0]).size > 100_000, 'the cache holds the compiled code');
    assert.equal(fs.statSync(files[0]).mode & 0o777, 0o600);
    assert.equal(fs.statSync(path.dirname(files[0])).mode & 0o777, 0o700);
    const second = await session({ XDG_CACHE_HOME: home });
    assert.equal(second.state, 'accepted', 'made under the flags the next start compiles with');
    assert.deepEqual(second.findings, uncached.findings);
  });

  it('a damaged cache file is rejected, the findings stay the same, and it is written anew', async () => {
    const home = cacheHome();
    await session({ XDG_CACHE_HOME: home }, { expectWrite: true });
    const [file] = cacheFiles(home);
    // The header V8 checks (version, source, flags) no longer fits.
    const bytes = fs.readFileSync(file);
    for (let i = 0; i < 32; i++) bytes[i] ^= 0xff;
    fs.writeFileSync(file, bytes);
    const damaged = await session({ XDG_CACHE_HOME: home }, { expectWrite: true });
    assert.equal(damaged.state, 'rejected');
    assert.match(damaged.written, /^V8 code cache written/);
    assert.deepEqual(damaged.findings, uncached.findings);
    assert.equal((await session({ XDG_CACHE_HOME: home })).state, 'accepted');
  });

  it("another bundle's cache in its place (the CLI's) is rejected", async () => {
    const home = cacheHome();
    await session({ XDG_CACHE_HOME: home }, { expectWrite: true });
    // A lint that needs no shell grammar (the CLI caches only those).
    const plain = path.join(home, 'plain.Dockerfile');
    fs.writeFileSync(plain, 'FROM scratch\nCOPY app /app\n');
    const lint = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist/cli.js'), 'lint', plain], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, XDG_CACHE_HOME: home } });
    assert.notEqual(lint.status, 2, lint.stderr);
    const files = cacheFiles(home);
    const cli = files.find((f) => path.basename(f).startsWith('cli-'));
    const server = files.find((f) => path.basename(f).startsWith('server-'));
    assert.ok(cli && server, files.join(' '));
    fs.copyFileSync(cli, server);
    const foreign = await session({ XDG_CACHE_HOME: home }, { expectWrite: true });
    assert.equal(foreign.state, 'rejected');
    assert.match(foreign.written, /^V8 code cache written/);
    assert.deepEqual(foreign.findings, uncached.findings);
  });

  it('a cache folder that cannot be made (a file in its place): the server works as without a cache', async () => {
    const home = cacheHome();
    fs.writeFileSync(path.join(home, 'go-dockerfile'), 'not a folder');
    const r = await session({ XDG_CACHE_HOME: home }, { expectWrite: true });
    assert.equal(r.written, 'V8 code cache not written');
    assert.deepEqual(r.findings, uncached.findings);
    assert.equal(fs.readFileSync(path.join(home, 'go-dockerfile'), 'utf8'), 'not a folder');
  });
});
