import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { fixAll } from '../../server/src/fixes/fixAll';
import { loadWorkspace } from '../../server/src/workspace/load';
import type { AnalyzeOptions } from '../../server/src/rules/analyze';
import type { WorkspaceModel } from '../../server/src/workspace/model';
import { applyFix, df, lint, ready } from './helpers';

before(() => ready);

const has = (text: string, code: string, opts: AnalyzeOptions = {}) => lint(text, opts).some((f) => f.code === code);
const find = (text: string, code: string, opts: AnalyzeOptions = {}) => lint(text, opts).filter((f) => f.code === code);
const spanText = (text: string, f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);

/** The fixed text parses into the same number of instructions (minus the ones a merge removes). */
function parses(text: string): void {
  const m = parseDockerfile(text);
  assert.ok(m.stages.length > 0, `does not parse:\n${text}`);
  for (const i of m.instructions) if (i.script) assert.equal(i.script.parsed.hasErrors, false, `shell error in ${i.keyword} on line ${i.line + 1}:\n${text}`);
}

describe('GD205 user-name-without-passwd', () => {
  const bad = df(['FROM golang:1.24 AS build', 'RUN CGO_ENABLED=0 go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app', 'USER nonroot', 'ENTRYPOINT ["/app"]']);

  it('finds USER <name> on scratch, on the USER line, as an error', () => {
    const [f] = find(bad, 'GD205');
    assert.equal(spanText(bad, f), 'USER nonroot');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /unable to find user nonroot/);
  });

  it('follows FROM <stage> back to scratch, and reports a group name too', () => {
    assert.equal(has(df(['FROM scratch AS base', 'FROM base', 'USER app']), 'GD205'), true);
    assert.equal(has(df(['FROM scratch', 'USER 1000:app']), 'GD205'), true);
  });

  it('is silent for numeric ids, variables, distroless and alpine, and when a passwd file is copied in', () => {
    assert.equal(has(df(['FROM scratch', 'USER 65532:65532']), 'GD205'), false);
    assert.equal(has(df(['FROM scratch', 'USER 1000']), 'GD205'), false);
    assert.equal(has(df(['FROM scratch', 'ARG UID=1000', 'USER ${UID}']), 'GD205'), false);
    assert.equal(has(df(['FROM gcr.io/distroless/static-debian12', 'USER nonroot']), 'GD205'), false);
    assert.equal(has(df(['FROM alpine:3.20', 'USER nobody']), 'GD205'), false);
    assert.equal(has(df(['FROM golang:1.24 AS build', 'RUN useradd app', 'FROM scratch', 'COPY --from=build /etc/passwd /etc/passwd', 'USER app']), 'GD205'), false);
    assert.equal(has(df(['FROM golang:1.24 AS build', 'FROM scratch', 'COPY --from=build /etc/passwd /etc/group /etc/', 'USER app']), 'GD205'), false);
  });

  it('a passwd copied after the USER does not count', () => {
    assert.equal(has(df(['FROM busybox AS b', 'FROM scratch', 'USER app', 'COPY --from=b /etc/passwd /etc/passwd']), 'GD205'), true);
  });

  it('honours the hadolint peer DL3066', () => {
    assert.equal(has(df(['FROM scratch', '# hadolint ignore=DL3066', 'USER app']), 'GD205'), false);
  });

  it('fix uses 65532:65532 (0:0 for root), is not safe, keeps CRLF and the escape directive', () => {
    assert.match(applyFix(bad, 'GD205'), /\nUSER 65532:65532\n/);
    assert.equal(find(bad, 'GD205')[0].fix!.safe, false);
    assert.match(applyFix(df(['FROM scratch', 'USER root']), 'GD205'), /USER 0:0\n$/);
    assert.match(applyFix(df(['FROM scratch', 'USER app:1000']), 'GD205'), /USER 65532:1000\n$/);
    const crlf = df(['# escape=`', 'FROM scratch', 'COPY app.exe /app.exe', 'USER app', 'ENTRYPOINT ["/app.exe"]'], '\r\n');
    const fixed = applyFix(crlf, 'GD205');
    assert.equal(fixed, crlf.replace('USER app', 'USER 65532:65532'));
    parses(fixed);
  });
});

