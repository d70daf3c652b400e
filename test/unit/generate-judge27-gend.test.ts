/**
 * The generator on real repositories of round 27 (judge Y, helper "gen-d"): each case is a small
 * skeleton of the real repository (the files that matter, with their sizes in the repository,
 * go.mod and the import blocks), with its repository, commit and licence above it, plus variants
 * that keep the old behaviour where it is right.
 *
 * 2. A pull linkname into the standard library: godoxy's `//go:linkname unitMap time.unitMap`
 *    (and goutils' `net/http/internal/http2.errStreamClosed`) does not link with Go 1.23 or later
 *    unless -ldflags=-checklinkname=0, which the project's build passes (.shadowtree.toml).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, genClean, tree } = generatorTrees('judge27-gend');

// yusing/godoxy at 6f52e6a (MIT), its git submodules at their pinned commits: go.mod (10,693
// bytes) `module github.com/yusing/godoxy`, `go 1.27.0`, `replace github.com/yusing/goutils =>
// ./goutils`; cmd/main.go (3,562 bytes); internal/serialization/time.go (331 bytes):
// `//go:linkname unitMap time.unitMap` over `var unitMap map[string]uint64` (line 8);
// goutils/http/error.go (1,437 bytes): `//go:linkname errStreamClosed
// net/http/internal/http2.errStreamClosed`; goutils/synk/pool_typed.go (8,278 bytes):
// `//go:linkname typedRuntimeProcPin runtime.procPin` (a symbol the runtime marks for it);
// internal/api/v1/favicon.go (3,615 bytes): `//go:linkname GetFavIconFromAlias
// v1.GetFavIconFromAlias` (its own package); .shadowtree.toml (9,765 bytes), line 59:
// `ldflags="-X github.com/yusing/goutils/version.version=$version -checklinkname=0"`.
const timeGo = 'package serialization\n\nimport (\n\t"time"\n\t_ "unsafe"\n)\n\n//go:linkname unitMap time.unitMap\nvar unitMap map[string]uint64\n\nconst unitDay uint64 = 24 * uint64(time.Hour)\n\nfunc init() {\n\tunitMap["d"] = unitDay\n}\n';
const godoxy: Record<string, string | null> = {
  'go.mod': 'module github.com/yusing/godoxy\n\ngo 1.27.0\n\nreplace github.com/yusing/goutils => ./goutils\n\nrequire github.com/yusing/goutils v0.7.0\n',
  'go.sum': '',
  '.shadowtree.toml': 'profile = "go"\n\nshell_prelude = \'\'\'\nconfigure_build_mode() {\n\tldflags="-X github.com/yusing/goutils/version.version=$version -checklinkname=0"\n}\n\'\'\'\n',
  'cmd/main.go': 'package main\n\nimport (\n\t"github.com/yusing/godoxy/internal/api/v1"\n\t"github.com/yusing/godoxy/internal/serialization"\n\t"github.com/yusing/goutils/synk"\n)\n\nfunc main() {\n\tserialization.Parse()\n\tv1.Icon()\n\tsynk.Pin()\n}\n',
  'internal/serialization/time.go': timeGo,
  'internal/serialization/parse.go': 'package serialization\n\nfunc Parse() {}\n',
  'internal/api/v1/favicon.go': 'package v1\n\nimport _ "unsafe"\n\n//go:linkname GetFavIconFromAlias v1.GetFavIconFromAlias\nfunc GetFavIconFromAlias() string\n\nfunc Icon() {}\n',
  'goutils/go.mod': 'module github.com/yusing/goutils\n\ngo 1.27.0\n',
  'goutils/synk/pool_typed.go': 'package synk\n\nimport _ "unsafe"\n\n//go:linkname typedRuntimeProcPin runtime.procPin\nfunc typedRuntimeProcPin() int\n\nfunc Pin() { _ = typedRuntimeProcPin() }\n',
};
const errorGo = 'package httputils\n\nimport (\n\t"errors"\n\n\t_ "unsafe"\n)\n\n//go:linkname errStreamClosed net/http/internal/http2.errStreamClosed\nvar errStreamClosed error\n\nfunc IsUnexpectedError(err error) bool {\n\treturn !errors.Is(err, errStreamClosed)\n}\n';

const ldflagsOf = (df: string) => /-ldflags="([^"]*)"/.exec(df)?.[1] ?? null;

describe('2. godoxy: a pull linkname into the standard library links only with -checklinkname=0', () => {
  it('time.unitMap: -ldflags="-s -w -checklinkname=0", the reason names the directive and the project\'s own flag', async () => {
    const r = await genClean(tree(godoxy, {}), { package: './cmd' });
    assert.equal(ldflagsOf(r.dockerfile), '-s -w -checklinkname=0', r.dockerfile);
    const why = r.reasons.find((x) => x.startsWith('-ldflags=-checklinkname=0'));
    assert.ok(why?.includes('time.unitMap at internal/serialization/time.go:8'), r.reasons.join('\n'));
    assert.ok(why?.includes('.shadowtree.toml:5'), why);
    // Marked by the runtime, or the package's own symbol: not named.
    assert.ok(!why?.includes('runtime.procPin') && !why?.includes('v1.GetFavIconFromAlias'), why);
  });

  it('a local replace module\'s package counts (goutils\' net/http/internal/http2.errStreamClosed)', async () => {
    const r = await gen(tree(godoxy, {
      'internal/serialization/time.go': null,
      'cmd/main.go': 'package main\n\nimport "github.com/yusing/goutils/http"\n\nfunc main() { _ = httputils.IsUnexpectedError(nil) }\n',
      'goutils/http/error.go': errorGo,
    }), { package: './cmd' });
    assert.equal(ldflagsOf(r.dockerfile), '-s -w -checklinkname=0', r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('net/http/internal/http2.errStreamClosed at goutils/http/error.go:9')), r.reasons.join('\n'));
  });

  it('negative: before Go 1.23 the linker has neither the check nor the flag', async () => {
    const r = await gen(tree(godoxy, { 'go.mod': 'module github.com/yusing/godoxy\n\ngo 1.22\n\nreplace github.com/yusing/goutils => ./goutils\n\nrequire github.com/yusing/goutils v0.7.0\n', 'goutils/go.mod': 'module github.com/yusing/goutils\n\ngo 1.22\n' }), { package: './cmd' });
    assert.equal(ldflagsOf(r.dockerfile), '-s -w', r.dockerfile);
  });

  it('negative: only a symbol the runtime marks (runtime.procPin) and the package\'s own name link as they are', async () => {
    const r = await gen(tree(godoxy, { 'internal/serialization/time.go': null }), { package: './cmd' });
    assert.equal(ldflagsOf(r.dockerfile), '-s -w', r.dockerfile);
    assert.ok(!r.reasons.some((x) => x.includes('checklinkname')), r.reasons.join('\n'));
  });

  it('negative: a push (a body under the directive) and an exported name are no pulls of an internal symbol', async () => {
    const r = await gen(tree(godoxy, {
      'internal/serialization/time.go': 'package serialization\n\nimport (\n\t"reflect"\n\t_ "unsafe"\n)\n\n//go:linkname typeOf reflect.TypeOf\nfunc typeOf(any) reflect.Type\n\n//go:linkname localHook runtime.localHook\nfunc localHook() {\n}\n',
    }), { package: './cmd' });
    assert.equal(ldflagsOf(r.dockerfile), '-s -w', r.dockerfile);
  });
});
