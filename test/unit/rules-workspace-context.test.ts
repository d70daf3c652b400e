/**
 * The build-context rules: GD114 (.git in the context), GD202 (scratch without CA
 * certificates), GD203 (scratch without tzdata), GD305 (no .dockerignore), GD306
 * (.dockerignore excludes an input), GD307 (heavy context), the Go-aware .dockerignore builder
 * (facts/contextInputs.ts, generate/dockerignore.ts), and fix-all leaving fixes of other files alone.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { applyEdits } from '../../server/src/edits/edits';
import { fixAll } from '../../server/src/fixes/fixAll';
import { appendLinesEdit } from '../../server/src/edits/dockerignoreLines';
import { contextInputs, parseEmbedPatterns, patternConflict, readEmbedDirectives } from '../../server/src/facts/contextInputs';
import { goDockerignore } from '../../server/src/generate/dockerignore';
import type { AnalyzeOptions } from '../../server/src/rules/analyze';
import { RULES_BY_CODE } from '../../server/src/rules/registry';
import type { Finding } from '../../server/src/rules/types';
import { DockerIgnore } from '../../server/src/workspace/dockerignore';
import { loadWorkspace, type Workspace } from '../../server/src/workspace/load';
import { makeGoModule, makeGoPackage, makeWorkspaceModel } from '../../server/src/workspace/make';
import { applyFix, df, lint, ready } from './helpers';

before(() => ready);

const FIX = path.join(__dirname, '../fixtures/workspaces');
const CODES = ['GD114', 'GD202', 'GD203', 'GD305', 'GD306', 'GD307'];
const ONLY = CODES.map((c) => RULES_BY_CODE.get(c)!);

const temps: string[] = [];
after(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

/** A temporary copy of a fixture workspace (tests that add files or .dockerignore lines). */
function tmpCopy(name: string | null): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-ctx-'));
  temps.push(d);
  if (name) fs.cpSync(path.join(FIX, name), d, { recursive: true });
  return d;
}

function write(root: string, rel: string, text: string | Buffer): void {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
}

function load(root: string): Workspace {
  return loadWorkspace(root.includes(path.sep) ? root : path.join(FIX, root));
}

function opts(ws: Workspace, extra: AnalyzeOptions = {}): AnalyzeOptions {
  return { workspace: ws.model, files: ws, only: ONLY, ...extra };
}

function find(text: string, o: AnalyzeOptions, code: string): Finding[] {
  return lint(text, o).filter((f) => f.code === code);
}

/** A standard two-stage build of the module root. */
function build(pkg = '.', final = 'scratch', extra: string[] = []): string {
  return df([
    'FROM golang:1.22 AS build',
    'WORKDIR /src',
    'COPY go.mod ./',
    'RUN go mod download',
    'COPY . .',
    `RUN CGO_ENABLED=0 go build -trimpath -o /out/app ${pkg}`,
    '',
    `FROM ${final}`,
    ...extra,
    'COPY --from=build /out/app /app',
    'USER 65532:65532',
    'ENTRYPOINT ["/app"]',
  ]);
}

const MB = 1024 * 1024;

