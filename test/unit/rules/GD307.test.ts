import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it, before } from 'node:test';
import { applyEdits } from '../../../server/src/edits/edits';
import { df, ready } from '../helpers';
import { tmpCopy, write, load, opts, find, build, MB } from './kit/context';
import { codisDockerfile } from './kit/codis';

/** GD307 heavy-context: its own cases (the themed suites beside it test rules together). */
before(() => ready);

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

  it('fix on a CRLF .dockerignore appends with CRLF, and the finding is gone once written', () => {
    const root = heavyProject('.git\r\n');
    const text = build();
    const [f] = find(text, opts(load(root)), 'GD307');
    const next = applyEdits('.git\r\n', f.fix!.editFiles![0].edits);
    assert.equal(next, '.git\r\nweb/node_modules/\r\nbin/\r\ncoverage.out\r\n.env\r\n');
    write(root, '.dockerignore', next);
    assert.deepEqual(find(text, opts(load(root)), 'GD307'), []);
  });
});

// CodisLabs/codis de1ad026e329561c22e2a3035fbfe89dc7fef764 (MIT, MIT-LICENSE.txt): Dockerfile:1-14
// (`COPY . ${CODIS}`, `RUN make -C ${CODIS} build-all`), Makefile:1-28 (build-all reaches codis-fe,
// whose recipe runs `cp -rf cmd/fe/assets bin/`; it runs make again for jemalloc, so the goals
// cannot be followed and the whole Makefile is read), cmd/fe/main.go:106-118 (assets default to
// bin/assets), cmd/fe/assets/index.html loads node_modules/…. Judge 40 Y W1: GD307 called
// cmd/fe/assets/node_modules (14.1 MB, committed) unused.
describe('GD307: a folder a make recipe of the build copies (CodisLabs/codis)', () => {
  const CODIS = (run?: string) => codisDockerfile('golang:1.8', run);
  const MAKEFILE = (recipe = '\t@rm -rf bin/assets; cp -rf cmd/fe/assets bin/') => [
    '.DEFAULT_GOAL := build-all',
    '',
    'export GO15VENDOREXPERIMENT=1',
    '',
    'build-all: codis-dashboard codis-fe',
    '',
    'codis-deps:',
    '\t@mkdir -p bin config && bash version',
    '\t@make --no-print-directory -C vendor/github.com/spinlock/jemalloc-go/',
    '',
    'codis-dashboard: codis-deps',
    '\tgo build -i -o bin/codis-dashboard ./cmd/dashboard',
    '',
    'codis-fe: codis-deps',
    '\tgo build -i -o bin/codis-fe ./cmd/fe',
    recipe,
    '',
    'distclean:',
    '\t@rm -rf bin',
    '',
  ].join('\n');
  const project = (makefile = MAKEFILE()) => {
    const root = tmpCopy(null);
    write(root, 'Makefile', makefile);
    write(root, 'cmd/fe/main.go', 'package main\n\nimport (\n\t"net/http"\n\t"path/filepath"\n)\n\nfunc main() { http.Handle("/", http.FileServer(http.Dir(filepath.Join("bin", "assets")))) }\n');
    write(root, 'cmd/dashboard/main.go', 'package main\n\nfunc main() {}\n');
    write(root, 'cmd/fe/assets/index.html', '<script src="node_modules/jquery/dist/jquery.js"></script>\n');
    write(root, 'cmd/fe/assets/node_modules/jquery/dist/jquery.js', Buffer.alloc(2 * MB));
    return root;
  };

  it('codis de1ad02 Dockerfile:9: silent, `make build-all` copies cmd/fe/assets (node_modules inside) with `cp -rf`', () => {
    assert.deepEqual(find(CODIS(), opts(load(project())), 'GD307').map((f) => f.message), []);
  });

  it('still reported when no recipe copies the folder, the copy is not recursive, or make runs outside the copied context', () => {
    assert.equal(find(CODIS(), opts(load(project(MAKEFILE('\t@cp -f cmd/fe/assets/index.html bin/')))), 'GD307').length, 1, 'cp without -r');
    assert.equal(find(CODIS(), opts(load(project(MAKEFILE('\t@mkdir -p bin/assets')))), 'GD307').length, 1, 'no cp');
    assert.equal(find(CODIS('RUN make -C /elsewhere build-all'), opts(load(project())), 'GD307').length, 1, 'make -C a folder the context is not in');
    // A `cd` on the recipe line before the cp: another folder's cmd/fe/assets.
    assert.equal(find(CODIS(), opts(load(project(MAKEFILE('\tcd /tmp && cp -rf cmd/fe/assets bin/')))), 'GD307').length, 1, 'after cd');
  });
});
