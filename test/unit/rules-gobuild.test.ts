import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyEdits } from '../../server/src/edits/edits';
import { fixAll } from '../../server/src/fixes/fixAll';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { applyFix, assertLineEndings, codes, df, lint, ready } from './helpers';

before(() => ready);

const has = (text: string, code: string, opts = {}) => codes(text, opts).includes(code);
const find = (text: string, code: string, opts = {}) => lint(text, opts).filter((f) => f.code === code);
const spanText = (text: string, code: string) => {
  const f = find(text, code)[0];
  assert.ok(f, `expected ${code} in:\n${text}`);
  return text.slice(f.span.start, f.span.end);
};
/** The fixed text parses: same number of instructions, and every RUN still parses as shell. */
const assertParses = (before: string, after: string) => {
  const a = parseDockerfile(before);
  const b = parseDockerfile(after);
  assert.equal(b.stages.length, a.stages.length);
  for (const i of b.instructions) if (i.script) assert.equal(i.script.parsed.hasErrors, false, `shell error in ${after.slice(i.span.start, i.span.end)}`);
};
const fix = (text: string, code: string, opts = {}) => {
  const out = applyFix(text, code, opts);
  assertParses(text, out);
  return out;
};

const MOD = '--mount=type=cache,target=/go/pkg/mod';
const BUILD = '--mount=type=cache,target=/root/.cache/go-build';

