/**
 * cayleygraph/cayley 81dcd7d73e45136bc0d01802a8ba4685d8a533eb (Apache-2.0), the repository's
 * Dockerfile (built with the context `.`, .github/workflows/build-and-release.yml:83): the builder
 * assembles the image's whole file system in /fs (WORKDIR /fs, line 6), copies the CA bundle into
 * it (lines 8-10, relative to /fs), builds /fs/bin/cayley, and the scratch final stage copies /fs
 * onto `/` (line 45). Judge 37 X W1: GD202 said the image had no CA certificates. `staging`:
 * lines added to the staging RUN after the CA bundle's (GD203's tests copy the zone database the
 * same way).
 */
export function cayleyDockerfile(staging: string[] = []): string {
  return [
    'FROM golang:1.22 AS builder',
    '',
    'ARG VERSION=v0.8.x-dev',
    '',
    '# Create filesystem for minimal image',
    'WORKDIR /fs',
    '',
    'RUN mkdir -p etc/ssl/certs lib/x86_64-linux-gnu tmp bin data; \\',
    '    # Copy CA Certificates',
    '    cp /etc/ssl/certs/ca-certificates.crt etc/ssl/certs/ca-certificates.crt; \\',
    ...staging,
    '    # Copy C standard library',
    '    cp /lib/x86_64-linux-gnu/libc.* lib/x86_64-linux-gnu/',
    '',
    '# Set up workdir for compiling',
    'WORKDIR /src',
    '',
    '# Copy dependencies and install first',
    'COPY go.mod go.sum ./',
    'RUN go mod download',
    '',
    '# Add all the other files',
    'ADD . .',
    '',
    '# Pass a Git short SHA as build information to be used for displaying version',
    'RUN GIT_SHA=$(git rev-parse --short=12 HEAD); \\',
    '    go build \\',
    '    -ldflags="-linkmode external -extldflags -static -X github.com/cayleygraph/cayley/version.Version=$VERSION -X github.com/cayleygraph/cayley/version.GitHash=$GIT_SHA" \\',
    '    -a \\',
    '    -installsuffix cgo \\',
    '    -o /fs/bin/cayley \\',
    '    -v \\',
    '    ./cmd/cayley',
    '',
    '# Move persisted configuration into filesystem',
    'RUN mv configurations/persisted.json /fs/etc/cayley.json',
    '',
    'WORKDIR /fs',
    '',
    '# Initialize bolt indexes file',
    'RUN ./bin/cayley init --config etc/cayley.json',
    '',
    'FROM scratch',
    '',
    '# Copy filesystem as root',
    'COPY --from=builder /fs /',
    '',
    'VOLUME [ "/data" ]',
    '',
    'EXPOSE 64210',
    '',
    'HEALTHCHECK --interval=30s --timeout=30s --start-period=5s --retries=3 CMD [ "cayley", "health" ]',
    '',
    'ENTRYPOINT ["cayley", "http", "--host=:64210"]',
    '',
  ].join('\n');
}

/**
 * The context's files that matter: go.mod's first lines, .dockerignore, the persisted
 * configuration, cmd/cayley's imports (its command package reaches internal), internal/load.go's
 * (`http.Get(path)` of a quad file's URL, line 64) and `extra`.
 */
export function cayleyFiles(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'go.mod': 'module github.com/cayleygraph/cayley\n\ngo 1.22\n\ntoolchain go1.22.5\n',
    'go.sum': '',
    '.dockerignore': '.idea/\nvendor/\n',
    'configurations/persisted.json': '{}\n',
    'cmd/cayley/cayley.go': 'package main\n\nimport (\n\t"flag"\n\t"fmt"\n\t"net/http"\n\t_ "net/http/pprof"\n\t"os"\n\n\t"github.com/cayleygraph/cayley/cmd/cayley/command"\n)\n\nfunc main() {\n\tflag.Parse()\n\tcommand.Load(flag.Arg(0))\n\tfmt.Fprintln(os.Stderr, http.ListenAndServe(":64210", nil))\n}\n',
    'cmd/cayley/command/database.go': 'package command\n\nimport (\n\t"github.com/cayleygraph/cayley/internal"\n)\n\nfunc Load(path string) { _ = internal.Load(path) }\n',
    'internal/load.go': 'package internal\n\nimport (\n\t"fmt"\n\t"io"\n\t"net/http"\n)\n\nfunc Load(path string) error {\n\tres, err := http.Get(path)\n\tif err != nil {\n\t\treturn fmt.Errorf("could not get resource <%s>: %v", path, err)\n\t}\n\t_, err = io.Copy(io.Discard, res.Body)\n\treturn err\n}\n',
    ...extra,
  };
}