// -------------------------------------------------------------------------------------------
describe('GD114 git-metadata-in-context', () => {
  it('reports .git with COPY . . and no .dockerignore; the fix creates .dockerignore with .git', () => {
    const root = tmpCopy('tls');
    write(root, '.git/HEAD', 'ref: refs/heads/main\n');
    write(root, '.git/objects/pack/p.pack', Buffer.alloc(4096));
    const text = build();
    const [f] = find(text, opts(load(root)), 'GD114');
    assert.ok(f, 'GD114 reported');
    assert.equal(f.severity, 'warning');
    assert.equal(text.slice(f.span.start, f.span.end), 'COPY . .');
    assert.match(f.message, /\.git \(4(\.\d)? KB\) is not excluded by \.dockerignore/);
    assert.deepEqual(f.fix?.createFiles, [{ path: '.dockerignore', text: '.git\n' }]);
    assert.deepEqual(f.fix?.edits, []);
    assert.equal(f.fix?.safe, false);
    // After creating the file, the finding is gone.
    write(root, '.dockerignore', f.fix!.createFiles![0].text);
    assert.deepEqual(find(text, opts(load(root)), 'GD114'), []);
  });

  it('with a .dockerignore: the fix appends .git to it (editFiles), adding the missing final line break', () => {
    const root = tmpCopy('tls');
    write(root, '.git/HEAD', 'ref: refs/heads/main\n');
    write(root, '.dockerignore', 'bin/\n*.test');
    const [f] = find(build(), opts(load(root)), 'GD114');
    assert.ok(f);
    assert.equal(f.fix?.createFiles, undefined);
    assert.equal(f.fix?.editFiles?.length, 1);
    const { path: rel, edits } = f.fix!.editFiles![0];
    assert.equal(rel, '.dockerignore');
    const next = applyEdits('bin/\n*.test', edits);
    assert.equal(next, 'bin/\n*.test\n.git\n');
    write(root, '.dockerignore', next);
    assert.deepEqual(find(build(), opts(load(root)), 'GD114'), []);
  });

  it('keeps CRLF (and a BOM) in the .dockerignore it edits', () => {
    const root = tmpCopy('tls');
    write(root, '.git/HEAD', 'x\n');
    const text = '\uFEFFbin/\r\n';
    write(root, '.dockerignore', text);
    const [f] = find(build(), opts(load(root)), 'GD114');
    assert.equal(applyEdits(text, f.fix!.editFiles![0].edits), '\uFEFFbin/\r\n.git\r\n');
  });

  it('a .git file (worktree or submodule pointer) says that go build fails', () => {
    const root = tmpCopy('tls');
    write(root, '.git', 'gitdir: /elsewhere/.git/worktrees/x\n');
    const [f] = find(build(), opts(load(root)), 'GD114');
    assert.match(f.message, /worktree or submodule pointer/);
    assert.match(f.message, /error obtaining VCS status/);
  });

  it('reports a RUN bind mount of the whole context too', () => {
    const root = tmpCopy('tls');
    write(root, '.git/HEAD', 'x\n');
    const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'RUN --mount=type=bind,target=. go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app']);
    const [f] = find(text, opts(load(root)), 'GD114');
    assert.ok(f);
    assert.match(text.slice(f.span.start, f.span.end), /^RUN --mount/);
  });

  it('silent: .git excluded, no .git, no whole-context copy, --exclude=.git, a deliberate !.git, a <Dockerfile>.dockerignore, no workspace', () => {
    const excluded = tmpCopy('simple'); // .dockerignore: .git, bin/
    write(excluded, '.git/HEAD', 'x\n');
    assert.deepEqual(find(build(), opts(load(excluded)), 'GD114'), []);
    assert.deepEqual(find(build(), opts(load('tls')), 'GD114'), [], 'no .git in the context');

    const root = tmpCopy('tls');
    write(root, '.git/HEAD', 'x\n');
    const ws = load(root);
    const specific = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY go.mod main.go ./', 'RUN go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app']);
    assert.deepEqual(find(specific, opts(ws), 'GD114'), []);
    assert.deepEqual(find(build().replace('COPY . .', 'COPY --exclude=.git . .'), opts(ws), 'GD114'), []);
    assert.deepEqual(lint(build(), { only: ONLY }).filter((f) => f.code === 'GD114'), [], 'no workspace: silent');

    const reincluded = tmpCopy('tls');
    write(reincluded, '.git/HEAD', 'x\n');
    write(reincluded, '.dockerignore', '.*\n!.git\n');
    assert.deepEqual(find(build(), opts(load(reincluded)), 'GD114'), []);

    const own = tmpCopy('tls');
    write(own, '.git/HEAD', 'x\n');
    write(own, 'Dockerfile.dockerignore', '.git\n');
    assert.deepEqual(find(build(), opts(load(own)), 'GD114'), []);
  });

  it('fix-all never applies fixes that edit or create other files', () => {
    const root = tmpCopy('tls');
    write(root, '.git/HEAD', 'x\n');
    write(root, '.dockerignore', 'bin/\n');
    const ws = load(root);
    const text = build();
    assert.ok(find(text, opts(ws), 'GD114')[0]?.fix?.editFiles);
    const o = { workspace: ws.model, files: ws };
    const result = fixAll(text, (t) => lint(t, o));
    assert.ok(!result.applied.some((a) => ['GD114', 'GD305', 'GD307'].includes(a.code)), JSON.stringify(result.applied));
    assert.ok(lint(result.text, o).some((f) => f.code === 'GD114'), 'still reported after fix-all');
  });
});

