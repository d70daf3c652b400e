import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { fixAll } from '../../../server/src/fixes/fixAll';
import { applyFix, df, lint, ready } from '../helpers';
import { has, find, spanText, parses } from './kit/image';

/** GD303 apt-without-cleanup: its own cases (the themed suites beside it test rules together). */
before(() => ready);

describe('GD303 apt-without-cleanup', () => {
  const bad = df(['FROM debian:bookworm-slim', 'RUN apt-get update && apt-get install -y ca-certificates', 'USER 65532']);

  it('reports the missing flag and the missing cleanup separately, on the install command', () => {
    const fs_ = find(bad, 'GD303');
    assert.equal(fs_.length, 2);
    assert.ok(fs_.every((f) => spanText(bad, f) === 'apt-get install -y ca-certificates'));
    assert.match(fs_[0].message, /--no-install-recommends/);
    assert.match(fs_[1].message, /\/var\/lib\/apt\/lists/);
    assert.equal(fs_[0].severity, 'information');
  });

  it('is silent when both are there, with cache mounts, or with recommends switched off otherwise', () => {
    assert.equal(has(df(['FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*']), 'GD303'), false);
    assert.equal(has(df(['FROM debian:12', 'RUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y --no-install-recommends curl']), 'GD303'), false);
    assert.equal(has(df(['FROM debian:12', 'RUN apt-get update && apt-get install -y -o APT::Install-Recommends=false curl && rm -rf /var/lib/apt/lists']), 'GD303'), false);
    assert.equal(has(df(['FROM debian:12', 'RUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/norec', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*']), 'GD303'), false);
    assert.equal(has(df(['FROM debian:12', 'RUN echo apt-get install curl']), 'GD303'), false);
  });

  // crowdsecurity/crowdsec build/docker/Dockerfile.debian:49 (round-4 judgement): recommends asked for on purpose.
  it('is silent on the flag when recommends are asked for explicitly', () => {
    const at = (run: string) => lint(df(['FROM debian:bookworm-slim', run, 'USER 65532'])).filter((x) => x.code === 'GD303');
    assert.deepEqual(at('RUN apt-get update && apt-get install -y -q --install-recommends --no-install-suggests procps python3-venv && rm -rf /var/lib/apt/lists/*'), []);
    assert.deepEqual(at('RUN apt-get update && apt-get install -y -o APT::Install-Recommends=true curl && rm -rf /var/lib/apt/lists/*'), []);
    assert.equal(at('RUN apt-get update && apt-get install -y --no-install-suggests curl && rm -rf /var/lib/apt/lists/*').length, 1);
  });

  it('reports the cleanup only where the lists are downloaded', () => {
    const text = df(['FROM debian:12', 'RUN apt-get update', 'RUN apt-get install -y --no-install-recommends curl']);
    assert.equal(find(text, 'GD303').length, 0);
    // The update alone right before the install: GD304 asks to merge the two.
    assert.equal(has(text, 'GD304'), true);
  });

  // Third out-of-sample evaluation (2026-12-03): charmbracelet/vhs Dockerfile (6f0c046e, MIT):
  // `RUN apt-get update` on its own, the installs in later RUNs, the lists never removed.
  it('reports `apt-get update` in a RUN that installs nothing, unless a later RUN removes the lists (GD302)', () => {
    const vhs = (later: string) => df(['FROM debian:stable-slim', 'RUN apt-get update', 'COPY --from=ttyd /usr/bin/ttyd /usr/bin/ttyd',
      later, 'RUN useradd -u 1976 -U -s /bin/false vhs', 'USER 1976', 'ENTRYPOINT ["/usr/bin/vhs"]']);
    const text = vhs('RUN apt-get -y install --no-install-recommends ffmpeg chromium bash');
    const [f] = find(text, 'GD303');
    assert.equal(spanText(text, f), 'apt-get update');
    assert.match(f.message, /installs nothing.*stay in this layer of the image.*stale lists/);
    assert.equal(f.fix, undefined);
    assert.equal(find(text, 'GD303').length, 1);
    // The later RUN removes them: GD302 says so, not this rule.
    const removed = vhs('RUN apt-get -y install --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/*');
    assert.equal(has(removed, 'GD303'), false);
    assert.equal(has(removed, 'GD302'), true);
    // Not alone: an update with its install, a cache mount, a cleanup in the same RUN, an upgrade.
    for (const run of ['RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/*',
      'RUN --mount=type=cache,target=/var/lib/apt apt-get update', 'RUN apt-get update && rm -rf /var/lib/apt/lists/*', 'RUN apt-get update && apt-get upgrade -y']) {
      assert.equal(has(df(['FROM debian:stable-slim', run, 'USER 65532']), 'GD303'), false, run);
    }
    // A builder stage: a hint, and the message says the lists are in the build cache.
    const [hint] = find(df(['FROM debian:12 AS build', 'RUN apt-get update', 'WORKDIR /src', 'RUN apt-get install -y --no-install-recommends gcc', 'FROM scratch', 'COPY --from=build /x /x', 'USER 65532']), 'GD303').filter((x) => /installs nothing/.test(x.message));
    assert.equal(hint.severity, 'hint');
    assert.match(hint.message, /build cache, not the image/);
  });

  it('honours both hadolint peers', () => {
    assert.equal(has(df(['FROM debian:12', '# hadolint ignore=DL3015', 'RUN apt-get update && apt-get install -y curl']), 'GD303'), false);
    assert.equal(has(df(['# hadolint global ignore=DL3009', 'FROM debian:12', 'RUN apt-get update && apt-get install -y curl']), 'GD303'), false);
  });

  it('fixes: the flag (not safe) and the cleanup (safe), one after the other', () => {
    const fs_ = find(bad, 'GD303');
    assert.equal(fs_[0].fix!.safe, false);
    assert.equal(fs_[1].fix!.safe, true);
    const once = applyFix(bad, 'GD303');
    assert.equal(once, df(['FROM debian:bookworm-slim', 'RUN apt-get update && apt-get install --no-install-recommends -y ca-certificates', 'USER 65532']));
    const twice = applyFix(once, 'GD303');
    assert.equal(twice, df(['FROM debian:bookworm-slim', 'RUN apt-get update && apt-get install --no-install-recommends -y ca-certificates && rm -rf /var/lib/apt/lists/*', 'USER 65532']));
    assert.equal(has(twice, 'GD303'), false);
  });

  it('fix-all applies only the safe cleanup', () => {
    const { text } = fixAll(bad, (t) => lint(t).filter((f) => f.code === 'GD303'));
    assert.equal(text, df(['FROM debian:bookworm-slim', 'RUN apt-get update && apt-get install -y ca-certificates && rm -rf /var/lib/apt/lists/*', 'USER 65532']));
  });

  it('cleanup fix follows the continuation style, keeps CRLF and the backtick escape', () => {
    const text = df(['# escape=`', 'FROM debian:12', 'RUN apt-get update `', '    && apt-get install -y --no-install-recommends curl', 'USER 1'], '\r\n');
    const fixed = applyFix(text, 'GD303');
    assert.equal(fixed, df(['# escape=`', 'FROM debian:12', 'RUN apt-get update `', '    && apt-get install -y --no-install-recommends curl `', '    && rm -rf /var/lib/apt/lists/*', 'USER 1'], '\r\n'));
    parses(fixed);
  });

  it('flag fix works in a heredoc; no cleanup fix there', () => {
    const text = df(['FROM debian:12', 'RUN <<EOF', 'apt-get update', 'apt-get install -y curl', 'EOF', 'USER 1']);
    const fs_ = find(text, 'GD303');
    assert.equal(fs_.length, 2);
    assert.equal(fs_[1].fix, undefined);
    const fixed = applyFix(text, 'GD303');
    assert.equal(fixed, df(['FROM debian:12', 'RUN <<EOF', 'apt-get update', 'apt-get install --no-install-recommends -y curl', 'EOF', 'USER 1']));
  });

  it('is a hint in a builder stage the image is not built from, and says the layer stays in the build cache', () => {
    const text = df(['FROM golang:1.24 AS build', 'RUN apt-get update && apt-get install -y gcc', 'RUN go build -o /app .', 'FROM debian:12-slim', 'RUN apt-get update && apt-get install -y ca-certificates', 'COPY --from=build /app /app', 'USER 1']);
    const fs_ = find(text, 'GD303');
    assert.equal(fs_.length, 4);
    const builder = fs_.filter((f) => spanText(text, f) === 'apt-get install -y gcc');
    assert.deepEqual(builder.map((f) => f.severity), ['hint', 'hint']);
    assert.ok(builder.every((f) => /build stage|build cache/.test(f.message)));
    assert.ok(fs_.filter((f) => !builder.includes(f)).every((f) => f.severity === 'information' && !/build cache/.test(f.message)));
    // A stage the final one is built FROM ships its layers.
    const base = df(['FROM debian:12 AS base', 'RUN apt-get update && apt-get install -y curl', 'FROM base', 'USER 1']);
    assert.ok(find(base, 'GD303').every((f) => f.severity === 'information'));
  });

  it('no cleanup fix when a later RUN installs without updating', () => {
    const text = df(['FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends curl', 'RUN apt-get install -y --no-install-recommends git']);
    const [f] = find(text, 'GD303');
    assert.ok(f && !f.fix);
  });

  // Out-of-sample evaluation (2026-12-03): kopia/kopia tools/docker/Dockerfile (4ebb2be6, Apache-2.0).
  it('counts removing a folder above the lists (`rm -rf /var/lib/apt/*`) as the cleanup', () => {
    const install = 'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates';
    for (const rm of ['rm -rf /var/lib/apt/* /var/lib/cache/*', 'rm -rf /var/lib/apt', 'rm -rf /var/lib/apt/', 'rm -rf /var/lib/apt/lists']) {
      assert.equal(has(df(['FROM debian:12', `${install} && ${rm}`]), 'GD303'), false, rm);
    }
    // Other apt files are not the lists.
    assert.equal(has(df(['FROM debian:12', `${install} && rm -rf /var/lib/apt/extended_states`]), 'GD303'), true);
  });

  // Second out-of-sample evaluation (2026-12-03): hashicorp/nomad, goharbor/harbor, containerd/containerd.
  it('judges each install by its own flags: --no-install-recommends on one install does not silence another', () => {
    const t = df(['FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*', 'RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*']);
    const fs_ = find(t, 'GD303');
    assert.equal(fs_.length, 1);
    assert.equal(spanText(t, fs_[0]), 'apt-get install -y git');
    assert.equal(has(df(['FROM debian:12', 'RUN apt-get update && apt-get install -y -o APT::Install-Recommends=false curl && rm -rf /var/lib/apt/lists/*', 'RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*']), 'GD303'), true);
  });
});
