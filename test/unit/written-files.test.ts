import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { writtenFileAt } from '../../server/src/facts/writtenFiles';
import { df, ready } from './helpers';

/** facts/writtenFiles.ts: the files the Dockerfile writes with their whole text, read, never run. */
before(() => ready);

const at = (text: string, target: string) => {
  const m = parseDockerfile(text);
  return writtenFileAt(m, m.stages[m.stages.length - 1], target)?.text ?? null;
};

describe('writtenFileAt', () => {
  // element-hq/dendrite 08cac1c (AGPL-3.0) build/scripts/ComplementPostgres.Dockerfile:16-26.
  it('echo \'…\' > file in the WORKDIR, its \\n read as line breaks (dendrite run_postgres.sh)', () => {
    const text = df(['FROM golang:1.25-bookworm', 'WORKDIR /build', "RUN echo '\\", '    #!/bin/bash -eu \\n\\', '    pg_lsclusters \\n\\', '    pg_ctlcluster 15 main start \\n\\', "    ' > run_postgres.sh && chmod +x run_postgres.sh"]);
    const script = at(text, '/build/run_postgres.sh');
    assert.ok(script !== null);
    assert.deepEqual(script.split('\n').map((l) => l.trim()).filter((l) => l !== ''), ['pg_lsclusters', 'pg_ctlcluster 15 main start']);
    assert.equal(at(text, '/run_postgres.sh'), null);
  });

  it('printf, >> appends, cat and tee with a heredoc (either order), COPY <<EOF', () => {
    assert.equal(at(df(['FROM alpine:3.20', 'WORKDIR /a', "RUN printf '#!/bin/sh\\nupdate-ca-certificates\\n' > s.sh && echo 'exec app' >> s.sh"]), '/a/s.sh'), '#!/bin/sh\nupdate-ca-certificates\nexec app\n');
    assert.equal(at(df(['FROM alpine:3.20', 'RUN cat <<EOF > /r/compile.sh', 'go build ./...', 'EOF']), '/r/compile.sh'), 'go build ./...\n');
    assert.equal(at(df(['FROM alpine:3.20', 'RUN <<EOF', 'set -e', "cat > /x.sh <<'IN'", 'go build', 'IN', 'EOF']), '/x.sh'), 'go build\n');
    assert.equal(at(df(['FROM alpine:3.20', 'RUN tee /t.sh <<EOF >/dev/null', 'go run .', 'EOF']), '/t.sh'), 'go run .\n');
    assert.equal(at(df(['FROM alpine:3.20', 'COPY --chmod=755 <<EOF /x.sh', 'go build', 'EOF']), '/x.sh')?.trim(), 'go build');
  });

  it('not: a later COPY over it, a write after a cd, a redirect to /dev/null, another command\'s output, an unknown WORKDIR', () => {
    assert.equal(at(df(['FROM alpine:3.20', 'RUN echo hi > /x.sh', 'COPY x.sh /']), '/x.sh'), null);
    assert.equal(at(df(['FROM alpine:3.20', 'WORKDIR /a', 'RUN cd /b && echo hi > x.sh']), '/a/x.sh'), null);
    assert.equal(at(df(['FROM alpine:3.20', 'RUN echo hi > /dev/null']), '/dev/null'), null);
    assert.equal(at(df(['FROM alpine:3.20', 'RUN curl -s https://example.com/x.sh > /x.sh']), '/x.sh'), null);
    assert.equal(at(df(['FROM alpine:3.20', 'ARG DIR', 'WORKDIR $DIR', 'RUN echo hi > x.sh']), '/x.sh'), null);
  });
});
