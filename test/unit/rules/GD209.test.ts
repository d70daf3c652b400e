import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadWorkspace } from '../../../server/src/workspace/load';
import type { WorkspaceModel } from '../../../server/src/workspace/model';
import { applyFix, df, lint, ready } from '../helpers';
import { GOLANG_VARIANT_LINES, NEWEST_GO_LINE } from '../../../server/src/images/golangTag';
import { has, find, spanText, parses } from './kit/image';
import { tempWorkspace } from './kit/realworld';

/** GD209 unpinned-base-image: its own cases (the themed suites beside it test rules together). */
before(() => ready);

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

  // talos: the Makefile passes INSTALLER_ARCH=amd64|arm64|all; the default names no stage.
  it('is silent on a FROM whose variables pick one of the stages; an image of that shape is still judged', () => {
    assert.equal(has(df(['ARG INSTALLER_ARCH=scratch', 'FROM alpine:3.20 AS install-artifacts-amd64', 'FROM scratch AS install-artifacts-all', 'FROM install-artifacts-${INSTALLER_ARCH} AS install-artifacts']), 'GD209'), false);
    assert.equal(has(df(['ARG ARCH=amd64', 'FROM alpine:3.20 AS build', 'FROM mycorp/install-artifacts-${ARCH}']), 'GD209'), true);
  });

  it('honours both hadolint peers', () => {
    assert.equal(has(df(['# hadolint ignore=DL3006', 'FROM alpine']), 'GD209'), false);
    assert.equal(has(df(['# hadolint global ignore=DL3007', 'FROM alpine:latest']), 'GD209'), false);
  });

  it('offers no fix for images other than golang, nor for a FROM written with variables', () => {
    assert.equal(find(df(['FROM alpine']), 'GD209', { workspace: ws })[0].fix, undefined);
    assert.equal(find(df(['ARG IMG=golang', 'FROM ${IMG}']), 'GD209', { workspace: ws })[0].fix, undefined);
  });

  it('fix pins golang to the newest Go line known, safe, keeping the stage name, CRLF and the escape directive', () => {
    const text = df(['# escape=`', 'FROM golang AS build', 'RUN go build -o /app .', 'FROM golang:latest AS test'], '\r\n');
    const fixed = applyFix(text, 'GD209', { workspace: ws });
    assert.ok(fixed.includes(`FROM golang:${NEWEST_GO_LINE} AS build\r\n`), fixed);
    assert.equal(find(text, 'GD209', { workspace: ws })[0].fix!.safe, true);
    const again = applyFix(fixed, 'GD209', { workspace: ws });
    assert.ok(again.includes(`FROM golang:${NEWEST_GO_LINE} AS test\r\n`), again);
    assert.equal(has(again, 'GD209', { workspace: ws }), false);
    parses(again);
    // Without a workspace too: the pin is what the tag pulls, whatever go.mod says.
    assert.match(applyFix(df(['FROM golang']), 'GD209'), new RegExp(`^FROM golang:${NEWEST_GO_LINE.replace('.', '\\.')}$`, 'm'));
  });

  // writefreely/writefreely 6384f46 (AGPL-3.0) Dockerfile.prod:1 `FROM golang:alpine AS build`
  // with go.mod `go 1.21`: the fix pinned golang:1.21-alpine, go.mod's minimum, taking the
  // compiler of a cgo (go-sqlite3) server from the newest Go down to a line without security fixes
  // since August 2024, under a title that did not say so (judge 17). The pin is now the line the
  // tag pulls, so the image stays as it is and stops moving.
  it('fix pins the line the tag has now, never go.mod\'s older minimum (writefreely golang:alpine, go 1.21)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd209-wf-'));
    try {
      fs.writeFileSync(path.join(dir, 'go.mod'), 'module github.com/writefreely/writefreely\n\ngo 1.21\n\nrequire github.com/mattn/go-sqlite3 v1.14.22\n');
      fs.writeFileSync(path.join(dir, 'go.sum'), '');
      fs.writeFileSync(path.join(dir, 'main.go'), 'package main\n\nimport _ "github.com/mattn/go-sqlite3"\n\nfunc main() {}\n');
      const wf = loadWorkspace(dir).model;
      const prod = df(['FROM golang:alpine AS build', '', 'LABEL org.opencontainers.image.source="https://github.com/writefreely/writefreely"', 'RUN apk add --update nodejs npm make g++ git sqlite-dev', 'WORKDIR /go/src/github.com/writefreely/writefreely', 'COPY . .', 'RUN cd cmd/writefreely && go build -v -tags="sqlite" && cd ../..']);
      const [f] = find(prod, 'GD209', { workspace: wf });
      assert.equal(f.fix?.title, `Pin golang:${NEWEST_GO_LINE}-alpine (the newest Go line go-dockerfile knows; go.mod needs 1.21)`);
      const fixed = applyFix(prod, 'GD209', { workspace: wf });
      assert.match(fixed, new RegExp(`^FROM golang:${NEWEST_GO_LINE.replace('.', '\\.')}-alpine AS build$`, 'm'));
      assert.equal(has(fixed, 'GD209', { workspace: wf }), false);
      assert.equal(has(fixed, 'GD101', { workspace: wf }), false);
      parses(fixed);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a variant the images no longer publish is pinned to the line it stopped at (the same image), unless go.mod needs more', () => {
    const bullseye = GOLANG_VARIANT_LINES.find((v) => v.variant === 'bullseye')!.last!;
    const buster = GOLANG_VARIANT_LINES.find((v) => v.variant === 'buster')!.last!;
    const [f] = find(df(['FROM golang:bullseye', 'RUN go build -o /app .']), 'GD209', { workspace: ws });
    assert.equal(f.fix?.title, `Pin golang:1.${bullseye}-bullseye (the Go line golang:bullseye stopped at: the same image)`);
    assert.match(applyFix(df(['FROM golang:buster', 'RUN go build -o /app .']), 'GD209'), new RegExp(`^FROM golang:1\\.${buster}-buster$`, 'm'));
    // go.mod needs a line after bullseye's last: GD101's error, and no pin that keeps the build stopping.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd209-125-'));
    try {
      fs.writeFileSync(path.join(dir, 'go.mod'), `module example.com/app\n\ngo 1.${bullseye + 1}.0\n`);
      fs.writeFileSync(path.join(dir, 'main.go'), 'package main\n\nfunc main() {}\n');
      const newer = loadWorkspace(dir).model;
      const text = df(['FROM golang:bullseye', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /app .']);
      assert.equal(find(text, 'GD209', { workspace: newer })[0].fix, undefined);
      assert.equal(has(text, 'GD101', { workspace: newer }), true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a go.mod newer than the table is pinned to its own line; a variant the table does not know gets no fix', () => {
    const [major, minor] = NEWEST_GO_LINE.split('.').map(Number);
    const next = `${major}.${minor + 1}`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd209-next-'));
    try {
      fs.writeFileSync(path.join(dir, 'go.mod'), `module example.com/app\n\ngo ${next}.2\n`);
      fs.writeFileSync(path.join(dir, 'main.go'), 'package main\n\nfunc main() {}\n');
      const ahead = loadWorkspace(dir).model;
      const [f] = find(df(['FROM golang:alpine', 'RUN go build -o /app .']), 'GD209', { workspace: ahead });
      assert.equal(f.fix?.title, `Pin golang:${next}-alpine (the go.mod version, newer than the newest Go line go-dockerfile knows)`);
      for (const from of ['FROM golang:alpine3.99', 'FROM golang:windowsservercore-ltsc2022']) {
        const g = find(df([from, 'RUN go build -o /app .']), 'GD209', { workspace: ws });
        assert.equal(g.length, 1, from);
        assert.equal(g[0].fix, undefined, from);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // Out-of-sample evaluation (2026-12-03): grafana/alloy build-tools/build-image (66ebea85, Apache-2.0).
  it('reads `mustoverride`-style ARG defaults as placeholders', () => {
    for (const v of ['mustoverride', 'must-override', 'override-me', 'please-set', 'changeme']) {
      assert.equal(has(df([`ARG GO_RUNTIME=${v}`, 'FROM ${GO_RUNTIME} AS golang', 'RUN true']), 'GD209'), false, v);
    }
    assert.equal(has(df(['ARG GO_RUNTIME=golang', 'FROM ${GO_RUNTIME} AS golang', 'RUN true']), 'GD209'), true);
  });

  // ava-labs/avalanchego Dockerfile:7 and graft/subnet-evm/Dockerfile:11, :60: scripts/build_image.sh
  // always passes --build-arg GO_VERSION=<go.mod's version> and the node image with its tag.
  it('is silent when a variable of the FROM has a placeholder default (INVALID, "invalid-image"), anywhere in the reference', () => {
    assert.equal(has(df(['ARG GO_VERSION=INVALID # This value is not intended to be used but silences a warning', 'FROM --platform=$BUILDPLATFORM golang:$GO_VERSION-bookworm AS builder', 'RUN go build -o /app .']), 'GD209'), false);
    assert.equal(has(df(['# AVALANCHEGO_NODE_IMAGE needs to identify an existing node image and should include the tag', 'ARG AVALANCHEGO_NODE_IMAGE="invalid-image"', 'FROM $AVALANCHEGO_NODE_IMAGE AS execution']), 'GD209'), false);
    assert.equal(has(df(['ARG TAG=required', 'FROM alpine:${TAG}']), 'GD209'), false);
    // Real moving defaults are still reported, also when a word merely contains such letters.
    assert.equal(has(df(['ARG GO_VARIANT=bookworm', 'FROM golang:${GO_VARIANT}']), 'GD209'), true);
    assert.equal(has(df(['ARG IMAGE=mycorp/invalidator', 'FROM ${IMAGE}']), 'GD209'), true);
    assert.equal(has(df(['ARG TAG=latest', 'FROM alpine:${TAG}']), 'GD209'), true);
  });

  // Second out-of-sample evaluation (2026-12-03): rook/rook images/ceph/Dockerfile (`FROM BASEIMAGE`, replaced by sed).
  it('is silent on an upper-case name (a template token Docker would reject), reports lower-case', () => {
    assert.equal(has(df(['FROM BASEIMAGE', 'RUN true']), 'GD209'), false);
    assert.equal(has(df(['FROM registry.example.com/Team/BASE', 'RUN true']), 'GD209'), false);
    assert.equal(has(df(['FROM baseimage', 'RUN true']), 'GD209'), true);
    assert.equal(has(df(['FROM Registry.Example.com/team/base', 'RUN true']), 'GD209'), true);
  });

  // 0chain/0chain 91b32ffc docker.local/build.miner/Dockerfile:2,39 (round-5 judgement): the base
  // images are built by docker.local/bin/build.base.sh (`docker build … -t zchain_build_base`).
  it('is silent on a one-part name with an underscore (no official image has one: a locally built image)', () => {
    const miner = df(['FROM zchain_build_base as miner_build', 'ENV ROOT=/0chain', 'RUN go build -v -tags "bn256 development"', 'FROM zchain_run_base', 'COPY --from=miner_build /0chain/miner /0chain/bin/miner']);
    assert.equal(has(miner, 'GD209'), false);
    assert.equal(has(df(['FROM my_base:latest', 'RUN true']), 'GD209'), false);
    // Still reported: official images, hyphenated one-part names, and a user's repository with an underscore.
    for (const from of ['FROM alpine', 'FROM node', 'FROM golang:alpine', 'FROM zchain-build-base', 'FROM someuser/my_image', 'FROM ghcr.io/org/my_image']) {
      assert.equal(has(df([from, 'RUN true']), 'GD209'), true, from);
    }
  });

  // sysadminsmedia/homebox Dockerfile:25,33 (8222a88d, AGPL-3.0): the official golang image through
  // its ECR mirror, with only a variant for a tag, moves with each Go release as golang:alpine does.
  it('treats the official image behind a mirror (ECR, mirror.gcr.io, docker.io/library) as the image itself', () => {
    for (const image of ['public.ecr.aws/docker/library/golang:alpine', 'mirror.gcr.io/library/golang:alpine', 'docker.io/library/golang:alpine', 'index.docker.io/library/golang:alpine']) {
      const text = df([`FROM ${image} AS builder`, 'RUN go build -o /app .', 'FROM alpine:3.22', 'COPY --from=builder /app /app']);
      const fs_ = find(text, 'GD209');
      assert.equal(fs_.length, 1, image);
      assert.match(fs_[0].message, /only a variant \(:alpine\).*to each new Go release/, image);
    }
    // The fix pins the version there too, keeping the mirror.
    const ecr = df(['FROM public.ecr.aws/docker/library/golang:alpine AS builder', 'RUN go build -o /app .']);
    assert.ok(applyFix(ecr, 'GD209', { workspace: ws }).includes(`FROM public.ecr.aws/docker/library/golang:${NEWEST_GO_LINE}-alpine AS builder`));
    // Pinned behind the mirror: silent; another registry's golang is not the official image.
    assert.equal(has(df(['FROM public.ecr.aws/docker/library/golang:1.24-alpine']), 'GD209'), false);
    assert.equal(has(df(['FROM ghcr.io/someorg/golang:alpine']), 'GD209'), false);
  });

  // hashicorp/terraform 883c722 (BUSL-1.1) Dockerfile:13-25 (judge 29 Y M10): HashiCorp's Docker Hub
  // pull-through mirror, `<host>/golang` without `library/`.
  it('terraform: golang behind a mirror host without library/ is the official image (GD209, GD201)', () => {
    const terraform = (from: string) => df([`FROM ${from}`, 'RUN apk add --no-cache git bash openssh ca-certificates', 'ENV TF_DEV=true', 'WORKDIR $GOPATH/src/github.com/hashicorp/terraform', 'COPY . .', 'RUN go build -o /go/bin/terraform .', 'WORKDIR $GOPATH', 'ENTRYPOINT ["terraform"]']);
    const text = terraform('docker.mirror.hashicorp.services/golang:alpine');
    assert.match(find(text, 'GD209')[0]?.message ?? '', /only a variant \(:alpine\)/);
    assert.equal(has(text, 'GD201'), true);
    // Pinned: silent; a registry host that names no mirror: not known.
    assert.equal(has(terraform('docker.mirror.hashicorp.services/golang:1.26.4-alpine'), 'GD209'), false);
    assert.equal(has(terraform('registry.example.com/golang:alpine'), 'GD209'), false);
  });

  // wal-g/wal-g 43fb039f (Apache-2.0): docker-compose.yml builds `image: wal-g/golang` (service golang,
  // with build:), docker/mysql_tests/Dockerfile says `FROM wal-g/golang:latest`.
  it('is silent on images the context root\'s compose or bake files build or name as a context, with or without :latest', () => {
    const lintIn = (files: Record<string, string>, from: string) => {
      const d = fs.mkdtempSync(path.join(os.tmpdir(), 'gd209-compose-'));
      try {
        fs.writeFileSync(path.join(d, 'go.mod'), 'module example.com/app\n\ngo 1.24.2\n');
        for (const [f, t] of Object.entries(files)) {
          fs.mkdirSync(path.dirname(path.join(d, f)), { recursive: true });
          fs.writeFileSync(path.join(d, f), t);
        }
        const w = loadWorkspace(d);
        return has(df([from, 'RUN true']), 'GD209', { workspace: w.model, files: w });
      } finally {
        fs.rmSync(d, { recursive: true, force: true });
      }
    };
    const compose = 'services:\n  golang:\n    build:\n      context: .\n    image: wal-g/golang\n  s3:\n    image: minio/minio\n  app:\n    image: "example/app:edge"\n    build: .\n';
    for (const from of ['FROM wal-g/golang:latest', 'FROM wal-g/golang', 'FROM example/app:edge']) assert.equal(lintIn({ 'docker-compose.yml': compose }, from), false, from);
    // A service without build: pulls its image; another tag than the one built is a registry's; no compose file: reported.
    for (const from of ['FROM minio/minio', 'FROM minio/minio:latest', 'FROM example/app', 'FROM alpine']) assert.equal(lintIn({ 'docker-compose.yml': compose }, from), true, from);
    assert.equal(lintIn({}, 'FROM wal-g/golang:latest'), true);
    // The build in an overlay, the image in the base file.
    assert.equal(lintIn({ 'compose.yaml': 'services:\n  base:\n    image: acme/base\n', 'compose.override.yaml': 'services:\n  base:\n    build: ./base\n' }, 'FROM acme/base:latest'), false);
    // additional_contexts keys with a slash, and :latest on the FROM (buildx drops it before matching).
    const bake = 'services:\n  tests:\n    build:\n      additional_contexts:\n        wal-g/pg10: service:pg10\n        wal-g/ubuntu:18.04: service:ubuntu\n';
    assert.equal(lintIn({ 'docker-compose.bake.yml': bake }, 'FROM wal-g/pg10:latest'), false);
    assert.equal(lintIn({ 'docker-compose.bake.yml': bake }, 'FROM wal-g/pg10'), false);
    assert.equal(lintIn({ 'docker-compose.bake.yml': bake }, 'FROM wal-g/ubuntu:latest'), true);
    // A bake target's tags.
    assert.equal(lintIn({ 'docker-bake.hcl': 'target "base" {\n  dockerfile = "base.Dockerfile"\n  tags = ["acme/base", "acme/base:dev"]\n}\n' }, 'FROM acme/base:latest'), false);
    // A file in a sub-folder is not read (it is not the context root's build file).
    assert.equal(lintIn({ 'sub/compose.yaml': 'services:\n  base:\n    image: acme/base\n    build: .\n' }, 'FROM acme/base'), true);
  });

  // Judge 40 Y W3-W5: nats-io/nats-kafka 310c39f88eba5ff10270aa4f9bc0a8673686cc04 (Apache-2.0)
  // docker-bake.hcl:18-23,59-80: target "goreleaser" builds cicd/Dockerfile_goreleaser (`FROM
  // --platform=$BUILDPLATFORM goreleaser`) with `contexts = { goreleaser = image_goreleaser, src = "." }`,
  // target "nats-kafka" builds cicd/Dockerfile (`FROM base as deps`, `FROM base`) with `contexts = {
  // base = image_base, build = "target:goreleaser", assets = "cicd/assets" }`; the variables'
  // defaults are `docker-image://alpine:3.18.4` and `docker-image://goreleaser/goreleaser:v1.15.2`.
  // A key of a bake target's contexts is a named context, whatever gives its value (a tag on the FROM
  // would stop it from applying).
  it('is silent on a FROM named by a key of a bake target\'s contexts given by an HCL variable (nats-kafka)', () => {
    const BAKE = [
      'variable image_base {', '  default = "docker-image://alpine:3.18.4"', '}', '',
      'variable image_goreleaser {', '  default = "docker-image://goreleaser/goreleaser:v1.15.2"', '}', '',
      'target "goreleaser" {', '  contexts = {', '    goreleaser = image_goreleaser', '    src = "."', '  }', '  args = {', '    CI = CI', '    GITHUB_TOKEN = ""', '  }', '  dockerfile = "cicd/Dockerfile_goreleaser"', '}', '',
      'target "nats-kafka" {', '  contexts = {', '    base    = image_base', '    build   = "target:goreleaser"', '    assets  = "cicd/assets"', '  }', '  args = {', '    GO_APP = "nats-kafka"', '  }', '  dockerfile  = "cicd/Dockerfile"', '}', '',
    ].join('\n');
    const opts = tempWorkspace({ 'docker-bake.hcl': BAKE, 'go.mod': 'module github.com/nats-io/nats-kafka\n\ngo 1.19\n', 'main.go': 'package main\n\nfunc main() {}\n', 'cicd/assets/entrypoint.sh': '#!/bin/sh\n' });
    const dockerfile = df(['#syntax=docker/dockerfile-upstream:1.4', 'ARG GO_APP', '', 'FROM base as deps', 'ARG GO_APP', 'RUN mkdir -p /go/bin /go/src', 'COPY --from=build /go/src/dist /go/src/dist', '', 'FROM base', 'ARG GO_APP', 'COPY --from=deps --chmod=755 /go/bin/${GO_APP} /usr/local/bin/${GO_APP}', 'COPY --from=assets entrypoint.sh /entrypoint.sh', 'ENTRYPOINT ["/entrypoint.sh"]']);
    assert.deepEqual(find(dockerfile, 'GD209', opts), []);
    assert.deepEqual(find(df(['#syntax=docker/dockerfile-upstream:1.4', 'FROM --platform=$BUILDPLATFORM goreleaser', 'ARG CI', 'COPY --from=src . /go/src', 'RUN goreleaser build --single-target']), 'GD209', opts), []);
    // Without the bake file both FROMs are reported; one line, and keys with quotes; not a word of a value.
    assert.equal(find(dockerfile, 'GD209', tempWorkspace({ 'go.mod': 'module x\n\ngo 1.19\n' })).length, 2);
    const oneLine = tempWorkspace({ 'docker-bake.hcl': 'target "app" {\n  contexts = { base = image_base, "tools" = var.tools, build = "target:goreleaser" }\n}\n', 'go.mod': 'module x\n\ngo 1.19\n' });
    for (const from of ['FROM base', 'FROM tools']) assert.equal(has(df([from, 'RUN true']), 'GD209', oneLine), false, from);
    for (const from of ['FROM target', 'FROM goreleaser']) assert.equal(has(df([from, 'RUN true']), 'GD209', oneLine), true, from);
  });

  // Judge Y (round 32) W7b: dydxprotocol/v4-chain 84d4664bae71e3a077adaac67fb77ad19cd28d30 (AGPL-3.0
  // with the dYdX licence terms) protocol/Makefile:341 `docker build --build-arg VERSION=$(VERSION)
  // --build-arg COMMIT=$(COMMIT) . -t dydxprotocol-base --no-cache` builds the base that
  // protocol/testing/testnet-local/Dockerfile (and containertest, e2etest-local, scripts/genesis)
  // start `FROM dydxprotocol-base`. W7: trezor/blockbook a83486e3309ad19e5ee575e8e92870d6c688caf9
  // (AGPL-3.0) Makefile:1 `BIN_IMAGE = blockbook-build`, Makefile:84 `docker build … -t $(BIN_IMAGE)
  // build/docker/bin` before build/docker/deb/Dockerfile `FROM blockbook-build:latest`.
  describe('an image a Makefile, a script or a workflow of the context builds with docker build -t (dydx, blockbook)', () => {
    const lintIn = (files: Record<string, string>, from: string) => {
      const d = fs.mkdtempSync(path.join(os.tmpdir(), 'gd209-make-'));
      try {
        fs.writeFileSync(path.join(d, 'go.mod'), 'module example.com/app\n\ngo 1.24.2\n');
        for (const [f, t] of Object.entries(files)) {
          fs.mkdirSync(path.dirname(path.join(d, f)), { recursive: true });
          fs.writeFileSync(path.join(d, f), t);
        }
        const w = loadWorkspace(d);
        return has(df([from, 'RUN true']), 'GD209', { workspace: w.model, files: w });
      } finally {
        fs.rmSync(d, { recursive: true, force: true });
      }
    };
    const DYDX = [
      'localnet-build-amd64:',
      '\tDOCKER_BUILDKIT=1 docker build --build-arg VERSION=$(VERSION) --build-arg COMMIT=$(COMMIT) -f Dockerfile . -t dydxprotocol-base --no-cache --platform linux/amd64',
      '',
      'localnet-start:',
      '\t@docker build . -t local:dydxprotocol -f testing/testnet-local/Dockerfile --no-cache',
      '',
    ].join('\n');
    const BLOCKBOOK = [
      'BIN_IMAGE = blockbook-build',
      'DEB_IMAGE = blockbook-build-deb',
      '',
      '.bin-image:',
      '\t@if [ $$(build/tools/image_status.sh $(BIN_IMAGE):latest build/docker) != "ok" ]; then \\',
      '\t\techo "Building image $(BIN_IMAGE) from $(BASE_IMAGE)"; \\',
      '\t\tdocker build --no-cache=$(NO_CACHE) --build-arg TCMALLOC=$(TCMALLOC) --build-arg BASE_IMAGE=$(BASE_IMAGE) --build-arg PORTABLE_ROCKSDB=$(PORTABLE) -t $(BIN_IMAGE) build/docker/bin; \\',
      '\telse \\',
      '\t\techo "Image $(BIN_IMAGE) is up to date"; \\',
      '\tfi',
      '',
    ].join('\n');

    it('silent: the Makefile builds the image, by name or through a variable of the Makefile, with or without :latest', () => {
      for (const from of ['FROM dydxprotocol-base', 'FROM dydxprotocol-base:latest', 'FROM local:dydxprotocol']) assert.equal(lintIn({ Makefile: DYDX }, from), false, from);
      for (const from of ['FROM blockbook-build:latest', 'FROM blockbook-build']) assert.equal(lintIn({ Makefile: BLOCKBOOK }, from), false, from);
      // A shell script and a workflow's run: step, with --tag.
      assert.equal(lintIn({ 'scripts/images.sh': '#!/bin/sh\nIMG="acme-base"\ndocker buildx build --tag "$IMG" -f build/base.Dockerfile .\n' }, 'FROM acme-base'), false);
      assert.equal(lintIn({ '.github/workflows/ci.yml': 'jobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t acme/base:latest .\n' }, 'FROM acme/base'), false);
    });

    it('reported: an image no build file builds, another tag than the one built, a tag whose variable the file does not set', () => {
      for (const from of ['FROM alpine', 'FROM blockbook-build-deb:latest']) assert.equal(lintIn({ Makefile: DYDX }, from), true, from);
      assert.equal(lintIn({}, 'FROM dydxprotocol-base'), true);
      assert.equal(lintIn({ Makefile: BLOCKBOOK.replace('BIN_IMAGE = blockbook-build\n', '') }, 'FROM blockbook-build:latest'), true);
      // `docker run` or `docker pull` of a name builds nothing.
      assert.equal(lintIn({ Makefile: 'run:\n\tdocker pull acme/base && docker run -t acme/base\n' }, 'FROM acme/base'), true);
      // A commented-out build.
      assert.equal(lintIn({ Makefile: 'x:\n#\tdocker build -t acme/base .\n' }, 'FROM acme/base'), true);
    });
  });

  // trufflesecurity/trufflehog 3ab759f (AGPL-3.0) Dockerfile:1 `FROM --platform=${BUILDPLATFORM}
  // golang:bullseye as builder`: GD209 said the tag "moves to each new Go release", but the golang
  // images stopped publishing bullseye after Go 1.24: it stays there (judge 17).
  it('says a variant the golang images no longer publish stays on its last Go line, and one still published moves', () => {
    const at = (from: string) => lint(df([`FROM --platform=\${BUILDPLATFORM} ${from} as builder`, 'WORKDIR /build', 'COPY . .', 'RUN go build -o trufflehog .'])).filter((f) => f.code === 'GD209');
    const bullseye = GOLANG_VARIANT_LINES.find((v) => v.variant === 'bullseye')!;
    const [frozen] = at('golang:bullseye');
    assert.ok(frozen);
    assert.ok(frozen.message.includes(`stopped publishing bullseye after Go 1.${bullseye.last}`), frozen.message);
    assert.doesNotMatch(frozen.message, /each new Go release/);
    const [moving] = at('golang:bookworm');
    assert.match(moving?.message ?? '', /to each new Go release/);
  });

  // glauth/glauth 1c497d76ba56e01fcca8f07ee9d79b837e749fe0 (MIT) v2/docker/Dockerfile-standalone:13
  // and Dockerfile-plugins:13, `FROM gcr.io/distroless/base-debian13 as run` (judge26 Y: two wrong
  // GD209). Distroless publishes no version tags; the Debian release is in the name.
  it('is silent on a distroless image that names its Debian release, untagged or :latest; reports one that names none', () => {
    const run = (from: string) => df(['FROM alpine:3.23 AS build', 'RUN apk add --no-cache busybox-static dumb-init', `FROM ${from} as run`, 'COPY assets/glauth /app/glauth', 'COPY --from=build /usr/bin/dumb-init /usr/bin/dumb-init', 'ENTRYPOINT ["/usr/bin/dumb-init", "--"]']);
    for (const from of ['gcr.io/distroless/base-debian13', 'gcr.io/distroless/static-debian12:latest', 'gcr.io/distroless/cc-debian12', 'gcr.io/distroless/static-debian12:nonroot']) {
      assert.equal(has(run(from), 'GD209'), false, from);
    }
    // No release in the name: it moves to the next Debian release; the advice names the release, not a tag.
    const [f] = find(run('gcr.io/distroless/static'), 'GD209');
    assert.ok(f);
    assert.match(f.message, /no version tags: name the Debian release \(`gcr\.io\/distroless\/static-debian12`/);
    assert.doesNotMatch(f.message, /Pin a tag/);
    assert.equal(has(run('gcr.io/distroless/base:latest'), 'GD209'), true);
    // Other images with a release-looking name keep their finding.
    assert.equal(has(run('acme/base-debian13'), 'GD209'), true);
    assert.equal(has(run('alpine:latest'), 'GD209'), true);
  });

  // kubernetes-sigs/kubebuilder 5c40072 (Apache-2.0) testdata/project-v4/Dockerfile:28, the scaffold of
  // every kubebuilder operator, and fluent/fluent-operator cmd/fluent-manager/Dockerfile:26: `FROM
  // gcr.io/distroless/static:nonroot` (judge 29 X M9). `nonroot` is `latest` with another user: it
  // moves to the next Debian release with the untagged name, which was already reported.
  it('reports a distroless name without a Debian release with any of distroless\'s tags, as untagged; not with a release or a digest', () => {
    const scaffold = (from: string) => df(['ARG BASE_IMAGE=golang:1.26', 'FROM ${BASE_IMAGE} AS builder', 'WORKDIR /workspace', 'COPY go.mod go.mod',
      'COPY go.sum go.sum', 'RUN go mod download', 'COPY . .', 'RUN CGO_ENABLED=0 go build -a -o manager cmd/main.go',
      `FROM ${from}`, 'WORKDIR /', 'COPY --from=builder /workspace/manager .', 'USER 65532:65532', 'ENTRYPOINT ["/manager"]']);
    const text = scaffold('gcr.io/distroless/static:nonroot');
    const [f] = find(text, 'GD209');
    assert.ok(f);
    assert.equal(spanText(text, f), 'gcr.io/distroless/static:nonroot');
    assert.match(f.message, /uses :nonroot, which moves with :latest/);
    assert.match(f.message, /name the Debian release \(`gcr\.io\/distroless\/static-debian12:nonroot`, `gcr\.io\/distroless\/static-debian13:nonroot`\)/);
    assert.equal(f.fix, undefined);
    for (const from of ['gcr.io/distroless/static:debug', 'gcr.io/distroless/static:debug-nonroot', 'gcr.io/distroless/static:nonroot-amd64',
      'gcr.io/distroless/base:nonroot', 'gcr.io/distroless/base-nossl:nonroot', 'gcr.io/distroless/static:latest-arm64']) {
      assert.equal(has(scaffold(from), 'GD209'), true, from);
    }
    // A release in the name, or a digest (Kong's `static:nonroot@sha256:…`): pinned as far as distroless allows.
    for (const from of ['gcr.io/distroless/static-debian12:nonroot', 'gcr.io/distroless/static-debian13:debug-nonroot',
      'gcr.io/distroless/static:nonroot@sha256:f7f8f729987ad0fdf6b05eeeae94b26e6a0f613bdf46feea7fc40f7bd72953e6', 'gcr.io/distroless/base-nossl-debian12:nonroot']) {
      assert.equal(has(scaffold(from), 'GD209'), false, from);
    }
  });

  // Judge X (round 30), parca-dev/parca-agent cb46a8e (Apache-2.0) Dockerfile:1 (wrong): `FROM
  // cgr.dev/chainguard/static:latest`, then `USER root` and a COPY of the release binary. Chainguard's
  // free images have no version tags (a pull of one fails): only a digest pins them. Likewise
  // prometheus-community/postgres_exporter dbb1987 (Apache-2.0) Dockerfile:3,
  // `FROM quay.io/prometheus/busybox-${OS}-${ARCH}:latest` (judge X, debatable: only libc tags).
  it('says a digest, not a tag, pins an image published with no version tags (Chainguard, Prometheus busybox)', () => {
    const parca = (from: string) => df([`FROM ${from}`, 'USER root', '', 'ARG TARGETARCH', 'COPY dist/parca-agent-linux-${TARGETARCH}/parca-agent /bin/parca-agent', '', 'ENTRYPOINT ["/bin/parca-agent"]']);
    for (const from of ['cgr.dev/chainguard/static:latest', 'cgr.dev/chainguard/static']) {
      const text = parca(from);
      const [f] = find(text, 'GD209');
      assert.ok(f, from);
      assert.equal(spanText(text, f), from);
      assert.match(f.message, /Chainguard publishes no version tags .*: pin a digest \(`cgr\.dev\/chainguard\/static:latest@sha256:…`/, from);
      assert.doesNotMatch(f.message, /Pin a tag/);
      assert.equal(f.fix, undefined);
    }
    // The resolved name, written in the FROM: one image, one digest.
    const exporter = df(['FROM quay.io/prometheus/busybox-linux-amd64:latest', 'COPY .build/linux-amd64/postgres_exporter /bin/postgres_exporter', 'EXPOSE 9187', 'USER nobody', 'ENTRYPOINT [ "/bin/postgres_exporter" ]']);
    const [b] = find(exporter, 'GD209');
    assert.match(b?.message ?? '', /quay\.io\/prometheus publishes no version tags .*: pin a digest \(`quay\.io\/prometheus\/busybox-linux-amd64:latest@sha256:…`/);
    // Still "pin a tag" for images that publish versions (a paying organisation's cgr.dev repository
    // has version tags); silent on a digest.
    assert.match(find(parca('alpine:latest'), 'GD209')[0]?.message ?? '', /Pin a tag/);
    assert.match(find(parca('cgr.dev/example.com/static:latest'), 'GD209')[0]?.message ?? '', /Pin a tag/);
    assert.equal(has(parca('cgr.dev/chainguard/static:latest@sha256:60582b2ae6074f641094af0f370d4ab241aab271858a66223dcde7eee9f51638'), 'GD209'), false);
  });

  // Judge 42 X W1, W2 (wrong): prometheus-community/pgbouncer_exporter 6918f4e (MIT) Dockerfile:1-3 and
  // prometheus/memcached_exporter 17e002c (Apache-2.0) Dockerfile:1-3, the Prometheus exporters'
  // Dockerfile: `ARG ARCH="amd64"`, `ARG OS="linux"`, `FROM quay.io/prometheus/busybox-${OS}-${ARCH}:latest`,
  // built once per architecture (pgbouncer Makefile:15 `DOCKER_ARCHS ?= amd64 armv7 arm64`,
  // Makefile.common:262 `--build-arg ARCH="$*"`). busybox-linux-arm64 and -armv7 are repositories of
  // their own: the amd64 digest the message named, written into the FROM, fails their builds.
  it('asks for a digest per value, never one resolved digest, when the reference is written with variables (Prometheus exporters)', () => {
    const exporter = (from: string, args = ['ARG ARCH="amd64"', 'ARG OS="linux"']) => df([...args, `FROM ${from}`, 'LABEL maintainer="The Prometheus Authors <prometheus-developers@googlegroups.com>"', '',
      ...args, 'COPY .build/${OS}-${ARCH}/pgbouncer_exporter /bin/pgbouncer_exporter', 'COPY LICENSE                                /LICENSE', '', 'USER       nobody', 'ENTRYPOINT ["/bin/pgbouncer_exporter"]', 'EXPOSE     9127']);
    const text = exporter('quay.io/prometheus/busybox-${OS}-${ARCH}:latest');
    const [f] = find(text, 'GD209');
    assert.ok(f, 'the :latest still moves');
    assert.equal(spanText(text, f), 'quay.io/prometheus/busybox-${OS}-${ARCH}:latest');
    assert.match(f.message, /uses :latest, which moves/);
    assert.match(f.message, /the reference changes with `OS` and `ARCH`, and each value names another image, with digests of its own: no one digest pins every build of this FROM\. Pin a digest per value, passed as a build argument beside them \(`FROM quay\.io\/prometheus\/busybox-\$\{OS\}-\$\{ARCH\}@\$\{BASE_DIGEST\}`\)/);
    assert.doesNotMatch(f.message, /busybox-linux-amd64:latest@sha256|imagetools inspect/, 'no one resolved digest');
    assert.equal(f.fix, undefined);
    // One variable, `$ARCH` unbraced; a variable in the tag (another image per value too).
    const one = find(exporter('quay.io/prometheus/busybox-linux-$ARCH:latest'), 'GD209')[0];
    assert.match(one?.message ?? '', /changes with `ARCH`, .* beside it \(`FROM quay\.io\/prometheus\/busybox-linux-\$ARCH@\$\{BASE_DIGEST\}`\)/);
    const tag = find(exporter('cgr.dev/chainguard/static:${FLAVOR}', ['ARG FLAVOR=latest']), 'GD209')[0];
    assert.match(tag?.message ?? '', /changes with `FLAVOR`, .*`FROM cgr\.dev\/chainguard\/static@\$\{BASE_DIGEST\}`/);
    // Negatives: the whole reference one variable (its default is one image: the digest goes into
    // the ARG), a registry written with a variable (a mirror: the same digests), a literal name.
    for (const [from, args] of [['${BASE_IMAGE}', ['ARG BASE_IMAGE=quay.io/prometheus/busybox-linux-amd64:latest']],
      ['${BASE_IMAGE:-quay.io/prometheus/busybox-linux-amd64:latest}', ['ARG BASE_IMAGE']],
      ['${REGISTRY}/prometheus/busybox-linux-amd64:latest', ['ARG REGISTRY=quay.io']],
      ['quay.io/prometheus/busybox-linux-amd64:latest', []]] as const) {
      const m = find(exporter(from, [...args]), 'GD209')[0]?.message ?? '';
      assert.match(m, /pin a digest \(`quay\.io\/prometheus\/busybox-linux-amd64:latest@sha256:…`/, from);
    }
    // A digest written with a variable, as thanos-io/thanos does (`FROM quay.io/prometheus/busybox@sha256:${BASE_DOCKER_SHA}`): pinned.
    assert.equal(has(exporter('quay.io/prometheus/busybox-${OS}-${ARCH}@sha256:${BASE_DOCKER_SHA}', ['ARG ARCH="amd64"', 'ARG OS="linux"', 'ARG BASE_DOCKER_SHA="14d68ca3d69fceaa6224250c83d81d935c053fb13594c811038c461194599973"']), 'GD209'), false);
  });

  // timonwong/prometheus-webhook-dingtalk (Dockerfile:1-2,11-12): `ARG IMAGE_ARCH="amd64"`, `FROM
  // gcr.io/distroless/static:nonroot-${IMAGE_ARCH}`. The Debian release names it suggests keep the
  // tag as written, not the amd64 default.
  it('keeps a distroless tag written with a variable in the names it suggests', () => {
    const text = df(['ARG IMAGE_ARCH="amd64"', 'FROM gcr.io/distroless/static:nonroot-${IMAGE_ARCH}', 'COPY prometheus-webhook-dingtalk /bin/', 'USER nobody', 'ENTRYPOINT ["/bin/prometheus-webhook-dingtalk"]']);
    const m = find(text, 'GD209')[0]?.message ?? '';
    assert.match(m, /\(`gcr\.io\/distroless\/static-debian12:nonroot-\$\{IMAGE_ARCH\}`, `gcr\.io\/distroless\/static-debian13:nonroot-\$\{IMAGE_ARCH\}`\)/);
    assert.doesNotMatch(m, /static-debian12:nonroot-amd64/);
    // Through a whole-reference variable: its default's tag.
    const whole = df(['ARG BASE=gcr.io/distroless/static:nonroot-amd64', 'FROM ${BASE}', 'COPY app /app', 'ENTRYPOINT ["/app"]']);
    assert.match(find(whole, 'GD209')[0]?.message ?? '', /`gcr\.io\/distroless\/static-debian12:nonroot-amd64`/);
  });

  // mtlynch/picoshare 708a3bf (AGPL-3.0) Dockerfile:25, `FROM debian:stable-20240311-slim AS
  // litestream_downloader` (judge 29 X W1): the debian images' dated snapshot of a suite is built
  // once and never pushed again; the date is its version.
  it('is silent on a dated snapshot of a rolling suite; reports the suite itself', () => {
    const picoshare = (from: string) => df([`FROM ${from} AS litestream_downloader`, 'ARG litestream_version="v0.3.13"', 'WORKDIR /litestream',
      'RUN set -x && apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ca-certificates wget',
      'FROM scratch', 'COPY --from=litestream_downloader /litestream/litestream /app/litestream', 'USER 65532', 'ENTRYPOINT ["/app/litestream"]']);
    for (const from of ['debian:stable-20240311-slim', 'debian:stable-20240311', 'debian:unstable-20240311', 'debian:testing-20240311-slim', 'debian:bookworm-20240311-slim']) {
      assert.equal(has(picoshare(from), 'GD209'), false, from);
    }
    for (const from of ['debian:stable', 'debian:stable-slim', 'debian:sid', 'debian:testing-slim', 'debian:unstable-slim', 'debian:stable-2024-slim']) {
      const [f] = find(picoshare(from), 'GD209');
      assert.match(f?.message ?? '', /a rolling tag/, from);
    }
  });

  // kubernetes-sigs/kind fed268827e21ca48a74c38215c316dd343364ef5 (Apache-2.0)
  // images/kindnetd/Dockerfile:17-34 and images/local-path-provisioner/Dockerfile:16-30: the
  // builder is `golang:latest`, but every go runs after `eval "$(gimme "${GO_VERSION}")" && export
  // GOTOOLCHAIN="go${GO_VERSION}"` (GO_VERSION from .go-version, passed by the Makefile): the
  // compiler is fixed, and the builder's layers do not ship (judge26 X: two wrong GD209).
  const kindnetd = (run1: string, run2: string, extra: string[] = [], arg = 'ARG GO_VERSION') => df([
    '# NOTE: the actual go version will be overridden',
    'FROM --platform=$BUILDPLATFORM docker.io/library/golang:latest',
    'WORKDIR /go/src',
    'COPY --chmod=0755 scripts/third_party/gimme/gimme /usr/local/bin/',
    'COPY go.mod go.sum ./',
    arg,
    `RUN ${run1} \\`,
    '    && go mod download \\',
    '    && GOBIN=/usr/local/bin go install github.com/google/go-licenses@latest',
    'COPY . .',
    'ARG TARGETARCH',
    `RUN ${run2} \\`,
    '    && CGO_ENABLED=0 GOARCH=$TARGETARCH go build -o ./kindnetd ./cmd/kindnetd \\',
    '    && GOARCH=$TARGETARCH go-licenses save --save_path=/_LICENSES ./cmd/kindnetd',
    ...extra,
    'FROM registry.k8s.io/build-image/distroless-iptables:v0.8.7',
    'COPY --from=0 --chown=root:root ./go/src/kindnetd /bin/kindnetd',
    'CMD ["/bin/kindnetd"]',
  ]);
  const PINNED = 'eval "$(gimme "${GO_VERSION}")" && export GOTOOLCHAIN="go${GO_VERSION}"';

  it('is silent on a golang builder whose every go runs a fixed toolchain (GOTOOLCHAIN or gimme)', () => {
    assert.equal(has(kindnetd(PINNED, PINNED), 'GD209'), false);
    // GOTOOLCHAIN alone, from an ARG with a default (the judge's reproducer), by prefix, by ENV.
    assert.equal(has(kindnetd('export GOTOOLCHAIN="go${GO_VERSION}"', 'export GOTOOLCHAIN="go${GO_VERSION}"', [], 'ARG GO_VERSION=1.24.5'), 'GD209'), false);
    assert.equal(has(kindnetd('true', 'true', [], 'ENV GOTOOLCHAIN=go1.26.7'), 'GD209'), false);
    // gimme alone.
    assert.equal(has(kindnetd('eval "$(gimme "${GO_VERSION}")"', 'eval "$(gimme 1.26.7)"'), 'GD209'), false);
    // local-path-provisioner: a script the RUN runs after the export builds with that toolchain.
    const lpp = df([
      'FROM --platform=$BUILDPLATFORM docker.io/library/golang:latest',
      'COPY --chmod=0755 scripts/third_party/gimme/gimme /usr/local/bin/',
      'RUN git clone --filter=tree:0 https://github.com/rancher/local-path-provisioner',
      'ARG VERSION',
      'ARG TARGETARCH GO_VERSION',
      'RUN eval "$(gimme "${GO_VERSION}")" \\',
      '    && export GOTOOLCHAIN="go${GO_VERSION}" \\',
      '    && cd local-path-provisioner \\',
      '    && git fetch && git checkout "${VERSION}" \\',
      '    && GOARCH=$TARGETARCH scripts/build \\',
      '    && mv bin/local-path-provisioner-$TARGETARCH /usr/local/bin/local-path-provisioner \\',
      '    && GOBIN=/usr/local/bin go install github.com/google/go-licenses@latest',
      'FROM gcr.io/distroless/static-debian13',
      'COPY --from=0 /usr/local/bin/local-path-provisioner /usr/local/bin/local-path-provisioner',
      'ENTRYPOINT /usr/local/bin/local-path-provisioner',
    ]);
    assert.equal(has(lpp, 'GD209'), false);
    assert.equal(has(lpp.replace('scripts/build', './scripts/build'), 'GD209'), false);
    // A build tool run before the export runs the image's own Go: reported.
    assert.equal(has(lpp.replace('https://github.com/rancher/local-path-provisioner\n', 'https://github.com/rancher/local-path-provisioner && make -C local-path-provisioner\n'), 'GD209'), true);
  });

  it('still reports a golang base when one go runs the image\'s own Go, the toolchain moves, or the stage ships', () => {
    // One RUN without the pin.
    assert.equal(has(kindnetd(PINNED, 'true'), 'GD209'), true);
    // A go command in a stage built FROM it, without the pin.
    assert.equal(has(kindnetd(PINNED, PINNED, ['FROM 0 AS test', 'RUN go test ./...']), 'GD209'), true);
    // Moving toolchains: local, auto, +auto, a moving gimme version.
    for (const tc of ['local', 'auto', 'go1.26.7+auto', 'path']) {
      assert.equal(has(kindnetd(`export GOTOOLCHAIN=${tc}`, `export GOTOOLCHAIN=${tc}`), 'GD209'), true, tc);
    }
    assert.equal(has(kindnetd('eval "$(gimme stable)"', 'eval "$(gimme stable)"'), 'GD209'), true);
    assert.equal(has(kindnetd('export GOTOOLCHAIN="go${GO_VERSION}"', 'export GOTOOLCHAIN="go${GO_VERSION}"', [], 'ARG GO_VERSION=stable'), 'GD209'), true);
    // No go command at all: nothing pins anything.
    assert.equal(has(df(['FROM golang:latest AS tools', 'RUN apt-get update', 'FROM alpine:3.23', 'COPY --from=tools /etc/ssl /etc/ssl']), 'GD209'), true);
    // The golang stage is the image: its Debian moves with :latest whatever the compiler.
    assert.equal(has(df(['FROM golang:latest', 'ARG GO_VERSION=1.26.7', 'RUN export GOTOOLCHAIN="go${GO_VERSION}" && go build -o /app .', 'CMD ["/app"]']), 'GD209'), true);
    // Another image than golang is judged as before.
    assert.equal(has(kindnetd(PINNED, PINNED).replace('docker.io/library/golang:latest', 'debian:latest'), 'GD209'), true);
  });
});

// ori-edge/k8s_gateway 5a8e7cfe5b32b8ce0e009980764907ba0905d5f6 (Apache-2.0) Dockerfile:1-38 (judge 38 X
// W2, W3): the Debian stage at line 27 sets up certificates, but the final stage copies them
// `--from=0`, the golang builder (line 1). Nothing uses stage 1, it has no name (`--target` takes
// names only) and it is not the last stage: BuildKit never builds it (its Makefile:55 builds with
// `docker buildx build`; buildah skips it too). Its base image and its apt-get are never pulled or run.
describe('GD209, GD303: silent on a stage no build builds (k8s_gateway)', () => {
  const k8sGateway = (from = '0', debian = 'FROM debian:stable-slim') => df([
    'FROM --platform=${BUILDPLATFORM} docker.io/library/golang:1.21.5 as builder',
    'ARG LDFLAGS',
    'WORKDIR /build',
    'COPY go.mod go.mod',
    'COPY go.sum go.sum',
    'RUN go mod download',
    'COPY cmd/ cmd/',
    'COPY *.go ./',
    'ARG TARGETOS',
    'ARG TARGETARCH',
    'ENV CGO_ENABLED=0',
    'ENV GOARCH=$TARGETARCH',
    'ENV GOOS=$TARGETOS',
    'RUN go build -ldflags "${LDFLAGS}" -o coredns cmd/coredns.go',
    '',
    debian,
    '',
    'RUN apt-get update && apt-get -uy upgrade',
    'RUN apt-get -y install ca-certificates && update-ca-certificates',
    '',
    'FROM scratch',
    '',
    `COPY --from=${from} /etc/ssl/certs /etc/ssl/certs`,
    'COPY --from=builder /build/coredns .',
    '',
    'EXPOSE 53 53/udp',
    'ENTRYPOINT ["/coredns"]',
  ]);
  const workspace = (makefile: string) => tempWorkspace({ '.github/workflows/ci.yml': 'on: push\n', 'go.mod': 'module github.com/ori-edge/k8s_gateway\n\ngo 1.21\n', Makefile: makefile });
  const BUILDX = 'image:\n\tdocker buildx build --push --platform linux/amd64,linux/arm64 -t $(IMG) .\n';
  const rules = (text: string, opts = {}) => lint(text, opts).filter((f) => f.code === 'GD209' || f.code === 'GD303').map((f) => `${f.code}:${text.slice(0, f.span.start).split('\n').length}`);

  it('no GD209 on its base and no GD303 on its apt-get', () => {
    assert.deepEqual(rules(k8sGateway()), [], 'nothing on lines 16-19');
    assert.deepEqual(rules(k8sGateway(), workspace(BUILDX)), [], 'nothing, with the build files');
  });

  it('reported when the stage is built: copied from, named (a --target may build it), or under the classic builder', () => {
    assert.deepEqual(rules(k8sGateway('1')), ['GD209:16', 'GD303:19'], 'copied from by index');
    assert.deepEqual(rules(k8sGateway('0', 'FROM debian:stable-slim AS certs')), ['GD209:16', 'GD303:19'], 'named');
    assert.deepEqual(rules(k8sGateway(), workspace('image:\n\tDOCKER_BUILDKIT=0 docker build -t $(IMG) .\n')), ['GD209:16', 'GD303:19'], 'the classic builder builds every stage');
  });
});
