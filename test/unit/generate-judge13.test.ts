/**
 * The generator on real repositories of round 13 (helper "gen14"): when several main packages
 * rank alike, the project's own build settles which one it ships (generate/ownBuild.ts): the
 * root Dockerfile's images (what their go builds land, else what their ENTRYPOINT starts), then a
 * goreleaser config's `main:`, then the root Makefile's go builds. Each case is a small skeleton
 * of a real repository, with its repository, commit and licence above it, plus the variants that
 * must keep refusing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GenerateError } from '../../server/src/generate';
import { generatorTrees } from './generateTrees';

const { workspace, gen } = generatorTrees('judge13');

/** The refusal a generation ends in (fails when it generates). */
async function refusal(dir: string): Promise<GenerateError> {
  try {
    const r = await gen(dir);
    assert.fail(`generated ${r.target.dir}:\n${r.dockerfile}`);
  } catch (e) {
    if (!(e instanceof GenerateError)) throw e;
    assert.equal(e.code, 'ambiguous-package', e.message);
    return e;
  }
}

const main = (extra = ''): string => `package main\n\n${extra}func main() {}\n`;

// mochi-mqtt/server at 5b7f94bde4072edf6db62b69345f9454cae4936f (MIT): 17 main packages; cmd/
// and cmd/docker rank alike, the rest are under examples/. Its Dockerfile (README: `docker build
// -t mochi:latest .`) builds ./cmd/docker into /app/mochi and the final stage copies it.
const MOCHI_DOCKERFILE = [
  'FROM golang:1.21.0-alpine3.18 AS builder',
  '',
  'RUN apk update',
  'RUN apk add git',
  '',
  'WORKDIR /app',
  '',
  'COPY go.mod ./',
  'COPY go.sum ./',
  'RUN go mod download',
  '',
  'COPY . ./',
  '',
  'RUN go build -o /app/mochi ./cmd/docker',
  '',
  'FROM alpine',
  '',
  'WORKDIR /',
  'COPY --from=builder /app/mochi .',
  '',
  'ENTRYPOINT [ "/mochi" ]',
  'CMD ["/cmd/docker", "--config", "config.yaml"]',
].join('\n');

function mochi(files: Record<string, string | null> = {}): string {
  const base: Record<string, string | null> = {
    'go.mod': 'module github.com/mochi-mqtt/server/v2\n\ngo 1.21\n',
    'go.sum': '',
    'server.go': 'package mqtt\n',
    'cmd/main.go': main(),
    'cmd/docker/main.go': main(),
    'examples/tcp/main.go': main(),
    'examples/tls/main.go': main(),
    'config.yaml': 'listeners: []\n',
    Dockerfile: MOCHI_DOCKERFILE,
    ...files,
  };
  return workspace(Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== null)));
}

