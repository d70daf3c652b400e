import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { applyFix, df, ready } from '../helpers';
import { has, find, spanText, parses } from './kit/image';

/** GD205 user-name-without-passwd: its own cases (the themed suites beside it test rules together). */
before(() => ready);

describe('GD205 user-name-without-passwd', () => {
  const bad = df(['FROM golang:1.24 AS build', 'RUN CGO_ENABLED=0 go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app', 'USER nonroot', 'ENTRYPOINT ["/app"]']);

  it('finds USER <name> on scratch, on the USER line, as an error', () => {
    const [f] = find(bad, 'GD205');
    assert.equal(spanText(bad, f), 'USER nonroot');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /unable to find user nonroot/);
  });

  it('follows FROM <stage> back to scratch, and reports a group name too', () => {
    assert.equal(has(df(['FROM scratch AS base', 'FROM base', 'USER app']), 'GD205'), true);
    assert.equal(has(df(['FROM scratch', 'USER 1000:app']), 'GD205'), true);
  });

  it('is silent for numeric ids, variables, distroless and alpine, and when a passwd file is copied in', () => {
    assert.equal(has(df(['FROM scratch', 'USER 65532:65532']), 'GD205'), false);
    assert.equal(has(df(['FROM scratch', 'USER 1000']), 'GD205'), false);
    assert.equal(has(df(['FROM scratch', 'ARG UID=1000', 'USER ${UID}']), 'GD205'), false);
    assert.equal(has(df(['FROM gcr.io/distroless/static-debian12', 'USER nonroot']), 'GD205'), false);
    assert.equal(has(df(['FROM alpine:3.20', 'USER nobody']), 'GD205'), false);
    assert.equal(has(df(['FROM golang:1.24 AS build', 'RUN useradd app', 'FROM scratch', 'COPY --from=build /etc/passwd /etc/passwd', 'USER app']), 'GD205'), false);
    assert.equal(has(df(['FROM golang:1.24 AS build', 'FROM scratch', 'COPY --from=build /etc/passwd /etc/group /etc/', 'USER app']), 'GD205'), false);
  });

  // regclient/regclient build/Dockerfile.regctl.buildkit:64-103 at 725072f65f14ab63d6b220246c3a889dcd5e2f5f
  // (Apache-2.0; judge 28 Y, W1): release-base writes /output/etc/passwd with `cp -a`, and the
  // scratch stage copies /output to /. (The same in Dockerfile.regsync*, Dockerfile.regbot*.)
  const REGCLIENT = df([
    'FROM --platform=$BUILDPLATFORM ${REGISTRY}/library/alpine:${ALPINE_VER} AS release-base',
    'RUN addgroup -g 1000 appuser \\',
    ' && adduser -u 1000 -G appuser -D appuser \\',
    ' && mkdir -p /home/appuser/.docker /home/appuser/.regctl \\',
    ' && chown -R appuser /home/appuser \\',
    ' && mkdir -p /output/etc/ssl/certs/ /output/home /output/tmp /output/usr/local/bin \\',
    ' && cp -a /etc/passwd /etc/group /output/etc/ \\',
    ' && cp -a /etc/ssl/certs/ca-certificates.crt /output/etc/ssl/certs/ \\',
    ' && cp -a /home/appuser /output/home/ \\',
    ' && chmod 1777 /output/tmp',
    '',
    'FROM scratch AS release-scratch',
    'COPY --from=release-base /output /',
    'COPY --from=build /src/bin/regctl /regctl',
    'USER appuser',
    'ENTRYPOINT [ "/regctl" ]',
  ]);

  it('regclient: a stage that writes <folder>/etc/passwd, copied to /, brings a passwd file: silent', () => {
    assert.equal(has(REGCLIENT, 'GD205'), false);
    // The judge's reduction, and the other ways to write it: a redirect, a heredoc COPY, /etc copied whole, a folder copied to /etc/.
    const stage = (run: string, copy = 'COPY --from=base /output /') => df(['FROM alpine:3.22 AS base', run, 'FROM scratch', copy, 'COPY app /app', 'USER appuser', 'ENTRYPOINT ["/app"]']);
    assert.equal(has(stage('RUN adduser -u 1000 -D appuser && mkdir -p /output/etc && cp -a /etc/passwd /etc/group /output/etc/'), 'GD205'), false);
    assert.equal(has(stage('RUN mkdir -p /output/etc && grep appuser /etc/passwd > /output/etc/passwd'), 'GD205'), false);
    assert.equal(has(stage('RUN mkdir -p /output/etc && cp -r /etc /output/'), 'GD205'), false);
    assert.equal(has(df(['FROM alpine:3.22 AS base', 'RUN mkdir -p /output/etc', 'COPY <<EOF /output/etc/passwd', 'appuser:x:1000:1000::/:/sbin/nologin', 'EOF', 'FROM scratch', 'COPY --from=base /output /', 'USER appuser']), 'GD205'), false);
    assert.equal(has(stage('RUN mkdir -p /output/etc && cp /etc/passwd /output/etc/passwd', 'COPY --from=base /output/etc /etc/'), 'GD205'), false);
    // A folder whose content this reading does not know: an image's, one a build tool or an archive fills, one the base image already has.
    assert.equal(has(df(['FROM scratch', 'COPY --from=ghcr.io/acme/rootfs:1 /rootfs /', 'USER app']), 'GD205'), false);
    assert.equal(has(stage('RUN make install DESTDIR=/output'), 'GD205'), false);
    assert.equal(has(stage('RUN mkdir /output && tar -xzf /tmp/rootfs.tgz -C /output'), 'GD205'), false);
    assert.equal(has(stage('RUN echo hi'), 'GD205'), false);
  });

  it('a folder whose every write is known and none is a passwd file: reported', () => {
    const stage = (run: string, copy = 'COPY --from=base /output /') => df(['FROM alpine:3.22 AS base', run, 'FROM scratch', copy, 'USER appuser', 'ENTRYPOINT ["/app"]']);
    // /output/etc holds only hosts; the passwd file goes elsewhere.
    assert.equal(has(stage('RUN adduser -D appuser && mkdir -p /output/etc && cp /etc/hosts /output/etc/'), 'GD205'), true);
    assert.equal(has(stage('RUN adduser -D appuser && mkdir -p /output/etc /backup && cp /etc/passwd /backup/'), 'GD205'), true);
    // A go build's output folder.
    assert.equal(has(df(['FROM golang:1.25 AS build', 'WORKDIR /src', 'COPY . .', 'RUN mkdir -p /rootfs && CGO_ENABLED=0 go build -o /rootfs/app .', 'FROM scratch', 'COPY --from=build /rootfs /', 'USER app']), 'GD205'), true);
    // Copied somewhere else than / or /etc: the passwd file does not land on /etc/passwd.
    assert.equal(has(stage('RUN mkdir -p /output/etc && cp /etc/passwd /output/etc/', 'COPY --from=base /output /srv/'), 'GD205'), true);
  });

  it('a passwd copied after the USER does not count', () => {
    assert.equal(has(df(['FROM busybox AS b', 'FROM scratch', 'USER app', 'COPY --from=b /etc/passwd /etc/passwd']), 'GD205'), true);
  });

  it('honours the hadolint peer DL3066', () => {
    assert.equal(has(df(['FROM scratch', '# hadolint ignore=DL3066', 'USER app']), 'GD205'), false);
  });

  it('fix uses 65532:65532 (0:0 for root), is not safe, keeps CRLF and the escape directive', () => {
    assert.match(applyFix(bad, 'GD205'), /\nUSER 65532:65532\n/);
    assert.equal(find(bad, 'GD205')[0].fix!.safe, false);
    assert.match(applyFix(df(['FROM scratch', 'USER root']), 'GD205'), /USER 0:0\n$/);
    assert.match(applyFix(df(['FROM scratch', 'USER app:1000']), 'GD205'), /USER 65532:1000\n$/);
    const crlf = df(['# escape=`', 'FROM scratch', 'COPY app.exe /app.exe', 'USER app', 'ENTRYPOINT ["/app.exe"]'], '\r\n');
    const fixed = applyFix(crlf, 'GD205');
    assert.equal(fixed, crlf.replace('USER app', 'USER 65532:65532'));
    parses(fixed);
  });
});