describe('GD207 sources-in-final-image', () => {
  const bad = df(['FROM golang:1.24 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/app .', 'FROM gcr.io/distroless/static-debian12:nonroot', 'WORKDIR /app', 'COPY . .', 'COPY --from=build /out/app /app/app', 'ENTRYPOINT ["/app/app"]']);

  it('finds a whole-context copy in the final stage of a multi-stage build, and not in the builder', () => {
    const fs_ = find(bad, 'GD207');
    assert.equal(fs_.length, 1);
    assert.equal(spanText(bad, fs_[0]), 'COPY . .');
    assert.ok(bad.indexOf(spanText(bad, fs_[0]), bad.indexOf('distroless')) === fs_[0].span.start);
    assert.equal(fs_[0].fix, undefined);
  });

  it('recognises ./, ADD . and .. (the context root)', () => {
    for (const copy of ['COPY ./ /app/', 'ADD . /srv', 'COPY .. .', 'COPY --chown=1000 . /app']) {
      assert.equal(has(df(['FROM golang:1.24 AS build', 'RUN go build -o /app .', 'FROM alpine:3.20', copy]), 'GD207'), true, copy);
    }
  });

  it('is silent for --from copies, single files, single-stage builds, a golang final stage, and a non-final stage', () => {
    assert.equal(has(df(['FROM golang:1.24 AS build', 'RUN go build -o /app .', 'FROM alpine:3.20', 'COPY --from=build /src/. /app']), 'GD207'), false);
    assert.equal(has(df(['FROM golang:1.24 AS build', 'RUN go build -o /app .', 'FROM alpine:3.20', 'COPY config.yaml templates/ /app/']), 'GD207'), false);
    assert.equal(has(df(['FROM alpine:3.20', 'COPY . /app']), 'GD207'), false);
    assert.equal(has(df(['FROM node:20 AS web', 'RUN npm ci', 'FROM golang:1.24', 'COPY . .', 'RUN go build .']), 'GD207'), false);
    assert.equal(has(df(['FROM alpine:3.20 AS dev', 'COPY . .', 'FROM alpine:3.20 AS prod', 'COPY --from=dev /app /app']), 'GD207'), false);
  });

  it('follows the configured target', () => {
    const text = df(['FROM alpine:3.20 AS dev', 'COPY . .', 'FROM alpine:3.20 AS prod', 'COPY --from=dev /app /app']);
    assert.equal(has(text, 'GD207', { target: 'dev' }), true);
  });
});

describe('GD208 build-tools-in-final-image', () => {
  const E = 'ENTRYPOINT ["/app"]';

  it('finds compilers and build tools installed in the final stage, on the install command', () => {
    const text = df(['FROM golang:1.24 AS build', 'RUN go build -o /app .', 'FROM alpine:3.21', 'RUN apk add --no-cache ca-certificates git make gcc musl-dev', 'COPY --from=build /app /app', E]);
    const [f] = find(text, 'GD208');
    assert.equal(spanText(text, f), 'apk add --no-cache ca-certificates git make gcc musl-dev');
    assert.match(f.message, /git, make, gcc, musl-dev/);
    assert.match(f.message, /needs one at run time, suppress/);
    // git alone is a run-time dependency of the program (gogs, lazygit), not a toolchain.
    assert.equal(has(df(['FROM golang:1.24 AS build', 'RUN go build -o /app .', 'FROM alpine:3.21', 'RUN apk add --no-cache ca-certificates git openssh', 'COPY --from=build /app /app', E]), 'GD208'), false);
    assert.equal(f.fix, undefined);
  });

  it('knows apt, yum/dnf and version pins', () => {
    assert.equal(has(df(['FROM debian:12-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends build-essential=12.9 && rm -rf /var/lib/apt/lists/*', E]), 'GD208'), true);
    assert.equal(has(df(['FROM fedora:40', 'RUN dnf install -y golang && dnf clean all', E]), 'GD208'), true);
    assert.equal(has(df(['FROM rockylinux:9', 'RUN yum groupinstall -y "Development Tools"', E]), 'GD208'), true);
    assert.equal(has(df(['FROM alpine:3.21', 'RUN apk add gcc=13.2.1-r0', E]), 'GD208'), true);
  });

  it('is silent in builder stages, for runtime packages, and when the tools are removed again (also a --virtual group)', () => {
    assert.equal(has(df(['FROM golang:1.24-alpine AS build', 'RUN apk add --no-cache git make gcc', 'RUN go build -o /app .', 'FROM alpine:3.21', 'COPY --from=build /app /app', E]), 'GD208'), false);
    assert.equal(has(df(['FROM alpine:3.21', 'RUN apk add --no-cache ca-certificates tzdata git-lfs gitea', E]), 'GD208'), false);
    assert.equal(has(df(['FROM alpine:3.21', 'RUN apk add --no-cache --virtual .build-deps gcc make && make && apk del .build-deps', E]), 'GD208'), false);
    assert.equal(has(df(['FROM alpine:3.21', 'RUN apk add --no-cache git go && go install x@v1 && apk del git go', E]), 'GD208'), false);
    assert.equal(has(df(['FROM debian:12', 'RUN apt-get install -y gcc', 'RUN apt-get purge -y gcc', E]), 'GD208'), false);
    assert.equal(has(df(['FROM alpine:3.21', 'RUN apk del gcc', 'RUN echo apk add gcc', E]), 'GD208'), false);
  });

  it('is silent for toolbox images (a bare shell as the command) and a golang final stage (GD201)', () => {
    assert.equal(has(df(['FROM node:24-alpine', 'RUN apk add --no-cache make gcc musl-dev', 'CMD ["/bin/sh"]']), 'GD208'), false);
    assert.equal(has(df(['FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends build-essential git && rm -rf /var/lib/apt/lists/*']), 'GD208'), false);
    assert.equal(has(df(['FROM golang:1.24', 'RUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*', 'CMD ["app"]']), 'GD208'), false);
    assert.equal(has(df(['FROM alpine:3.21', 'RUN apk add --no-cache gcc', 'CMD ["/bin/sh", "-c", "/app"]']), 'GD208'), true);
  });

  it('counts what the final stage inherits from a stage it is built FROM', () => {
    assert.equal(has(df(['FROM alpine:3.21 AS base', 'RUN apk add --no-cache gcc', 'FROM base', 'COPY app /app', E]), 'GD208'), true);
  });
});

