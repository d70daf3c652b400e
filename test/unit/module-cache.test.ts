// The module-cache reader behind the module-download estimate: go.sum / vendor/modules.txt name
// the modules, the cache's download folder gives their sizes (zip central directories read,
// nothing extracted or run). Caches here are built in a temp folder with real zip files.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { buildLayerModel } from '../../server/src/layers';
import {
  AVERAGE_GOMOD_BYTES, AVERAGE_MODULE_BYTES, escapeModulePath, moduleDownloadEstimate, modulesFromGoSum, modulesFromVendor, tarBytes, type ModuleRef,
} from '../../server/src/layers/moduleCache';
import { moduleCacheDir, moduleCacheReader, moduleLayerBytes, readModuleCache, zipEntrySizes } from '../../server/src/driver/moduleCacheReader';
import { parseModulesTxt } from '../../server/src/workspace/vendor';
import { loadWorkspace } from '../../server/src/workspace/load';
import { contextFilesOf } from '../../server/src/driver/layersContext';
import { ready } from './helpers';

before(async () => {
  await ready;
});

/** A stored (uncompressed) zip with the given files, as a module zip is laid out. */
function zipOf(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const n = Buffer.from(name);
    const data = Buffer.from(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(files).length, 8);
  eocd.writeUInt16LE(Object.keys(files).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const tmp: string[] = [];
after(() => tmp.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-modcache-'));
  tmp.push(d);
  return d;
}

/** Puts a module version in a cache's download folder; returns the layer bytes it should count. */
function addModule(cache: string, m: ModuleRef, files: Record<string, string> = {}): number {
  const dir = path.join(cache, 'cache', 'download', ...escapeModulePath(m.path).split('/'), '@v');
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, escapeModulePath(m.version));
  const mod = `module ${m.path}\n`;
  const info = `{"Version":"${m.version}"}`;
  fs.writeFileSync(`${base}.mod`, mod);
  fs.writeFileSync(`${base}.info`, info);
  let bytes = tarBytes(mod.length) + tarBytes(info.length);
  if (!m.zip) return bytes;
  const prefix = `${m.path}@${m.version}/`;
  const zip = zipOf(Object.fromEntries(Object.entries(files).map(([k, v]) => [prefix + k, v])));
  fs.writeFileSync(`${base}.zip`, zip);
  bytes += tarBytes(zip.length) + tarBytes(64);
  const dirs = new Set<string>();
  for (const [k, v] of Object.entries(files)) {
    bytes += tarBytes(v.length);
    const parts = (prefix + k).split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return bytes + dirs.size * 512;
}

const GO_SUM = [
  'github.com/BurntSushi/toml v1.3.2 h1:o7IhLm0Msx3BaB+n3Ag7L8EVlByGnpq14C4YWiu/gL8=',
  'github.com/BurntSushi/toml v1.3.2/go.mod h1:CxXYINrC8qIiEnFrOxCa7Jy5BFHlXnUU2pbicEuybxQ=',
  'golang.org/x/text v0.14.0 h1:ScX5w1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=',
  'golang.org/x/text v0.14.0/go.mod h1:18ZOQIKpY8NJVqYksKHtTdi31H5itFRjB5/qKTNYzSU=',
  'golang.org/x/tools v0.6.0/go.mod h1:Xwgl3UAJ/d3gWutnCtw505GrjyAbvKui8lOU390QaIU=',
  '',
].join('\n');

describe('module cache reader', () => {
  it('go.sum: a module with an h1 line for its content needs its zip; /go.mod-only entries need their go.mod', () => {
    assert.deepEqual(modulesFromGoSum(GO_SUM), [
      { path: 'github.com/BurntSushi/toml', version: 'v1.3.2', zip: true },
      { path: 'golang.org/x/text', version: 'v0.14.0', zip: true },
      { path: 'golang.org/x/tools', version: 'v0.6.0', zip: false },
    ]);
    assert.deepEqual(modulesFromGoSum('garbage\n\nx y\r\n'), []);
  });

  it('the cache folder: GOMODCACHE, else GOPATH/pkg/mod, else ~/go/pkg/mod; also from the go env file', () => {
    const none = () => null;
    assert.equal(moduleCacheDir({ GOMODCACHE: '/m', GOPATH: '/g' }, '/home/u', none), '/m');
    assert.equal(moduleCacheDir({ GOPATH: ['/g1', '/g2'].join(path.delimiter) }, '/home/u', none), path.join('/g1', 'pkg', 'mod'));
    assert.equal(moduleCacheDir({}, '/home/u', none), path.join('/home/u', 'go', 'pkg', 'mod'));
    assert.equal(moduleCacheDir({ GOMODCACHE: 'relative' }, null, none), null, 'a relative GOMODCACHE is ignored, as cmd/go does');
    const envFile = (p: string) => (p === path.join('/home/u', '.config', 'go', 'env') ? 'GOMODCACHE=/from/go/env\n' : null);
    if (process.platform === 'linux') assert.equal(moduleCacheDir({}, '/home/u', envFile), '/from/go/env');
    assert.equal(moduleCacheDir({ GOENV: 'off' }, '/home/u', envFile), path.join('/home/u', 'go', 'pkg', 'mod'));
  });

  it('case-encodes paths as cmd/go does', () => {
    assert.equal(escapeModulePath('github.com/BurntSushi/toml'), 'github.com/!burnt!sushi/toml');
  });

  it('missing cache: every module is missing and the estimate is from the module count, labelled so', () => {
    const mods = modulesFromGoSum(GO_SUM);
    const r = readModuleCache(path.join(tempDir(), 'nope'), mods);
    assert.equal(r.exists, false);
    assert.equal(r.found, 0);
    assert.equal(r.missing.length, 3);
    const e = moduleDownloadEstimate(r);
    assert.equal(e.bytes, 2 * AVERAGE_MODULE_BYTES + AVERAGE_GOMOD_BYTES);
    assert.match(e.basis, /^2 modules × ~3\.5 MB \+ 1 go\.mod files \(no module cache at .*nope\)$/);
    assert.match(moduleDownloadEstimate(readModuleCache(null, mods)).basis, /\(no module cache\)$/);
  });

  it('full cache: the exact tar bytes of the zip, its .mod/.info and the extracted tree', () => {
    const cache = tempDir();
    const mods = modulesFromGoSum(GO_SUM);
    const expected =
      addModule(cache, mods[0], { 'toml.go': 'package toml\n'.repeat(50), 'LICENSE': 'MIT', 'internal/tz.go': 'package internal\n' }) +
      addModule(cache, mods[1], { 'go.mod': 'module golang.org/x/text\n', 'unicode/norm/norm.go': 'x'.repeat(5000) }) +
      addModule(cache, mods[2]);
    const r = readModuleCache(cache, mods);
    assert.deepEqual([r.exists, r.found, r.missing.length], [true, 3, 0]);
    assert.equal(r.foundBytes, expected);
    assert.deepEqual(zipEntrySizes(path.join(cache, 'cache/download/golang.org/x/text/@v/v0.14.0.zip'))?.map((e) => e.size), [25, 5000]);
    const e = moduleDownloadEstimate(r);
    assert.equal(e.bytes, expected);
    assert.match(e.basis, /^3 modules sized from the module cache \(/);
  });

  it('partial cache: found modules are sized, the others estimated, and the basis says how many of each', () => {
    const cache = tempDir();
    const mods = modulesFromGoSum(GO_SUM);
    const found = addModule(cache, mods[1], { 'doc.go': 'package text\n' });
    // A zip that is not a zip counts as missing, never as zero bytes.
    addModule(cache, mods[0], { 'a.go': 'package a\n' });
    fs.writeFileSync(path.join(cache, 'cache/download/github.com/!burnt!sushi/toml/@v/v1.3.2.zip'), 'not a zip');
    const r = readModuleCache(cache, mods);
    assert.deepEqual([r.found, r.missing.map((m) => m.path)], [1, ['github.com/BurntSushi/toml', 'golang.org/x/tools']]);
    assert.equal(r.foundBytes, found);
    const e = moduleDownloadEstimate(r);
    assert.equal(e.bytes, found + AVERAGE_MODULE_BYTES + AVERAGE_GOMOD_BYTES);
    assert.match(e.basis, /^1 of 3 modules sized from the module cache \(.*\), 2 missing there estimated at ~3\.5 MB each$/);
    assert.equal(moduleLayerBytes(cache, { path: 'example.com/absent', version: 'v1.0.0', zip: true }), null);
  });

  it('vendor mode: modules.txt names the modules (local replacements are not downloaded, replaced versions are)', () => {
    const txt = [
      '# github.com/pkg/errors v0.9.1',
      '## explicit',
      'github.com/pkg/errors',
      '# example.com/local v1.0.0 => ./local',
      'example.com/local',
      '# example.com/old v1.0.0 => example.com/new v1.2.0',
      'example.com/old',
      '',
    ].join('\n');
    assert.deepEqual(modulesFromVendor(parseModulesTxt(txt)), [
      { path: 'github.com/pkg/errors', version: 'v0.9.1', zip: true },
      { path: 'example.com/new', version: 'v1.2.0', zip: true },
    ]);
  });

  it('in the layer model: a vendored module without go.sum is sized from the cache; a cache mount keeps modules out of the layer', () => {
    const root = tempDir();
    const cache = tempDir();
    fs.writeFileSync(path.join(root, 'go.mod'), 'module example.com/app\n\ngo 1.22\n\nrequire github.com/pkg/errors v0.9.1\n');
    fs.mkdirSync(path.join(root, 'vendor/github.com/pkg/errors'), { recursive: true });
    fs.writeFileSync(path.join(root, 'vendor/modules.txt'), '# github.com/pkg/errors v0.9.1\n## explicit\ngithub.com/pkg/errors\n');
    fs.writeFileSync(path.join(root, 'vendor/github.com/pkg/errors/errors.go'), 'package errors\n');
    fs.writeFileSync(path.join(root, 'main.go'), 'package main\n\nimport "github.com/pkg/errors"\n\nfunc main() { _ = errors.New("x") }\n');
    const bytes = addModule(cache, { path: 'github.com/pkg/errors', version: 'v0.9.1', zip: true }, { 'errors.go': 'package errors\n'.repeat(100) });
    const text = 'FROM golang:1.22\nWORKDIR /src\nCOPY go.mod ./\nRUN go mod download\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\n';
    fs.writeFileSync(path.join(root, 'Dockerfile'), text);
    const ws = loadWorkspace(root);
    const model = (dir: string | null) => buildLayerModel(parseDockerfile(text), {
      dockerfilePath: path.join(root, 'Dockerfile'), context: contextFilesOf(ws, path.join(root, 'Dockerfile')), readText: (rel) => ws.readFile(rel), moduleCache: moduleCacheReader(dir),
    });
    const [, , , plain, mounted] = model(cache).stages[0].layers;
    assert.equal(plain.estimatedBytes, bytes);
    assert.match(plain.estimateBasis, /^1 module sized from the module cache/);
    assert.equal(mounted.estimatedBytes, 0);
    assert.match(mounted.estimateBasis, /cache mount \/go\/pkg\/mod/);
    const noCache = model(null).stages[0].layers[3];
    assert.equal(noCache.estimatedBytes, AVERAGE_MODULE_BYTES);
    assert.match(noCache.estimateBasis, /^1 module × ~3\.5 MB \(no module cache\)$/);
  });
});
