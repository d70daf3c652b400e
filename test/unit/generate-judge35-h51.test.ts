/**
 * The generator on real repositories of round 35 (judge Y, engineer H51). Each case is a small
 * skeleton of the real repository (the files that matter, with their sizes in the repository,
 * go.mod and the import blocks), with its repository, commit and licence above it, plus variants
 * that keep the old behaviour where it is right.
 *
 * 1. The go line is the oldest Go a module may be built with, not the Go to build it with: a line
 *    out of support builds with the oldest supported line. keratin/authn-server says `go 1.13`
 *    and calls io.ReadAll (Go 1.16); zekroTJA/shinpuru says `go 1.18` and calls errors.Join (Go
 *    1.20): both were generated with their go line's golang image (1.13-buster, 1.18-bullseye),
 *    whose compiler stops at those calls ("undefined: io.ReadAll"). A newer go command builds the
 *    module as its go line says (its language version, GODEBUG defaults).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';
import { NEWEST_GO_LINE, OLDEST_SUPPORTED_GO_LINE, goLineSupportEndedWith } from '../../server/src/images/golangTag';

const { gen, genClean, tree } = generatorTrees('judge35-h51');

const fromBuild = (dockerfile: string): string => /^FROM .* AS build$/m.exec(dockerfile)?.[0] ?? '';

// keratin/authn-server at bb52e75b08e5cc8f44cfe754468286a2ae74e4a6 (LGPL-3.0): go.mod (1,051 bytes)
// `module github.com/keratin/authn-server`, `go 1.13`, requires mattn/go-sqlite3 v1.6.0 (cgo) among
// 27; go.sum (35,719 bytes); main.go (1,587 bytes) runs `server` or `migrate`; lib/oauth/google.go
// (838 bytes) line 29: `body, err := io.ReadAll(resp.Body)` (Go 1.16). The project builds with
// current Go (release.yml `go-version: ^1.17`, Dockerfile.local `golang:alpine`).
const authn: Record<string, string | null> = {
  'go.mod': 'module github.com/keratin/authn-server\n\ngo 1.13\n\nrequire (\n\tgithub.com/mattn/go-sqlite3 v1.6.0\n\tgithub.com/sirupsen/logrus v1.6.0\n\tgolang.org/x/oauth2 v0.0.0-20190226205417-e64efc72b421\n)\n',
  'go.sum': 'github.com/mattn/go-sqlite3 v1.6.0 h1:x=\ngithub.com/mattn/go-sqlite3 v1.6.0/go.mod h1:y=\ngithub.com/sirupsen/logrus v1.6.0 h1:x=\ngolang.org/x/oauth2 v0.0.0-20190226205417-e64efc72b421 h1:x=\n',
  'main.go': 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\n\t"github.com/keratin/authn-server/lib/oauth"\n\t_ "github.com/mattn/go-sqlite3"\n\t"github.com/sirupsen/logrus"\n)\n\n// VERSION is a value injected at build time with ldflags\nvar VERSION string\n\nfunc main() {\n\tcmd := "server"\n\tif len(os.Args) > 1 {\n\t\tcmd = os.Args[1]\n\t}\n\tfmt.Println(cmd, oauth.NewGoogleProvider != nil)\n\tlogrus.Info(VERSION)\n}\n',
  'lib/oauth/google.go': 'package oauth\n\nimport (\n\t"context"\n\t"io"\n\t"net/http"\n\n\t"golang.org/x/oauth2"\n)\n\nfunc NewGoogleProvider(c *oauth2.Config) ([]byte, error) {\n\tresp, err := c.Client(context.TODO(), nil).Get("https://www.googleapis.com/oauth2/v1/userinfo?alt=json")\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tdefer resp.Body.Close()\n\t_ = http.StatusOK\n\treturn io.ReadAll(resp.Body)\n}\n',
};

// zekroTJA/shinpuru at ed714cf1553c0f507650047e315da3a0aec1f543 (MIT, LICENCE): go.mod (4,008 bytes)
// `module github.com/zekroTJA/shinpuru`, `go 1.18`; cmd/shinpuru/main.go (14,226 bytes);
// internal/services/report/report.go (12,584 bytes) line 98: `return rep, errors.Join(err, errDm)`
// (Go 1.20). The project builds with golang:1.21-alpine (Dockerfile:3).
const shinpuru: Record<string, string | null> = {
  'go.mod': 'module github.com/zekroTJA/shinpuru\n\ngo 1.18\n\nrequire github.com/bwmarrin/snowflake v0.3.0\n',
  'go.sum': 'github.com/bwmarrin/snowflake v0.3.0 h1:x=\ngithub.com/bwmarrin/snowflake v0.3.0/go.mod h1:y=\n',
  'cmd/shinpuru/main.go': 'package main\n\nimport (\n\t"fmt"\n\n\t"github.com/zekroTJA/shinpuru/internal/services/report"\n)\n\nfunc main() {\n\tfmt.Println(report.Send())\n}\n',
  'cmd/healthcheck/main.go': 'package main\n\nfunc main() {}\n',
  'internal/services/report/report.go': 'package report\n\nimport (\n\t"errors"\n\n\t"github.com/bwmarrin/snowflake"\n)\n\nfunc Send() error {\n\tvar err, errDm error\n\t_ = snowflake.ID(0)\n\treturn errors.Join(err, errDm)\n}\n',
};

describe('1. a go line out of support builds with the oldest supported Go', () => {
  it('the table: the two newest lines are supported; an older line ended when the second newer one came out', () => {
    assert.equal(NEWEST_GO_LINE, '1.27');
    assert.equal(OLDEST_SUPPORTED_GO_LINE, '1.26');
    assert.equal(goLineSupportEndedWith('1.13'), '1.15');
    assert.equal(goLineSupportEndedWith('1.25.0'), '1.27');
    assert.equal(goLineSupportEndedWith('1.24rc1'), '1.26');
    assert.equal(goLineSupportEndedWith('1.26'), null);
    assert.equal(goLineSupportEndedWith('1.26.3'), null);
    assert.equal(goLineSupportEndedWith('1.28rc1'), null);
    assert.equal(goLineSupportEndedWith('2.0'), null);
  });

  it('authn-server (go 1.13, io.ReadAll): golang:1.26-bookworm, not 1.13-buster; the comment and the reason say why', async () => {
    const r = await genClean(tree(authn, {}));
    assert.equal(r.images.builder, 'golang:1.26-bookworm');
    // cgo (go-sqlite3): the build runs on the target platform, unchanged.
    assert.match(r.dockerfile, /\n# Go 1\.26, not 1\.13 \(out of support\): a newer Go builds the module as its go line says\.\n# cgo: the build runs on the target platform \(cross-compiling C needs a cross toolchain\)\.\nFROM golang:1\.26-bookworm AS build\n/);
    assert.match(r.dockerfile, /go build -trimpath /);
    const why = r.reasons.find((x) => x.startsWith('golang:1.26-bookworm builder: '));
    assert.ok(why, r.reasons.join('\n'));
    assert.ok(why.includes("go.mod's go line says 1.13, the oldest Go the module may be built with; Go 1.13 is out of support (since Go 1.15 came out"), why);
    assert.ok(why.includes('the language of Go 1.13, and Go 1.20\'s defaults for the changes Go gates behind GODEBUG settings'), why);
    // Before Go 1.16 the go command completed go.mod and go.sum during the build; later ones do not.
    assert.ok(why.includes('-mod=readonly, since Go 1.16'), why);
    assert.equal(r.images.runtime, 'gcr.io/distroless/base-debian12:nonroot');
  });

  it('shinpuru (go 1.18, errors.Join): golang:1.26-bookworm, cross-compiled as before; no -mod=readonly note from Go 1.16 on', async () => {
    const r = await genClean(tree(shinpuru, {}), { package: './cmd/shinpuru' });
    assert.equal(fromBuild(r.dockerfile), 'FROM --platform=$BUILDPLATFORM golang:1.26-bookworm AS build');
    assert.match(r.dockerfile, /\n# Go 1\.26, not 1\.18 \(out of support\): a newer Go builds the module as its go line says\.\n/);
    const why = r.reasons.find((x) => x.startsWith('golang:1.26-bookworm builder: '));
    assert.ok(why?.includes('Go 1.18 is out of support (since Go 1.20 came out'), r.reasons.join('\n'));
    assert.ok(!why?.includes('-mod=readonly'), why);
  });

  it('negative: a supported go line is the builder, with no comment (1.26 and 1.27; a patch line gets its minor tag)', async () => {
    for (const [line, image] of [['1.26', 'golang:1.26-bookworm'], ['1.27.1', 'golang:1.27-bookworm']] as const) {
      const r = await gen(tree(shinpuru, { 'go.mod': `module github.com/zekroTJA/shinpuru\n\ngo ${line}\n\nrequire github.com/bwmarrin/snowflake v0.3.0\n` }), { package: './cmd/shinpuru' });
      assert.equal(r.images.builder, image, line);
      assert.doesNotMatch(r.dockerfile, /out of support/);
      assert.ok(r.reasons.some((x) => x.startsWith(`${image} builder: go.mod's go line says ${line}`)), r.reasons.join('\n'));
    }
  });

  it('the toolchain line out of support too: the oldest supported line, and the reason names the toolchain line', async () => {
    const r = await gen(tree(shinpuru, { 'go.mod': 'module github.com/zekroTJA/shinpuru\n\ngo 1.21\n\ntoolchain go1.23.4\n\nrequire github.com/bwmarrin/snowflake v0.3.0\n' }), { package: './cmd/shinpuru' });
    assert.equal(r.images.builder, 'golang:1.26-bookworm');
    const why = r.reasons.find((x) => x.startsWith('golang:1.26-bookworm builder: '));
    assert.ok(why?.startsWith('golang:1.26-bookworm builder: the toolchain line (go1.23.4) is newer than the go line (1.21)'), why);
    assert.ok(why?.includes('; Go 1.23 is out of support (since Go 1.25 came out'), why);
    assert.match(r.dockerfile, /# Go 1\.26, not 1\.23 \(out of support\)/);
  });

  it('no go line: the fallback is the oldest supported line', async () => {
    const r = await gen(tree(shinpuru, { 'go.mod': 'module github.com/zekroTJA/shinpuru\n\nrequire github.com/bwmarrin/snowflake v0.3.0\n' }), { package: './cmd/shinpuru' });
    assert.equal(r.images.builder, 'golang:1.26-bookworm');
    assert.ok(r.warnings.some((w) => w.includes('has no go line: the builder uses Go 1.26')), r.warnings.join('\n'));
  });
});