// -------------------------------------------------------------------------------------------
describe('GD202 scratch-without-ca-certificates', () => {
  const ws = () => load('tls'); // main.go calls http.Get

  it('reports a scratch final stage whose program imports net/http; the fix copies the bundle from the builder', () => {
    const text = build();
    const [f] = find(text, opts(ws()), 'GD202');
    assert.ok(f);
    assert.equal(f.severity, 'warning');
    assert.equal(text.slice(f.span.start, f.span.end), 'FROM scratch');
    assert.match(f.message, /net\/http/);
    assert.match(f.message, /x509: certificate signed by unknown authority/);
    const fixed = applyFix(text, 'GD202', opts(ws()));
    assert.ok(fixed.includes('FROM scratch\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=build /out/app /app\n'), fixed);
    assert.equal(fixed, text.replace('FROM scratch\n', 'FROM scratch\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n'));
  });

  it('an unnamed builder is referenced by index; CRLF is kept', () => {
    const text = build().replace(' AS build', '').replace('--from=build', '--from=0').replace(/\n/g, '\r\n');
    const fixed = applyFix(text, 'GD202', opts(ws()));
    assert.ok(fixed.includes('FROM scratch\r\nCOPY --from=0 /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\r\n'), fixed);
  });

  it('resolves the built package through WORKDIR, cd and COPY destinations', () => {
    const text = df([
      'FROM golang:1.22-alpine AS builder',
      'WORKDIR /go/src/app',
      'COPY . ./code/',
      'RUN cd code && go build -o /bin/server .',
      'FROM scratch',
      'COPY --from=builder /bin/server /server',
    ]);
    assert.equal(find(text, opts(ws()), 'GD202').length, 1);
    // The same build of a package that does not use TLS: silent.
    assert.deepEqual(find(build('.'), opts(load('simple')), 'GD202'), []);
  });

  it('an unresolvable package (a variable) falls back on the main packages', () => {
    const text = build('$PKG').replace('WORKDIR /src', 'WORKDIR /src\nARG PKG');
    assert.equal(find(text, opts(ws()), 'GD202').length, 1);
  });

  it('no fix when the builder has no CA bundle (debian without ca-certificates)', () => {
    const text = build().replace('FROM golang:1.22 AS build', 'FROM debian:12 AS build');
    const [f] = find(text, opts(ws()), 'GD202');
    assert.ok(f);
    assert.equal(f.fix, undefined);
    const installs = text.replace('WORKDIR /src', 'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates golang\nWORKDIR /src');
    assert.ok(find(installs, opts(ws()), 'GD202')[0].fix);
  });

  it('silent: bundle copied, SSL_CERT_FILE set, distroless/alpine final, no TLS, embedded roots, copy from an image, no workspace', () => {
    const w = ws();
    for (const extra of [
      ['COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/'],
      ['COPY --from=alpine:3.20 /etc/ssl/certs/ /etc/ssl/certs/'],
      ['COPY certs/ca.pem /etc/ssl/certs/ca.pem'],
      ['ENV SSL_CERT_FILE=/certs/ca.pem'],
    ]) assert.deepEqual(find(build('.', 'scratch', extra), opts(w), 'GD202'), [], extra[0]);
    assert.deepEqual(find(build('.', 'gcr.io/distroless/static-debian12:nonroot'), opts(w), 'GD202'), []);
    assert.deepEqual(find(build('.', 'alpine:3.20'), opts(w), 'GD202'), []);
    assert.deepEqual(find(df(['FROM scratch', 'COPY --from=example/app:1 /app /app']), opts(w), 'GD202'), []);
    assert.deepEqual(lint(build(), { only: ONLY }), [], 'no workspace');
    const roots = makeWorkspaceModel({
      module: makeGoModule({ path: 'example.com/m' }),
      packages: [makeGoPackage({ dir: '', isMain: true, module: '', importPath: 'example.com/m', imports: ['golang.org/x/crypto/x509roots/fallback', 'net/http'] })],
    });
    assert.deepEqual(lint(build(), { workspace: roots, only: ONLY }).filter((f) => f.code === 'GD202'), []);
    assert.equal(lint(build(), { workspace: { ...roots, packages: [{ ...roots.packages[0], imports: ['net/http'] }] }, only: ONLY }).filter((f) => f.code === 'GD202').length, 1);
  });

  it('with several builders, only the program copied into the final stage counts', () => {
    const text = df([
      'FROM golang:1.22 AS build',
      'WORKDIR /src',
      'COPY . .',
      'RUN go build -o /out/fetch . && go build -o /out/other ./cmd/other',
      'FROM scratch',
      'COPY --from=build /out/other /other',
    ]);
    const model = makeWorkspaceModel({
      module: makeGoModule({ path: 'example.com/m' }),
      packages: [
        makeGoPackage({ dir: '', isMain: true, module: '', importPath: 'example.com/m', imports: ['net/http'] }),
        makeGoPackage({ dir: 'cmd/other', isMain: true, module: '', importPath: 'example.com/m/cmd/other', imports: ['fmt'] }),
      ],
    });
    assert.deepEqual(lint(text, { workspace: model, only: ONLY }).filter((f) => f.code === 'GD202'), []);
    assert.equal(lint(text.replace('/out/other /other', '/out/fetch /fetch'), { workspace: model, only: ONLY }).filter((f) => f.code === 'GD202').length, 1);
  });
});

