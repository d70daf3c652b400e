import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { applyFix, df, ready } from '../helpers';
import { has, find, spanText, parses } from './kit/image';

/** GD308 add-for-local-files: its own cases (the themed suites beside it test rules together). */
before(() => ready);

describe('GD308 add-for-local-files', () => {
  it('finds ADD of local files and directories', () => {
    const text = df(['FROM golang:1.24 AS build', 'WORKDIR /src', 'ADD go.mod go.sum ./', 'ADD . .']);
    const fs_ = find(text, 'GD308');
    assert.deepEqual(fs_.map((f) => spanText(text, f)), ['ADD go.mod go.sum ./', 'ADD . .']);
  });

  it('is silent for URLs, git sources, archives, heredocs, variables and COPY', () => {
    for (const line of ['ADD https://example.com/x.bin /x', 'ADD git@github.com:a/b.git /src', 'ADD https://github.com/a/b.git#v1 /src', 'ADD rootfs.tar.gz /', 'ADD vendor.tgz /src/', 'ADD data.tar.xz /data', 'ADD x.tar.bz2 /', 'ADD ${SRC} /x', 'COPY . .']) {
      assert.equal(has(df(['FROM alpine:3.21', line]), 'GD308'), false, line);
    }
    assert.equal(has(df(['FROM alpine:3.21', 'ADD <<EOF /etc/motd', 'hi', 'EOF']), 'GD308'), false);
  });

  // k0sproject/k0s 9b0ec1c (Apache-2.0) Dockerfile:14 (judge 28 X M4): a variable inside a local
  // path cannot make it a URL or an archive.
  it('finds ADD of a local path with a variable that cannot make it a URL or an archive, and its fix keeps the variable', () => {
    const k0s = df(['FROM alpine:3.22', 'ARG TARGETARCH', 'ADD docker-entrypoint.sh /entrypoint.sh', 'ADD ./k0s-${TARGETARCH}/k0s /usr/local/bin/k0s']);
    assert.deepEqual(find(k0s, 'GD308').map((f) => spanText(k0s, f)), ['ADD docker-entrypoint.sh /entrypoint.sh', 'ADD ./k0s-${TARGETARCH}/k0s /usr/local/bin/k0s']);
    const fixed = applyFix(k0s.replace('ADD docker-entrypoint.sh', 'COPY docker-entrypoint.sh'), 'GD308');
    assert.match(fixed, /\nCOPY \.\/k0s-\$\{TARGETARCH\}\/k0s \/usr\/local\/bin\/k0s\n/);
    assert.equal(has(fixed, 'GD308'), false);
    parses(fixed);
    assert.equal(has(df(['FROM alpine:3.22', 'ARG V', 'ADD bin/app-${V}/app /app']), 'GD308'), true);
    // The variable may begin a URL, or name an archive ADD would unpack: silent.
    for (const line of ['ADD ${BASE}/app /app', 'ADD h${REST} /x', 'ADD https://${HOST}/app /app', 'ADD ./dist/${FILE} /x', 'ADD ./dist/app-${V}.tar.gz /x', 'ADD ./dist/${DIR}/ /x/']) {
      assert.equal(has(df(['FROM alpine:3.22', 'ARG BASE REST HOST FILE V DIR', line]), 'GD308'), false, line);
    }
  });

  // dapr/dapr d8450742ce3260d93a2346f4398a1e60d019a45b (Apache-2.0) tests/apps/perf/tester/Dockerfile:11
  // (judge 30 Y W7): the builder removes the quotes of a shell-form source, so a quoted URL is
  // fetched (a cache-buster for the git clone after it). Reporting it as a local file offered
  // `COPY "https://…"`, which BuildKit rejects.
  it('is silent for a quoted URL (dapr), and still finds a quoted local file; its fix keeps the quotes', () => {
    const dapr = df([
      'FROM golang:1.26.6-bookworm as fortio_build_env', '', 'WORKDIR /fortio',
      'ADD "https://api.github.com/repos/dapr/fortio/branches/v1.38.4-dapr" skipcache',
      'RUN git clone https://github.com/dapr/fortio.git',
      'RUN cd fortio && git checkout v1.38.4-dapr && go build',
    ]);
    assert.equal(has(dapr, 'GD308'), false);
    for (const line of ["ADD 'https://example.com/x.txt' /x.txt", 'ADD ["https://example.com/x.txt", "/x.txt"]', 'ADD "git@github.com:a/b.git" /src', 'ADD "rootfs.tar.gz" /', 'ADD "vendor".tgz /src/']) {
      assert.equal(has(df(['FROM alpine:3.21', line]), 'GD308'), false, line);
    }
    const local = df(['FROM alpine:3.21', 'ADD "conf dir/app.conf" /etc/app.conf', "ADD 'run.sh' /run.sh"], '\r\n');
    assert.deepEqual(find(local, 'GD308').map((f) => spanText(local, f)), ['ADD "conf dir/app.conf" /etc/app.conf', "ADD 'run.sh' /run.sh"]);
    const fixed = applyFix(applyFix(local, 'GD308'), 'GD308');
    assert.equal(fixed, local.replace('ADD "conf', 'COPY "conf').replace("ADD 'run", "COPY 'run"));
    assert.equal(has(fixed, 'GD308'), false);
    parses(fixed);
  });

  it('honours the hadolint peer DL3020', () => {
    assert.equal(has(df(['FROM alpine:3.21', '# hadolint ignore=DL3020', 'ADD app /app']), 'GD308'), false);
  });

  it('fix replaces the keyword only, keeps --chown/--chmod, is safe; keeps CRLF and the escape directive', () => {
    const text = df(['# escape=`', 'FROM alpine:3.21', 'ADD --chown=1000:1000 --chmod=755 `', '    app /app', 'USER 1000'], '\r\n');
    const fixed = applyFix(text, 'GD308');
    assert.equal(fixed, text.replace('ADD --chown', 'COPY --chown'));
    assert.equal(find(text, 'GD308')[0].fix!.safe, true);
    assert.match(applyFix(df(['FROM alpine:3.21', 'add app /app']), 'GD308'), /\ncopy app \/app\n/);
    parses(fixed);
  });

  it('offers no fix with ADD-only flags', () => {
    const [f] = find(df(['FROM alpine:3.21', 'ADD --keep-git-dir=true . /src']), 'GD308');
    assert.ok(f === undefined || !f.fix);
  });
});
