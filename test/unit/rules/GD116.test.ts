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

  it('fix on a CRLF file keeps CRLF (applyFix checks the line endings, the parse and that the finding is gone)', () => {
    const text = build('RUN CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o /out/app .').replace(/\n/g, '\r\n');
    assert.match(applyFix(text, 'GD116'), /AS build\r\nARG TARGETARCH\r\n/);
  });
});