describe('GD209 unpinned-base-image', () => {
  let dir: string;
  let ws: WorkspaceModel;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd209-'));
    fs.writeFileSync(path.join(dir, 'go.mod'), 'module example.com/app\n\ngo 1.24.2\n');
    fs.writeFileSync(path.join(dir, 'main.go'), 'package main\n\nfunc main() {}\n');
    fs.writeFileSync(path.join(dir, '.dockerignore'), '.git\n');
    ws = loadWorkspace(dir).model;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds an image without a tag and :latest, on the image word', () => {
    const text = df(['FROM golang AS build', 'RUN go build -o /app .', 'FROM alpine:latest', 'COPY --from=build /app /app']);
    const fs_ = find(text, 'GD209');
    assert.deepEqual(fs_.map((f) => spanText(text, f)), ['golang', 'alpine:latest']);
    assert.match(fs_[0].message, /no tag/);
    assert.match(fs_[1].message, /:latest/);
  });

  it('is silent for stage names, scratch, tags, digests, and ARGs without a default; judges an ARG by its default', () => {
    assert.equal(has(df(['FROM golang:1.24 AS build', 'FROM build', 'FROM scratch']), 'GD209'), false);
    assert.equal(has(df(['FROM alpine@sha256:' + 'a'.repeat(64)]), 'GD209'), false);
    assert.equal(has(df(['FROM alpine:latest@sha256:' + 'a'.repeat(64)]), 'GD209'), false);
    assert.equal(has(df(['ARG BASE', 'FROM ${BASE}']), 'GD209'), false);
    assert.equal(has(df(['ARG TAG', 'FROM alpine:${TAG}']), 'GD209'), false);
    assert.equal(has(df(['ARG GO=1.24', 'FROM golang:${GO}-alpine']), 'GD209'), false);
    assert.equal(has(df(['ARG TAG=latest', 'FROM alpine:${TAG}']), 'GD209'), true);
    assert.equal(has(df(['ARG VARIANT=alpine', 'FROM golang:1.24 AS build-alpine', 'FROM build-${VARIANT}']), 'GD209'), false);
  });

  it('honours both hadolint peers', () => {
    assert.equal(has(df(['# hadolint ignore=DL3006', 'FROM alpine']), 'GD209'), false);
    assert.equal(has(df(['# hadolint global ignore=DL3007', 'FROM alpine:latest']), 'GD209'), false);
  });

  it('offers no fix without a workspace, and none for images other than golang', () => {
    assert.equal(find(df(['FROM golang']), 'GD209')[0].fix, undefined);
    assert.equal(find(df(['FROM alpine']), 'GD209', { workspace: ws })[0].fix, undefined);
    assert.equal(find(df(['ARG IMG=golang', 'FROM ${IMG}']), 'GD209', { workspace: ws })[0].fix, undefined);
  });

  it('fix pins golang to the go.mod version, safe, keeping the stage name, CRLF and the escape directive', () => {
    const text = df(['# escape=`', 'FROM golang AS build', 'RUN go build -o /app .', 'FROM golang:latest AS test'], '\r\n');
    const fixed = applyFix(text, 'GD209', { workspace: ws });
    assert.ok(fixed.includes('FROM golang:1.24.2 AS build\r\n'), fixed);
    assert.equal(find(text, 'GD209', { workspace: ws })[0].fix!.safe, true);
    const again = applyFix(fixed, 'GD209', { workspace: ws });
    assert.ok(again.includes('FROM golang:1.24.2 AS test\r\n'), again);
    assert.equal(has(again, 'GD209', { workspace: ws }), false);
    parses(again);
  });
});

