import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { df, ready } from '../helpers';
import { has, find, spanText } from './kit/image';

/** GD207 sources-in-final-image: its own cases (the themed suites beside it test rules together). */
before(() => ready);

describe('GD207 sources-in-final-image', () => {
  const bad = df(['FROM golang:1.24 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/app .', 'FROM gcr.io/distroless/static-debian12:nonroot', 'WORKDIR /app', 'COPY . .', 'COPY --from=build /out/app /app/app', 'ENTRYPOINT ["/app/app"]']);

  it('finds a whole-context copy in the final stage of a multi-stage build, and not in the builder', () => {
    const fs_ = find(bad, 'GD207');
    assert.equal(fs_.length, 1);
    assert.equal(spanText(bad, fs_[0]), 'COPY . .');
    assert.ok(bad.indexOf(spanText(bad, fs_[0]), bad.indexOf('distroless')) === fs_[0].span.start);
    assert.equal(fs_[0].fix, undefined);
  });

  // Judge round 31 (Y M6): eryajf/chatgpt-dingtalk 3766c24 (MIT), Dockerfile: the builder ADDs the
  // whole context to /app and builds there; the final stage copies the builder's /app/.
  it('finds a COPY --from of the folder where a builder stage copied the whole context', () => {
    const builder = ['FROM golang:1.22.5-alpine3.20 AS builder', 'RUN mkdir /app', 'ADD . /app/', 'WORKDIR /app', 'RUN go build -o chatgpt-dingtalk .', 'FROM alpine:3.20', 'WORKDIR /app'];
    const text = df([...builder, 'COPY --from=builder /app/ .', 'RUN chmod +x chatgpt-dingtalk && cp config.example.yml config.yml', 'CMD ./chatgpt-dingtalk']);
    const [f, ...rest] = find(text, 'GD207');
    assert.equal(rest.length, 0);
    assert.equal(spanText(text, f), 'COPY --from=builder /app/ .');
    assert.match(f.message, /stage builder, where that stage copied the whole build context \(line 3: ADD … \/app\)/);
    // WORKDIR + `COPY . .`, and a parent folder of the copy, count too.
    assert.equal(find(df(['FROM golang:1.24 AS b', 'WORKDIR /src/app', 'COPY . .', 'RUN go build -o x .', 'FROM alpine:3.22', 'COPY --from=b /src /src', 'CMD ["/src/app/x"]']), 'GD207').length, 1);
    // The binary, an output folder inside the copy, a file, a root file system, a wildcard: not the context.
    for (const quiet of [
      df([...builder, 'COPY --from=builder /app/chatgpt-dingtalk /app/config.example.yml ./', 'CMD ["./chatgpt-dingtalk"]']),
      df(['FROM golang:1.24 AS b', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /src/bin/x .', 'FROM alpine:3.22', 'COPY --from=b /src/bin/ /usr/local/bin/', 'CMD ["x"]']),
      df(['FROM golang:1.24 AS b', 'COPY . /src', 'RUN cd /src && go build -o /rootfs/x .', 'FROM scratch', 'COPY --from=b / /', 'CMD ["/rootfs/x"]']),
      df(['FROM golang:1.24 AS b', 'WORKDIR /src', 'COPY . .', 'RUN go build -o x .', 'FROM alpine:3.22', 'COPY --from=b /src/x* /app/', 'CMD ["/app/x"]']),
    ]) assert.equal(find(quiet, 'GD207').length, 0, quiet);
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
