import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { applyFix, df, ready } from '../helpers';
import { find, has } from './kit/realworld';

/** GD116 hard-coded-target-platform: its own cases (the themed suites beside it test rules together). */
before(() => ready);

describe('GD116 hard-coded-target-platform', () => {
  const build = (run: string, final = 'FROM gcr.io/distroless/static-debian12:nonroot') =>
    df(['FROM --platform=$BUILDPLATFORM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', run, final, 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/app"]']);

  it('finds a literal GOARCH whose binary lands in a final stage that follows the target platform', () => {
    const text = build('RUN CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o /out/app .');
    const [f] = find(text, 'GD116');
    assert.match(f.message, /exec format error/);
    const fixed = applyFix(text, 'GD116');
    assert.match(fixed, /AS build\nARG TARGETARCH\n/);
    assert.match(fixed, /GOARCH=\$TARGETARCH go build/);
    assert.equal(has(build('ENV GOARCH=arm64\nRUN go build -o /out/app .'), 'GD116'), true);
    assert.equal(has(build('RUN GOOS=darwin go build -o /out/app .'), 'GD116'), true);
  });

  it('names a platform the binary is not built for (traefik-forward-auth Dockerfile.arm64 sets GOARCH=arm64)', () => {
    const [amd] = find(build('RUN CGO_ENABLED=0 GOARCH=amd64 go build -o /out/app .'), 'GD116');
    assert.match(amd.message, /`--platform linux\/arm64`, an arm64 machine, .* holds an amd64 binary/);
    const [arm] = find(build('RUN CGO_ENABLED=0 GOOS=linux GOARCH=arm64 go build -o /out/app .'), 'GD116');
    assert.match(arm.message, /`--platform linux\/amd64`, an amd64 machine, .* holds an arm64 binary/);
    const [os] = find(build('RUN GOOS=darwin go build -o /out/app .'), 'GD116');
    assert.match(os.message, /holds a darwin binary/);
  });

  it('is silent for a pinned final platform, a variable, a script that decides by platform, and several arches', () => {
    assert.equal(has(build('RUN GOARCH=amd64 go build -o /out/app .', 'FROM --platform=linux/amd64 alpine:3.20'), 'GD116'), false);
    assert.equal(has(build('ARG TARGETARCH\nRUN GOARCH=$TARGETARCH go build -o /out/app .'), 'GD116'), false);
    assert.equal(has(build('RUN if [ "$TARGETARCH" = arm64 ]; then GOARCH=arm64 go build -o /out/app .; else GOARCH=amd64 go build -o /out/app .; fi'), 'GD116'), false);
    assert.equal(has(build('RUN GOARCH=amd64 go build -o /out/app-amd64 . && GOARCH=arm64 go build -o /out/app .'), 'GD116'), false);
    assert.equal(has(build('RUN GOOS=linux go build -o /out/app .'), 'GD116'), false);
    // A wasm client served by the image is not run by its platform.
    assert.equal(has(build('RUN GOOS=js GOARCH=wasm go build -o /out/app .'), 'GD116'), false);
  });

  // linkerd/linkerd2 cli/Dockerfile (commit b24cd4059841f8cee2fb7a9c2ac23a693c583579, Apache-2.0), skeleton:
  // the CLI built per platform in its own stage, gathered in scratch stages with no ENTRYPOINT/CMD
  // that bin/docker-build-cli-bin only `docker cp`s the binaries out of.
  const linkerdCli = (final: string[]) =>
    df([
      'ARG BUILDPLATFORM=linux/amd64',
      'FROM --platform=$BUILDPLATFORM golang:1.26.4-alpine AS go-deps',
      'WORKDIR /linkerd-build',
      'COPY go.mod go.sum ./',
      'RUN go mod download',
      'FROM go-deps AS go-gen',
      'COPY cli cli',
      'COPY pkg pkg',
      'RUN mkdir -p /out',
      'ARG LINKERD_VERSION="dev-0.0.0"',
      'ENV CGO_ENABLED=0',
      'FROM go-gen AS build-linux-amd64',
      'ENV GOOS=linux GOARCH=amd64',
      'ENV BIN=/out/linkerd2-cli-${LINKERD_VERSION}-linux-amd64',
      'RUN go build -o "$BIN" -tags prod -mod=readonly ./cli',
      'FROM go-gen AS build-linux-arm64',
      'ENV GOOS=linux GOARCH=arm64',
      'ENV BIN=/out/linkerd2-cli-${LINKERD_VERSION}-linux-arm64',
      'RUN go build -o "$BIN" -tags prod -mod=readonly ./cli',
      'FROM go-gen AS build-darwin',
      'ENV GOOS=darwin GOARCH=amd64',
      'ENV BIN=/out/linkerd2-cli-${LINKERD_VERSION}-${GOOS}',
      'RUN go build -o "$BIN" -tags prod -mod=readonly ./cli',
      'FROM go-gen AS build-windows',
      'ENV GOOS=windows GOARCH=amd64',
      'ENV BIN=/out/linkerd2-cli-${LINKERD_VERSION}-${GOOS}.exe',
      'RUN go build -o "$BIN" -tags prod -mod=readonly ./cli',
      ...final,
    ]);

  it('is silent on an artifact stage nothing runs: scratch, only COPY of the binaries, no ENTRYPOINT/CMD (linkerd2 cli/Dockerfile)', () => {
    const multiArch = ['FROM scratch AS multi-arch', 'COPY --from=build-linux-amd64 /out/* /', 'COPY --from=build-linux-arm64 /out/* /', 'COPY --from=build-darwin /out/* /', 'COPY --from=build-windows /out/* /'];
    assert.deepEqual(find(linkerdCli(multiArch), 'GD116'), []);
    // Its `linux-amd64` target: one platform, still only taken out with docker cp.
    assert.deepEqual(find(linkerdCli(['FROM scratch AS linux-amd64', 'COPY --from=build-linux-amd64 /out/* /']), 'GD116'), []);
    // Several platforms gathered for download in an image that runs something else.
    assert.deepEqual(find(linkerdCli(['FROM nginx:1.27-alpine', 'COPY --from=build-linux-amd64 /out/ /usr/share/nginx/html/', 'COPY --from=build-darwin /out/ /usr/share/nginx/html/', 'COPY --from=build-windows /out/ /usr/share/nginx/html/']), 'GD116'), []);
  });

  it('still finds the binary of a scratch or distroless image that runs it', () => {
    // The same stages, but the image runs the linux/amd64 CLI: an arm64 build would not start.
    const runs = find(linkerdCli(['FROM scratch', 'COPY --from=build-linux-amd64 /out/* /', 'ENTRYPOINT ["/linkerd2-cli-dev-0.0.0-linux-amd64"]']), 'GD116');
    assert.equal(runs.length, 1);
    assert.match(runs[0].message, /GOARCH=amd64/);
    assert.equal(has(linkerdCli(['FROM gcr.io/distroless/static-debian12:nonroot', 'COPY --from=build-darwin /out/* /usr/local/bin/', 'ENTRYPOINT ["/usr/local/bin/linkerd2-cli-dev-0.0.0-darwin"]']), 'GD116'), true);
    // scratch with the program at /app and a CMD (evrone/go-clean-template): reported.
    assert.equal(has(build('RUN CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o /out/app .', 'FROM scratch'), 'GD116'), true);
  });

  it('fix on a CRLF file keeps CRLF (applyFix checks the line endings, the parse and that the finding is gone)', () => {
    const text = build('RUN CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o /out/app .').replace(/\n/g, '\r\n');
    assert.match(applyFix(text, 'GD116'), /AS build\r\nARG TARGETARCH\r\n/);
  });
});
