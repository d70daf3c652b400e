import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { df, ready } from '../helpers';
import { find, has, spanText } from './kit/image';
import { tempWorkspace } from './kit/realworld';
import { DNSMONSTER_DOCKERFILE } from './kit/dnsmonster';

/** GD218 start-program-not-in-image: its own cases. */
before(() => ready);

// mosajjal/dnsmonster 9f54e16 (GPL-3.0) Dockerfile-crossplatform, lines 1-16 and 71-73 (the
// builds of lines 18-69 cut to the Linux one): the builder writes
// ${OUTDIR}/${PROJECT}_${GOTAG}_<os>_<arch>.bin files through `${GOBUILD}` (an ENV holding
// `go build … -o …`), the final stage copies `/tmp/bins/*.bin` into / and starts /dnsmonster,
// a name none of those files has (judge 36 Y, M1). A pattern's match may be a folder, whose
// contents BuildKit copies into the destination: what lands in / is known only from every write
// of the builder into /tmp/bins, which goes through that ENV. Silent; the same image with the
// files copied into a folder that does not hold /dnsmonster is reported.
const CROSS = (copy = 'COPY --from=0 /tmp/bins/*.bin  /') => df([
  'FROM alpine:edge',
  'LABEL maintainer="Ali Mosajjal <hi@n0p.me>"',
  '',
  'RUN apk add --no-cache git go zig file --repository http://dl-cdn.alpinelinux.org/alpine/edge/testing/',
  '',
  'ARG PROJECT=dnsmonster',
  'ARG GOTAG=nolibpcap',
  "ARG GOLDFLAGS='-s -w'",
  '# OUTDIR is also used in the second layer for copying the folder.',
  'ARG OUTDIR="/tmp/bins"',
  'RUN mkdir /${PROJECT} && mkdir ${OUTDIR}',
  'COPY . /${PROJECT}',
  'WORKDIR /${PROJECT}',
  '',
  'ENV GOBUILD="go build -ldflags=-s -tags ${GOTAG} -o ${OUTDIR}/${PROJECT}_${GOTAG}"',
  'ENV BASEDIR="./cmd/dnsmonster"',
  '',
  '# Linux',
  'RUN echo "Building Linux binaries"',
  'RUN export GOOS=linux && export CGO_ENABLED=1 && \\',
  '    export GOARCH=amd64 && CC="zig cc -target x86_64-${GOOS}-musl" ${GOBUILD}_${GOOS}_${GOARCH}.bin ${BASEDIR}',
  '',
  'FROM scratch',
  copy,
  'ENTRYPOINT ["/dnsmonster"]',
]);

