import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { makeGoModule, makeWorkspaceModel } from '../../server/src/workspace/make';
import { applyFix, codes, df, lint, ready } from './helpers';

before(() => ready);

const has = (text: string, code: string, opts = {}) => codes(text, opts).includes(code);

describe('GD104 sources-before-modules', () => {
  const bad = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go mod download', 'RUN CGO_ENABLED=0 go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app', 'USER 65532:65532', 'ENTRYPOINT ["/app"]']);

  it('finds COPY . . before go mod download, on the COPY line', () => {
    const f = lint(bad).find((x) => x.code === 'GD104')!;
    assert.ok(f);
    assert.equal(bad.slice(f.span.start, f.span.end), 'COPY . .');
    assert.equal(f.severity, 'warning');
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

describe('GD201 toolchain-in-final-image', () => {
  const single = df(['FROM golang:1.22', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', 'RUN go build -o server ./cmd/server', 'EXPOSE 8080', 'USER 65532', 'CMD ["./server", "--port", "8080"]']);

  it('finds a golang final stage, on its FROM', () => {
    const f = lint(single).find((x) => x.code === 'GD201')!;
    assert.equal(single.slice(f.span.start, f.span.end), 'FROM golang:1.22');
  });

  it('is silent for multi-stage builds with a small runtime', () => {
    assert.equal(has(df(['FROM golang:1.22 AS build', 'RUN go build -o /app .', 'FROM gcr.io/distroless/static-debian12:nonroot', 'COPY --from=build /app /app', 'ENTRYPOINT ["/app"]']), 'GD201'), false);
  });

  it('fix converts to multi-stage with a distroless runtime and exec-form CMD', () => {
    const fixed = applyFix(single, 'GD201');
    assert.match(fixed, /^FROM golang:1.22 AS build\n/);
    assert.match(fixed, /RUN CGO_ENABLED=0 go build -o server \.\/cmd\/server\n/);
    assert.ok(fixed.endsWith(df(['', 'FROM gcr.io/distroless/static-debian12:nonroot', 'COPY --from=build /src/server /server', 'EXPOSE 8080', 'CMD ["/server", "--port", "8080"]'])), fixed);
    assert.ok(!/^USER 65532$/m.test(fixed), 'the build stage USER moved to the :nonroot runtime');
    assert.deepEqual(codes(fixed).filter((c) => c.startsWith('GD2')), []);
  });

  it('fix adds -o /out/<name> when the build has none, and an ENTRYPOINT', () => {
    const text = df(['FROM golang:1.22-alpine', 'WORKDIR /app', 'COPY go.mod ./', 'RUN go mod download', 'COPY . .', 'RUN go build ./cmd/api']);
    const fixed = applyFix(text, 'GD201');
    assert.match(fixed, /RUN CGO_ENABLED=0 go build -o \/out\/api \.\/cmd\/api/);
    assert.match(fixed, /COPY --from=build \/out\/api \/api\nENTRYPOINT \["\/api"\]\n$/);
  });

  it('offers no fix when CMD needs a shell', () => {
    const text = df(['FROM golang:1.22', 'RUN go build -o /app .', 'CMD /app --port $PORT']);
    const f = lint(text).find((x) => x.code === 'GD201')!;
    assert.ok(f && !f.fix);
  });
});

describe('GD204 final-user-root', () => {
  it('finds a final stage without USER on an image that runs as root', () => {
    assert.equal(has(df(['FROM alpine:3.20', 'ENTRYPOINT ["/app"]']), 'GD204'), true);
    assert.equal(has(df(['FROM gcr.io/distroless/static-debian12', 'ENTRYPOINT ["/app"]']), 'GD204'), true);
  });

  it('finds an explicit USER root / 0', () => {
    const text = df(['FROM alpine:3.20', 'USER 0', 'ENTRYPOINT ["/app"]']);
    const f = lint(text).find((x) => x.code === 'GD204')!;
    assert.equal(text.slice(f.span.start, f.span.end), 'USER 0');
  });

  it('is silent for USER nonroot, :nonroot images, an unknown custom base, and builder stages', () => {
    assert.equal(has(df(['FROM alpine:3.20', 'USER app', 'ENTRYPOINT ["/app"]']), 'GD204'), false);
    assert.equal(has(df(['FROM gcr.io/distroless/static-debian12:nonroot', 'ENTRYPOINT ["/app"]']), 'GD204'), false);
    assert.equal(has(df(['FROM mycorp/base:1', 'ENTRYPOINT ["/app"]']), 'GD204'), false);
    assert.equal(has(df(['FROM golang:1.22 AS build', 'RUN go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app', 'USER 65532:65532', 'ENTRYPOINT ["/app"]']), 'GD204'), false);
  });

  it('inherits USER through FROM <stage>', () => {
    assert.equal(has(df(['FROM alpine:3.20 AS base', 'USER 1000', 'FROM base', 'ENTRYPOINT ["/app"]']), 'GD204'), false);
  });

  it('fix inserts USER 65532:65532 before ENTRYPOINT, or rewrites USER root', () => {
    assert.match(applyFix(df(['FROM alpine:3.20', 'COPY app /app', 'ENTRYPOINT ["/app"]']), 'GD204'), /COPY app \/app\nUSER 65532:65532\nENTRYPOINT/);
    assert.match(applyFix(df(['FROM alpine:3.20', 'USER root', 'ENTRYPOINT ["/app"]']), 'GD204'), /USER 65532:65532\nENTRYPOINT/);
    assert.match(applyFix('FROM scratch\r\nCOPY app /app', 'GD204'), /COPY app \/app\r\nUSER 65532:65532$/);
  });
});

describe('GD206 shell-form-without-shell', () => {
  it('finds shell-form CMD/ENTRYPOINT/RUN on scratch and distroless', () => {
    const text = df(['FROM scratch', 'COPY app /app', 'USER 65532', 'ENTRYPOINT /app serve']);
    const f = lint(text).find((x) => x.code === 'GD206')!;
    assert.equal(f.severity, 'error');
    assert.equal(text.slice(f.span.start, f.span.end), 'ENTRYPOINT /app serve');
    assert.equal(has(df(['FROM gcr.io/distroless/static-debian12:nonroot', 'RUN echo hi']), 'GD206'), true);
  });

  it('is silent on images with a shell, in exec form, and after SHELL', () => {
    assert.equal(has(df(['FROM alpine:3.20', 'CMD /app']), 'GD206'), false);
    assert.equal(has(df(['FROM scratch', 'CMD ["/app"]']), 'GD206'), false);
    // distroless :debug has busybox at /busybox/sh, not /bin/sh: shell form needs SHELL.
    assert.equal(has(df(['FROM gcr.io/distroless/static-debian12:debug', 'CMD /app']), 'GD206'), true);
    assert.equal(has(df(['FROM gcr.io/distroless/static-debian12:debug', 'SHELL ["/busybox/sh", "-c"]', 'CMD /app']), 'GD206'), false);
  });

  it('follows FROM <stage> to the root image', () => {
    assert.equal(has(df(['FROM scratch AS base', 'FROM base', 'CMD /app']), 'GD206'), true);
  });

  it('fix converts to exec form, splitting and unquoting words like a shell', () => {
    const fixed = applyFix(df(['FROM scratch', 'USER 65532', "CMD /app --name 'hello world' \"a b\""]), 'GD206');
    assert.match(fixed, /CMD \["\/app", "--name", "hello world", "a b"\]\n$/);
  });

  it('offers no fix when the command uses shell features', () => {
    const f = lint(df(['FROM scratch', 'USER 65532', 'CMD /app --port $PORT'])).find((x) => x.code === 'GD206')!;
    assert.ok(f && !f.fix);
    const g = lint(df(['FROM scratch', 'USER 65532', 'CMD /app && echo done'])).find((x) => x.code === 'GD206')!;
    assert.ok(g && !g.fix);
  });

  it('fix works across a line continuation with CRLF', () => {
    const fixed = applyFix('FROM scratch\r\nUSER 65532\r\nENTRYPOINT /app \\\r\n  serve\r\n', 'GD206');
    assert.equal(fixed, 'FROM scratch\r\nUSER 65532\r\nENTRYPOINT ["/app", "serve"]\r\n');
  });
});

describe('GD301 apk-without-no-cache', () => {
  it('finds apk add without --no-cache, on the apk command', () => {
    const text = df(['FROM alpine:3.20', 'RUN apk update && apk add git ca-certificates', 'USER 65532']);
    const f = lint(text).find((x) => x.code === 'GD301')!;
    assert.equal(text.slice(f.span.start, f.span.end), 'apk add git ca-certificates');
  });

  it('is silent with --no-cache, a cache cleanup in the same RUN, or a cache mount', () => {
    assert.equal(has(df(['FROM alpine', 'RUN apk add --no-cache git']), 'GD301'), false);
    assert.equal(has(df(['FROM alpine', 'RUN apk add git && rm -rf /var/cache/apk/*']), 'GD301'), false);
    assert.equal(has(df(['FROM alpine', 'RUN --mount=type=cache,target=/var/cache/apk apk add git']), 'GD301'), false);
    assert.equal(has(df(['FROM alpine', 'RUN echo apk add git']), 'GD301'), false);
  });

  it('fix adds --no-cache after add, also inside continuations and heredocs', () => {
    assert.match(applyFix(df(['FROM alpine:3.20', 'RUN apk add \\', '    git', 'USER 1']), 'GD301'), /RUN apk add --no-cache \\\n    git/);
    assert.match(applyFix(df(['FROM alpine:3.20', 'RUN <<EOF', 'apk add git', 'EOF', 'USER 1']), 'GD301'), /\napk add --no-cache git\nEOF/);
  });
});