describe('GD302 cleanup-in-later-layer', () => {
  const apt = df(['FROM debian:bookworm-slim', 'RUN apt-get update \\', ' && apt-get install -y --no-install-recommends ca-certificates', 'RUN rm -rf /var/lib/apt/lists/*', 'USER 65532']);

  it('finds apt lists removed in a later RUN, on the cleanup command', () => {
    const [f] = find(apt, 'GD302');
    assert.equal(spanText(apt, f), 'rm -rf /var/lib/apt/lists/*');
    assert.match(f.message, /line 2/);
  });

  it('finds paths, packages, caches and go caches', () => {
    const cases: [string[], string][] = [
      [['RUN wget -O /tmp/go.tgz https://example.com/go.tgz', 'RUN rm /tmp/go.tgz'], 'rm /tmp/go.tgz'],
      [['RUN curl -fsSLo /tmp/x.tgz https://example.com/x.tgz', 'RUN rm -f /tmp/x.tgz'], 'rm -f /tmp/x.tgz'],
      [['RUN curl -fsSL https://example.com/x.sh > /tmp/x.sh', 'RUN rm /tmp/x.sh'], 'rm /tmp/x.sh'],
      [['RUN git clone https://example.com/repo.git /src/repo', 'RUN rm -rf /src/repo/.git'], 'rm -rf /src/repo/.git'],
      [['WORKDIR /src', 'RUN git clone https://example.com/repo.git', 'RUN rm -rf repo'], 'rm -rf repo'],
      [['RUN mkdir -p /build && cd /build && make', 'RUN rm -rf /build'], 'rm -rf /build'],
      [['RUN tar -xzf /x.tgz -C /opt', 'RUN rm -rf /opt/x/docs'], 'rm -rf /opt/x/docs'],
      [['RUN apk add gcc musl-dev', 'RUN apk del gcc'], 'apk del gcc'],
      [['RUN apk add --virtual .deps gcc', 'RUN apk del .deps'], 'apk del .deps'],
      [['RUN apk add git', 'RUN rm -rf /var/cache/apk/*'], 'rm -rf /var/cache/apk/*'],
      [['RUN apt-get update && apt-get install -y gcc', 'RUN apt-get purge -y gcc'], 'apt-get purge -y gcc'],
      [['RUN apt-get update && apt-get install -y gcc', 'RUN apt-get clean'], 'apt-get clean'],
      [['RUN apt-get update && apt-get install -y gcc', 'RUN apt-get autoremove -y'], 'apt-get autoremove -y'],
      [['RUN dnf install -y gcc', 'RUN dnf clean all'], 'dnf clean all'],
      [['RUN go build -o /app .', 'RUN go clean -cache'], 'go clean -cache'],
      [['RUN go mod download', 'RUN go clean -modcache'], 'go clean -modcache'],
      [['RUN go mod download', 'RUN rm -rf /go/pkg/mod'], 'rm -rf /go/pkg/mod'],
    ];
    for (const [lines, cleanup] of cases) {
      const text = df(['FROM golang:1.24', ...lines]);
      const fs_ = find(text, 'GD302');
      assert.equal(fs_.length, 1, lines.join(' / '));
      assert.equal(spanText(text, fs_[0]), cleanup);
    }
  });

  it('is silent for a cleanup in the same RUN, another stage, a COPYed path, a cache mount, and unrelated paths', () => {
    const silent: string[][] = [
      ['FROM debian:12', 'RUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*'],
      ['FROM alpine:3.21', 'RUN apk add --no-cache --virtual .deps gcc && make && apk del .deps'],
      ['FROM alpine:3.21 AS a', 'RUN wget -O /tmp/x https://e.com/x', 'FROM a', 'RUN rm /tmp/x'],
      ['FROM alpine:3.21', 'RUN mkdir /app', 'COPY . /app', 'RUN rm -rf /app/.git'],
      ['FROM golang:1.24', 'RUN --mount=type=cache,target=/root/.cache/go-build go build -o /app .', 'RUN go clean -cache'],
      ['FROM golang:1.24', 'RUN --mount=type=cache,target=/go/pkg/mod go mod download', 'RUN rm -rf /go/pkg/mod'],
      ['FROM alpine:3.21', 'RUN wget -O /tmp/a https://e.com/a', 'RUN rm -f /tmp/b'],
      ['FROM alpine:3.21', 'RUN apk add --no-cache git', 'RUN rm -rf /var/cache/apk/*'],
      ['FROM alpine:3.21', 'RUN apk add --no-cache git', 'RUN apk del curl'],
      ['FROM debian:12', 'RUN apt-get install -y x', 'RUN rm -rf /var/lib/apt/lists/*'],
      ['FROM alpine:3.21', 'COPY x.tgz /tmp/', 'RUN tar -xzf /tmp/x.tgz -C /opt && rm /tmp/x.tgz'],
    ];
    for (const lines of silent) assert.equal(has(df(lines), 'GD302'), false, lines.join(' / '));
  });

  it('fix appends the cleanup to the earlier RUN in its continuation style and deletes the emptied RUN', () => {
    const fixed = applyFix(apt, 'GD302');
    assert.equal(fixed, df(['FROM debian:bookworm-slim', 'RUN apt-get update \\', ' && apt-get install -y --no-install-recommends ca-certificates \\', ' && rm -rf /var/lib/apt/lists/*', 'USER 65532']));
    assert.equal(find(apt, 'GD302')[0].fix!.safe, true);
    parses(fixed);
  });

  it('fix joins a one-line RUN with && and keeps the rest of the later RUN', () => {
    const text = df(['FROM alpine:3.21', 'RUN apk add --virtual .deps gcc', 'RUN apk del .deps && echo done', 'USER 1']);
    assert.equal(applyFix(text, 'GD302'), df(['FROM alpine:3.21', 'RUN apk add --virtual .deps gcc && apk del .deps', 'RUN echo done', 'USER 1']));
    const mid = df(['FROM alpine:3.21', 'RUN wget -O /tmp/a https://e.com/a', 'RUN set -e; rm /tmp/a; echo ok', 'USER 1']);
    assert.equal(applyFix(mid, 'GD302'), df(['FROM alpine:3.21', 'RUN wget -O /tmp/a https://e.com/a && rm /tmp/a', 'RUN set -e; echo ok', 'USER 1']));
  });

  it('fix follows a trailing-&& style and a ;-terminated style', () => {
    const trailing = df(['FROM debian:12', 'RUN apt-get update && \\', '    apt-get install -y --no-install-recommends ca-certificates', 'RUN apt-get clean', 'USER 1']);
    assert.match(applyFix(trailing, 'GD302'), /ca-certificates && \\\n    apt-get clean\nUSER 1\n$/);
    const semi = df(['FROM alpine:3.21', 'RUN set -eux; \\', '    wget -O /tmp/a https://e.com/a;', 'RUN rm /tmp/a', 'USER 1']);
    assert.match(applyFix(semi, 'GD302'), /wget -O \/tmp\/a https:\/\/e.com\/a; \\\n    rm \/tmp\/a;\nUSER 1\n$/);
  });

  it('fix keeps CRLF and the backtick escape', () => {
    const text = df(['# escape=`', 'FROM debian:12', 'RUN apt-get update `', ' && apt-get install -y --no-install-recommends curl', 'RUN rm -rf /var/lib/apt/lists/*', 'USER 1'], '\r\n');
    const fixed = applyFix(text, 'GD302');
    assert.equal(fixed, df(['# escape=`', 'FROM debian:12', 'RUN apt-get update `', ' && apt-get install -y --no-install-recommends curl `', ' && rm -rf /var/lib/apt/lists/*', 'USER 1'], '\r\n'));
    parses(fixed);
  });

  it('offers no fix when the files may be used in between, or for heredoc and exec-form RUNs', () => {
    const noFix: string[][] = [
      ['FROM alpine:3.21', 'RUN wget -O /tmp/x.tgz https://e.com/x.tgz', 'RUN tar -xzf /tmp/x.tgz -C /opt && rm /tmp/x.tgz'],
      ['FROM alpine:3.21', 'RUN wget -O /tmp/x.tgz https://e.com/x.tgz', 'RUN tar -xzf /tmp/x.tgz -C /opt', 'RUN rm /tmp/x.tgz'],
      ['FROM alpine:3.21', 'RUN apk add gcc', 'RUN make', 'RUN apk del gcc'],
      ['FROM alpine:3.21', 'RUN apk add gcc', 'USER 1000', 'RUN apk del gcc'],
      ['FROM alpine:3.21', 'RUN <<EOF', 'apk add gcc', 'EOF', 'RUN apk del gcc'],
      ['FROM alpine:3.21', 'RUN apk add gcc', 'RUN <<EOF', 'apk del gcc', 'EOF'],
      ['FROM alpine:3.21', 'RUN apk add gcc # the compiler', 'RUN apk del gcc'],
      ['FROM alpine:3.21', 'RUN apk add gcc', 'RUN apk del gcc || true'],
    ];
    for (const lines of noFix) {
      const fs_ = find(df(lines), 'GD302');
      assert.equal(fs_.length, 1, lines.join(' / '));
      assert.equal(fs_[0].fix, undefined, lines.join(' / '));
    }
  });

  it('offers no fix when a COPY in between writes where the cleanup deletes', () => {
    const [f] = find(df(['FROM alpine:3.21', 'RUN wget -O /tmp/a https://e.com/a', 'COPY b /tmp/b', 'RUN rm -rf /tmp/*']), 'GD302');
    assert.ok(f && !f.fix);
  });

  it('fix indents like the last && line, not like a deeper package list', () => {
    const text = df(['FROM debian:12', 'RUN apt-get update \\', '  && apt-get install -y --no-install-recommends \\', '       curl \\', '       git', 'RUN apt-get clean', 'USER 1']);
    assert.equal(applyFix(text, 'GD302'), df(['FROM debian:12', 'RUN apt-get update \\', '  && apt-get install -y --no-install-recommends \\', '       curl \\', '       git \\', '  && apt-get clean', 'USER 1']));
  });

  it('heredocs elsewhere stay intact', () => {
    const text = df(['FROM alpine:3.21', 'RUN apk add gcc', 'RUN apk del gcc', 'COPY <<EOF /etc/motd', 'hello', 'EOF', 'USER 1']);
    const fixed = applyFix(text, 'GD302');
    assert.ok(fixed.endsWith(df(['RUN apk add gcc && apk del gcc', 'COPY <<EOF /etc/motd', 'hello', 'EOF', 'USER 1'])), fixed);
  });
});

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

  it('reports the cleanup only where the lists are downloaded', () => {
    const fs_ = find(df(['FROM debian:12', 'RUN apt-get update', 'RUN apt-get install -y --no-install-recommends curl']), 'GD303');
    assert.equal(fs_.length, 0);
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
});

