import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { makeGoModule, makeWorkspaceModel } from '../../../server/src/workspace/make';
import { applyFix, df, lint, ready } from '../helpers';
import { has } from './kit/basics';

/** GD104 sources-before-modules: its own cases (the themed suites beside it test rules together). */
before(() => ready);

describe('GD104 sources-before-modules', () => {
  const bad = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go mod download', 'RUN CGO_ENABLED=0 go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app', 'USER 65532:65532', 'ENTRYPOINT ["/app"]']);

  it('finds COPY . . before go mod download, on the COPY line', () => {
    const f = lint(bad).find((x) => x.code === 'GD104')!;
    assert.ok(f);
    assert.equal(bad.slice(f.span.start, f.span.end), 'COPY . .');
    assert.equal(f.severity, 'warning');
  });

  it('still finds it when a RUN names a property of Object.prototype (`constructor`, `toString`)', () => {
    // Such a name once passed for a build tool and the rule failed on the function it found.
    for (const name of ['constructor', 'toString', '__proto__']) {
      const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', `RUN ${name} build`, 'RUN go build -o /out/app .']);
      assert.equal(has(text, 'GD104'), true, name);
    }
  });

  it('is silent when go.mod/go.sum are copied and downloaded first', () => {
    const good = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', 'RUN go build -o /out/app .']);
    assert.equal(has(good, 'GD104'), false);
  });

  it('is silent with the BuildKit bind-mount pattern and in a stage FROM a deps stage', () => {
    const bind = df(['FROM golang:1.22', 'RUN --mount=type=bind,source=go.mod,target=go.mod --mount=type=bind,source=go.sum,target=go.sum go mod download', 'COPY . .', 'RUN go build -o /app .']);
    assert.equal(has(bind, 'GD104'), false);
    // type= may be left out: bind is the default.
    assert.equal(has(bind.replace(/type=bind,/g, ''), 'GD104'), false);
    const deps = df(['FROM golang:1.22 AS deps', 'COPY go.mod go.sum ./', 'RUN go mod download', 'FROM deps AS build', 'COPY . .', 'RUN go build -o /app .']);
    assert.equal(has(deps, 'GD104'), false);
  });

  it('is silent for stages that do not compile Go, and for vendored builds', () => {
    assert.equal(has(df(['FROM node:20', 'COPY . .', 'RUN npm ci']), 'GD104'), false);
    assert.equal(has(df(['FROM golang:1.22', 'COPY . .', 'RUN go build -mod=vendor -o /app .']), 'GD104'), false);
  });

  it('is silent when go.mod/go.sum come in through a go.* glob first (COPY go.* ./)', () => {
    assert.equal(has(df(['FROM golang:1.22', 'WORKDIR /src', 'COPY go.* ./', 'RUN go mod download', 'COPY . .', 'RUN go build -o /app .']), 'GD104'), false);
    assert.equal(has(df(['FROM golang:1.22', 'WORKDIR /src', 'COPY *.go ./', 'COPY go.* ./', 'RUN go mod download', 'RUN go build -o /app .']), 'GD104'), true);
  });

  it('counts a copy of a source directory or *.go as a source copy, but not config files', () => {
    assert.equal(has(df(['FROM golang:1.22', 'COPY cmd/ cmd/', 'COPY go.mod go.sum ./', 'RUN go mod download', 'RUN go build ./cmd/app']), 'GD104'), true);
    assert.equal(has(df(['FROM golang:1.22', 'COPY config.yaml /etc/app/', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', 'RUN go build .']), 'GD104'), false);
  });

  it('fix inserts the module layer above the copy', () => {
    const fixed = applyFix(bad, 'GD104');
    // ... and moves the now redundant download rather than running it twice.
    assert.match(fixed, /WORKDIR \/src\nCOPY go.mod go.sum \.\/\nRUN go mod download\nCOPY \. \.\nRUN CGO_ENABLED=0/);
  });

  it('fix copies go.mod alone when the context has no go.sum', () => {
    const fixed = applyFix(bad, 'GD104', { workspace: makeWorkspaceModel({ module: makeGoModule({ hasGoSum: false }) }) });
    assert.match(fixed, /COPY go.mod \.\/\nRUN go mod download\nCOPY \. \./);
  });

  it('fix targets the copy destination when it is not the working directory', () => {
    const text = df(['FROM golang:1.22', 'COPY . /src', 'RUN cd /src && go build -o /app .']);
    const fixed = applyFix(text, 'GD104');
    assert.match(fixed, /COPY go.mod go.sum \/src\/\nRUN cd \/src && go mod download\nCOPY \. \/src/);
  });

  it('fix keeps CRLF and the escape directive', () => {
    const text = df(['# escape=`', 'FROM golang:1.22 AS build', 'WORKDIR C:\\src', 'COPY . .', 'RUN go build -o app.exe .'], '\r\n');
    const fixed = applyFix(text, 'GD104');
    assert.ok(fixed.includes('COPY go.mod go.sum ./\r\nRUN go mod download\r\nCOPY . .\r\n'));
  });
});