describe('GD107 no-build-cache-mount', () => {
  const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /out/app .']);

  it('finds go mod download and go build without cache mounts, on the go command', () => {
    const fs = find(text, 'GD107');
    assert.equal(fs.length, 2);
    assert.equal(text.slice(fs[0].span.start, fs[0].span.end), 'go mod download');
    assert.equal(text.slice(fs[1].span.start, fs[1].span.end), 'CGO_ENABLED=0 go build -o /out/app .');
    assert.equal(fs[0].severity, 'information');
    assert.match(fs[1].message, /BuildKit/);
    assert.match(fs[1].message, /\/go\/pkg\/mod.*\/root\/\.cache\/go-build/);
    assert.equal(fs[1].fix?.safe, true);
  });

  it('fix: go mod download gets the module cache only, go build both, right after RUN', () => {
    const once = fix(text, 'GD107');
    assert.match(once, new RegExp(`\\nRUN ${MOD} go mod download\\n`));
    const twice = fix(once, 'GD107');
    assert.match(twice, new RegExp(`\\nRUN ${MOD} ${BUILD} CGO_ENABLED=0 go build -o /out/app \\.\\n`));
    assert.equal(has(twice, 'GD107'), false);
  });

  it('keeps the RUN\'s other flags, and mounts only what is missing', () => {
    const t = df(['FROM golang:1.22', `RUN --network=host ${MOD} go build -o /app .`]);
    assert.match(fix(t, 'GD107'), new RegExp(`RUN ${BUILD} --network=host ${MOD} go build`));
  });

  it('is silent with both mounts, with parent directories, an id=, or a variable target', () => {
    assert.equal(has(df(['FROM golang:1.22', `RUN ${MOD} ${BUILD} go build -o /app .`]), 'GD107'), false);
    assert.equal(has(df(['FROM golang:1.22', 'RUN --mount=type=cache,target=/go/pkg --mount=type=cache,id=gb,target=/root/.cache go build -o /app .']), 'GD107'), false);
    assert.equal(has(df(['FROM golang:1.22', 'ARG GOMODCACHE', 'ARG GOCACHE', 'RUN --mount=type=cache,target=$GOMODCACHE --mount=type=cache,target=$GOCACHE go build -o /app .']), 'GD107'), false);
  });

  it('does not count bind mounts, and ignores go run / go test / go vet', () => {
    assert.equal(has(df(['FROM golang:1.22', 'RUN --mount=type=bind,target=/go/pkg/mod go mod download']), 'GD107'), true);
    assert.equal(has(df(['FROM golang:1.22', 'RUN go test ./... && go vet ./... && go run ./tools/gen']), 'GD107'), false);
  });

  it('uses GOMODCACHE/GOCACHE (and GOPATH) from ENV', () => {
    const t = df(['FROM golang:1.22', 'ENV GOPATH=/gopath GOCACHE=/cache/build', 'RUN go build -o /app .']);
    assert.match(fix(t, 'GD107'), /RUN --mount=type=cache,target=\/gopath\/pkg\/mod --mount=type=cache,target=\/cache\/build go build/);
    const u = df(['FROM golang:1.22', 'ENV GOMODCACHE=/m', 'RUN --mount=type=cache,target=/m go mod download']);
    assert.equal(has(u, 'GD107'), false);
  });

  it('needs no module cache with -mod=vendor or when the stage copies the module cache in', () => {
    assert.match(fix(df(['FROM golang:1.22', 'RUN go build -mod=vendor -o /app .']), 'GD107'), new RegExp(`RUN ${BUILD} go build`));
    const copied = df(['FROM golang:1.22 AS modules', 'COPY go.mod go.sum ./', 'RUN go mod download', 'FROM golang:1.22', 'COPY --from=modules /go/pkg /go/pkg', 'COPY . .', 'RUN go build -o /app .']);
    const f = find(copied, 'GD107');
    // The download's module cache is what the next stage copies: a mount would leave it empty.
    assert.equal(f.length, 1);
    assert.equal(copied.slice(f[0].span.start, f[0].span.end), 'go build -o /app .');
    assert.doesNotMatch(f[0].message, /module cache/);
    assert.match(fix(copied, 'GD107'), new RegExp(`RUN ${BUILD} go build`));
  });

  it('offers no fix for a non-root USER or an unknown image (cache paths unknown)', () => {
    const user = find(df(['FROM golang:1.22', 'USER 1000', 'RUN go build -o /tmp/app .']), 'GD107')[0];
    assert.ok(user && !user.fix);
    assert.match(user.message, /uid=/);
    const custom = find(df(['FROM mycorp/builder:1', 'RUN go build -o /app .']), 'GD107')[0];
    assert.ok(custom && !custom.fix);
    assert.match(custom.message, /go env GOMODCACHE/);
    // A known non-golang image with a distro Go: GOPATH defaults to $HOME/go.
    assert.match(fix(df(['FROM alpine:3.20', 'RUN apk add --no-cache go', 'RUN go build -o /app .']), 'GD107'), /--mount=type=cache,target=\/root\/go\/pkg\/mod --mount=type=cache,target=\/root\/\.cache\/go-build go build/);
  });

  it('fix keeps CRLF, the escape directive, continuations and heredocs', () => {
    const crlf = df(['# escape=`', 'FROM golang:1.22', 'RUN CGO_ENABLED=0 `', '    go build -o /app .'], '\r\n');
    assert.ok(fix(crlf, 'GD107').includes(`RUN ${MOD} ${BUILD} CGO_ENABLED=0 \`\r\n    go build`));
    const heredoc = df(['FROM golang:1.22', 'RUN <<EOF', 'set -e', 'go mod download', 'EOF']);
    assert.equal(fix(heredoc, 'GD107'), df(['FROM golang:1.22', `RUN ${MOD} <<EOF`, 'set -e', 'go mod download', 'EOF']));
  });
});

