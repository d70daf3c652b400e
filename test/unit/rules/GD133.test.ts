import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseDockerfile } from '../../../server/src/dockerfile/parse';
import { applyFix, df, lint, ready } from '../helpers';

/** GD133 checksum-line-hashed-not-checked: its own cases. */
before(() => ready);

const find = (text: string) => lint(text).filter((f) => f.code === 'GD133');
const spans = (text: string) => find(text).map((f) => text.slice(f.span.start, f.span.end));

// zegl/kube-score 06dedc9 (MIT), Dockerfile:19-38 (shortened): the downloader stage pipes each
// pinned checksum line into `sha256sum` without `-c`, which hashes the line and exits 0: helm and
// kustomize are never verified (judge 41 Y M2). The project's cmd/kube-score/helm3.Dockerfile:9
// writes `sha256sum --check`.
const kubeScore = (eol = '\n') => df([
  'FROM alpine:3.17.0 as downloader',
  'ARG HELM_VERSION=v3.10.2',
  'ARG KUSTOMIZE_VERSION=v4.5.7',
  'ARG HELM_SHA256SUM="2315941a13291c277dac9f65e75ead56386440d3907e0540bf157ae70f188347"',
  'ARG KUSTOMIZE_SHA256SUM="701e3c4bfa14e4c520d481fdf7131f902531bfc002cb5062dcf31263a09c70c9"',
  'ARG TARGETARCH',
  'RUN apk update && apk add curl',
  'RUN curl --location "https://get.helm.sh/helm-${HELM_VERSION}-linux-${TARGETARCH}.tar.gz" > helm.tar.gz && \\',
  '    echo "${HELM_SHA256SUM}  helm.tar.gz" | sha256sum && \\',
  '    tar xzvf helm.tar.gz && \\',
  '    chmod +x /linux-${TARGETARCH}/helm && \\',
  '    mv  /linux-${TARGETARCH}/helm /usr/bin/helm',
  'RUN curl --location "https://github.com/kubernetes-sigs/kustomize/releases/download/kustomize%2F${KUSTOMIZE_VERSION}/kustomize_${KUSTOMIZE_VERSION}_linux_${TARGETARCH}.tar.gz" > kustomize.tar.gz && \\',
  '    echo "${KUSTOMIZE_SHA256SUM}  kustomize.tar.gz" | sha256sum && \\',
  '    tar xzvf kustomize.tar.gz && \\',
  '    chmod +x kustomize && \\',
  '    mv kustomize /usr/bin/kustomize',
], eol);

