import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { df, ready } from '../helpers';
import { has, find, fix } from './kit/gobuild';

/** GD120 build-arg-before-module-download. */
before(() => ready);

describe('GD120 build-arg-before-module-download', () => {
  const runtime = ['FROM scratch', 'COPY --from=build /out/app /app'];
  const build = (head: string[], tail: string[] = ['COPY . .', 'RUN CGO_ENABLED=0 go build -ldflags "-X main.commit=${COMMIT}" -o /out/app .']) =>
    df(['FROM golang:1.25 AS build', ...head, ...tail, ...runtime]);

  // Judge10 G: wundergraph/cosmo router/Dockerfile:1-32 at 6e0a147f4d2ec387cddc06b45b97814b940fe40b
  // (Apache-2.0). CI (image-release.yml) passes `DATE=${{ env.BUILD_TIME }}` and
  // `COMMIT=${{ github.sha }}` with a registry cache: the module layer never hits. router/go.mod:
  // `module github.com/wundergraph/cosmo/router`; router/core: `Version`, `Commit`, `Date` strings.
  const cosmo = [
    'FROM --platform=${BUILDPLATFORM} golang:1.25 AS builder',
    '',
    'ARG TARGETOS',
    'ARG TARGETARCH',
    'ARG COMMIT',
    'ARG DATE',
    '',
    'ARG VERSION=dev',
    'ENV VERSION=$VERSION',
    '',
    'ENV COMMIT=$COMMIT',
    '',
    'ENV DATE=$DATE',
    '',
    'WORKDIR /app/',
    '',
    '# Copy only the files required for go mod download',
    'COPY go.* .',
    '',
    '# Download dependencies',
    'RUN go mod download',
    '',
    '# Copy the rest of the files',
    'COPY . .',
    '',
    '# Build the binary with manual build info injection',
    'RUN CGO_ENABLED=0 GOOS=${TARGETOS} GOARCH=${TARGETARCH} \\',
    '    go build -trimpath -ldflags "-extldflags=-static \\',
    "    -X 'github.com/wundergraph/cosmo/router/core.Version=${VERSION}' \\",
    "    -X 'github.com/wundergraph/cosmo/router/core.Commit=${COMMIT}' \\",
    "    -X 'github.com/wundergraph/cosmo/router/core.Date=${DATE}'\" \\",
    '    -a -o router cmd/router/main.go',
    '',
    'FROM --platform=${TARGETPLATFORM} gcr.io/distroless/static-debian13',
    'COPY --from=builder /app/router /router',
    'CMD ["/router"]',
  ];

  it('cosmo: ARG COMMIT/DATE (and their ENV) before `go mod download`: reported on the first ARG, fixed by moving them below', () => {
    const text = df(cosmo);
    const found = find(text, 'GD120');
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(text.slice(found[0].span.start, found[0].span.end), 'ARG COMMIT');
    assert.match(found[0].message, /`COMMIT`, `DATE` are declared before the module download on line 21/);
    assert.equal(found[0].fix?.safe, true);
    const lines = [...cosmo];
    const at = (l: string) => lines.indexOf(l);
    // ARG COMMIT, ARG DATE; the blank pair around ENV COMMIT and ENV DATE collapses to one.
    lines.splice(at('ARG COMMIT'), 2);
    lines.splice(at('ENV COMMIT=$COMMIT'), 4);
    lines.splice(at('# Build the binary with manual build info injection'), 0, 'ARG COMMIT', 'ARG DATE', 'ENV COMMIT=$COMMIT', 'ENV DATE=$DATE');
    const fixed = fix(text, 'GD120');
    assert.equal(fixed, df(lines));
    assert.equal(has(fixed, 'GD120'), false);
  });

  it('reports per-build names only, declared in the stage before the download', () => {
    for (const name of ['GIT_COMMIT', 'COMMIT_SHA', 'GITHUB_SHA', 'SHA', 'REVISION', 'VCS_REF', 'BUILD_DATE', 'BUILDTIME', 'BUILD_TIMESTAMP', 'DATE', 'BUILD_NUMBER']) {
      assert.ok(has(build([`ARG ${name}`, 'COPY go.mod go.sum ./', 'RUN go mod download']), 'GD120'), name);
    }
    // A version (once a release), the target platform, a checksum, a proxy: not reported.
    for (const name of ['VERSION', 'TARGETARCH', 'GO_SHA256', 'HELM_SHA', 'GOPROXY', 'CACHEBUST']) {
      assert.equal(has(build([`ARG ${name}`, 'COPY go.mod go.sum ./', 'RUN go mod download']), 'GD120'), false, name);
    }
    // Declared after the download: what the rule asks for.
    assert.equal(has(build(['COPY go.mod go.sum ./', 'RUN go mod download', 'ARG COMMIT']), 'GD120'), false);
    // No download in the stage (GD104's business), or only a global ARG (not in a RUN's environment).
    assert.equal(has(build(['ARG COMMIT'], ['COPY . .', 'RUN go build -ldflags "-X main.commit=${COMMIT}" -o /out/app .']), 'GD120'), false);
    assert.equal(has(df(['ARG COMMIT', 'FROM golang:1.25 AS build', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', 'ARG COMMIT', 'RUN go build -o /out/app .', ...runtime]), 'GD120'), false);
  });

  it('fix: jumps over COPY, WORKDIR and package installs; keeps comments above the ARG; lands before the first RUN after the download', () => {
    const text = build(['# build metadata', 'ARG BUILD_DATE', 'RUN apk add --no-cache git', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN --mount=type=cache,target=/go/pkg/mod go mod download && go mod verify'], ['COPY . .', 'RUN go build -ldflags "-X main.date=${BUILD_DATE}" -o /out/app .']);
    assert.equal(fix(text, 'GD120'), build(['RUN apk add --no-cache git', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN --mount=type=cache,target=/go/pkg/mod go mod download && go mod verify'], ['COPY . .', '# build metadata', 'ARG BUILD_DATE', 'RUN go build -ldflags "-X main.date=${BUILD_DATE}" -o /out/app .']));
    // An instruction that names the variable comes first: the lines go above it.
    const label = build(['ARG COMMIT', 'COPY go.mod go.sum ./', 'RUN go mod download'], ['LABEL org.opencontainers.image.revision=$COMMIT', 'COPY . .', 'RUN go build -o /out/app .']);
    assert.equal(fix(label, 'GD120'), build(['COPY go.mod go.sum ./', 'RUN go mod download'], ['ARG COMMIT', 'LABEL org.opencontainers.image.revision=$COMMIT', 'COPY . .', 'RUN go build -o /out/app .']));
  });

  it('fix keeps CRLF line endings and continuation lines', () => {
    const head = ['ARG GIT_COMMIT \\', '    BUILD_DATE', 'COPY go.mod go.sum ./', 'RUN go mod download'];
    const tail = ['COPY . .', 'RUN go build -o /out/app .'];
    const crlf = df(['FROM golang:1.25 AS build', ...head, ...tail, ...runtime], '\r\n');
    assert.equal(fix(crlf, 'GD120'), df(['FROM golang:1.25 AS build', ...head.slice(2), 'COPY . .', ...head.slice(0, 2), tail[1], ...runtime], '\r\n'));
  });

  it('no fix when what the lines jump over could read or set them (still reported)', () => {
    const noFix = (head: string[]) => {
      const f = find(build(head), 'GD120');
      assert.equal(f.length, 1, head.join('\n'));
      assert.equal(f[0].fix, undefined, head.join('\n'));
    };
    // make may read COMMIT from its environment.
    noFix(['ARG COMMIT', 'COPY go.mod go.sum Makefile ./', 'RUN make deps && go mod download']);
    // A RUN that names it, a COPY that names it, an ENV that sets it again.
    noFix(['ARG COMMIT', 'RUN echo $COMMIT > /commit', 'COPY go.mod go.sum ./', 'RUN go mod download']);
    noFix(['ARG COMMIT', 'COPY go.mod go.sum ./', 'RUN go mod download -x ${COMMIT:+}']);
    noFix(['ARG COMMIT', 'ENV COMMIT=unknown', 'COPY go.mod go.sum ./', 'RUN go mod download']);
    // An ENV that mixes a moved value with another one moves whole: GOPROXY would miss the download.
    noFix(['ARG COMMIT', 'ENV GOPROXY=direct APP_COMMIT=$COMMIT', 'COPY go.mod go.sum ./', 'RUN go mod download']);
  });

  // Judge12 J: open-feature/flagd flagd/build.Dockerfile:3-36 at bbb05d4bc3903ea8bf5123a88b1cf558750a22ab
  // (Apache-2.0). The download mounts a module cache: a new COMMIT re-runs it, but on this builder
  // it finds the modules in the cache; "downloads every module again" was true only of a builder
  // without that cache.
  const flagd = [
    'FROM --platform=$BUILDPLATFORM golang:1.25-alpine AS builder',
    'WORKDIR /src',
    'ARG TARGETOS',
    'ARG TARGETARCH',
    'ARG VERSION',
    'ARG COMMIT',
    'ARG DATE',
    'RUN --mount=type=cache,target=/go/pkg/mod/ \\',
    '    --mount=type=bind,source=./core/go.mod,target=./core/go.mod \\',
    '    --mount=type=bind,source=./flagd/go.mod,target=./flagd/go.mod \\',
    '    go work init ./core ./flagd && go mod download',
    'RUN --mount=type=cache,target=/go/pkg/mod/ \\',
    '    --mount=type=cache,target=/root/.cache/go-build \\',
    '    --mount=type=bind,source=./core,target=./core \\',
    '    --mount=type=bind,source=./flagd,target=./flagd \\',
    '    CGO_ENABLED=0 GOOS=${TARGETOS} GOARCH=${TARGETARCH} go build -a -ldflags "-X main.version=${VERSION} -X main.commit=${COMMIT} -X main.date=${DATE}" -o /bin/flagd-build flagd/main.go',
    'FROM gcr.io/distroless/static:nonroot',
    'COPY --from=builder /bin/flagd-build .',
    'USER 65532:65532',
    'ENTRYPOINT ["/flagd-build"]',
  ];

  it('flagd: a download with a module cache mount is re-run, and only a builder without that cache downloads again', () => {
    const found = find(df(flagd), 'GD120');
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0].message, /`COMMIT`, `DATE`/);
    assert.match(found[0].message, /re-runs the download \(its cache mount keeps the modules on this builder; a builder without that cache, a fresh CI runner, downloads every module again\)/);
    assert.doesNotMatch(found[0].message, /on and downloads every module again/);
  });

  it('a cache mount elsewhere (not over the module cache) keeps "downloads every module again"', () => {
    const text = df(flagd.map((l) => l.replace('RUN --mount=type=cache,target=/go/pkg/mod/ \\', 'RUN --mount=type=cache,target=/var/cache/apk \\')));
    const found = find(text, 'GD120');
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0].message, /misses the cache from the first RUN on and downloads every module again/);
  });
});
