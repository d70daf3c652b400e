/**
 * The generator on real repositories of round 8 (helper "gen"): each case is a small skeleton of
 * a real repository (the files, go.mod and the few Go/Makefile/JS lines that matter), with its
 * repository, commit and licence above it, plus the variant that keeps the old behaviour where it
 * is right.
 *
 * 1. Build tags: a Makefile target that builds the package for development (`build-hub-dev`)
 *    does not state how it ships, and a `development` tag is not a feature (beszel).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateFor, type GenerateOptions, type GenerateResult } from '../../server/src/generate';
import { loadWorkspace } from '../../server/src/workspace/load';
import { ready, writeTree } from './helpers';

let tmp: string;
let n = 0;
before(async () => {
  await ready;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-judge8-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function workspace(files: Record<string, string>): string {
  return writeTree(path.join(tmp, `ws-${n++}`), files);
}

async function gen(dir: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  return generateFor(loadWorkspace(dir), options);
}

const buildLine = (r: GenerateResult): string => /^\s*go build .*$/m.exec(r.dockerfile)?.[0] ?? '';

// henrygd/beszel at f1e5797c76a234b1c59a31c815f07edfbee0b0e9 (MIT): the Makefile builds the hub
// with no tags in build-hub and with `-tags development` in build-hub-dev; internal/hub has
// server_development.go (//go:build development: proxies the UI to the vite dev server) and
// server_production.go (//go:build !development: serves the embedded UI).
function beszel(tag: string, makefile: string): string {
  const gated = (name: string, constraint: string) => `//go:build ${constraint}\n\npackage hub\n\nfunc (h *Hub) ${name}() error { return nil }\n`;
  return workspace({
    'go.mod': 'module github.com/henrygd/beszel\n\ngo 1.26.6\n',
    Makefile: makefile,
    'internal/cmd/hub/hub.go': 'package main\n\nimport (\n\t"log"\n\n\t"github.com/henrygd/beszel/internal/hub"\n)\n\nfunc main() {\n\th := hub.NewHub()\n\tif err := h.StartHub(); err != nil {\n\t\tlog.Fatal(err)\n\t}\n}\n',
    'internal/hub/hub.go': 'package hub\n\ntype Hub struct{}\n\nfunc NewHub() *Hub { return &Hub{} }\n\nfunc (h *Hub) StartHub() error { return h.startServer() }\n',
    [`internal/hub/server_${tag}.go`]: gated('startServer', tag),
    'internal/hub/server_production.go': gated('startServer', `!${tag}`),
    [`internal/hub/extra_${tag}.go`]: gated('extra', tag),
    [`internal/hub/more_${tag}.go`]: gated('more', tag),
  });
}
const BESZEL_MAKEFILE = (tags: string) => `OS ?= $(shell go env GOOS)\nARCH ?= $(shell go env GOARCH)\n\nbuild-hub: tidy\n\tGOOS=$(OS) GOARCH=$(ARCH) go build -o ./build/beszel_$(OS)_$(ARCH) -ldflags "-w -s" ./internal/cmd/hub\n\nbuild-hub-dev: tidy\n\tmkdir -p ./internal/site/dist && touch ./internal/site/dist/index.html\n\tGOOS=$(OS) GOARCH=$(ARCH) go build -tags ${tags} -o ./build/beszel-dev_$(OS)_$(ARCH) -ldflags "-w -s" ./internal/cmd/hub\n`;

describe('1. build tags of a development build', () => {
  it('beszel: `go build -tags development` of the build-hub-dev target is not used; no warning about the development files', async () => {
    const r = await gen(beszel('development', BESZEL_MAKEFILE('development')), { package: 'internal/cmd/hub' });
    assert.doesNotMatch(buildLine(r), /-tags/, r.dockerfile);
    assert.ok(!r.reasons.some((x) => x.includes('-tags')), r.reasons.join('\n'));
    assert.ok(!r.warnings.some((w) => w.includes('build tags')), r.warnings.join('\n'));
  });

  it('a feature tag (ui) that only the build-hub-dev target passes: not used, the gated files are warned about', async () => {
    const r = await gen(beszel('ui', BESZEL_MAKEFILE('ui')), { package: 'internal/cmd/hub' });
    assert.doesNotMatch(buildLine(r), /-tags/, r.dockerfile);
    assert.ok(r.warnings.some((w) => /^3 files of the packages the program compiles build only with build tags \(ui\)/.test(w)), r.warnings.join('\n'));
  });

  it('the same tag passed by the build-hub target (how it ships): used', async () => {
    const mk = BESZEL_MAKEFILE('ui').replace('go build -o ./build/beszel_', 'go build -tags ui -o ./build/beszel_');
    const r = await gen(beszel('ui', mk), { package: 'internal/cmd/hub' });
    assert.match(buildLine(r), /go build -trimpath -tags ui .*\.\/internal\/cmd\/hub$/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('-tags ui: the project builds with them (Makefile: go build -tags ui)')), r.reasons.join('\n'));
  });
});