describe('GD133 checksum-line-hashed-not-checked', () => {
  it('reports kube-score\'s two `echo "${…_SHA256SUM}  file" | sha256sum` on the sum command', () => {
    const text = kubeScore();
    assert.deepEqual(spans(text), ['sha256sum', 'sha256sum']);
    const [f] = find(text);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /^`echo "\$\{HELM_SHA256SUM\}  helm\.tar\.gz" \| sha256sum` checks nothing: without `-c`/);
    assert.match(f.message, /`helm\.tar\.gz` is never compared with \$\{HELM_SHA256SUM\}/);
    assert.equal(f.fix?.safe, false);
    assert.match(f.fix?.title ?? '', /fails when the checksum does not match/);
  });

  it('reports a hex literal, ` *file`, printf, sha512sum, md5sum, shasum -a 256, `-` and an if condition', () => {
    const hex = '112bced9a67d565ff0ce6c2bb90452516d1183e5112bced9a67d565ff0ce6c2b';
    for (const run of [
      `RUN echo "${hex}  go.tar.gz" | sha256sum`,
      'RUN echo "${SHA} *go.tar.gz" | sha512sum; tar xzf go.tar.gz',
      'RUN printf "%s\\n" "${GO_SHA256}  go${GO_VERSION}.tar.gz" | sha256sum -',
      'RUN echo "$MD5  /tmp/x.tgz" | md5sum --quiet && tar xzf /tmp/x.tgz',
      'RUN echo "${CHECKSUM}  x.zip" | shasum -a 256 && unzip x.zip',
      'RUN if ! echo "${GO_SHA}  go.tgz" | sha256sum; then exit 1; fi',
    ]) {
      assert.deepEqual(spans(df(['FROM alpine:3.21', run])).length, 1, run);
    }
  });

  it('is silent with -c/--check, on values it computes, other producers and file operands', () => {
    for (const run of [
      // kube-score cmd/kube-score/helm3.Dockerfile:9, k3s-io/kine Dockerfile:17, google/cadvisor deploy/Dockerfile:10,
      // gogs/gogs docker/build/finalize.sh:18, influxdata/telegraf scripts/installgo_linux.sh:14.
      'RUN echo "${HELM_SHA256SUM}  helm.tar.gz" | sha256sum --check && tar xzvf helm.tar.gz',
      'RUN echo "${GOLANGCI_SHA256}  golangci-lint.tar.gz" | sha256sum -c - && tar xzf golangci-lint.tar.gz',
      'RUN echo "112bced9a67d565ff0ce6c2bb90452516d1183e5  libpfm-4.11.0.tar.gz" | sha1sum -c  && tar xzf libpfm-4.11.0.tar.gz',
      'RUN echo "${checksum}  /usr/sbin/gosu" | sha256sum -cs',
      'RUN echo "${GO_VERSION_SHA}  go.tar.gz" | shasum --algorithm 256 --check -',
      // A hash the script uses (versity/versitygw tests/util/util_rest.sh:48, nginx/kubernetes-ingress variables.sh:48).
      'RUN H="$(echo -n "$payload" | sha256sum | awk \'{print $1}\')"',
      'RUN echo "$(get_docker_md5) $(get_go_code_md5)" | md5sum | awk \'{ print $1 }\'',
      'RUN X=$(echo "${SHA256}  f.tgz" | sha256sum)',
      'RUN echo "${SHA256}  f.tgz" | sha256sum | cut -d" " -f1 > id',
      // Not a checksum line: a payload, a variable not named like a hash, a command substitution, three fields.
      'RUN echo "$PAYLOAD" | sha256sum',
      'RUN echo "${VERSION}  f.tgz" | sha256sum',
      'RUN echo "$(cat f.sha256)  f.tgz" | sha256sum',
      'RUN echo "${SHA} f.tgz extra" | sha256sum',
      // A file operand: it hashes that file.
      'RUN echo "${SHA}  f.tgz" | sha256sum f.tgz',
      // Not piped: a redirect or another command between.
      'RUN echo "${SHA}  f.tgz" > sums && sha256sum',
      'RUN echo "${SHA}  f.tgz" | tee sums | sha256sum',
      'RUN echo "${SHA}  f.tgz" | sha256sum < other',
    ]) {
      assert.deepEqual(find(df(['FROM alpine:3.21', run])), [], run);
    }
  });

  it('fix: adds -c (LF and CRLF); the fixed file parses, keeps its endings and loses the finding; no fix with one blank', () => {
    for (const eol of ['\n', '\r\n']) {
      const once = applyFix(kubeScore(eol), 'GD133');
      assert.equal(once.split(eol)[8], '    echo "${HELM_SHA256SUM}  helm.tar.gz" | sha256sum -c && \\');
      const twice = applyFix(once, 'GD133');
      assert.equal(twice.split(eol)[13], '    echo "${KUSTOMIZE_SHA256SUM}  kustomize.tar.gz" | sha256sum -c && \\');
      assert.deepEqual(find(twice), []);
      assert.equal(parseDockerfile(twice).stages.length, 1);
    }
    // BusyBox's sha256sum -c rejects a line with one blank: the finding stays without a fix.
    const [f] = find(df(['FROM alpine:3.21', 'RUN echo "${SHA256} f.tgz" | sha256sum']));
    assert.equal(f.fix, undefined, 'no fix for a one-blank line');
  });
});