describe('GD108 no-trimpath', () => {
  it('finds go build without -trimpath, on the command', () => {
    const t = df(['FROM golang:1.22', 'RUN cd /src && CGO_ENABLED=0 go build -o /app .']);
    assert.equal(spanText(t, 'GD108'), 'CGO_ENABLED=0 go build -o /app .');
    assert.equal(find(t, 'GD108')[0].severity, 'information');
    assert.equal(find(t, 'GD108')[0].fix?.safe, true);
  });

  it('finds go install of local packages, not of remote tools', () => {
    assert.equal(has(df(['FROM golang:1.22', 'COPY . .', 'RUN go install ./cmd/app']), 'GD108'), true);
    assert.equal(has(df(['FROM golang:1.22', 'RUN go install golang.org/x/tools/cmd/stringer@v0.31.0']), 'GD108'), false);
  });

  it('is silent with -trimpath, GOFLAGS=-trimpath, no binary written, go run/go test, or unknown flags', () => {
    assert.equal(has(df(['FROM golang:1.22', 'RUN go build -trimpath -o /app .']), 'GD108'), false);
    assert.equal(has(df(['FROM golang:1.22', 'ENV GOFLAGS="-mod=readonly -trimpath"', 'RUN go build -o /app .']), 'GD108'), false);
    assert.equal(has(df(['FROM golang:1.22', 'RUN GOFLAGS=-trimpath go build -o /app .']), 'GD108'), false);
    assert.equal(has(df(['FROM golang:1.22', 'RUN go build ./... && go build -o /dev/null ./cmd/x']), 'GD108'), false);
    assert.equal(has(df(['FROM golang:1.22', 'RUN go run ./cmd/gen && go test ./...']), 'GD108'), false);
    assert.equal(has(df(['FROM golang:1.22', 'ARG GOBUILDFLAGS', 'RUN go build ${GOBUILDFLAGS} -o /app .']), 'GD108'), false);
    assert.equal(has(df(['FROM golang:1.22', 'ARG GOFLAGS', 'RUN go build -o /app .']), 'GD108'), false);
  });

  it('fix adds -trimpath after go build, whatever the go path or prefix', () => {
    assert.match(fix(df(['FROM golang:1.22', 'RUN env CGO_ENABLED=0 /usr/local/go/bin/go build -o /app .']), 'GD108'), /RUN env CGO_ENABLED=0 \/usr\/local\/go\/bin\/go build -trimpath -o \/app \.\n/);
    assert.match(fix(df(['FROM golang:1.22', 'COPY . .', 'RUN go install ./cmd/...']), 'GD108'), /RUN go install -trimpath \.\/cmd\/\.\.\.\n/);
  });

  it('fix keeps CRLF, the escape directive, continuations and heredocs', () => {
    const crlf = df(['# escape=`', 'FROM golang:1.22', 'RUN go mod download && `', '    go build `', '    -o /app .'], '\r\n');
    assert.ok(fix(crlf, 'GD108').includes('    go build -trimpath `\r\n    -o /app .\r\n'));
    const heredoc = df(['FROM golang:1.22', 'RUN <<EOF', 'go build \\', '  -o /app .', 'EOF']);
    assert.ok(fix(heredoc, 'GD108').includes('\ngo build -trimpath \\\n  -o /app .\nEOF\n'));
  });
});

