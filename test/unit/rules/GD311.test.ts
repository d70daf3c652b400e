import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { df, ready } from '../helpers';
import { find, fix, fixture, tempWorkspace } from './kit/workspaceGo';
import { GOKAPI_DOCKERFILE } from './kit/goAtStart';

/** GD311 module-file-not-in-context: its own cases. */
before(() => ready);

const GO_MOD_NO_REQS = 'module example.com/hello\n\ngo 1.22\n';
const GO_MOD_REQS = 'module example.com/app\n\ngo 1.22\n\nrequire github.com/pkg/errors v0.9.1\n\n';
const MAIN = 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n';

describe('GD311 module-file-not-in-context', () => {
  const layer = (copy: string, from = 'FROM golang:1.22 AS build') => df([from, 'WORKDIR /src', copy, 'RUN go mod download', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app']);

  // Forceu/Gokapi build/Dockerfile:14 at cc3ea46d5d90c5831d7a5569b623ed2a5c4819d5 (AGPL-3.0): the
  // builder image is built with build/ as its context (build/makefile: `cd build; docker build .`),
  // and build/go.mod was deleted in 9eb8a88; `docker build` fails with "/go.mod": not found.
  it('Gokapi: build/Dockerfile copies a go.mod its context (build/) no longer has: reported, no fix', () => {
    // The skeleton is shared with the goAtStart cases (kit/goAtStart.ts).
    const text = GOKAPI_DOCKERFILE();
    const opts = tempWorkspace({ Dockerfile: text, 'entrypoint.sh': '#!/bin/sh\nmake\n', makefile: 'build:\n\tdocker build . --tag gokapi-builder\n', 'go-generate/minifyStaticContent.go': 'package main\n' });
    const found = find(text, 'GD311', opts);
    assert.equal(found.length, 1, JSON.stringify(found));
    const [f] = found;
    assert.equal(f.severity, 'error');
    assert.equal(text.slice(f.span.start, f.span.end), 'COPY go.mod /tmp/tmp/go.mod');
    assert.match(f.message, /^go\.mod is not in the build context, so the build stops at this COPY with `"\/go\.mod": not found`\. A COPY cannot reach outside the context: build with the folder that holds go\.mod/);
    assert.equal(f.fix, undefined);
    // The same Dockerfile against the repository root (which has go.mod): silent.
    assert.deepEqual(find(text, 'GD311', tempWorkspace({ Dockerfile: text, 'entrypoint.sh': '', 'go.mod': GO_MOD_NO_REQS })), []);
  });

  it('a module without requirements has no go.sum: `COPY go.mod go.sum ./` is reported, and the fix drops go.sum', () => {
    const opts = fixture('nosum');
    const text = layer('COPY go.mod go.sum ./');
    const found = find(text, 'GD311', opts);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(text.slice(found[0].span.start, found[0].span.end), 'COPY go.mod go.sum ./');
    assert.match(found[0].message, /^go\.sum is not in the build context, .*`"\/go\.sum": not found`\. A module without requirements has no go\.sum: drop it from the COPY, or copy `go\.\*`/);
    assert.equal(found[0].fix?.safe, true);
    assert.equal(found[0].fix?.title, 'Drop go.sum from this COPY (the context has none)');
    assert.match(fix(text, 'GD311', opts), /\nCOPY go\.mod \.\/\n/);
    // Exec form, ./ prefixes, go.sum first, several remaining sources, ADD with a flag, a line continuation.
    assert.match(fix(layer('COPY ["go.mod", "go.sum", "./"]'), 'GD311', opts), /\nCOPY \["go\.mod", "\.\/"\]\n/);
    assert.match(fix(layer('COPY ./go.sum ./go.mod .'), 'GD311', opts), /\nCOPY \.\/go\.mod \.\n/);
    assert.match(fix(layer('COPY go.mod go.sum main.go /src/'), 'GD311', opts), /\nCOPY go\.mod main\.go \/src\/\n/);
    assert.match(fix(layer('ADD --chown=1000 go.mod go.sum /src/'), 'GD311', opts), /\nADD --chown=1000 go\.mod \/src\/\n/);
    assert.match(fix(df(['FROM golang:1.22', 'WORKDIR /src', 'COPY go.mod \\', '     go.sum ./', 'RUN go mod download']), 'GD311', opts), /\nCOPY go\.mod \\\n ?\.\/\n/);
  });

  it('the fix keeps CRLF line endings', () => {
    const fixed = fix(layer('COPY go.mod go.sum ./').replace(/\n/g, '\r\n'), 'GD311', fixture('nosum'));
    assert.ok(fixed.includes('\r\nCOPY go.mod ./\r\nRUN go mod download\r\n'), fixed);
  });

  it('no fix where dropping go.sum would change the copy or leave nothing: a lone go.sum, a file destination, go.mod missing too', () => {
    const opts = fixture('nosum');
    const only = find(layer('COPY go.sum ./'), 'GD311', opts);
    assert.equal(only.length, 1);
    assert.equal(only[0].fix, undefined);
    // With two sources `/src/mod` is a folder; with one it would be the file's new name.
    const fileDest = find(layer('COPY go.mod go.sum /src/mod'), 'GD311', opts);
    assert.equal(fileDest.length, 1);
    assert.equal(fileDest[0].fix, undefined);
    const empty = tempWorkspace({ 'main.go': MAIN, 'README.md': 'x\n' });
    const both = find(layer('COPY go.mod go.sum ./'), 'GD311', empty);
    assert.deepEqual(both.map((f) => f.message.split(' ')[0]), ['go.mod', 'go.sum']);
    assert.ok(both.every((f) => f.fix === undefined));
  });

  it('a RUN bind mount of a missing go.sum (the `docker init` template in a module without requirements) is reported, with no fix', () => {
    const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'RUN --mount=type=cache,target=/go/pkg/mod/ --mount=type=bind,source=go.sum,target=go.sum --mount=type=bind,source=go.mod,target=go.mod go mod download -x', 'RUN --mount=type=bind,target=. go build -o /bin/server .']);
    const found = find(text, 'GD311', fixture('nosum'));
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0].message, /^go\.sum .* at this RUN's bind mount .*drop this mount/);
    assert.equal(found[0].fix, undefined);
  });

  it('go.work.sum a workspace does not have: reported with the drop fix; a go.work that exists is not', () => {
    const opts = tempWorkspace({ 'go.work': 'go 1.22\n\nuse ./svc\n', 'svc/go.mod': 'module example.com/svc\n\ngo 1.22\n', 'svc/main.go': MAIN });
    const text = layer('COPY go.work go.work.sum ./');
    const found = find(text, 'GD311', opts);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0].message, /^go\.work\.sum is not in the build context/);
    assert.match(fix(text, 'GD311', opts), /\nCOPY go\.work \.\/\n/);
    // The gowork fixture has go.work.sum.
    assert.deepEqual(find(text, 'GD311', fixture('gowork')), []);
  });

  it('is silent when the file exists, for globs, variables, --from copies and URLs', () => {
    const nosum = fixture('nosum');
    assert.deepEqual(find(layer('COPY go.mod go.sum ./'), 'GD311', fixture('simple')), []);
    assert.deepEqual(find(layer('COPY go.mod ./'), 'GD311', nosum), []);
    assert.deepEqual(find(layer('COPY go.* ./'), 'GD311', nosum), []);
    assert.deepEqual(find(layer('COPY go.mod go.su[m] ./'), 'GD311', nosum), []);
    assert.deepEqual(find(df(['FROM golang:1.22', 'ARG SUM=go.sum', 'COPY go.mod ${SUM} ./']), 'GD311', nosum), []);
    assert.deepEqual(find(df(['FROM golang:1.22 AS mods', 'RUN go mod init x', 'FROM golang:1.22', 'COPY --from=mods /go/go.sum ./', 'COPY --from=mods go.sum ./']), 'GD311', nosum), []);
    assert.deepEqual(find(df(['FROM golang:1.22', 'ADD https://example.com/go.sum ./']), 'GD311', nosum), []);
  });

  it('is silent without a workspace, without the context files, and when the walk was truncated', () => {
    const text = layer('COPY go.mod go.sum ./');
    assert.deepEqual(find(text, 'GD311'), []);
    const nosum = fixture('nosum');
    assert.deepEqual(find(text, 'GD311', { workspace: nosum.workspace }), []);
    assert.deepEqual(find(text, 'GD311', { workspace: { ...nosum.workspace!, truncated: true }, files: nosum.files }), []);
  });

  // The go.sum of a module with requirements and packages of its own, which the tree lacks and no
  // .gitignore explains: `COPY go.mod go.sum ./` stops there. Reported as formance's template
  // (below) would be with its own folder as the context had go.sum not been committed; no fix:
  // without go.sum, go stops at the first download ("missing go.sum entry").
  it('reports the go.sum of a module with requirements and packages, when .gitignore does not list it: no fix', () => {
    const text = layer('COPY go.mod go.sum ./');
    const tree = tempWorkspace({ 'go.mod': GO_MOD_REQS, 'main.go': MAIN, '.gitignore': 'bin/\n' });
    const found = find(text, 'GD311', tree);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^go\.sum is not in the build context, so the build stops at this COPY with `"\/go\.sum": not found`\. The module requires other modules, so go needs their checksums too: run `go mod tidy` and commit go\.sum\.$/);
    assert.equal(found[0].fix, undefined);
    // One requirement replaced by a folder, another from the proxy: still needs go.sum.
    const mixed = tempWorkspace({ 'go.mod': `${GO_MOD_REQS}require example.com/lib v0.0.0\n\nreplace example.com/lib => ../lib\n`, 'main.go': MAIN });
    assert.equal(find(text, 'GD311', mixed).length, 1);
    // In a module folder of a monorepo: svc/go.sum.
    const svc = tempWorkspace({ 'svc/go.mod': GO_MOD_REQS, 'svc/main.go': MAIN, '.gitignore': 'svc/bin\n' });
    assert.equal(find(layer('COPY svc/go.mod svc/go.sum ./svc/'), 'GD311', svc).length, 1);
    assert.deepEqual(find(layer('COPY svc/go.mod svc/go.sum ./svc/'), 'GD311', tempWorkspace({ 'svc/go.mod': GO_MOD_REQS, 'svc/main.go': MAIN, '.gitignore': 'go.sum\n' })), []);
  });

  // formancehq/stack libs/go-project-template/Dockerfile:7-8 at 578eae10e425b0e614c1b8366d1c6bb8909c3c93
  // (MIT): a template built with its own folder as the context (its workflows: `context: .`),
  // linted with the monorepo root as the context, whose go.mod (go.work's `use .`) has neither
  // requirements nor packages, and no go.sum.
  it('formance: go.sum of a root module without packages (a go.work monorepo root), linted with the wrong context: silent', () => {
    const text = df(['FROM --platform=$BUILDPLATFORM golang:1.18 AS builder', 'WORKDIR /go/src/github.com/formancehq/go-project-template', 'COPY go.mod .', 'COPY go.sum .', 'RUN go mod download', 'COPY . .', 'RUN CGO_ENABLED=0 GOOS=linux go build -o go-project-template ./', 'FROM ubuntu:jammy', 'COPY --from=builder /go/src/github.com/formancehq/go-project-template/go-project-template /usr/local/bin/go-project-template']);
    const tmpl = { 'libs/go-project-template/go.mod': 'module github.com/formancehq/go-project-template\n\ngo 1.18\n\nrequire github.com/spf13/cobra v1.6.1\n', 'libs/go-project-template/go.sum': '', 'libs/go-project-template/main.go': MAIN, 'libs/go-project-template/Dockerfile': text };
    const root = tempWorkspace({ 'go.mod': 'module github.com/formancehq/stack\n\ngo 1.19\n', 'go.work': 'go 1.19\n\nuse (\n\t.\n\t./libs/go-project-template\n)\n', 'go.work.sum': '', ...tmpl });
    assert.deepEqual(find(text, 'GD311', root), []);
    // The same root module with a program of its own: reported.
    const program = tempWorkspace({ 'go.mod': 'module github.com/formancehq/stack\n\ngo 1.19\n', 'main.go': MAIN, ...tmpl });
    assert.equal(find(text, 'GD311', program).length, 1);
  });

  it('does not report what GD306 reports (a path .dockerignore excludes), a go.sum a partial tree or the pipeline accounts for, a folder the context lacks, or a stage the target does not build', () => {
    const ignored = tempWorkspace({ 'go.mod': GO_MOD_NO_REQS, 'main.go': MAIN, '.dockerignore': '*.sum\n' });
    assert.deepEqual(find(layer('COPY go.mod go.sum ./'), 'GD311', ignored), []);
    // Re-included by a negation but missing: GD306 is silent, so this rule reports it.
    const reincluded = tempWorkspace({ 'go.mod': GO_MOD_NO_REQS, 'main.go': MAIN, '.dockerignore': '*\n!go.mod\n!go.sum\n!*.go\n' });
    assert.equal(find(layer('COPY go.mod go.sum ./'), 'GD311', reincluded).length, 1);
    // A go.mod with requirements copied alone, without the module's packages (the corpus'
    // go.mod-only trees): a partial tree, not the context the Dockerfile is built with.
    const partial = tempWorkspace({ 'go.mod': GO_MOD_REQS });
    assert.deepEqual(find(layer('COPY go.mod go.sum ./'), 'GD311', partial), []);
    // .gitignore lists go.sum: a clean checkout lacks it, the pipeline makes it before the build.
    for (const line of ['go.sum', '/go.sum', '*.sum']) {
      assert.deepEqual(find(layer('COPY go.mod go.sum ./'), 'GD311', tempWorkspace({ 'go.mod': GO_MOD_REQS, 'main.go': MAIN, '.gitignore': `bin/\n${line}\n` })), [], line);
    }
    // Every requirement replaced by a folder: go needs no checksum for those (their own requirements are not known here).
    const replaced = tempWorkspace({ 'go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ../lib\n', 'main.go': MAIN });
    assert.deepEqual(find(layer('COPY go.mod go.sum ./'), 'GD311', replaced), []);
    // svc/ is not in the context at all: more likely a different context than a missing file.
    assert.deepEqual(find(layer('COPY svc/go.mod svc/go.sum ./svc/'), 'GD311', fixture('nosum')), []);
    // A stage the last stage does not build from.
    assert.deepEqual(find(df(['FROM golang:1.22 AS old', 'COPY go.mod go.sum ./', 'FROM golang:1.22', 'COPY go.mod ./', 'RUN go build -o /app .']), 'GD311', fixture('nosum')), []);
  });
  // fosrl/gerbil at b524b9711462f5cada5bbe67828831c343db6402 (AGPL-3.0; judge 28 Y, M1). Files:
  // .dockerignore 86, .gitignore 14, Dockerfile 742, Makefile 276, README.md 157,
  // config_example.json 693, entrypoint.sh 548, go.mod 703 (13 requirements), main.go 12049; no
  // go.sum. .gitignore lists go.sum, and the Makefile's `all:` is just `docker build -t gerbil .`:
  // nothing makes go.sum, so `COPY go.mod go.sum ./` fails on every clean clone.
  const GERBIL_DOCKERFILE = df(['FROM golang:1.21.5-alpine AS builder', '', '# Set the working directory inside the container', 'WORKDIR /app', '', '# Copy go mod and sum files', 'COPY go.mod go.sum ./', '', '# Download all dependencies', 'RUN go mod download', '', '# Copy the source code into the container', 'COPY . .', '', '# Build the application', 'RUN CGO_ENABLED=0 GOOS=linux go build -o /gerbil', '', 'FROM ubuntu:22.04 AS runner', 'RUN apt-get update && apt-get install -y nftables && apt-get clean', 'COPY --from=builder /gerbil /usr/local/bin/', 'COPY entrypoint.sh /', 'RUN chmod +x /entrypoint.sh', 'ENTRYPOINT ["/entrypoint.sh"]', 'CMD ["gerbil"]']);
  const GERBIL_MAKE = 'all:\n\tdocker build -t gerbil .\n\ntest:\n\tdocker run -it -p 3002:3002 -v ./config_example.json:/config/config.json --cap-add=NET_ADMIN --cap-add=SYS_MODULE gerbil --config /config/config.json\n\nlocal: \n\t CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o gerbil\n\nclean:\n\trm gerbil\n';
  const gerbil = (more: Record<string, string> = {}) => tempWorkspace({
    'go.mod': 'module github.com/fosrl/gerbil\n\ngo 1.21.5\n\nrequire (\n\tgithub.com/vishvananda/netlink v1.3.0 // indirect\n\tgolang.zx2c4.com/wireguard/wgctrl v0.0.0-20230429144221-925a1e7659e6 // indirect\n)\n',
    'main.go': 'package main\n\nimport (\n\t"encoding/json"\n\t"net/http"\n\n\t"github.com/vishvananda/netlink"\n\t"golang.zx2c4.com/wireguard/wgctrl"\n\t"golang.zx2c4.com/wireguard/wgctrl/wgtypes"\n)\n\nfunc main() {}\n',
    '.gitignore': 'go.sum\ngerbil\n',
    '.dockerignore': '.gitignore\n.dockerignore\ngerbil\ndata.json\n*.json\ndocker-compose.yml\nREADME.md\nMakefile',
    Makefile: GERBIL_MAKE,
    'entrypoint.sh': '#!/bin/sh\nexec "$@"\n',
    'README.md': '# gerbil\n',
    ...more,
  });

  it('gerbil: a gitignored go.sum that no build file makes is missing in every clone: reported, no fix', () => {
    const found = find(GERBIL_DOCKERFILE, 'GD311', gerbil());
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(GERBIL_DOCKERFILE.slice(found[0].span.start, found[0].span.end), 'COPY go.mod go.sum ./');
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /^go\.sum is not in the build context, so the build stops at this COPY with `"\/go\.sum": not found`\. \.gitignore lists go\.sum and no build file of the repository makes it \(none runs `go mod tidy`, `go mod download` or `go get`\), so every clean clone stops here;/);
    assert.equal(found[0].fix, undefined);
    // The repository's root in view through its CI folder, with no build file that builds the image: reported too.
    const ci = gerbil({ Makefile: 'local:\n\tgo build -o gerbil\n', '.github/workflows/test.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: go vet ./...\n' });
    assert.equal(find(GERBIL_DOCKERFILE, 'GD311', ci).length, 1);
  });

  it('keeps the .gitignore exemption when a build file makes go.sum, or the build files are out of view', () => {
    // The Makefile runs `go mod tidy` before `docker build`; a workflow runs `go mod download`; a script `go get`.
    assert.deepEqual(find(GERBIL_DOCKERFILE, 'GD311', gerbil({ Makefile: GERBIL_MAKE.replace('\tdocker build -t gerbil .', '\tgo mod tidy\n\tdocker build -t gerbil .') })), []);
    assert.deepEqual(find(GERBIL_DOCKERFILE, 'GD311', gerbil({ '.github/workflows/release.yml': 'on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: go mod download\n      - uses: docker/build-push-action@v6\n' })), []);
    assert.deepEqual(find(GERBIL_DOCKERFILE, 'GD311', gerbil({ 'scripts/build.sh': '#!/bin/sh\nset -e\n$GO get ./...\ndocker build -t gerbil .\n' })), []);
    // No build file and no sign of the repository's root (a context below it): the pipeline is not in view.
    assert.deepEqual(find(GERBIL_DOCKERFILE, 'GD311', gerbil({ Makefile: 'local:\n\tgo build -o gerbil\n' })), []);
  });
});