describe('GD304 mergeable-runs', () => {
  it('finds consecutive setup RUNs, on the second one', () => {
    const text = df(['FROM debian:12', 'RUN apt-get update', 'RUN apt-get install -y --no-install-recommends curl', 'USER 1']);
    const [f] = find(text, 'GD304');
    assert.equal(spanText(text, f), 'RUN apt-get install -y --no-install-recommends curl');
    assert.equal(f.severity, 'information');
  });

  it('is silent for go steps, other programs, different mounts, non-adjacent RUNs, other stages', () => {
    assert.equal(has(df(['FROM golang:1.24', 'RUN apk add git', 'RUN go mod download']), 'GD304'), false);
    assert.equal(has(df(['FROM alpine:3.21', 'RUN apk add --no-cache make', 'RUN make']), 'GD304'), false);
    assert.equal(has(df(['FROM alpine:3.21', 'RUN --mount=type=cache,target=/var/cache/apk apk add git', 'RUN apk add curl']), 'GD304'), false);
    assert.equal(has(df(['FROM alpine:3.21', 'RUN apk add git', 'COPY x /x', 'RUN apk add curl']), 'GD304'), false);
    assert.equal(has(df(['FROM alpine:3.21 AS a', 'RUN apk add git', 'FROM alpine:3.21', 'RUN apk add curl']), 'GD304'), false);
    assert.equal(has(df(['FROM alpine:3.21', 'RUN ["apk", "add", "git"]', 'RUN apk add curl']), 'GD304'), false);
  });

  it('honours the hadolint peer DL3059', () => {
    assert.equal(has(df(['FROM alpine:3.21', 'RUN apk add git', '# hadolint ignore=DL3059', 'RUN adduser -D app']), 'GD304'), false);
  });

  it('fix merges with && \\ and four spaces for one-line RUNs', () => {
    const text = df(['FROM alpine:3.21', 'RUN apk add --no-cache git', 'RUN adduser -D app', 'USER app']);
    const fixed = applyFix(text, 'GD304');
    assert.equal(fixed, df(['FROM alpine:3.21', 'RUN apk add --no-cache git && \\', '    adduser -D app', 'USER app']));
    assert.equal(find(text, 'GD304')[0].fix!.safe, true);
    parses(fixed);
  });

  it('fix follows the leading-&& style (the doc example) and merges chains in one fix-all', () => {
    const text = df(['FROM debian:bookworm-slim', 'RUN apt-get update', 'RUN apt-get install -y --no-install-recommends ca-certificates tzdata \\', ' && rm -rf /var/lib/apt/lists/*', 'RUN useradd --system --uid 10001 --no-create-home app', 'USER 10001:10001']);
    const { text: fixed } = fixAll(text, (t) => lint(t).filter((f) => f.code === 'GD304'));
    assert.equal(fixed, df(['FROM debian:bookworm-slim', 'RUN apt-get update \\', ' && apt-get install -y --no-install-recommends ca-certificates tzdata \\', ' && rm -rf /var/lib/apt/lists/* \\', ' && useradd --system --uid 10001 --no-create-home app', 'USER 10001:10001']));
    assert.equal(has(fixed, 'GD304'), false);
    parses(fixed);
  });

  it('fix keeps CRLF and the backtick escape, and merges across blank lines', () => {
    const text = df(['# escape=`', 'FROM debian:12', 'RUN apt-get update', '', 'RUN apt-get install -y --no-install-recommends curl', 'USER 1'], '\r\n');
    const fixed = applyFix(text, 'GD304');
    assert.equal(fixed, df(['# escape=`', 'FROM debian:12', 'RUN apt-get update && `', '    apt-get install -y --no-install-recommends curl', 'USER 1'], '\r\n'));
    parses(fixed);
  });

  it('offers no fix across a comment, for a second RUN with ; or ||, or a first RUN ending in ;', () => {
    for (const lines of [
      ['FROM alpine:3.21', 'RUN apk add git', '# users', 'RUN adduser -D app'],
      ['FROM alpine:3.21', 'RUN apk add git', 'RUN adduser -D app; mkdir /data'],
      ['FROM alpine:3.21', 'RUN apk add git', 'RUN adduser -D app || true'],
      ['FROM alpine:3.21', 'RUN apk add git;', 'RUN adduser -D app'],
    ]) {
      const [f] = find(df(lines), 'GD304');
      assert.ok(f, lines.join(' / '));
      assert.equal(f.fix, undefined, lines.join(' / '));
    }
  });
});

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