describe('GD109 cache-defeating-flags', () => {
  it('warns about -a, on the flag, and the fix removes it', () => {
    const t = df(['FROM golang:1.22', 'RUN CGO_ENABLED=0 go build -a -installsuffix cgo -o /app .']);
    const f = find(t, 'GD109')[0];
    assert.equal(t.slice(f.span.start, f.span.end), '-a');
    assert.equal(f.severity, 'warning');
    assert.equal(f.fix?.safe, true);
    assert.match(fix(t, 'GD109'), /RUN CGO_ENABLED=0 go build -installsuffix cgo -o \/app \.\n/);
  });

  it('removes -a alone on a continuation line, or at the end of the instruction, with its line', () => {
    assert.equal(fix(df(['FROM golang:1.22', 'RUN go build \\', '    -a \\', '    -o /app .']), 'GD109'), df(['FROM golang:1.22', 'RUN go build \\', '    -o /app .']));
    assert.equal(fix(df(['FROM golang:1.22', 'RUN go build -o /app \\', '    -a']), 'GD109'), df(['FROM golang:1.22', 'RUN go build -o /app']));
    const crlf = df(['# escape=`', 'FROM golang:1.22', 'RUN go build `', '    -a `', '    -o /app .'], '\r\n');
    assert.equal(fix(crlf, 'GD109'), df(['# escape=`', 'FROM golang:1.22', 'RUN go build `', '    -o /app .'], '\r\n'));
  });

  it('reports -extldflags "-static" with CGO_ENABLED=0 as information, in every quoting', () => {
    const forms: [string, string][] = [
      [`-ldflags '-s -w -extldflags "-static"'`, `-ldflags '-s -w'`],
      ['-ldflags "-s -w -extldflags \\"-static\\""', '-ldflags "-s -w"'],
      ['-ldflags="-extldflags=-static -X main.v=1"', '-ldflags="-X main.v=1"'],
      ["--ldflags='-extldflags -static'", ''],
      ['-ldflags "-extldflags \'-static\'"', ''],
    ];
    for (const [flags, after] of forms) {
      const t = df(['FROM golang:1.22', `RUN CGO_ENABLED=0 go build -trimpath ${flags} -o /app .`]);
      const f = find(t, 'GD109')[0];
      assert.ok(f, flags);
      assert.equal(f.severity, 'information');
      assert.match(t.slice(f.span.start, f.span.end), /^-extldflags/);
      const fixed = fix(t, 'GD109');
      assert.equal(fixed, df(['FROM golang:1.22', `RUN CGO_ENABLED=0 go build -trimpath ${after ? `${after} ` : ''}-o /app .`]), flags);
    }
  });

  it('takes CGO_ENABLED from ENV, and is silent when cgo is on, unknown, or linking is external', () => {
    assert.equal(has(df(['FROM golang:1.22', 'ENV CGO_ENABLED=0', 'RUN go build -ldflags "-extldflags -static" -o /app .']), 'GD109'), true);
    assert.equal(has(df(['FROM golang:1.22', 'RUN go build -ldflags "-extldflags -static" -o /app .']), 'GD109'), false);
    assert.equal(has(df(['FROM golang:1.22', 'RUN CGO_ENABLED=1 go build -ldflags "-extldflags -static" -o /app .']), 'GD109'), false);
    assert.equal(has(df(['FROM golang:1.22', 'RUN CGO_ENABLED=0 go build -ldflags "-linkmode=external -extldflags -static" -o /app .']), 'GD109'), false);
    assert.equal(has(df(['FROM golang:1.22', 'RUN CGO_ENABLED=0 go build -ldflags "-extldflags \'-static -lm\'" -o /app .']), 'GD109'), false);
  });

  it('reads CGO_ENABLED as the go command sees it: a build arg it expands, the last export (as GD102/GD103 do)', () => {
    const ld = 'go build -ldflags "-extldflags -static" -o /app .';
    assert.equal(has(df(['FROM golang:1.22', 'ARG CGO=0', `RUN CGO_ENABLED=$CGO ${ld}`]), 'GD109'), true);
    assert.equal(has(df(['FROM golang:1.22', 'ARG CGO', `RUN CGO_ENABLED=$CGO ${ld}`]), 'GD109'), false, 'unknown value');
    assert.equal(has(df(['FROM golang:1.22', `RUN export CGO_ENABLED=1 && export CGO_ENABLED=0 && ${ld}`]), 'GD109'), true);
    assert.equal(has(df(['FROM golang:1.22', `RUN export CGO_ENABLED=0 && export CGO_ENABLED=1 && ${ld}`]), 'GD109'), false);
  });

  it('offers no fix when the flags to remove cross a shell quote', () => {
    const t = df(['FROM golang:1.22', `RUN CGO_ENABLED=0 go build -ldflags "-s -w "'-extldflags -static' -o /app .`]);
    const f = find(t, 'GD109')[0];
    assert.ok(f && !f.fix);
  });
});