describe('GD218 start-program-not-in-image', () => {
  it('dnsmonster Dockerfile-crossplatform: a pattern copied into / may bring any name: silent', () => {
    assert.equal(has(CROSS(), 'GD218'), false);
    // A folder copied into /, or a named file (it may be a folder too).
    assert.equal(has(CROSS('COPY --from=0 /tmp/bins /'), 'GD218'), false);
    assert.equal(has(CROSS('COPY --from=0 /tmp/bins/dnsmonster_nolibpcap_linux_amd64.bin /'), 'GD218'), false);
  });

  it('dnsmonster Dockerfile-crossplatform with the files copied into /usr/local/bin/: /dnsmonster is in no destination, reported on the ENTRYPOINT', () => {
    const text = CROSS('COPY --from=0 /tmp/bins/*.bin /usr/local/bin/');
    const [f] = find(text, 'GD218');
    assert.ok(f, 'a GD218 finding');
    assert.equal(spanText(text, f), 'ENTRYPOINT ["/dnsmonster"]');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /starts \/dnsmonster \(ENTRYPOINT\)/);
    assert.match(f.message, /built on scratch, which is empty/);
    assert.match(f.message, /its copies write \/usr\/local\/bin\/\*\.bin\)/);
    assert.match(f.message, /exec \/dnsmonster: no such file or directory/);
  });

  // dnsmonster's Dockerfile (the image ghcr.yml publishes): `COPY --from=0
  // /opt/dnsmonster/dnsmonster /dnsmonster`, `ENTRYPOINT ["/dnsmonster"]`.
  it('dnsmonster Dockerfile: the program copied to the path it starts: silent; started under another name: reported', () => {
    assert.equal(has(DNSMONSTER_DOCKERFILE(), 'GD218'), false);
    const renamed = DNSMONSTER_DOCKERFILE().replace('ENTRYPOINT ["/dnsmonster"]', 'ENTRYPOINT ["/usr/bin/dnsmonster", "--help"]');
    assert.equal(find(renamed, 'GD218').length, 1);
  });

  // itchyny/gojq b7ebffb (MIT) Dockerfile:10-14: distroless/static:debug, `COPY --from=builder
  // /app/gojq /`, `ENTRYPOINT ["/gojq"]`, `CMD ["--help"]`.
  const GOJQ = (entry = 'ENTRYPOINT ["/gojq"]') => df(['FROM golang:1.26 AS builder', '', 'WORKDIR /app', 'COPY go.* ./', 'RUN go mod download', 'COPY . .', 'ENV CGO_ENABLED=0', 'RUN make build', '', 'FROM gcr.io/distroless/static:debug', '', 'COPY --from=builder /app/gojq /', entry, 'CMD ["--help"]']);
  // mariadb-operator/mariadb-operator 8970edf (MIT) Dockerfile:15-21: distroless/static, `WORKDIR /`,
  // the binary copied to /bin/mariadb-operator and started there.
  const MARIADB = (entry = 'ENTRYPOINT ["/bin/mariadb-operator"]') => df(['FROM golang:1.26.3-alpine3.23 AS builder', 'WORKDIR /app', 'COPY . /app', 'RUN go build -o mariadb-operator cmd/controller/*.go', '', 'FROM gcr.io/distroless/static AS app', '', 'WORKDIR /', 'COPY --from=builder /app/mariadb-operator /bin/mariadb-operator ', 'USER 65532:65532', '', entry]);

  it('distroless: gojq and mariadb-operator as they are: silent', () => {
    assert.equal(has(GOJQ(), 'GD218'), false);
    assert.equal(has(MARIADB(), 'GD218'), false);
  });

  it('distroless: a path outside its system folders that no copy writes: reported, naming the image', () => {
    const [f] = find(MARIADB('ENTRYPOINT ["/mariadb-operator"]'), 'GD218');
    assert.ok(f, 'a GD218 finding');
    assert.match(f.message, /built on gcr\.io\/distroless\/static, whose own files are in its system folders/);
    assert.match(f.message, /its copies write \/bin\/mariadb-operator\)/);
    // gojq copies /app/gojq into /: what `make build` left there may be a folder, whose contents
    // would land in /. Any name may be there.
    assert.equal(has(GOJQ('ENTRYPOINT ["/jq"]'), 'GD218'), false);
  });

  it('distroless: a path in its system folders may be the image\'s own: silent', () => {
    // mariadb-operator started from /usr/bin (the copy went to /bin): distroless's /usr holds files of its own.
    assert.equal(has(MARIADB('ENTRYPOINT ["/usr/bin/mariadb-operator"]'), 'GD218'), false);
    assert.equal(has(MARIADB('ENTRYPOINT ["/opt/mariadb-operator"]'), 'GD218'), false);
    assert.equal(has(GOJQ('ENTRYPOINT ["/busybox/sh"]'), 'GD218'), false);
  });

  it('reads the CMD when there is no ENTRYPOINT (or an empty one), and the FROM chain of the image', () => {
    const base = ['FROM golang:1.24 AS build', 'RUN CGO_ENABLED=0 go build -o /out/app .'];
    assert.equal(has(df([...base, 'FROM scratch', 'COPY --from=build /out/app /app', 'CMD ["/server"]']), 'GD218'), true);
    assert.equal(has(df([...base, 'FROM scratch', 'COPY --from=build /out/app /app', 'ENTRYPOINT []', 'CMD ["/server"]']), 'GD218'), true);
    // The copy in the stage the image is built FROM.
    assert.equal(has(df([...base, 'FROM scratch AS base', 'COPY --from=build /out/app /server', 'FROM base', 'ENTRYPOINT ["/server"]']), 'GD218'), false);
    assert.equal(has(df([...base, 'FROM scratch AS base', 'COPY --from=build /out/app /app', 'FROM base', 'ENTRYPOINT ["/server"]']), 'GD218'), true);
    // A copy after the ENTRYPOINT counts: the image holds it when it runs.
    assert.equal(has(df([...base, 'FROM scratch', 'ENTRYPOINT ["/server"]', 'COPY --from=build /out/app /server']), 'GD218'), false);
    // Relative destinations, from the WORKDIR.
    assert.equal(has(df([...base, 'FROM scratch', 'WORKDIR /srv', 'COPY --from=build /out/app ./', 'ENTRYPOINT ["/srv/app"]']), 'GD218'), false);
    assert.equal(has(df([...base, 'FROM scratch', 'WORKDIR /srv', 'COPY --from=build /out/app ./', 'ENTRYPOINT ["/app"]']), 'GD218'), true);
    // An init wrapper the image does not get.
    assert.equal(has(df([...base, 'FROM scratch', 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/sbin/tini", "--", "/app"]']), 'GD218'), true);
  });

  it('is silent where the image may hold the path', () => {
    const base = ['FROM golang:1.24 AS build', 'RUN CGO_ENABLED=0 go build -o /out/app .'];
    const image = (...rest: string[]) => df([...base, ...rest]);
    // (The image each case changes: reported.)
    assert.equal(has(image('FROM scratch', 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/server"]'), 'GD218'), true);
    // A registry image, or one a variable names.
    assert.equal(has(image('FROM alpine:3.20', 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/server"]'), 'GD218'), false);
    assert.equal(has(image('FROM ghcr.io/acme/base:1', 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/server"]'), 'GD218'), false);
    assert.equal(has(image('ARG BASE=scratch', 'FROM ${BASE}', 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/server"]'), 'GD218'), false);
    // A destination above the path, or one with a variable.
    assert.equal(has(image('FROM scratch', 'COPY --from=build /out/ /', 'ENTRYPOINT ["/server"]'), 'GD218'), false);
    assert.equal(has(image('FROM scratch', 'COPY --from=build /out /srv', 'ENTRYPOINT ["/srv/bin/server"]'), 'GD218'), false);
    assert.equal(has(image('FROM scratch', 'ARG DEST=/app', 'COPY --from=build /out/app ${DEST}', 'ENTRYPOINT ["/server"]'), 'GD218'), false);
    // A RUN (on scratch, through a shell or program copied in) may write anything; an ONBUILD's children add files.
    assert.equal(has(image('FROM scratch', 'COPY --from=busybox:1.36 /bin/busybox /bin/sh', 'RUN ["/bin/sh", "-c", "cp /app /server"]', 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/server"]'), 'GD218'), false);
    assert.equal(has(image('FROM scratch', 'COPY --from=build /out/app /app', 'ONBUILD COPY server /server', 'ENTRYPOINT ["/server"]'), 'GD218'), false);
    // The path is a folder (a WORKDIR or a copy below it): another error than a missing file.
    assert.equal(has(image('FROM scratch', 'WORKDIR /server', 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/server"]'), 'GD218'), false);
    assert.equal(has(image('FROM scratch', 'COPY --from=build /out/app /server/app', 'ENTRYPOINT ["/server"]'), 'GD218'), false);
    // A volume at the program's folder; an image that copies nothing in (its program comes from a mount).
    assert.equal(has(image('FROM scratch', 'COPY --from=build /out/app /app', 'VOLUME /bin', 'ENTRYPOINT ["/bin/server"]'), 'GD218'), false);
    assert.equal(has(image('FROM scratch', 'COPY --from=build /out/app /app', 'VOLUME ["/data", "/bin"]', 'ENTRYPOINT ["/bin/server"]'), 'GD218'), false);
    assert.equal(has(image('FROM scratch', 'COPY --from=build /out/app /app', 'VOLUME ["/data"]', 'ENTRYPOINT ["/bin/server"]'), 'GD218'), true);
    assert.equal(has(image('FROM scratch', 'ENTRYPOINT ["/server"]'), 'GD218'), false);
  });

  it('is silent for a start it does not read as a path: relative, bare, variable, pattern, bash (GD212), shell form (GD206)', () => {
    const image = (start: string) => df(['FROM golang:1.24 AS build', 'RUN CGO_ENABLED=0 go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app', start]);
    assert.equal(has(image('ENTRYPOINT ["/server"]'), 'GD218'), true);
    for (const start of ['ENTRYPOINT ["./server"]', 'ENTRYPOINT ["server"]', 'ENTRYPOINT ["/$APP"]', 'ENTRYPOINT ["/server*"]', 'CMD ["/bin/bash"]', 'ENTRYPOINT /server']) {
      assert.equal(has(image(start), 'GD218'), false, start);
    }
  });

  it('is silent when a compose service of the repository mounts a volume at the program\'s folder', () => {
    const text = df(['FROM golang:1.24 AS build', 'RUN CGO_ENABLED=0 go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app', 'CMD ["/srv/bin/server"]']);
    const files = { 'go.mod': 'module example.com/app\n\ngo 1.24\n', 'main.go': 'package main\n\nfunc main() {}\n', Dockerfile: text };
    assert.equal(has(text, 'GD218', tempWorkspace(files, 'Dockerfile')), true);
    const compose = 'services:\n  app:\n    build: .\n    volumes:\n      - ./bin:/srv/bin\n';
    assert.equal(has(text, 'GD218', tempWorkspace({ ...files, 'docker-compose.yml': compose }, 'Dockerfile')), false);
  });
});
