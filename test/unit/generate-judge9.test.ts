/**
 * The generator on real repositories of round 9 (helper "gen-10"): each case is a small skeleton
 * of a real repository (the files, go.mod and the few Go lines that matter), with its repository,
 * commit and licence above it, plus the variant that keeps the old behaviour where it is right.
 *
 * 1. An old Go line gets a golang variant the images published for it: `go 1.12` builds on
 *    golang:1.12-buster (there never was a 1.12-bullseye), without -trimpath (Go 1.13) (ledisdb).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type GenerateResult } from '../../server/src/generate';
import { GOLANG_VARIANT_LINES, golangVariantPublished, missingGolangVariant } from '../../server/src/images/golangTag';
import { generatorTrees } from './generateTrees';

const { workspace, gen } = generatorTrees('judge9');

const buildLine = (r: GenerateResult): string => /^\s*go build .*$/m.exec(r.dockerfile)?.[0] ?? '';
const fromBuild = (r: GenerateResult): string => /^FROM .* AS build$/m.exec(r.dockerfile)?.[0] ?? '';

// ledisdb/ledisdb at d35789ec47e667726160e227e7c05e09627a6d6c (MIT): go.mod says `go 1.12`, the
// modules are vendored, cmd/ledis-server/main.go calls cmd.Server().
function ledisdb(goLine: string): string {
  return workspace({
    'go.mod': `module github.com/ledisdb/ledisdb\n\ngo ${goLine}\n`,
    'vendor/modules.txt': '',
    'cmd/ledis-server/main.go': 'package main\n\nimport (\n\t"fmt"\n\n\t"github.com/ledisdb/ledisdb/cmd"\n)\n\nvar version = "dev"\n\nfunc main() {\n\tfmt.Printf("Version %s", version)\n\tcmd.Server()\n}\n',
    'cmd/server.go': 'package cmd\n\nimport "net"\n\nfunc Server() { l, _ := net.Listen("tcp", ":6380"); l.Close() }\n',
  });
}

describe('1. golang image variants by Go line (ledisdb)', () => {
  it('go 1.12: golang:1.12-buster (bullseye began with Go 1.16), no -trimpath', async () => {
    const r = await gen(ledisdb('1.12'));
    assert.equal(r.images.builder, 'golang:1.12-buster');
    assert.equal(fromBuild(r), 'FROM --platform=$BUILDPLATFORM golang:1.12-buster AS build');
    assert.doesNotMatch(buildLine(r), /-trimpath/);
    assert.ok(r.reasons.some((x) => /No -trimpath: Go 1\.12 does not have it/.test(x)));
    assert.equal(r.images.runtime, 'gcr.io/distroless/static-debian12:nonroot');
  });

  it('go 1.13 keeps -trimpath; 1.16-1.18 build on bullseye, 1.19 on bookworm, 1.9 on stretch', async () => {
    const r13 = await gen(ledisdb('1.13'));
    assert.equal(r13.images.builder, 'golang:1.13-buster');
    assert.match(buildLine(r13), /go build -trimpath /);
    assert.ok(!r13.reasons.some((x) => /No -trimpath/.test(x)));
    assert.equal((await gen(ledisdb('1.16'))).images.builder, 'golang:1.16-bullseye');
    assert.equal((await gen(ledisdb('1.18'))).images.builder, 'golang:1.18-bullseye');
    assert.equal((await gen(ledisdb('1.19'))).images.builder, 'golang:1.19-bookworm');
    assert.equal((await gen(ledisdb('1.9'))).images.builder, 'golang:1.9-stretch');
  });

  it('alpine + cgo on an old line: the newest alpine golang published for it; a line newer than the pinned alpine gets its own release, builder and runtime', async () => {
    const cgo = (goLine: string) => workspace({ 'go.mod': `module example.com/x\n\ngo ${goLine}\n`, 'main.go': 'package main\n\nimport "C"\n\nfunc main() {}\n' });
    const r12 = await gen(cgo('1.12'), { runtime: 'alpine' });
    assert.equal(r12.images.builder, 'golang:1.12-alpine3.11');
    assert.equal(r12.images.runtime, 'alpine:3.22');
    const r19 = await gen(cgo('1.19'), { runtime: 'alpine' });
    assert.equal(r19.images.builder, 'golang:1.19-alpine3.18');
    // Go 1.27 came only with alpine 3.23 and 3.24: no golang:1.27-alpine3.22.
    const r27 = await gen(cgo('1.27'), { runtime: 'alpine' });
    assert.equal(r27.images.builder, 'golang:1.27-alpine3.23');
    assert.equal(r27.images.runtime, 'alpine:3.23');
    // Unchanged where the pinned release exists for the line.
    const r24 = await gen(cgo('1.24'), { runtime: 'alpine' });
    assert.equal(r24.images.builder, 'golang:1.24-alpine3.22');
    assert.equal(r24.images.runtime, 'alpine:3.22');
  });

  it('the one table: start and end of each variant', () => {
    assert.equal(golangVariantPublished('bullseye', '1.12'), false);
    assert.equal(golangVariantPublished('bullseye', '1.16'), true);
    assert.equal(golangVariantPublished('bullseye', '1.24.3'), true);
    assert.equal(golangVariantPublished('bullseye', '1.25'), false);
    assert.equal(golangVariantPublished('buster', '1.11'), true);
    assert.equal(golangVariantPublished('bookworm', '1.30'), true);
    assert.equal(golangVariantPublished('alpine', '1.12'), null);
    assert.equal(golangVariantPublished('alpine3.99', '1.12'), null);
    assert.equal(missingGolangVariant('-bullseye', '1.12'), '-bullseye');
    assert.equal(missingGolangVariant('-buster', '1.12'), null);
    assert.equal(missingGolangVariant('', '1.12'), null);
    for (const v of GOLANG_VARIANT_LINES) assert.ok(v.last === null || v.last >= v.first, v.variant);
  });
});