describe('GD110 unstripped-binary', () => {
  const build = (cmd: string, eol = '\n') => df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', `RUN ${cmd}`, 'FROM scratch', 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/app"]'], eol);

  it('hints at a release build without -s -w, on the command', () => {
    const t = build('CGO_ENABLED=0 go build -trimpath -o /out/app .');
    const f = find(t, 'GD110')[0];
    assert.equal(f.severity, 'hint');
    assert.equal(t.slice(f.span.start, f.span.end), 'CGO_ENABLED=0 go build -trimpath -o /out/app .');
    assert.equal(f.fix?.safe, true);
  });

  it('merges -s -w into the existing -ldflags, keeping its quoting', () => {
    const cases: [string, string][] = [
      ['go build -ldflags "-X main.v=1" -o /out/app .', 'go build -ldflags "-s -w -X main.v=1" -o /out/app .'],
      ['go build -ldflags="-X main.v=1" -o /out/app .', 'go build -ldflags="-s -w -X main.v=1" -o /out/app .'],
      ["go build -ldflags '-X a=b' -o /out/app .", "go build -ldflags '-s -w -X a=b' -o /out/app ."],
      ['go build --ldflags=-w -o /out/app .', 'go build --ldflags="-s -w" -o /out/app .'],
      ['go build -ldflags=-X=main.v=1 -o /out/app .', 'go build -ldflags="-s -w -X=main.v=1" -o /out/app .'],
      ['go build -ldflags "all=-X main.v=1" -o /out/app .', 'go build -ldflags "all=-s -w -X main.v=1" -o /out/app .'],
      ['go build -ldflags "-X main.v=${VERSION}" -o /out/app .', 'go build -ldflags "-s -w -X main.v=${VERSION}" -o /out/app .'],
      ['go build -ldflags "-X \'main.date=$(date)\'" -o /out/app .', 'go build -ldflags "-s -w -X \'main.date=$(date)\'" -o /out/app .'],
      ['go build -ldflags "" -o /out/app .', 'go build -ldflags "-s -w" -o /out/app .'],
      ['go build -o /out/app .', 'go build -ldflags="-s -w" -o /out/app .'],
    ];
    for (const [before, after] of cases) assert.equal(fix(build(before), 'GD110'), build(after), before);
  });

  it('applies the last -ldflags, as go does', () => {
    assert.equal(has(build('go build -ldflags "-s -w" -ldflags "-X a=b" -o /out/app .'), 'GD110'), true);
    assert.equal(has(build('go build -ldflags "-X a=b" -ldflags "-s -w" -o /out/app .'), 'GD110'), false);
  });

  it('is silent when stripped (-s alone implies -w since Go 1.22), and with unknown flags', () => {
    assert.equal(has(build('go build -ldflags="-s -w" -o /out/app .'), 'GD110'), false);
    assert.equal(has(build('go build -ldflags "-w -s -X a=b" -o /out/app .'), 'GD110'), false);
    assert.equal(has(build('go build -ldflags=-s -o /out/app .'), 'GD110'), false);
    assert.equal(has(build('go build -ldflags "$LDFLAGS" -o /out/app .'), 'GD110'), false);
    assert.equal(has(build('go build -ldflags "-X a=b $EXTRA" -o /out/app .'), 'GD110'), false);
    assert.equal(has(build('go build ${GOBUILDFLAGS} -o /out/app .'), 'GD110'), false);
    assert.equal(has(df(['FROM golang:1.22', 'ENV GOFLAGS="\'-ldflags=-s -w\'"', 'RUN go build -o /app .']), 'GD110'), false);
  });

  it('is silent for debug builds, builds that write no binary, and stages that never reach the final image', () => {
    assert.equal(has(build('go build -gcflags "all=-N -l" -o /out/app .'), 'GD110'), false);
    assert.equal(has(build('go build ./... && go build -o /out/app -ldflags=-s .'), 'GD110'), false);
    const test = df(['FROM golang:1.22 AS test', 'RUN go build -o /tmp/x .', 'FROM golang:1.22 AS build', 'RUN go build -ldflags="-s -w" -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app']);
    assert.equal(has(test, 'GD110'), false);
    // ... unless that stage is the configured target.
    assert.equal(has(test, 'GD110', { target: 'test' }), true);
  });

  it('reports GOFLAGS -ldflags without -s -w but offers no fix there', () => {
    const f = find(df(['FROM golang:1.22', 'ENV GOFLAGS=-ldflags=-X=main.v=1', 'RUN go build -o /app .']), 'GD110')[0];
    assert.ok(f && !f.fix);
  });

  it('offers no fix when the -ldflags value starts with an expansion we cannot see through', () => {
    const f = find(build('go build -ldflags "${PREFIX}-X a=b" -o /out/app .'), 'GD110');
    assert.ok(f.every((x) => !x.fix));
  });

  it('fix keeps CRLF, the escape directive, continuations and heredocs', () => {
    const crlf = df(['# escape=`', 'FROM golang:1.22', 'RUN go build `', '    -ldflags "-X main.v=1" `', '    -o /app .'], '\r\n');
    assert.ok(fix(crlf, 'GD110').includes('    -ldflags "-s -w -X main.v=1" `\r\n'));
    const heredoc = df(['FROM golang:1.22', 'RUN <<EOF', 'set -e', "go build -ldflags='-X a=b' -o /app .", 'EOF']);
    assert.ok(fix(heredoc, 'GD110').includes("\ngo build -ldflags='-s -w -X a=b' -o /app .\nEOF\n"));
    const cont = df(['FROM golang:1.22', 'RUN go build -ldflags="-X a=b \\', '    -X c=d" -o /app .']);
    assert.ok(fix(cont, 'GD110').includes('-ldflags="-s -w -X a=b \\\n    -X c=d"'));
  });
});

