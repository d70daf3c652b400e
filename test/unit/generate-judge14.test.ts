/**
 * The generator on real repositories of round 14 (helper "genrt14"): each case is a small skeleton
 * of a real repository (the files, go.mod and the few Go lines that matter), with its repository,
 * commit and licence above it, plus the variants that keep the old behaviour where it is right.
 *
 * 1. C++ in the cgo build (bulker's duckdb-go, a cgo package with .cpp files, `#cgo LDFLAGS:
 *    -lstdc++`): the binary links libstdc++ at run time, so distroless/cc (not base), and on
 *    alpine libstdc++ in the runtime (g++ in the builder for C++ sources).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { workspace, gen } = generatorTrees('judge14');

// jitsucom/bulker at c5548cf95c939f078f1a8faa48dbb2e299505789 (MIT): go.work uses ./bulkerapp and
// ./bulkerlib (and 12 more); bulkerapp/main.go imports bulkerapp/app, which imports
// bulkerlib/implementations/sql, whose duckdb.go imports github.com/duckdb/duckdb-go/v2 (its
// bindings link DuckDB's static C++ library with `-lstdc++`); bulkerapp also imports
// confluent-kafka-go (librdkafka, C). distroless/base has no libstdc++.so.6.
function bulker(opts: { kafka?: boolean; duckdb?: boolean } = {}): string {
  const kafka = opts.kafka ?? true;
  const duckdb = opts.duckdb ?? true;
  return workspace({
    'go.work': 'go 1.24\n\nuse (\n\t./bulkerapp\n\t./bulkerlib\n)\n',
    'bulkerapp/go.mod': `module github.com/jitsucom/bulker/bulkerapp\n\ngo 1.24\n\nrequire (\n${kafka ? '\tgithub.com/confluentinc/confluent-kafka-go/v2 v2.11.0\n' : ''}\tgithub.com/jitsucom/bulker/bulkerlib v0.0.0\n)\n`,
    'bulkerapp/go.sum': '',
    'bulkerapp/main.go': 'package main\n\nimport "github.com/jitsucom/bulker/bulkerapp/app"\n\nfunc main() {\n\tapp.Run()\n}\n',
    'bulkerapp/app/app.go': `package app\n\nimport (\n${kafka ? '\t"github.com/confluentinc/confluent-kafka-go/v2/kafka"\n' : ''}\t"github.com/jitsucom/bulker/bulkerlib/implementations/sql"\n)\n\nfunc Run() {\n${kafka ? '\t_ = kafka.ConfigMap{}\n' : ''}\tsql.Init()\n}\n`,
    'bulkerlib/go.mod': `module github.com/jitsucom/bulker/bulkerlib\n\ngo 1.24\n\nrequire github.com/duckdb/duckdb-go/v2 v2.5.0\n`,
    'bulkerlib/go.sum': '',
    'bulkerlib/implementations/sql/sql.go': 'package sql\n\nfunc Init() {}\n',
    ...(duckdb ? { 'bulkerlib/implementations/sql/duckdb.go': 'package sql\n\nimport (\n\t"database/sql"\n\n\t_ "github.com/duckdb/duckdb-go/v2"\n)\n\nfunc open() (*sql.DB, error) {\n\treturn sql.Open("duckdb", "")\n}\n' } : {}),
  });
}

// A cgo package of the module with C++ sources beside its Go files (cgo compiles .cc/.cpp/.cxx
// with g++ and links libstdc++), or a `#cgo LDFLAGS: -lstdc++` line.
function cgoTree(extra: Record<string, string>, goFile: string): string {
  return workspace({
    'go.mod': 'module example.com/cxx\n\ngo 1.24\n',
    'main.go': 'package main\n\nimport "example.com/cxx/engine"\n\nfunc main() {\n\tengine.Run()\n}\n',
    'engine/engine.go': goFile,
    ...extra,
  });
}
const CGO_GO = 'package engine\n\n// #include "engine.h"\nimport "C"\n\nfunc Run() {\n\tC.run()\n}\n';

describe('1. C++ in the cgo build needs libstdc++ at run time (bulker)', () => {
  it('bulker (--package bulkerapp): duckdb-go through a workspace module → distroless/cc, and the reason says why', async () => {
    const r = await gen(bulker(), { package: 'bulkerapp' });
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/cc-debian12:nonroot$/m, r.dockerfile);
    assert.match(r.dockerfile, /CGO_ENABLED=1/);
    assert.ok(r.reasons.some((x) => x.includes('github.com/duckdb/duckdb-go/v2 (DuckDB, C++ linked with -lstdc++)') && x.includes('distroless/base lacks')), r.reasons.join('\n'));
  });

  it('duckdb-go alone makes the build cgo (its bindings do not build without it)', async () => {
    const r = await gen(bulker({ kafka: false }), { package: 'bulkerapp' });
    assert.match(r.dockerfile, /CGO_ENABLED=1/);
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/cc-debian12:nonroot$/m);
  });

  it('negative: librdkafka (C) alone keeps distroless/base', async () => {
    const r = await gen(bulker({ duckdb: false }), { package: 'bulkerapp' });
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/base-debian12:nonroot$/m, r.dockerfile);
  });

  it('a cgo package with .cpp sources → distroless/cc; on alpine g++ in the builder and libstdc++ in the runtime', async () => {
    const dir = cgoTree({ 'engine/engine.h': 'void run(void);\n', 'engine/engine.cpp': 'extern "C" void run() {}\n' }, CGO_GO);
    const r = await gen(dir);
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/cc-debian12:nonroot$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('engine has C++ sources (engine.cpp)')), r.reasons.join('\n'));
    const a = await gen(dir, { runtime: 'alpine' });
    assert.match(a.dockerfile, /^RUN apk add --no-cache gcc g\+\+ musl-dev && mkdir -p \/app$/m, a.dockerfile);
    assert.match(a.dockerfile, /^RUN apk add --no-cache libstdc\+\+$/m, a.dockerfile);
    const d = await gen(dir, { runtime: 'debian' });
    assert.doesNotMatch(d.dockerfile, /apt-get/);
    assert.ok(d.reasons.some((x) => x.includes('debian-slim has libstdc++6')), d.reasons.join('\n'));
  });

  it('`#cgo LDFLAGS: -lstdc++` (linux or unconditional) → distroless/cc', async () => {
    const go = 'package engine\n\n/*\n#cgo linux LDFLAGS: -lengine -lstdc++ -lm\n#include "engine.h"\n*/\nimport "C"\n\nfunc Run() {\n\tC.run()\n}\n';
    const r = await gen(cgoTree({ 'engine/engine.h': 'void run(void);\n' }, go));
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/cc-debian12:nonroot$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('engine/engine.go has `#cgo linux LDFLAGS: … -lstdc++`')), r.reasons.join('\n'));
  });

  it('negative: C sources only, a darwin-only -lc++/-lstdc++, or -static-libstdc++ keep distroless/base', async () => {
    const plain = await gen(cgoTree({ 'engine/engine.h': 'void run(void);\n', 'engine/engine.c': 'void run(void) {}\n' }, CGO_GO));
    assert.match(plain.dockerfile, /^FROM gcr\.io\/distroless\/base-debian12:nonroot$/m, plain.dockerfile);
    const darwin = 'package engine\n\n// #cgo darwin LDFLAGS: -lc++ -lstdc++\n// #include "engine.h"\nimport "C"\n\nfunc Run() {\n\tC.run()\n}\n';
    assert.match((await gen(cgoTree({ 'engine/engine.h': '' }, darwin))).dockerfile, /^FROM gcr\.io\/distroless\/base-debian12:nonroot$/m);
    const staticCxx = 'package engine\n\n// #cgo linux LDFLAGS: -lstdc++ -static-libstdc++ -static-libgcc\n// #include "engine.h"\nimport "C"\n\nfunc Run() {\n\tC.run()\n}\n';
    assert.match((await gen(cgoTree({ 'engine/engine.h': '' }, staticCxx))).dockerfile, /^FROM gcr\.io\/distroless\/base-debian12:nonroot$/m);
    // .cpp files in a package that is not cgo (a test fixture, a tool): not part of the build.
    const noCgo = await gen(cgoTree({ 'engine/testdata.cpp': 'int x;\n' }, 'package engine\n\nfunc Run() {}\n'));
    assert.match(noCgo.dockerfile, /^FROM gcr\.io\/distroless\/static-debian12:nonroot$/m);
  });
});
