import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseDockerfile } from '../../../server/src/dockerfile/parse';
import { applyFix, df, lint, ready } from '../helpers';

/** GD215 exec-form-split-over-lines: its own cases. */
before(() => ready);

const find = (text: string) => lint(text).filter((f) => f.code === 'GD215');

// google/osv-scanner add393a (Apache-2.0), action.dockerfile (the licence header and the build
// stage left out): the legacy GitHub action's image, whose ENTRYPOINT array spans five lines with
// no `\`. The file does not parse: BuildKit and buildah stop at `unknown instruction: "bash",`
// (judge 31 X, M1). actions/scanner/action.yml builds it (`image: "../../action.dockerfile"`).
const OSV_ENTRYPOINT = [
  'ENTRYPOINT [',
  '  "bash",',
  '  "-c",',
  '  "echo \'WARNING, this workflow is for legacy purposes. To view the current workflow see: https://github.com/google/osv-scanner-action\' && /root/exit_code_redirect.sh"',
  ']',
];
const osv = (entrypoint = OSV_ENTRYPOINT) => [
  'FROM alpine:3.24@sha256:28bd5fe8b56d1bd048e5babf5b10710ebe0bae67db86916198a6eec434943f8b',
  'RUN apk --no-cache add \\',
  '  ca-certificates \\',
  '  git \\',
  '  bash',
  '',
  '# Allow git to run on mounted directories',
  "RUN git config --global --add safe.directory '*'",
  '',
  'WORKDIR /root/',
  'COPY ./exit_code_redirect.sh ./',
  '',
  'ENV PATH="${PATH}:/root"',
  '',
  ...entrypoint,
];

describe('GD215 exec-form-split-over-lines', () => {
  it('reports osv-scanner\'s ENTRYPOINT array split over five lines, as an error spanning them', () => {
    const text = df(osv());
    const [f, ...rest] = find(text);
    assert.ok(f);
    assert.deepEqual(rest, []);
    assert.equal(f.severity, 'error');
    assert.equal(text.slice(f.span.start, f.span.end), OSV_ENTRYPOINT.join('\n'));
    assert.match(f.message, /JSON array is split over lines 15-19 without `\\` at the line ends/);
    assert.match(f.message, /the shell-form command `\[`/);
    assert.match(f.message, /line 16 \(`"bash",`\) is an instruction of its own that does not exist: the file does not parse/);
    assert.equal(f.fix?.safe, true);
  });

  it('fix: a `\\` at the end of every line of the array but the last (LF and CRLF); the fixed file parses to the array meant', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = df(osv(), eol);
      const fixed = applyFix(text, 'GD215');
      const model = parseDockerfile(fixed);
      const entry = model.instructions.find((i) => i.keyword === 'ENTRYPOINT')!;
      assert.deepEqual(entry.json, ['bash', '-c', JSON.parse(OSV_ENTRYPOINT[3].trim())]);
      assert.equal(model.instructions.filter((i) => !/^[A-Z]+$/.test(i.keyword)).length, 0, 'no unknown instruction left');
      assert.deepEqual(find(fixed), []);
      assert.equal(fixed.split(eol).length, text.split(eol).length, 'no line added or removed');
      assert.equal(fixed.split(eol).slice(14, 19).join('\n'), ['ENTRYPOINT [ \\', '  "bash", \\', '  "-c", \\', `${OSV_ENTRYPOINT[3]} \\`, ']'].join('\n'));
    }
  });

  it('the first element on the opening line, CMD, RUN and HEALTHCHECK CMD too; the escape of the file is used', () => {
    const cmd = df(['FROM alpine:3.21', 'CMD ["/app",', '  "--port=8080"]']);
    assert.equal(find(cmd).length, 1);
    assert.equal(applyFix(cmd, 'GD215').split('\n')[1], 'CMD ["/app", \\');
    assert.equal(find(df(['FROM alpine:3.21', 'RUN [', '  "true"', ']'])).length, 1);
    assert.equal(find(df(['FROM alpine:3.21', 'HEALTHCHECK CMD [', '  "/app", "health"', ']'])).length, 1);
    const windows = df(['# escape=`', 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022', 'ENTRYPOINT [', '  "app.exe"', ']']);
    assert.equal(applyFix(windows, 'GD215').split('\n')[2], 'ENTRYPOINT [ `');
  });

  it('no fix when the joined lines are no JSON array of strings, or a comment lies between them', () => {
    const [bad] = find(df(['FROM alpine:3.21', 'ENTRYPOINT [', '  "/app",', ']']));
    assert.ok(bad, 'a trailing comma: still reported');
    assert.equal(bad.fix, undefined);
    const [commented] = find(df(['FROM alpine:3.21', 'ENTRYPOINT [', '# the program', '  "/app"', ']']));
    assert.ok(commented);
    assert.equal(commented.fix, undefined);
  });

  it('is silent on arrays continued with `\\`, one-line arrays, and a shell-form `[` test', () => {
    assert.deepEqual(find(df(osv(OSV_ENTRYPOINT.map((l, k) => (k < OSV_ENTRYPOINT.length - 1 ? `${l} \\` : l))))), []);
    assert.deepEqual(find(df(['FROM alpine:3.21', 'ENTRYPOINT ["bash", "-c", "echo hi"]'])), []);
    assert.deepEqual(find(df(['FROM alpine:3.21', 'RUN [ -f /etc/os-release ] && cat /etc/os-release', 'CMD ["/app"]'])), []);
    assert.deepEqual(find(df(['FROM alpine:3.21', 'RUN [ -f /etc/os-release ] || \\', '  true'])), []);
  });

  it('GD206 does not take the opening `ENTRYPOINT [` of a split array on scratch for a shell form', () => {
    const text = df(['FROM scratch', 'COPY app /app', ...OSV_ENTRYPOINT]);
    const found = lint(text).map((f) => f.code);
    assert.ok(found.includes('GD215'));
    assert.ok(!found.includes('GD206'), found.join(' '));
  });
});