describe('GD111 mutable-modules', () => {
  it('finds go mod tidy, go get and -mod=mod, without a fix', () => {
    const t = df(['FROM golang:1.22', 'COPY . .', 'RUN go mod tidy && go get github.com/a/b@v1.2.3', 'RUN go build -mod=mod -o /app .']);
    const fs = find(t, 'GD111');
    assert.deepEqual(fs.map((f) => t.slice(f.span.start, f.span.end)), ['go mod tidy', 'go get github.com/a/b@v1.2.3', '-mod=mod']);
    assert.ok(fs.every((f) => f.severity === 'warning' && !f.fix));
    assert.equal(spanText(df(['FROM golang:1.22', 'RUN go build -mod mod .']), 'GD111'), '-mod mod');
  });

  it('finds -mod=mod in GOFLAGS (ENV, prefix), unless the command line sets -mod', () => {
    assert.equal(has(df(['FROM golang:1.22', 'ENV GOFLAGS=-mod=mod', 'RUN go build -o /app .']), 'GD111'), true);
    assert.equal(has(df(['FROM golang:1.22', 'RUN GOFLAGS="-mod=mod -trimpath" go test ./...']), 'GD111'), true);
    assert.equal(has(df(['FROM golang:1.22', 'ENV GOFLAGS=-mod=mod', 'RUN go build -mod=readonly -o /app .']), 'GD111'), false);
    assert.equal(has(df(['FROM golang:1.22', 'ENV GOFLAGS=-mod=mod', 'RUN go mod download']), 'GD111'), false);
  });

  it('is silent for go install pkg@version, go mod tidy -diff, -mod=vendor and GOPATH mode', () => {
    assert.equal(has(df(['FROM golang:1.22', 'RUN go install golang.org/x/tools/cmd/stringer@v0.31.0']), 'GD111'), false);
    assert.equal(has(df(['FROM golang:1.23', 'COPY . .', 'RUN go mod tidy -diff']), 'GD111'), false);
    assert.equal(has(df(['FROM golang:1.22', 'RUN go build -mod=vendor -o /app .']), 'GD111'), false);
    assert.equal(has(df(['FROM golang:1.22', 'ENV GO111MODULE=off', 'RUN go get github.com/a/b']), 'GD111'), false);
  });

  it('says when go get runs outside a module', () => {
    assert.match(find(df(['FROM golang:1.22', 'RUN go get github.com/a/b']), 'GD111')[0].message, /outside a module.*go install pkg@version/);
  });
});

