import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseDockerfile } from '../../../server/src/dockerfile/parse';
import { applyFix, df, lint, ready } from '../helpers';

/** GD132 version-constraint-read-as-redirect: its own cases. */
before(() => ready);

const find = (text: string) => lint(text).filter((f) => f.code === 'GD132');
const spans = (text: string) => find(text).map((f) => text.slice(f.span.start, f.span.end));

// tenable/terrascan d0405c2 (Apache-2.0), build/Dockerfile:21-28 (the prod stage, shortened):
// `openssl>=1.1.1u-r2` unquoted in a shell-form RUN. The shell redirects apk's output to a file
// `=1.1.1u-r2` in the image's / and apk installs any openssl (judge 41 Y M1, built with buildah).
const terrascan = (eol = '\n') => df([
  '# -------- prod stage -------- #',
  'FROM alpine:3.21.0',
  '',
  '# create non root user',
  'RUN apk update && apk upgrade --no-cache musl && addgroup --gid 101 terrascan && \\',
  '    adduser -S --uid 101 --ingroup terrascan terrascan && \\',
  '    apk add --no-cache git openssh openssl>=1.1.1u-r2 && \\',
  '    mkdir -p /home/terrascan/.ssh /home/terrascan/bin /data && \\',
  '    chown -R terrascan:terrascan /home/terrascan /data',
  '',
  'USER 101',
  'ENTRYPOINT ["/go/bin/terrascan"]',
], eol);

describe('GD132 version-constraint-read-as-redirect', () => {
  it('reports terrascan\'s `openssl>=1.1.1u-r2` in the middle of a `&&` chain', () => {
    const text = terrascan();
    assert.deepEqual(spans(text), ['openssl>=1.1.1u-r2']);
    const [f] = find(text);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /^`openssl>=1\.1\.1u-r2` is not quoted, so the shell reads `>=1\.1\.1u-r2` as a redirection: apk installs `openssl` whatever its version, and its output goes to a file `=1\.1\.1u-r2`/);
    assert.equal(f.fix?.safe, false);
    assert.match(f.fix?.title ?? '', /changes what is installed/);
  });

  it('reports a constraint before more packages, at the end, `>` with a digit, pip, apt, dnf, xx-apk and sh -c', () => {
    assert.deepEqual(spans(df(['FROM alpine:3.21', 'RUN apk add curl>=8.0 git'])), ['curl>=8.0']);
    assert.deepEqual(spans(df(['FROM alpine:3.21', 'RUN apk add --no-cache openssl>3.0'])), ['openssl>3.0']);
    assert.deepEqual(spans(df(['FROM python:3.12', 'RUN pip install --upgrade requests>=2.31 "urllib3<3"'])), ['requests>=2.31']);
    assert.deepEqual(spans(df(['FROM python:3.12', 'RUN python3 -m pip install --no-cache-dir -r req.txt uvicorn[standard]>=0.30'])), ['uvicorn[standard]>=0.30']);
    assert.deepEqual(spans(df(['FROM debian:12', 'RUN apt-get update && apt-get install -y libssl3>=3.0 && rm -rf /var/lib/apt/lists/*'])), ['libssl3>=3.0']);
    assert.deepEqual(spans(df(['FROM fedora:40', 'RUN dnf install -y openssl>=3.0'])), ['openssl>=3.0']);
    assert.deepEqual(spans(df(['FROM alpine:3.21', 'RUN xx-apk add --no-cache gcc>=13'])), ['gcc>=13']);
    assert.deepEqual(spans(df(['FROM alpine:3.21', 'RUN sh -c "apk add openssl>=3.0"'])), ['openssl>=3.0']);
    // apt gets no quoting fix: it takes no range.
    const apt = find(df(['FROM debian:12', 'RUN apt-get install -y libssl3>=3.0']))[0];
    assert.match(apt.message, /apt-get takes no version range/);
    assert.equal(apt.fix, undefined);
  });

  it('reports `pkg<2.0` (an input redirection from a missing file) as an error', () => {
    const [f] = find(df(['FROM python:3.12', 'RUN pip install pandas<=2.2 numpy']));
    assert.equal(f.severity, 'error');
    assert.match(f.message, /`<=2\.2` as an input redirection from a file `=2\.2`/);
  });

  it('is silent on quoted constraints, a blank before `>`, other redirects, other commands and other actions', () => {
    for (const run of [
      // terraform-docs/terraform-docs Dockerfile:27 and kubeflow/pipelines backend/metadata_writer/Dockerfile:5: quoted.
      'RUN apk add --no-cache --upgrade "openssl>=3.1.4-r1"',
      "RUN python3 -m pip install --no-cache-dir 'wheel>=0.46.2'",
      'RUN apk add openssl\\>=3.0',
      'RUN apk add curl >/dev/null',
      'RUN apk add curl >=1.0',
      'RUN apk add curl>log.txt',
      'RUN apk add curl 2>=err',
      'RUN apk add curl>>=1.0',
      'RUN apk del curl>=1.0',
      'RUN echo curl>=1.0',
      'RUN pip install -r requirements.txt>=1',
      'RUN apk add $PKG>=1.0',
    ]) {
      assert.deepEqual(find(df(['FROM python:3.12-alpine', run])), [], run);
    }
  });

  it('fix: quotes the word (LF and CRLF); the fixed file parses, keeps its endings and loses the finding', () => {
    for (const eol of ['\n', '\r\n']) {
      const fixed = applyFix(terrascan(eol), 'GD132');
      assert.equal(fixed.split(eol)[6], "    apk add --no-cache git openssh 'openssl>=1.1.1u-r2' && \\");
      assert.deepEqual(find(fixed), []);
      assert.equal(parseDockerfile(fixed).stages.length, 1);
    }
    // Inside a single-quoted `sh -c` string: double quotes.
    const nested = applyFix(df(['FROM alpine:3.21', "RUN sh -c 'apk add openssl>=3.0'"]), 'GD132');
    assert.equal(nested.split('\n')[1], 'RUN sh -c \'apk add "openssl>=3.0"\'');
  });
});
