/**
 * The CLI's V8 code cache (server/src/start/cli.ts, start/codeCache.ts), run as users run it: dist/cli.js as a child
 * process, with its own cache folder (XDG_CACHE_HOME). A cache changes how fast the CLI starts,
 * never what it prints: every run here is compared with a run without the cache.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'dist/cli.js');
let root: string;
let project: string;
let n = 0;

before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-code-cache-'));
  project = path.join(root, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'go.mod'), 'module example.com/x\n\ngo 1.22\n');
  fs.writeFileSync(path.join(project, 'main.go'), 'package main\n\nfunc main() {}\n');
  // A plain script (no shell grammar needed) and one the grammar must read (a compound command).
  fs.writeFileSync(path.join(project, 'Dockerfile'), 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nFROM scratch\nCOPY --from=0 /app /app\nCMD /app\n');
  fs.writeFileSync(path.join(project, 'grammar.Dockerfile'), 'FROM golang:1.22\nCOPY . .\nRUN if [ -f go.mod ]; then go build -o /app .; fi\n');
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

/** A fresh cache home. */
function cacheHome(): string {
  const dir = path.join(root, `cache${n++}`);
  fs.mkdirSync(dir);
  return dir;
}

function cli(args: string[], env: Record<string, string>, nodeFlags: string[] = []) {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run npm run build first`);
  const r = spawnSync(process.execPath, [...nodeFlags, CLI, ...args], { cwd: project, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cacheFiles = (home: string) => {
  const dir = path.join(home, 'go-dockerfile');
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
};

describe('CLI code cache', () => {
  it('the first lint writes one cache file, private to the user; later runs print the same', () => {
    const uncached = cli(['lint', 'Dockerfile', '--format', 'json'], { GO_DOCKERFILE_CODE_CACHE: '0' });
    assert.equal(uncached.status, 1, uncached.stderr);
    assert.match(uncached.stdout, /GD206/);
    const home = cacheHome();
    const first = cli(['lint', 'Dockerfile', '--format', 'json'], { XDG_CACHE_HOME: home });
    assert.deepEqual([first.status, first.stdout, first.stderr], [uncached.status, uncached.stdout, uncached.stderr]);
    const files = cacheFiles(home);
    assert.equal(files.length, 1, 'one cache file');
    assert.match(path.basename(files[0]), /^cli-[0-9a-f]{8}-[0-9a-f]{16}-[0-9a-f]{8}-v\d+\.\d+\.\d+-\w+\.v8cache$/);
    assert.ok(fs.statSync(files[0]).size > 100_000, 'the cache holds the compiled code');
    assert.equal(fs.statSync(files[0]).mode & 0o777, 0o600);
    assert.equal(fs.statSync(path.dirname(files[0])).mode & 0o777, 0o700);
    const written = fs.statSync(files[0]).mtimeMs;
    for (let k = 0; k < 2; k++) {
      const again = cli(['lint', 'Dockerfile', '--format', 'json'], { XDG_CACHE_HOME: home });
      assert.deepEqual([again.status, again.stdout, again.stderr], [uncached.status, uncached.stdout, uncached.stderr]);
    }
    assert.equal(fs.statSync(files[0]).mtimeMs, written, 'an accepted cache is not written again');
  });

  it('a file the shell grammar must read: the same findings with and without a cache, and no cache made under the changed V8 flags', () => {
    const uncached = cli(['lint', 'grammar.Dockerfile', '--format', 'json'], { GO_DOCKERFILE_CODE_CACHE: '0' });
    assert.equal(uncached.stderr, '');
    const home = cacheHome();
    const grammarFirst = cli(['lint', 'grammar.Dockerfile', '--format', 'json'], { XDG_CACHE_HOME: home });
    assert.deepEqual([grammarFirst.status, grammarFirst.stdout, grammarFirst.stderr], [uncached.status, uncached.stdout, uncached.stderr]);
    assert.deepEqual(cacheFiles(home), [], 'a cache made after --liftoff-only would not fit a normal start');
    cli(['lint', 'Dockerfile'], { XDG_CACHE_HOME: home });
    assert.equal(cacheFiles(home).length, 1);
    // The grammar's glue, run from cached code (no dynamic import() there).
    const cached = cli(['lint', 'grammar.Dockerfile', '--format', 'json'], { XDG_CACHE_HOME: home });
    assert.deepEqual([cached.status, cached.stdout, cached.stderr], [uncached.status, uncached.stdout, uncached.stderr]);
  });

  it('a run with other V8 flags gets its own file, and leaves the plain one alone', () => {
    const home = cacheHome();
    const plain = cli(['lint', 'Dockerfile', '--format', 'json'], { XDG_CACHE_HOME: home });
    const [file] = cacheFiles(home);
    const written = fs.statSync(file).mtimeMs;
    for (let k = 0; k < 2; k++) {
      const flagged = cli(['lint', 'Dockerfile', '--format', 'json'], { XDG_CACHE_HOME: home }, ['--max-old-space-size=300']);
      assert.deepEqual([flagged.status, flagged.stdout, flagged.stderr], [plain.status, plain.stdout, plain.stderr]);
    }
    assert.equal(cacheFiles(home).length, 2);
    assert.equal(fs.statSync(file).mtimeMs, written, 'the plain run\'s cache was not rewritten');
  });

  it('--version and --help write no cache; GO_DOCKERFILE_CODE_CACHE=0 none at all', () => {
    const home = cacheHome();
    assert.equal(cli(['--version'], { XDG_CACHE_HOME: home }).status, 0);
    assert.equal(cli(['lint', '--help'], { XDG_CACHE_HOME: home }).status, 0);
    assert.equal(cli(['lint', 'Dockerfile'], { XDG_CACHE_HOME: home, GO_DOCKERFILE_CODE_CACHE: '0' }).status, 1);
    assert.deepEqual(cacheFiles(home), []);
  });

  it('a damaged cache file is rejected, the output stays the same, and the file is written anew', () => {
    const home = cacheHome();
    const good = cli(['lint', 'Dockerfile', '--format', 'json'], { XDG_CACHE_HOME: home });
    const [file] = cacheFiles(home);
    // The header V8 checks (version, source, flags) no longer fits: the data is rejected.
    const bytes = fs.readFileSync(file);
    for (let i = 0; i < 32; i++) bytes[i] ^= 0xff;
    fs.writeFileSync(file, bytes);
    const damaged = cli(['lint', 'Dockerfile', '--format', 'json'], { XDG_CACHE_HOME: home });
    assert.deepEqual([damaged.status, damaged.stdout, damaged.stderr], [good.status, good.stdout, good.stderr]);
    assert.notDeepEqual(fs.readFileSync(file).subarray(0, 32), bytes.subarray(0, 32), 'rewritten');
    // Truncated to nothing: the same.
    fs.writeFileSync(file, '');
    const empty = cli(['lint', 'Dockerfile', '--format', 'json'], { XDG_CACHE_HOME: home });
    assert.deepEqual([empty.status, empty.stdout, empty.stderr], [good.status, good.stdout, good.stderr]);
    assert.ok(fs.statSync(file).size > 100_000);
  });

  it('a folder or a FIFO in place of the cache file: the CLI neither fails nor waits, and prints the same', () => {
    const home = cacheHome();
    const good = cli(['lint', 'Dockerfile', '--format', 'json'], { XDG_CACHE_HOME: home });
    const [file] = cacheFiles(home);
    fs.rmSync(file);
    fs.mkdirSync(file);
    const folder = cli(['lint', 'Dockerfile', '--format', 'json'], { XDG_CACHE_HOME: home });
    assert.deepEqual([folder.status, folder.stdout, folder.stderr], [good.status, good.stdout, good.stderr]);
    fs.rmSync(file, { recursive: true });
    assert.equal(spawnSync('mkfifo', [file]).status, 0);
    // The child is killed after 120 s (status null): a start blocked on the FIFO fails here.
    const fifo = cli(['lint', 'Dockerfile', '--format', 'json'], { XDG_CACHE_HOME: home });
    assert.deepEqual([fifo.status, fifo.stdout, fifo.stderr], [good.status, good.stdout, good.stderr]);
  });

  it('a cache folder that cannot be made (a file in its place): the CLI runs as without a cache', () => {
    const home = cacheHome();
    fs.writeFileSync(path.join(home, 'go-dockerfile'), 'not a folder');
    const r = cli(['lint', 'Dockerfile', '--format', 'json'], { XDG_CACHE_HOME: home });
    const uncached = cli(['lint', 'Dockerfile', '--format', 'json'], { GO_DOCKERFILE_CODE_CACHE: '0' });
    assert.deepEqual([r.status, r.stdout, r.stderr], [uncached.status, uncached.stdout, uncached.stderr]);
  });
});