// -------------------------------------------------------------------------------------------
describe('GD203 scratch-without-tzdata', () => {
  const ws = () => load('tzdata'); // cmd/clock calls LoadLocation; cmd/embedded imports time/tzdata; cmd/fixed does not call it

  it('reports the go build of a program calling time.LoadLocation for a scratch image; the fix adds -tags timetzdata', () => {
    const text = build('./cmd/clock');
    const [f] = find(text, opts(ws()), 'GD203');
    assert.ok(f);
    assert.equal(f.severity, 'warning');
    assert.match(text.slice(f.span.start, f.span.end), /^RUN CGO_ENABLED=0 go build/);
    assert.match(f.message, /\.\/cmd\/clock/);
    assert.match(f.message, /unknown time zone/);
    const fixed = applyFix(text, 'GD203', opts(ws()));
    assert.equal(fixed, text.replace('go build -trimpath', 'go build -tags timetzdata -trimpath'));
  });

  it('merges into an existing -tags list, keeping its quoting', () => {
    const cases: [string, string][] = [
      ['-tags=netgo', '-tags=netgo,timetzdata'],
      ['-tags netgo,osusergo', '-tags netgo,osusergo,timetzdata'],
      ['-tags "netgo osusergo"', '-tags "netgo osusergo timetzdata"'],
      ["-tags='netgo'", "-tags='netgo,timetzdata'"],
      ['-tags ""', '-tags "timetzdata"'],
      ['-tags "netgo" -tags=osusergo', '-tags "netgo" -tags=osusergo,timetzdata'],
    ];
    for (const [before, after] of cases) {
      const text = build(`${before} ./cmd/clock`);
      const fixed = applyFix(text, 'GD203', opts(ws()));
      assert.equal(fixed, text.replace(before, after), before);
    }
  });

  it('GOFLAGS -tags: repeated on the command line with timetzdata (a command-line -tags replaces it)', () => {
    const text = build('./cmd/clock').replace('WORKDIR /src', 'ENV GOFLAGS=-tags=netgo\nWORKDIR /src');
    const fixed = applyFix(text, 'GD203', opts(ws()));
    assert.ok(fixed.includes('go build -tags netgo,timetzdata -trimpath'), fixed);
  });

  it('silent: timetzdata already on, time/tzdata imported, no LoadLocation, zoneinfo in the image or copied in, ZONEINFO set', () => {
    const w = ws();
    assert.deepEqual(find(build('-tags timetzdata ./cmd/clock'), opts(w), 'GD203'), []);
    assert.deepEqual(find(build('-tags=netgo,timetzdata ./cmd/clock'), opts(w), 'GD203'), []);
    assert.deepEqual(find(build('./cmd/clock').replace('WORKDIR /src', 'ENV GOFLAGS="-tags=timetzdata"\nWORKDIR /src'), opts(w), 'GD203'), []);
    assert.deepEqual(find(build('./cmd/embedded'), opts(w), 'GD203'), []);
    assert.deepEqual(find(build('./cmd/fixed'), opts(w), 'GD203'), []);
    assert.deepEqual(find(build('./cmd/clock', 'gcr.io/distroless/static-debian12:nonroot'), opts(w), 'GD203'), []);
    assert.deepEqual(find(build('./cmd/clock', 'debian:12-slim'), opts(w), 'GD203'), []);
    assert.deepEqual(find(build('./cmd/clock', 'alpine:3.20', ['RUN apk add --no-cache tzdata']), opts(w), 'GD203'), []);
    assert.deepEqual(find(build('./cmd/clock', 'scratch', ['COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo']), opts(w), 'GD203'), []);
    assert.deepEqual(find(build('./cmd/clock', 'scratch', ['COPY --from=build /usr/local/go/lib/time/zoneinfo.zip /zoneinfo.zip', 'ENV ZONEINFO=/zoneinfo.zip']), opts(w), 'GD203'), []);
    assert.deepEqual(find(build('$TAGS ./cmd/clock'), opts(w), 'GD203'), [], 'tags unknown');
  });

  it('alpine without tzdata is reported too', () => {
    assert.equal(find(build('./cmd/clock', 'alpine:3.20'), opts(ws()), 'GD203').length, 1);
  });

  it('a build of several packages with ./cmd/... is resolved to the main packages under cmd/', () => {
    const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go install ./cmd/...', 'FROM scratch', 'COPY --from=build /go/bin/clock /clock']);
    const [f] = find(text, opts(ws()), 'GD203');
    assert.ok(f);
    assert.ok(applyFix(text, 'GD203', opts(ws())).includes('RUN go install -tags timetzdata ./cmd/...'));
  });
});

