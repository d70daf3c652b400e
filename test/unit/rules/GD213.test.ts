import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { df, ready } from '../helpers';
import { find, has, tempWorkspace } from './kit/realworld';

/** GD213 start-script-without-exec. */
before(() => ready);

const spanText = (text: string, f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);

describe('GD213 start-script-without-exec', () => {
  // cloudreve/cloudreve 0bb0ab8 (GPL-3.0): Dockerfile (goreleaser copies the built binary in) and
  // .build/entrypoint.sh, whose second line starts the server without exec (judge27 Y: a miss).
  const CLOUDREVE = (script: string) => ({
    files: { '.build/entrypoint.sh': script, '.build/aria2.supervisor.conf': '[supervisord]\n', cloudreve: 'ELF', 'go.mod': 'module github.com/cloudreve/Cloudreve/v4\n\ngo 1.23\n' },
    text: df([
      'FROM alpine:latest', '', 'WORKDIR /cloudreve', '',
      'RUN apk update \\', '    && apk add --no-cache tzdata vips-tools ffmpeg aria2 supervisor', '',
      'COPY .build/aria2.supervisor.conf .build/entrypoint.sh ./', 'COPY cloudreve ./cloudreve', '',
      'RUN chmod +x ./cloudreve \\', '    && chmod +x ./entrypoint.sh', '',
      'EXPOSE 5212 443 6888 6888/udp', '', 'VOLUME ["/cloudreve/data"]', '',
      'ENTRYPOINT ["sh", "./entrypoint.sh"]',
    ]),
  });

  it('cloudreve: finds the server started without exec, on the ENTRYPOINT, naming the script line', () => {
    const { files, text } = CLOUDREVE('supervisord -c ./aria2.supervisor.conf\n./cloudreve');
    const [f] = find(text, 'GD213', tempWorkspace(files));
    assert.equal(f.severity, 'warning');
    assert.equal(spanText(text, f), 'ENTRYPOINT ["sh", "./entrypoint.sh"]');
    assert.match(f.message, /\.\/entrypoint\.sh \(\.build\/entrypoint\.sh of the context\) runs `\.\/cloudreve` \(line 2\) without `exec`/);
    assert.match(f.message, /Write `exec \.\/cloudreve`/);
    // supervisord is an argument-less daemon start, not the program: only the last shipped program counts.
    assert.doesNotMatch(f.message, /supervisord/);
  });

  it('is silent with exec, a trap, a wait, a background or piped start, and without the workspace', () => {
    for (const script of [
      'supervisord -c ./aria2.supervisor.conf\nexec ./cloudreve',
      "trap 'kill -TERM $pid' TERM\n./cloudreve &\npid=$!\nwait $pid",
      './cloudreve &\nwait',
      './cloudreve | tee /cloudreve/data/log',
      'exec su-exec nobody ./cloudreve',
    ]) {
      const { files, text } = CLOUDREVE(script);
      assert.equal(has(text, 'GD213', tempWorkspace(files)), false, script);
    }
    assert.equal(has(CLOUDREVE('./cloudreve').text, 'GD213'), false);
  });

  it('finds the program behind a wrapper without exec (su-exec, env)', () => {
    for (const script of ['su-exec nobody ./cloudreve', 'env GIN_MODE=release ./cloudreve --port 5212']) {
      const { files, text } = CLOUDREVE(script);
      assert.equal(has(text, 'GD213', tempWorkspace(files)), true, script);
    }
  });

  // yggdrasil-network/yggdrasil-go 422836e (LGPL-3.0), contrib/docker/Dockerfile and entrypoint.sh:
  // the config is generated in a subshell (that run returns), then the daemon runs without exec.
  const YGG_SCRIPT = '#!/usr/bin/env sh\n\nset -e\n\nCONF_DIR="/etc/yggdrasil-network"\n\nif [ ! -f "$CONF_DIR/config.conf" ]; then\n  echo "generate $CONF_DIR/config.conf"\n  (umask 037 && yggdrasil --genconf > "$CONF_DIR/config.conf")\nfi\n\nyggdrasil --useconf < "$CONF_DIR/config.conf"\nexit $?\n';
  const ygg = (extra: string[]) => df([
    'FROM docker.io/golang:alpine as builder', 'COPY . /src', 'WORKDIR /src', 'ENV CGO_ENABLED=0', 'RUN apk add git && ./build',
    'FROM docker.io/alpine', 'COPY --from=builder /src/yggdrasil /usr/bin/yggdrasil', 'COPY --from=builder /src/yggdrasilctl /usr/bin/yggdrasilctl',
    'COPY contrib/docker/entrypoint.sh /usr/bin/entrypoint.sh', ...extra, 'ENTRYPOINT [ "/usr/bin/entrypoint.sh" ]',
  ]);
  const YGG_FILES = { 'contrib/docker/entrypoint.sh': YGG_SCRIPT, 'go.mod': 'module github.com/yggdrasil-network/yggdrasil-go\n\ngo 1.22\n', 'cmd/yggdrasil/main.go': 'package main\n\nfunc main() {}\n' };

  it('yggdrasil: finds the daemon run last without exec (a VOLUME makes it a service), not the subshell run', () => {
    const text = ygg(['VOLUME [ "/etc/yggdrasil-network" ]']);
    const [f] = find(text, 'GD213', tempWorkspace(YGG_FILES));
    assert.match(f.message, /runs `yggdrasil --useconf` \(line 12\)/);
  });

  it('is silent for an image that is not a service (no EXPOSE, HEALTHCHECK, VOLUME, STOPSIGNAL), and behind an init', () => {
    assert.equal(has(ygg([]), 'GD213', tempWorkspace(YGG_FILES)), false);
    const tini = ygg(['VOLUME [ "/etc/yggdrasil-network" ]']).replace('ENTRYPOINT [ "/usr/bin/entrypoint.sh" ]', 'ENTRYPOINT ["/sbin/tini", "--", "/usr/bin/entrypoint.sh"]');
    assert.equal(has(tini, 'GD213', tempWorkspace(YGG_FILES)), false);
  });

  it('reads a start script written by a RUN', () => {
    const text = df(['FROM alpine:3.22', 'COPY --from=golang:1.23 /usr/local/go/bin/gofmt /usr/local/bin/server', "RUN printf '#!/bin/sh\\nserver --listen :8080\\n' > /start.sh && chmod +x /start.sh", 'EXPOSE 8080', 'CMD ["/start.sh"]']);
    assert.equal(has(text, 'GD213'), true);
  });
});