describe('GD112 unpinned-go-install', () => {
  it('finds @latest and moving queries, on the package', () => {
    const t = df(['FROM golang:1.22', 'RUN go install github.com/a/tool@latest && go run github.com/b/gen@master ./x']);
    const fs = find(t, 'GD112');
    assert.deepEqual(fs.map((f) => t.slice(f.span.start, f.span.end)), ['github.com/a/tool@latest', 'github.com/b/gen@master']);
    assert.ok(fs.every((f) => f.severity === 'warning' && !f.fix));
    assert.match(fs[0].message, /@latest/);
  });

  it('resolves the version through ARG defaults', () => {
    assert.equal(has(df(['FROM golang:1.22', 'ARG DLV_VERSION=latest', 'RUN go install github.com/go-delve/delve/cmd/dlv@${DLV_VERSION}']), 'GD112'), true);
    assert.equal(has(df(['FROM golang:1.22', 'ARG DLV_VERSION=v1.23.0', 'RUN go install "github.com/go-delve/delve/cmd/dlv@${DLV_VERSION}"']), 'GD112'), false);
    assert.equal(has(df(['FROM golang:1.22', 'ARG DLV_VERSION', 'RUN go install github.com/go-delve/delve/cmd/dlv@$DLV_VERSION']), 'GD112'), false);
  });

  it('finds a remote package without @version outside a module', () => {
    const t = df(['FROM golang:1.22 AS tools', 'RUN go install golang.org/x/tools/cmd/stringer']);
    assert.equal(spanText(t, 'GD112'), 'golang.org/x/tools/cmd/stringer');
    assert.match(find(t, 'GD112')[0].message, /@version/);
  });

  it('is silent for pinned versions, local packages, go.mod-pinned tools and program arguments', () => {
    assert.equal(has(df(['FROM golang:1.22', 'RUN go install golang.org/x/tools/cmd/stringer@v0.31.0 github.com/a/b@v0.0.0-20240101000000-abcdefabcdef']), 'GD112'), false);
    assert.equal(has(df(['FROM golang:1.22', 'COPY . .', 'RUN go install ./cmd/... && go run . && go run main.go github.com/not/a/package']), 'GD112'), false);
    assert.equal(has(df(['FROM golang:1.22', 'COPY . .', 'RUN go install github.com/golang/mock/mockgen']), 'GD112'), false);
    assert.equal(has(df(['FROM golang:1.22', 'RUN --mount=target=. go run github.com/a/gen']), 'GD112'), false);
  });

  it('honours hadolint DL3062 pragmas', () => {
    assert.equal(has(df(['FROM golang:1.22', '# hadolint ignore=DL3062', 'RUN go install github.com/a/tool@latest']), 'GD112'), false);
  });
});