// -------------------------------------------------------------------------------------------
describe('GD305 no-dockerignore', () => {
  it('reports the first whole-context COPY of a context without .dockerignore; the fix creates a Go-aware one', () => {
    const ws = load('tls');
    const text = build();
    const [f] = find(text, opts(ws), 'GD305');
    assert.ok(f);
    assert.equal(f.severity, 'warning');
    assert.equal(text.slice(f.span.start, f.span.end), 'COPY . .');
    assert.equal(f.fix?.createFiles?.length, 1);
    assert.equal(f.fix!.createFiles![0].path, '.dockerignore');
    const lines = f.fix!.createFiles![0].text.split('\n').filter((l) => l && !l.startsWith('#'));
    assert.deepEqual(lines, ['.git', '.env', '.env.*', 'bin/', 'dist/', '**/*.test', 'coverage.out', 'coverage.txt', 'coverage.html', '**/*.coverprofile', '**/node_modules/', '.idea/', '.vscode/', 'Dockerfile*', '.dockerignore']);
    assert.ok(f.fix!.createFiles![0].text.endsWith('\n') && !f.fix!.createFiles![0].text.includes('\r'));
    // With the file written, GD305 is gone and the new file excludes nothing the build needs.
    const root = tmpCopy('tls');
    write(root, '.dockerignore', f.fix!.createFiles![0].text);
    const after = lint(text, opts(load(root)));
    assert.deepEqual(after.filter((x) => x.code === 'GD305' || x.code === 'GD306'), []);
  });

  it('reports a RUN bind mount of the whole context', () => {
    const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'RUN --mount=type=bind,target=. go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app']);
    const [f] = find(text, opts(load('tls')), 'GD305');
    assert.match(text.slice(f.span.start, f.span.end), /^RUN --mount=type=bind/);
  });

  it('silent: a .dockerignore exists, only named paths are copied, a <Dockerfile>.dockerignore exists, no workspace', () => {
    assert.deepEqual(find(build(), opts(load('simple')), 'GD305'), []);
    const named = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'COPY main.go ./', 'RUN go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app']);
    assert.deepEqual(find(named, opts(load('tls')), 'GD305'), []);
    const root = tmpCopy('tls');
    write(root, 'build/Dockerfile.dockerignore', '.git\n');
    assert.deepEqual(find(build(), opts(load(root)), 'GD305'), []);
    assert.deepEqual(lint(build(), { only: ONLY }), []);
    // A hand-made model without a .dockerignore: reported (no file list needed).
    const model = makeWorkspaceModel({ module: makeGoModule(), packages: [makeGoPackage({ isMain: true, files: ['main.go'], module: '', importPath: 'example.com/m' })] });
    assert.equal(lint(build(), { workspace: model, only: ONLY }).filter((f) => f.code === 'GD305').length, 1);
  });

  it('the generated file never excludes what the build copies or embeds', () => {
    const ws = load('embed'); // dist/version.txt and internal/web/{assets,index.html} are embedded; bin/entrypoint.sh and .env.example copied
    const text = df([
      'FROM golang:1.22 AS build',
      'WORKDIR /src',
      'COPY . .',
      'RUN CGO_ENABLED=0 go build -o /out/app .',
      'FROM gcr.io/distroless/static-debian12:nonroot',
      'COPY --from=build /out/app /app',
      'COPY bin/entrypoint.sh /entrypoint.sh',
      'COPY .env.example /etc/app.env',
      'ENTRYPOINT ["/entrypoint.sh"]',
    ]);
    const [f] = find(text, opts(ws), 'GD305');
    const generated = f.fix!.createFiles![0].text;
    const patterns = generated.split('\n').filter((l) => l && !l.startsWith('#'));
    assert.ok(!patterns.includes('dist/'), 'dist/ is embedded');
    assert.ok(!patterns.includes('bin/'), 'bin/entrypoint.sh is copied');
    assert.ok(!patterns.includes('.env.*'), '.env.example is copied');
    assert.ok(patterns.includes('.git') && patterns.includes('.env') && patterns.includes('**/*.test'));
    const ignore = DockerIgnore.parse(generated);
    for (const file of ws.listFiles('')) {
      if (['Dockerfile', '.dockerignore'].includes(file.path)) continue;
      assert.equal(ignore.isIgnored(file.path), false, `${file.path} excluded`);
    }
  });
});