describe('1. The root Dockerfile says which main package ships (mochi-mqtt/server)', () => {
  it('mochi: builds cmd/docker, the package its Dockerfile lands in the final stage, and the header says so', async () => {
    const r = await gen(mochi());
    assert.equal(r.target.dir, 'cmd/docker');
    assert.match(r.dockerfile, /^# Builds cmd\/docker, the main package the project's own build ships: Dockerfile's final stage gets the binary of `go build -o \/app\/mochi \.\/cmd\/docker`\.$/m);
    assert.match(r.dockerfile, /go build .* \.\/cmd\/docker$/m);
    assert.ok(r.reasons.some((x) => x.startsWith('Builds cmd/docker') && x.includes("the project's own build ships this one") && x.includes('--package picks another')), r.reasons.join('\n'));
    // The project's CMD is not carried over: its first word is a stray argument of /mochi.
    assert.doesNotMatch(r.dockerfile, /config\.yaml"\]/);
  });

  it('no Dockerfile of its own: still refuses, listing them', async () => {
    const e = await refusal(mochi({ Dockerfile: null }));
    assert.deepEqual(e.candidates.map((c) => c.dir).slice(0, 2), ['cmd', 'cmd/docker']);
    assert.doesNotMatch(e.message, /own build/);
  });

  it('two Dockerfiles building different packages: refuses, and says what each builds', async () => {
    const e = await refusal(mochi({ 'Dockerfile.dev': 'FROM golang:1.21\nWORKDIR /app\nCOPY . .\nRUN go build -o /bin/srv ./cmd\nCMD ["/bin/srv"]\n' }));
    assert.match(e.message, /names several of them \(Dockerfile: cmd\/docker; Dockerfile\.dev: cmd\)/);
  });

  it('a second Dockerfile that builds the same package agrees', async () => {
    const r = await gen(mochi({ 'Dockerfile.alpine': MOCHI_DOCKERFILE }));
    assert.equal(r.target.dir, 'cmd/docker');
    assert.match(r.dockerfile, /\(Dockerfile\.alpine agrees\)\.$/m);
  });

  it('a variant alone (no plain Dockerfile) decides nothing', async () => {
    await refusal(mochi({ Dockerfile: null, 'Dockerfile.post-install': MOCHI_DOCKERFILE }));
  });

  it('a package named by a variable: refuses, and says why', async () => {
    const e = await refusal(mochi({ Dockerfile: MOCHI_DOCKERFILE.replace('./cmd/docker', '${PKG}').replace('WORKDIR /app', 'ARG PKG\nWORKDIR /app') }));
    assert.match(e.message, /Dockerfile has a go build whose package cannot be read/);
  });

  it('a Dockerfile whose go build ships nothing (a builder stage the final stage does not copy) decides nothing', async () => {
    await refusal(mochi({ Dockerfile: MOCHI_DOCKERFILE.replace('COPY --from=builder /app/mochi .', 'COPY mochi .') }));
  });

  it('several images of one Dockerfile (--target stages) shipping different packages: refuses', async () => {
    const text = [
      'FROM golang:1.21 AS builder', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /out/a ./cmd && go build -o /out/b ./cmd/docker',
      'FROM alpine AS server', 'COPY --from=builder /out/a /a', 'ENTRYPOINT ["/a"]',
      'FROM alpine AS docker', 'COPY --from=builder /out/b /b', 'ENTRYPOINT ["/b"]',
    ].join('\n');
    const e = await refusal(mochi({ Dockerfile: text }));
    assert.match(e.message, /names several of them \(Dockerfile: /);
  });

  it('an obvious pick stays: the Dockerfile is asked only when the ranking has none', async () => {
    const r = await gen(mochi({ 'main.go': main(), 'server.go': null }));
    assert.equal(r.target.dir, '');
    assert.doesNotMatch(r.dockerfile, /project's own build ships/);
  });
});

// ipfs-cluster/ipfs-cluster at 2182e887ef378f906455784396f1011df968822c (MIT + Apache-2.0): three
// commands under cmd/ (and rpcutil/policygen). Its Dockerfile ("builds and runs
// ipfs-cluster-service") runs `make build`, whose recipes `$(MAKE) -C cmd/<x> build` the
// Makefile reader does not follow, copies the three binaries, and starts
// `tini -- /usr/local/bin/entrypoint.sh`, the builder's docker/entrypoint.sh from the context
// (`COPY . $SRC_PATH`), which runs `ipfs-cluster-service init` on a first run and then
// `exec ipfs-cluster-service $@`. Dockerfile-test does the same with docker/test-entrypoint.sh.
const IPFS_DOCKERFILE = [
  'FROM --platform=${BUILDPLATFORM:-linux/amd64} golang:1.26-trixie AS builder',
  '',
  '# This dockerfile builds and runs ipfs-cluster-service.',
  'ARG TARGETOS TARGETARCH',
  '',
  'ENV GOPATH=/go',
  'ENV SRC_PATH=$GOPATH/src/github.com/ipfs-cluster/ipfs-cluster',
  '',
  'COPY --chown=1000:users go.* $SRC_PATH/',
  'WORKDIR $SRC_PATH',
  'RUN go mod download -x',
  '',
  'COPY --chown=1000:users . $SRC_PATH',
  '',
  'ENV CGO_ENABLED=0',
  'RUN GOOS=$TARGETOS GOARCH=$TARGETARCH make build',
  '',
  'FROM alpine:3.21',
  'RUN apk add --no-cache tini su-exec ca-certificates',
  'ENV GOPATH=/go',
  'ENV SRC_PATH=/go/src/github.com/ipfs-cluster/ipfs-cluster',
  'ENV IPFS_CLUSTER_PATH=/data/ipfs-cluster',
  'EXPOSE 9094',
  'COPY --from=builder $SRC_PATH/cmd/ipfs-cluster-service/ipfs-cluster-service /usr/local/bin/ipfs-cluster-service',
  'COPY --from=builder $SRC_PATH/cmd/ipfs-cluster-ctl/ipfs-cluster-ctl /usr/local/bin/ipfs-cluster-ctl',
  'COPY --from=builder $SRC_PATH/cmd/ipfs-cluster-follow/ipfs-cluster-follow /usr/local/bin/ipfs-cluster-follow',
  'COPY --from=builder $SRC_PATH/docker/entrypoint.sh /usr/local/bin/entrypoint.sh',
  'VOLUME $IPFS_CLUSTER_PATH',
  'ENTRYPOINT ["/sbin/tini", "--", "/usr/local/bin/entrypoint.sh"]',
  '',
  '# Defaults for ipfs-cluster-service go here',
  'CMD ["daemon"]',
].join('\n');

const IPFS_ENTRYPOINT = [
  '#!/bin/sh', '', 'set -e', 'user=ipfs', '',
  'if [ `id -u` -eq 0 ]; then',
  '    echo "Changing user to $user"',
  '    su-exec "$user" test -w "${IPFS_CLUSTER_PATH}" || chown -R -- "$user" "${IPFS_CLUSTER_PATH}"',
  '    exec su-exec "$user" "$0" $@',
  'fi', '',
  '# Only ipfs user can get here',
  'ipfs-cluster-service --version', '',
  'if [ -e "${IPFS_CLUSTER_PATH}/service.json" ]; then',
  '    echo "Found IPFS cluster configuration at ${IPFS_CLUSTER_PATH}"',
  'else',
  '    echo "This container only runs ipfs-cluster-service. ipfs needs to be run separately!"',
  '    ipfs-cluster-service init --consensus "${IPFS_CLUSTER_CONSENSUS}"',
  'fi', '',
  'exec ipfs-cluster-service $@', '',
].join('\n');

const SUB_MAKEFILE = (name: string) => `SRC := $(shell find ../.. -type f -name '*.go')\nGOFLAGS := "-trimpath"\n\nall: ${name}\n\n${name}: $(SRC)\n\tgo build $(GOFLAGS) -mod=readonly -ldflags "-X main.commit=$(shell git rev-parse HEAD)"\n\nbuild: ${name}\n`;

function ipfsCluster(files: Record<string, string | null> = {}): string {
  const base: Record<string, string | null> = {
    'go.mod': 'module github.com/ipfs-cluster/ipfs-cluster\n\ngo 1.26\n',
    'go.sum': '',
    'cluster.go': 'package ipfscluster\n',
    'cmd/ipfs-cluster-service/main.go': main(),
    'cmd/ipfs-cluster-ctl/main.go': main(),
    'cmd/ipfs-cluster-follow/main.go': main(),
    'rpcutil/policygen/policygen.go': main(),
    'cmd/ipfs-cluster-service/Makefile': SUB_MAKEFILE('ipfs-cluster-service'),
    'cmd/ipfs-cluster-ctl/Makefile': SUB_MAKEFILE('ipfs-cluster-ctl'),
    'cmd/ipfs-cluster-follow/Makefile': SUB_MAKEFILE('ipfs-cluster-follow'),
    Makefile: 'export GO111MODULE := on\n\nall: build\n\nbuild:\n\t$(MAKE) -C cmd/ipfs-cluster-service build\n\t$(MAKE) -C cmd/ipfs-cluster-ctl build\n\t$(MAKE) -C cmd/ipfs-cluster-follow build\n',
    '.dockerignore': 'Dockerfile*\n',
    Dockerfile: IPFS_DOCKERFILE,
    'docker/entrypoint.sh': IPFS_ENTRYPOINT,
    ...files,
  };
  return workspace(Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== null)));
}

describe('2. The binary the project\'s image starts, through its start script (ipfs-cluster)', () => {
  it('ipfs-cluster: builds cmd/ipfs-cluster-service, the one docker/entrypoint.sh runs; a Check names the init step', async () => {
    const r = await gen(ipfsCluster());
    assert.equal(r.target.dir, 'cmd/ipfs-cluster-service');
    assert.match(r.dockerfile, /^# Builds cmd\/ipfs-cluster-service, the main package the project's own build ships: Dockerfile's image starts docker\/entrypoint\.sh \(ENTRYPOINT \["\/sbin\/tini","--","\/usr\/local\/bin\/entrypoint\.sh"\]\), which runs ipfs-cluster-service\.$/m);
    const check = r.warnings.find((w) => w.startsWith('docker/entrypoint.sh, the script the project\'s image starts'));
    assert.ok(check, r.warnings.join('\n'));
    assert.ok(check.includes('`ipfs-cluster-service init --consensus "${IPFS_CLUSTER_CONSENSUS}"` (line 19)'), check);
    // --version and the final `exec … $@` are not steps.
    assert.doesNotMatch(check, /--version|exec ipfs-cluster-service/);
  });

  it('a start script that runs two of the copied binaries: refuses', async () => {
    const e = await refusal(ipfsCluster({ 'docker/entrypoint.sh': `${IPFS_ENTRYPOINT}ipfs-cluster-ctl peers ls\n` }));
    assert.doesNotMatch(e.message, /own build ships/);
  });

  it('a start script that runs a binary the image does not copy from a build stage: refuses', async () => {
    await refusal(ipfsCluster({ Dockerfile: IPFS_DOCKERFILE.replace(/^COPY --from=builder \$SRC_PATH\/cmd\/ipfs-cluster-service.*$/m, '') }));
  });

  it('without the start script in the context: refuses', async () => {
    await refusal(ipfsCluster({ 'docker/entrypoint.sh': null }));
  });

  it('an ENTRYPOINT that starts one of the copied binaries itself settles it too', async () => {
    const r = await gen(ipfsCluster({ Dockerfile: IPFS_DOCKERFILE.replace('ENTRYPOINT ["/sbin/tini", "--", "/usr/local/bin/entrypoint.sh"]', 'ENTRYPOINT ["/usr/local/bin/ipfs-cluster-follow"]') }));
    assert.equal(r.target.dir, 'cmd/ipfs-cluster-follow');
    assert.match(r.dockerfile, /Dockerfile's image starts ipfs-cluster-follow \(ENTRYPOINT \["\/usr\/local\/bin\/ipfs-cluster-follow"\]\)/);
    assert.equal(r.warnings.some((w) => w.includes('the script the project\'s image starts')), false);
  });
});

describe('3. Without a Dockerfile: goreleaser\'s main:, then the Makefile', () => {
  const two = (files: Record<string, string>) => workspace({
    'go.mod': 'module example.com/tool\n\ngo 1.22\n', 'go.sum': '', 'cmd/server/main.go': main(), 'cmd/worker/main.go': main(), ...files,
  });

  it('.goreleaser.yaml with one build: its main decides', async () => {
    const r = await gen(two({ '.goreleaser.yaml': 'version: 2\nbuilds:\n  - id: server\n    main: ./cmd/server\n    env:\n      - CGO_ENABLED=0\narchives:\n  - formats: [tar.gz]\n' }));
    assert.equal(r.target.dir, 'cmd/server');
    assert.match(r.dockerfile, /^# Builds cmd\/server, the main package the project's own build ships: \.goreleaser\.yaml builds main: \.\/cmd\/server\.$/m);
  });

  it('.goreleaser.yaml building both: refuses', async () => {
    await refusal(two({ '.goreleaser.yaml': 'builds:\n  - id: server\n    main: ./cmd/server\n  - id: worker\n    main: ./cmd/worker/main.go\n' }));
  });

  it('.goreleaser.yaml whose default main is no package (flagd): refuses and says so', async () => {
    const e = await refusal(two({ '.goreleaser.yaml': 'builds:\n  - env:\n      - CGO_ENABLED=0\n' }));
    assert.match(e.message, /\.goreleaser\.yaml builds main: \., which is no package of the context/);
  });

  it('a Makefile whose default goal builds one package decides', async () => {
    const r = await gen(two({ Makefile: 'BIN := bin/server\n\nall: build\n\nbuild:\n\tgo build -o $(BIN) ./cmd/server\n\ntest:\n\tgo test ./...\n' }));
    assert.equal(r.target.dir, 'cmd/server');
    assert.match(r.dockerfile, /Makefile: `make all` runs `go build \.\/cmd\/server`/);
  });

  it('a Makefile recipe that builds in a folder (`cd cmd/worker && go build`) names that folder\'s package', async () => {
    const r = await gen(two({ Makefile: 'build:\n\tcd cmd/worker && go build -o ../../bin/worker .\n' }));
    assert.equal(r.target.dir, 'cmd/worker');
  });

  it('a Makefile that builds both, or one it cannot read for sure: refuses', async () => {
    await refusal(two({ Makefile: 'build:\n\tgo build -o bin/ ./cmd/...\n' }));
    await refusal(two({ Makefile: 'build:\n\tgo build ./cmd/$(shell ls cmd | head -1)\n' }));
  });

  it('a tool the Makefile installs from elsewhere does not count', async () => {
    const r = await gen(two({ Makefile: 'build:\n\tgo install golang.org/x/tools/cmd/stringer@v0.20.0\n\tgo build ./cmd/worker\n' }));
    assert.equal(r.target.dir, 'cmd/worker');
  });
});
