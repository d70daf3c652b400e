import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { df, ready } from '../helpers';
import { has, find, fix } from './kit/gobuild';

/** GD109 cache-defeating-flags: its own cases (the themed suites beside it test rules together). */
before(() => ready);

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