describe('generate/dockerignore: the Go-aware .dockerignore builder', () => {
  it('parses //go:embed patterns: several per line, quoted, all: prefix', () => {
    assert.deepEqual(parseEmbedPatterns('package x\n//go:embed a.txt "b c.txt" `d`\n//go:embed all:static/*\n// go:embed no\nvar x string\n'), ['a.txt', 'b c.txt', 'd', 'static/*']);
  });

  it('an unreadable package file (of a package importing embed) counts as embedding its whole folder', () => {
    const model = makeWorkspaceModel({ packages: [makeGoPackage({ dir: 'web', files: ['web.go'], imports: ['embed'] }), makeGoPackage({ dir: 'api', files: ['api.go'] })] });
    assert.deepEqual(readEmbedDirectives(model, () => null), [{ dir: 'web', pattern: '.' }], 'only packages importing embed are read');
  });

  it('keeps vendor/, go.mod, go.sum and package sources; drops candidates that would exclude them', () => {
    const model = makeWorkspaceModel({
      module: makeGoModule({ path: 'example.com/m', hasGoSum: true }),
      hasVendor: true,
      vendor: { dir: '', modules: [] },
      packages: [
        makeGoPackage({ dir: 'bin', name: 'main', isMain: true, files: ['main.go'], module: '', importPath: 'example.com/m/bin' }),
        makeGoPackage({ dir: 'internal/coverage', name: 'coverage', files: ['coverage.out.go'], module: '', importPath: 'example.com/m/internal/coverage' }),
      ],
    });
    const dockerfile = parseDockerfile(df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /app ./bin', 'FROM scratch', 'COPY --from=build /app /app']));
    const g = goDockerignore(model, dockerfile);
    assert.ok(!g.patterns.includes('bin/'), 'bin/ holds the main package');
    assert.deepEqual(g.omitted.map((o) => o.pattern), ['bin/']);
    const ignore = DockerIgnore.parse(g.text);
    for (const p of ['go.mod', 'go.sum', 'vendor/modules.txt', 'bin/main.go', 'internal/coverage/coverage.out.go']) assert.equal(ignore.isIgnored(p), false, p);
  });

  it('contextInputs: named paths, module files under a copied folder, bind-mount sources, sources of the built packages', () => {
    const ws = load('sqlite');
    const dockerfile = parseDockerfile(df([
      'FROM golang:1.22 AS build',
      'WORKDIR /src',
      'RUN --mount=type=bind,source=go.sum,target=go.sum --mount=type=bind,source=go.mod,target=go.mod go mod download',
      'COPY cmd/ ./cmd/',
      'COPY internal ./internal',
      'RUN go build -o /app ./cmd/app',
      'FROM scratch',
      'COPY --from=build /app /app',
    ]));
    const inputs = contextInputs(ws.model, dockerfile);
    const named = inputs.filter((i) => i.kind === 'named').map((i) => i.path);
    assert.deepEqual(named, ['go.sum', 'go.mod', 'cmd', 'internal']);
    const sources = inputs.filter((i) => i.kind === 'source').map((i) => i.path).sort();
    assert.ok(sources.includes('cmd/app/main.go') && sources.includes('internal/store/store.go'), sources.join());
    assert.ok(!sources.includes('cmd/tool/main.go'), 'cmd/tool is not built');
    assert.ok(inputs.some((i) => i.kind === 'possible' && i.path === 'cmd/tool/main.go'));
  });

  it('patternConflict: a pattern below a needed folder, and a pattern matching a needed file', () => {
    const inputs = [{ path: 'web', dir: null, kind: 'embed' as const, what: '//go:embed web in package .', instr: null }];
    assert.equal(patternConflict('web/dist/', inputs)?.path, 'web');
    assert.equal(patternConflict('**/node_modules/', inputs)?.path, 'web', 'web/node_modules may be embedded');
    assert.equal(patternConflict('bin/', inputs), null);
  });

  it('appendLinesEdit: the file\'s own line ending, a missing final break added first, an empty file', () => {
    assert.equal(applyEdits('a\r\nb', [appendLinesEdit('a\r\nb', ['x', 'y'])]), 'a\r\nb\r\nx\r\ny\r\n');
    assert.equal(applyEdits('a\n', [appendLinesEdit('a\n', ['x'])]), 'a\nx\n');
    assert.equal(applyEdits('', [appendLinesEdit('', ['x'])]), 'x\n');
  });
});

// -------------------------------------------------------------------------------------------
describe('GD306 dockerignore-excludes-input', () => {
  it('an allowlist that forgot a package folder: the sources of the built package are excluded', () => {
    const root = tmpCopy('dockerignore');
    // cmd/app imports example.com/di/internal/x; drop the !internal/** line.
    write(root, '.dockerignore', fs.readFileSync(path.join(FIX, 'dockerignore/.dockerignore'), 'utf8').replace('!internal/**\n', ''));
    const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', 'RUN go build -o /out/app ./cmd/app', 'FROM scratch', 'COPY --from=build /out/app /app']);
    const found = find(text, opts(load(root)), 'GD306');
    assert.equal(found.length, 1, JSON.stringify(found));
    const [f] = found;
    assert.equal(f.severity, 'error');
    assert.equal(text.slice(f.span.start, f.span.end), 'COPY . .');
    assert.match(f.message, /package internal\/x \(internal\/x\/x\.go\): \.dockerignore line 2 `\*`/);
    assert.equal(f.fix, undefined);
    // As the fixture is (with !internal/**): nothing.
    assert.deepEqual(find(text, opts(load('dockerignore')), 'GD306'), []);
  });

  it('go.sum excluded while COPY names it; the message names the line', () => {
    const root = tmpCopy('simple');
    write(root, '.dockerignore', '.git\n*.sum\n');
    const [f] = find(build().replace('COPY go.mod ./', 'COPY go.mod go.sum ./'), opts(load(root)), 'GD306');
    assert.ok(f);
    assert.match(f.message, /go\.sum: \.dockerignore line 2 `\*\.sum`/);
  });

  it('go.sum excluded under COPY . . is reported there (module files of a copied folder)', () => {
    const root = tmpCopy('simple');
    write(root, '.dockerignore', 'go.sum\n');
    const text = build();
    const [f] = find(text, opts(load(root)), 'GD306');
    assert.equal(text.slice(f.span.start, f.span.end), 'COPY . .');
    assert.match(f.message, /go\.sum: \.dockerignore line 1 `go\.sum`/);
  });

  it('go.work left out (module-mode image builds) is not reported; a member\'s go.sum is', () => {
    const root = tmpCopy('gowork');
    write(root, '.dockerignore', 'go.work\ngo.work.sum\n');
    const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN cd svc/api && go build -o /out/api .', 'FROM scratch', 'COPY --from=build /out/api /api']);
    assert.deepEqual(find(text, opts(load(root)), 'GD306'), []);
    write(root, '.dockerignore', 'go.work\n**/go.sum\n');
    const [f] = find(text, opts(load(root)), 'GD306');
    assert.match(f.message, /svc\/api\/go\.sum: \.dockerignore line 2 `\*\*\/go\.sum`/);
    assert.doesNotMatch(f.message, /go\.work/);
  });

  it('vendor/ excluded in a vendored module', () => {
    const root = tmpCopy('vendored');
    write(root, '.dockerignore', 'vendor\n');
    const [f] = find(build(), opts(load(root)), 'GD306');
    assert.ok(f);
    assert.match(f.message, /vendor\/modules\.txt: \.dockerignore line 1 `vendor`/);
    // -mod=mod: vendor/ is not read.
    assert.deepEqual(find(build('-mod=mod .'), opts(load(root)), 'GD306'), []);
  });

  it('a folder a COPY names, wholly excluded (also when the path is not in the workspace)', () => {
    const root = tmpCopy('dockerignore');
    const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY docs/ /docs/', 'COPY assets/ /assets/', 'COPY notes.txt keep.log ./', 'FROM scratch', 'COPY --from=build /docs /docs']);
    const found = find(text, opts(load(root)), 'GD306');
    const msgs = found.map((f) => `${text.slice(f.span.start, f.span.end)} => ${f.message}`);
    assert.equal(found.length, 3, msgs.join('\n'));
    assert.match(msgs[0], /^COPY docs\/ .*docs: \.dockerignore line 8 `\/docs`/);
    assert.match(msgs[1], /^COPY assets\/ .*assets: \.dockerignore line 2 `\*`/);
    assert.match(msgs[2], /^COPY notes\.txt keep\.log .*notes\.txt: \.dockerignore line 2 `\*`/);
    assert.doesNotMatch(found[2].message, /keep\.log/, 'keep.log is re-included by !keep.log');
  });

  it('an embedded folder excluded', () => {
    const root = tmpCopy('embed');
    write(root, '.dockerignore', '.git\n**/assets\n');
    const [f] = find(build(), opts(load(root)), 'GD306');
    assert.ok(f);
    assert.match(f.message, /internal\/web\/assets.*\/\/go:embed assets in package internal\/web.*line 2 `\*\*\/assets`/);
  });

  it('silent: globs, unresolved builds, paths only RUN scripts name, a <Dockerfile>.dockerignore, no .dockerignore', () => {
    const root = tmpCopy('dockerignore');
    write(root, '.dockerignore', fs.readFileSync(path.join(FIX, 'dockerignore/.dockerignore'), 'utf8').replace('!internal/**\n', ''));
    const ws = load(root);
    const globs = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY *.txt ./', 'COPY . .', 'RUN go build -o /out/app $PKG', 'FROM scratch', 'COPY --from=build /out/app /app']);
    assert.deepEqual(find(globs, opts(ws), 'GD306'), []);
    write(root, 'Dockerfile.dockerignore', '');
    assert.deepEqual(find(build('./cmd/app'), opts(load(root)), 'GD306'), []);
    assert.deepEqual(find(build(), opts(load('tls')), 'GD306'), []);
  });

  it('BuildKit\'s `# check=skip=CopyIgnoredFile` and our pragma silence it', () => {
    const root = tmpCopy('simple');
    write(root, '.dockerignore', '.git\n*.sum\n');
    const text = build().replace('COPY go.mod ./', 'COPY go.mod go.sum ./');
    assert.equal(find(text, opts(load(root)), 'GD306').length, 1);
    assert.deepEqual(find(`# check=skip=CopyIgnoredFile\n${text}`, opts(load(root)), 'GD306'), []);
    assert.deepEqual(find(text.replace('COPY go.mod go.sum ./', '# go-dockerfile ignore=GD306\nCOPY go.mod go.sum ./'), opts(load(root)), 'GD306'), []);
  });

  it('works on a hand-made model (no file list): named paths against the model\'s .dockerignore', () => {
    const model = makeWorkspaceModel({
      module: makeGoModule({ hasGoSum: true }),
      dockerignore: { text: '*\n!go.mod\n', path: '.dockerignore', patterns: [] },
    });
    const text = df(['FROM golang:1.22 AS build', 'COPY go.mod go.sum ./', 'RUN go mod download']);
    const [f] = lint(text, { workspace: model, only: ONLY }).filter((x) => x.code === 'GD306');
    assert.match(f.message, /go\.sum: \.dockerignore line 1 `\*`/);
  });
});

// -------------------------------------------------------------------------------------------
describe('GD307 heavy-context', () => {
  function heavyProject(ignore: string | null): string {
    const root = tmpCopy('tls');
    write(root, 'web/node_modules/react/index.js', Buffer.alloc(2 * MB));
    write(root, 'bin/app', Buffer.alloc(600 * 1024));
    write(root, 'coverage.out', 'mode: set\n');
    write(root, '.env', 'TOKEN=secret\n');
    write(root, '.env.example', 'TOKEN=\n');
    if (ignore !== null) write(root, '.dockerignore', ignore);
    return root;
  }

  it('lists the unused paths with their sizes; the fix appends them to .dockerignore', () => {
    const root = heavyProject('.git\n');
    const text = build();
    const [f] = find(text, opts(load(root)), 'GD307');
    assert.ok(f);
    assert.equal(f.severity, 'information');
    assert.equal(text.slice(f.span.start, f.span.end), 'COPY . .');
    assert.match(f.message, /sends 2\.6 MB the build never uses: web\/node_modules\/ \(2 MB\), bin\/ \(600 KB\), \.env \(13 B\), coverage\.out \(10 B\)\./);
    assert.doesNotMatch(f.message, /\.env\.example/, 'a template is not a local env file');
    const [edit] = f.fix!.editFiles!;
    assert.equal(edit.path, '.dockerignore');
    const next = applyEdits('.git\n', edit.edits);
    assert.equal(next, '.git\nweb/node_modules/\nbin/\ncoverage.out\n.env\n');
    write(root, '.dockerignore', next);
    assert.deepEqual(find(text, opts(load(root)), 'GD307'), []);
  });

  it('without a .dockerignore the fix creates one with the paths', () => {
    const [f] = find(build(), opts(load(heavyProject(null))), 'GD307');
    assert.deepEqual(f.fix?.createFiles, [{ path: '.dockerignore', text: 'web/node_modules/\nbin/\ncoverage.out\n.env\n' }]);
  });

  it('silent: under 1 MiB, already excluded, used by a COPY, embedded, not copied at all', () => {
    const small = tmpCopy('tls');
    write(small, 'bin/app', Buffer.alloc(900 * 1024));
    write(small, '.dockerignore', '.git\n');
    assert.deepEqual(find(build(), opts(load(small)), 'GD307'), []);

    assert.deepEqual(find(build(), opts(load(heavyProject('.git\n**/node_modules\nbin/\n'))), 'GD307'), []);

    const used = heavyProject('.git\n');
    const copiesThem = build().replace('COPY . .', 'COPY . .\nCOPY web/node_modules /node_modules\nCOPY bin/app /usr/bin/app');
    assert.deepEqual(find(copiesThem, opts(load(used)), 'GD307'), []);

    const embedded = tmpCopy('embed');
    write(embedded, 'dist/bundle.js', Buffer.alloc(3 * MB));
    write(embedded, '.dockerignore', '.git\n');
    assert.deepEqual(find(build(), opts(load(embedded)), 'GD307'), [], 'dist/ is embedded by the root package');

    const named = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY go.mod main.go ./', 'RUN go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app']);
    assert.deepEqual(find(named, opts(load(heavyProject('.git\n'))), 'GD307'), []);
  });

  it('node_modules under a copied folder counts; many *.test files collapse into one pattern', () => {
    const root = tmpCopy('tls');
    for (const n of ['a', 'b', 'c', 'd']) write(root, `${n}.test`, Buffer.alloc(400 * 1024));
    write(root, '.dockerignore', '.git\n');
    const [f] = find(build(), opts(load(root)), 'GD307');
    assert.ok(f);
    assert.equal(applyEdits('.git\n', f.fix!.editFiles![0].edits), '.git\n*.test\n');
  });
});

// -------------------------------------------------------------------------------------------
describe('builds that read .git (version stamping): GD114 stays silent, the generated file keeps .git', () => {
  function gitProject(files: Record<string, string>): Workspace {
    const root = tmpCopy('tls');
    write(root, '.git/HEAD', 'ref: refs/heads/main\n');
    for (const [rel, text] of Object.entries(files)) write(root, rel, text);
    return load(root);
  }
  const withRun = (run: string) => build().replace('RUN CGO_ENABLED=0 go build -trimpath -o /out/app .', run);

  it('git describe / rev-parse in a RUN after the copy, -buildvcs=true, goreleaser', () => {
    const ws = gitProject({});
    for (const run of [
      'RUN go build -ldflags "-X main.version=$(git describe --tags)" -o /out/app .',
      'RUN VERSION=`git rev-parse --short HEAD` && go build -o /out/app .',
      'RUN git config --global --add safe.directory /src && go build -o /out/app .',
      'RUN go build -buildvcs=true -o /out/app .',
      'RUN goreleaser build --single-target -o /out/app',
    ]) {
      const text = withRun(run);
      assert.deepEqual(find(text, opts(ws), 'GD114'), [], run);
      const [f] = find(text, opts(ws), 'GD305');
      assert.ok(!f.fix!.createFiles![0].text.split('\n').includes('.git'), `${run}: .git kept in the context`);
      assert.doesNotMatch(f.message, /\.git,/);
    }
  });

  it('make: reads the Makefile; a Makefile without git does not count; no Makefile counts as unknown (silent)', () => {
    const run = withRun('RUN make build');
    assert.deepEqual(find(run, opts(gitProject({ Makefile: 'VERSION := $(shell git describe --tags)\nbuild:\n\tgo build -o /out/app .\n' })), 'GD114'), []);
    assert.equal(find(run, opts(gitProject({ Makefile: 'build:\n\tgo build -o /out/app .\n' })), 'GD114').length, 1);
    assert.deepEqual(find(run, opts(gitProject({})), 'GD114'), []);
    const script = withRun('RUN ./scripts/build.sh');
    assert.deepEqual(find(script, opts(gitProject({ 'scripts/build.sh': '#!/bin/sh\nv=$(git describe)\n' })), 'GD114'), []);
    assert.equal(find(script, opts(gitProject({ 'scripts/build.sh': '#!/bin/sh\ngo build -o /out/app .\n' })), 'GD114').length, 1);
  });

  it('git clone (another repository) and git in a stage without the context do not count', () => {
    const ws = gitProject({});
    assert.equal(find(withRun('RUN git clone https://example.com/x.git /x && go build -o /out/app .'), opts(ws), 'GD114').length, 1);
    const other = build().replace('FROM golang:1.22 AS build', 'FROM alpine:3.20 AS version\nRUN git describe --tags > /v || true\nFROM golang:1.22 AS build\nCOPY --from=version /v /v');
    assert.equal(find(other, opts(ws), 'GD114').length, 1);
  });
});
