// cooperspencer/gickup 7d810a4 (Apache-2.0) Dockerfile:1-15 (Dockerfile.ubuntu has the same build
// stage): `go mod tidy` with only go.mod and go.sum in the stage, the modules fetched by `go get -d
// -v ./...` after `COPY . .` (judge 39 Y W1, W2). Shared by the GD104 and GD107 tests.
import { df } from '../../helpers';

/** The Dockerfile, with `before` in place of the go.mod/go.sum copies before the tidy. */
export function gickupDockerfile(before = ['COPY go.mod .', 'COPY go.sum .'], eol = '\n'): string {
  return df([
    'FROM golang:1.26-alpine AS builder',
    '',
    '# Install dependencies for copy',
    'RUN apk add -U --no-cache ca-certificates tzdata git',
    '',
    '# Use an valid GOPATH and copy the files',
    'WORKDIR /go/src/github.com/cooperspencer/gickup',
    ...before,
    'RUN go mod tidy',
    'COPY . .',
    '',
    '# Fetching dependencies and build the app',
    'RUN go get -d -v ./...',
    'RUN CGO_ENABLED=0 go build -a -installsuffix cgo -o gickup .',
    '',
    'FROM alpine:3.20 AS production',
    'COPY --from=builder /go/src/github.com/cooperspencer/gickup/gickup /gickup/gickup',
    'ENTRYPOINT [ "/gickup/gickup" ]',
  ], eol);
}