describe('GD309 install-after-sources', () => {
  const bad = df(['FROM golang:1.24-alpine AS build', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', 'RUN apk add --no-cache make protobuf-dev', 'RUN make build']);

  it('finds a package install after the source copy, on the RUN', () => {
    const [f] = find(bad, 'GD309');
    assert.equal(spanText(bad, f), 'RUN apk add --no-cache make protobuf-dev');
    assert.match(f.message, /line 5/);
  });

  it('is silent before any source copy, after go.mod-only or config copies, in other stages', () => {
    assert.equal(has(df(['FROM alpine:3.21', 'RUN apk add --no-cache git', 'COPY . .']), 'GD309'), false);
    assert.equal(has(df(['FROM golang:1.24-alpine', 'COPY go.mod go.sum ./', 'RUN apk add --no-cache git']), 'GD309'), false);
    assert.equal(has(df(['FROM alpine:3.21', 'COPY config.yaml /etc/app/', 'RUN apk add --no-cache git']), 'GD309'), false);
    assert.equal(has(df(['FROM golang:1.24 AS build', 'COPY . .', 'FROM alpine:3.21', 'RUN apk add --no-cache git']), 'GD309'), false);
    assert.equal(has(df(['FROM alpine:3.21', 'COPY --from=golang:1.24 /usr/local/go /usr/local/go', 'RUN apk add --no-cache git']), 'GD309'), false);
  });

  it('fix moves the RUN (with its comment lines) above the first source copy; safe only when it jumps over no RUN and the copy targets a work dir', () => {
    const text = df(['FROM golang:1.24-alpine AS build', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', 'RUN go generate ./...', '# tools for the build', 'RUN apk add --no-cache make \\', '    protobuf-dev', 'RUN make build']);
    const fixed = applyFix(text, 'GD309');
    assert.equal(fixed, df(['FROM golang:1.24-alpine AS build', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', '# tools for the build', 'RUN apk add --no-cache make \\', '    protobuf-dev', 'COPY . .', 'RUN go generate ./...', 'RUN make build']));
    assert.equal(find(text, 'GD309')[0].fix!.safe, false, 'it jumps over a go step');
    parses(fixed);
    const simple = df(['FROM golang:1.24-alpine AS build', 'WORKDIR /src', 'COPY . .', 'RUN apk add --no-cache make', 'RUN make build']);
    assert.equal(find(simple, 'GD309')[0].fix!.safe, true);
    assert.equal(applyFix(simple, 'GD309'), df(['FROM golang:1.24-alpine AS build', 'WORKDIR /src', 'RUN apk add --no-cache make', 'COPY . .', 'RUN make build']));
  });

  it('fix is not safe when the copy writes into system directories', () => {
    const [f] = find(df(['FROM alpine:3.21', 'COPY etc/ /etc/', 'RUN apk add --no-cache nginx']), 'GD309');
    assert.equal(f.fix!.safe, false);
  });

  it('offers no fix when the RUN may use copied files or depends on what it jumps over', () => {
    for (const lines of [
      ['FROM golang:1.24-alpine', 'COPY . .', 'RUN apk add --no-cache gcc && go build -o /app .'],
      ['FROM debian:12', 'COPY . .', 'RUN apt-get install -y ./pkg/app.deb'],
      ['FROM alpine:3.21', 'COPY . .', 'RUN apk add --no-cache git && chmod +x ./run.sh'],
      ['FROM alpine:3.21', 'COPY . .', 'RUN apk add --no-cache $(cat packages.txt)'],
      ['FROM alpine:3.21', 'COPY . .', 'USER root', 'RUN apk add --no-cache git'],
      ['FROM debian:12', 'COPY . .', 'ENV DEBIAN_FRONTEND=noninteractive', 'RUN apt-get install -y git'],
      ['FROM debian:12', 'COPY . .', 'RUN apt-get update', 'RUN apt-get install -y git'],
    ]) {
      const fs_ = find(df(lines), 'GD309');
      assert.equal(fs_.length, 1, lines.join(' / '));
      assert.equal(fs_[0].fix, undefined, lines.join(' / '));
    }
  });

  it('fix keeps CRLF, the backtick escape and heredocs; a pragma above the COPY stays with it', () => {
    const text = df(['# escape=`', 'FROM alpine:3.21', '# go-dockerfile ignore=GD207', 'COPY . /src', 'COPY <<EOF /etc/motd', 'hi', 'EOF', 'RUN apk add --no-cache `', '    git', 'USER 1'], '\r\n');
    const fixed = applyFix(text, 'GD309');
    assert.equal(fixed, df(['# escape=`', 'FROM alpine:3.21', 'RUN apk add --no-cache `', '    git', '# go-dockerfile ignore=GD207', 'COPY . /src', 'COPY <<EOF /etc/motd', 'hi', 'EOF', 'USER 1'], '\r\n'));
    parses(fixed);
  });

  it('fix works when the RUN is the last line without a line break', () => {
    const text = 'FROM alpine:3.21\nCOPY . /src\nRUN apk add --no-cache git';
    assert.equal(applyFix(text, 'GD309'), 'FROM alpine:3.21\nRUN apk add --no-cache git\nCOPY . /src\n');
  });
});

describe('image rules: fix-all is stable', () => {
  it('applying every safe fix twice changes nothing the second time', () => {
    const text = df(['FROM golang:1.24-alpine AS build', 'WORKDIR /src', 'COPY . .', 'RUN apk add git', 'RUN adduser -D app', 'RUN go build -o /out/app .', 'FROM debian:12-slim', 'RUN apt-get update && apt-get install -y ca-certificates', 'RUN apt-get clean', 'ADD config.yaml /etc/app/', 'COPY --from=build /out/app /app', 'USER 65532', 'ENTRYPOINT ["/app"]']);
    const run = (t: string) => lint(t);
    const once = fixAll(text, run).text;
    parses(once);
    assert.equal(fixAll(once, run).text, once);
  });
});