describe('GD113 emulated-cross-compile', () => {
  const stage = (lines: string[], from = 'FROM golang:1.22 AS build') =>
    df([from, ...lines, 'FROM scratch', 'COPY --from=build /out/app /app']);

  it('hints on the FROM of a builder that declares TARGETARCH', () => {
    const t = stage(['ARG TARGETARCH', 'RUN CGO_ENABLED=0 go build -o /out/app .']);
    const f = find(t, 'GD113')[0];
    assert.equal(t.slice(f.span.start, f.span.end), 'FROM golang:1.22 AS build');
    assert.equal(f.severity, 'hint');
    assert.equal(f.fix?.safe, false);
  });

  it('fix: --platform=$BUILDPLATFORM, GOOS/GOARCH on the build, and the missing ARG', () => {
    const t = stage(['ARG TARGETARCH', 'WORKDIR /src', 'RUN CGO_ENABLED=0 go build -o /out/app .']);
    assert.equal(fix(t, 'GD113'), stage(['ARG TARGETOS', 'ARG TARGETARCH', 'WORKDIR /src', 'RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .'], 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build'));
  });

  it('fix only adds --platform when the build already sets GOARCH', () => {
    const t = stage(['ARG TARGETOS TARGETARCH', 'RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .']);
    assert.equal(fix(t, 'GD113'), t.replace('FROM golang', 'FROM --platform=$BUILDPLATFORM golang'));
    // Decided (issue 11): every build names a literal GOARCH, so the output does not follow the target: silent.
    assert.equal(has(stage(['ARG TARGETPLATFORM', 'RUN CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o /out/app .']), 'GD113'), false);
  });

  it('fix declares the TARGET* args the build already reads but the stage does not', () => {
    const t = stage(['RUN CGO_ENABLED=0 GOARCH=$TARGETARCH go build -o /out/app .']);
    assert.equal(fix(t, 'GD113'), stage(['ARG TARGETARCH', 'RUN CGO_ENABLED=0 GOARCH=$TARGETARCH go build -o /out/app .'], 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build'));
  });

  it('replaces --platform=$TARGETPLATFORM', () => {
    const t = stage(['RUN CGO_ENABLED=0 go build -o /out/app .'], 'FROM --platform=$TARGETPLATFORM golang:1.22 AS build');
    assert.match(fix(t, 'GD113'), /^FROM --platform=\$BUILDPLATFORM golang:1\.22 AS build\nARG TARGETOS TARGETARCH\n/);
  });

  it('is silent with --platform=$BUILDPLATFORM (also ${…} and inherited), a fixed platform, or no target signal', () => {
    assert.equal(has(stage(['ARG TARGETARCH', 'RUN GOARCH=$TARGETARCH go build -o /out/app .'], 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build'), 'GD113'), false);
    assert.equal(has(stage(['ARG TARGETARCH', 'RUN GOARCH=$TARGETARCH go build -o /out/app .'], 'FROM --platform=${BUILDPLATFORM} golang:1.22 AS build'), 'GD113'), false);
    assert.equal(has(stage(['RUN GOARCH=arm64 go build -o /out/app .'], 'FROM --platform=linux/amd64 golang:1.22 AS build'), 'GD113'), false);
    assert.equal(has(df(['FROM --platform=$BUILDPLATFORM golang:1.22 AS base', 'FROM base AS build', 'ARG TARGETARCH', 'RUN GOARCH=$TARGETARCH go build -o /out/app .']), 'GD113'), false);
    assert.equal(has(stage(['RUN CGO_ENABLED=0 GOOS=linux go build -o /out/app .']), 'GD113'), false);
    assert.equal(has(df(['FROM alpine:3.20', 'ARG TARGETARCH', 'RUN wget https://example.invalid/tool-$TARGETARCH']), 'GD113'), false);
  });

  it('offers no fix for go install or a stage FROM another stage; CGO_ENABLED=1 without xx is not reported', () => {
    assert.ok(!find(stage(['ARG TARGETARCH', 'RUN go install ./cmd/app']), 'GD113')[0].fix);
    // Decided (issue 11): on $BUILDPLATFORM the host C compiler would build for the wrong architecture.
    assert.equal(has(stage(['ARG TARGETARCH', 'RUN CGO_ENABLED=1 go build -o /out/app .']), 'GD113'), false);
    const derived = find(df(['FROM golang:1.22 AS base', 'FROM base AS build', 'ARG TARGETARCH', 'RUN go build -o /out/app .']), 'GD113')[0];
    assert.ok(derived && !derived.fix);
  });

  it('fix keeps CRLF, the escape directive and heredocs', () => {
    const crlf = df(['# escape=`', 'FROM golang:1.22 AS build', 'ARG TARGETARCH', 'RUN CGO_ENABLED=0 `', '    go build -o /out/app .'], '\r\n');
    assert.equal(fix(crlf, 'GD113'), df(['# escape=`', 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build', 'ARG TARGETOS', 'ARG TARGETARCH', 'RUN CGO_ENABLED=0 `', '    GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .'], '\r\n'));
    const heredoc = stage(['ARG TARGETOS TARGETARCH', 'RUN <<EOF', 'set -e', 'CGO_ENABLED=0 go build -o /out/app .', 'EOF']);
    assert.ok(fix(heredoc, 'GD113').includes('\nCGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .\nEOF\n'));
  });
});

describe('go build fixes together', () => {
  const text = df([
    'FROM golang:1.22 AS build',
    'WORKDIR /src',
    'COPY go.mod go.sum ./',
    'RUN go mod download',
    'COPY . .',
    'RUN CGO_ENABLED=0 go build -a \\',
    '    -ldflags "-X main.version=1 -extldflags \\"-static\\"" \\',
    '    -o /out/app ./cmd/app',
    'FROM gcr.io/distroless/static-debian12:nonroot',
    'COPY --from=build /out/app /app',
    'ENTRYPOINT ["/app"]',
  ]);

  it('fix-all applies GD107-GD110, converges, and leaves valid shell', () => {
    const once = fixAll(text, (t) => lint(t));
    assert.deepEqual([...new Set(once.applied.map((a) => a.code))].sort(), ['GD107', 'GD108', 'GD109', 'GD110']);
    assert.deepEqual(codes(once.text).filter((c) => /^GD1(0[7-9]|1[0-3])$/.test(c)), []);
    assertParses(text, once.text);
    assert.ok(once.text.includes('-ldflags "-s -w -X main.version=1" \\\n'), once.text);
    assert.equal(fixAll(once.text, (t) => lint(t)).text, once.text);
    const crlf = text.replace(/\n/g, '\r\n');
    const out = fixAll(crlf, (t) => lint(t)).text;
    assertLineEndings(crlf, out);
    assert.equal(out, once.text.replace(/\n/g, '\r\n'));
  });

  it('every single fix applies on its own', () => {
    for (const f of lint(text)) if (f.fix) assertParses(text, applyEdits(text, f.fix.edits));
  });
});
