/**
 * The generator on real repositories of round 29 (judges X and Y, generator sections): each case is
 * a small skeleton of a real repository (the files that matter, with their sizes in the repository,
 * go.mod and the few relevant lines), with its repository, commit and licence above it, plus the
 * variants that keep the old behaviour where it is right.
 *
 * 1. (X G6) A directory `replace` of a module no go.mod requires is never read by the go command:
 *    no refusal when it points at a folder without a module (harbor's src/go.mod `=> ../`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, workspace } = generatorTrees('judge29-engf');

// goharbor/harbor at c50c7dd (Apache-2.0): src/go.mod (11,079 bytes) `module
// github.com/goharbor/harbor/src`, `go 1.26.4`, requires no github.com/goharbor/harbor, and
// `replace ( … github.com/goharbor/harbor => ../ … )`; the repository root (../) has no go.mod.
// src/core/main.go (14,514 bytes) imports github.com/goharbor/harbor/src/common and others of the
// module. Harbor's make/photon/exporter/Dockerfile copies src/ alone and builds there.
const harborMod = (require: string) => `module github.com/goharbor/harbor/src\n\ngo 1.26.4\n\nrequire (\n\tgithub.com/beego/beego/v2 v2.3.10\n${require})\n\nreplace (\n\tgithub.com/gocraft/work => github.com/goharbor/work v0.5.1-patch\n\tgithub.com/goharbor/harbor => ../\n)\n`;
const harbor = (goMod: string) => workspace({
  'README.md': '# Harbor\n',
  'src/go.mod': goMod,
  'src/go.sum': 'github.com/beego/beego/v2 v2.3.10 h1:x\n',
  'src/core/main.go': 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/beego/beego/v2/server/web"\n\n\t"github.com/goharbor/harbor/src/common"\n)\n\nfunc main() {\n\t_ = common.Version\n\tweb.Run()\n\t_ = http.ListenAndServe(":8080", nil)\n}\n',
  'src/common/const.go': 'package common\n\nconst Version = "v2"\n',
});

describe('1. harbor: a replace of a module nothing requires', () => {
  it('generates from src/ (the folder ../ has no go.mod, and the go command never reads it)', async () => {
    const root = harbor(harborMod(''));
    const r = await gen(`${root}/src`, { package: 'core' });
    assert.match(r.dockerfile, /go build .*\.\/core/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('replace github.com/goharbor/harbor => ../ (in go.mod) points outside the build context, but no go.mod of the build requires github.com/goharbor/harbor')), r.reasons.join('\n'));
  });

  it('negative: when go.mod requires the replaced module, the refusal stays', async () => {
    const root = harbor(harborMod('\tgithub.com/goharbor/harbor v0.0.0\n'));
    await assert.rejects(gen(`${root}/src`, { package: 'core' }), /replaces a module with a folder that holds no module: github\.com\/goharbor\/harbor => \.\.\//);
  });

  it('negative: a go 1.16 module (unpruned graph: a dependency may require it) still refuses', async () => {
    const root = harbor(harborMod('').replace('go 1.26.4', 'go 1.16'));
    await assert.rejects(gen(`${root}/src`, { package: 'core' }), /replaces a module with a folder that holds no module/);
  });
});
