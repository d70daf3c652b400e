import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ready } from './helpers';
import { makeArgs, makeRecipe } from '../../server/src/dockerfile/makeRecipe';

/** The make-recipe fact (server/src/dockerfile/makeRecipe.ts): what `make <target>` runs, or null. */
before(() => ready);

const words = (line: string) => line.split(' ').map((value) => ({ value, raw: value, start: 0, end: 0, dynamic: value.includes('$') }));
const run = (makefile: string, line: string, files: Record<string, string> = {}) => {
  const args = makeArgs(words(line));
  if (!args) return null;
  const r = makeRecipe(args, (name) => (name === 'Makefile' ? makefile : files[name] ?? null));
  return r && r.commands.map((c) => `${c.target}:${c.line}${c.conditional ? '?' : ''} ${c.cmd.env.map((e) => `${e.name}=${e.value} `).join('')}${c.cmd.argv.map((w) => (w.dynamic ? '<dyn>' : w.value)).join(' ')}`);
};

describe('makeRecipe', () => {
  // mongodb/mongodb-atlas-kubernetes 3fb4fa5d (Apache-2.0), Makefile:490-493 (trimmed).
  const ATLAS = 'JQ ?= jq\nV := $(shell $(JQ) -r .current version.json)\n.PHONY: post-install-hook\npost-install-hook:\n\tGOARCH=amd64 GOOS=linux CGO_ENABLED=0 go build -o bin/helm-post-install cmd/post-install/main.go\n\tchmod +x bin/helm-post-install\n';

  it('gives the recipe of the named target, prerequisites first, with plain variables expanded and the others dynamic', () => {
    assert.deepEqual(run(ATLAS, 'make post-install-hook'), [
      'post-install-hook:5 GOARCH=amd64 GOOS=linux CGO_ENABLED=0 go build -o bin/helm-post-install cmd/post-install/main.go',
      'post-install-hook:6 chmod +x bin/helm-post-install',
    ]);
    const mk = 'GO = go\nOUT := bin\nFLAGS ?= -v\n.PHONY: all dirs\nall: dirs\n\t@$(GO) build $(FLAGS) -o ${OUT}/$@ ./cmd/app\ndirs:\n\t-mkdir -p $(OUT)\n';
    assert.deepEqual(run(mk, 'make'), ['dirs:8? mkdir -p bin', 'all:6 go build <dyn> -o bin/all ./cmd/app']);
    assert.deepEqual(run(mk, 'make -j4 all OUT=out'), ['dirs:8? mkdir -p out', 'all:6 go build <dyn> -o out/all ./cmd/app']);
    // $(MAKE) of a target of the same Makefile is followed.
    assert.deepEqual(run(`${mk}release:\n\t$(MAKE) all\n`, 'make release'), ['dirs:8? mkdir -p bin', 'all:6 go build <dyn> -o bin/all ./cmd/app']);
    // A target that exists as a file and is not .PHONY may be up to date.
    assert.deepEqual(run('app: main.go\n\tgo build -o app .\n', 'make app', { app: 'x' }), ['app:2? go build -o app .']);
  });

  it('is null when not certain: generators, scripts, unknown targets, includes, conditionals, odd arguments', () => {
    for (const recipe of ['go generate ./...', './build.sh', 'protoc x.proto', '$(MAKE) nothere', 'cd cmd && go build .', 'cp -r a b', '$(TOOL) gen', 'echo x > a.go', 'go run ./gen']) {
      assert.equal(run(`b:\n\tgo build .\n\t${recipe}\n`, 'make b'), null, recipe);
    }
    assert.equal(run(ATLAS, 'make nothere'), null);
    assert.equal(run(ATLAS, 'make $T'), null);
    assert.equal(run(ATLAS, 'make -n post-install-hook'), null);
    assert.equal(run(`include x.mk\n${ATLAS}`, 'make post-install-hook'), null);
    assert.equal(run('ifdef X\nb:\n\tgo build .\nendif\n', 'make b'), null);
    assert.equal(run('b:\nifdef X\n\tgo build .\nendif\n', 'make b'), null);
    assert.equal(run('X := $(shell go generate ./...)\nb:\n\tgo build .\n', 'make b'), null);
    assert.equal(run('b: gen\n\tgo build .\ngen:\n\tgo generate ./...\n', 'make b'), null);
    assert.equal(run('$(NAME):\n\tgo generate\nb:\n\tgo build .\n', 'make b'), null, 'a variable target may be b');
    assert.deepEqual(run('bin/$(OS)/app:\n\tgo generate\nb:\n\tgo build .\n', 'make b'), ['b:4 go build .'], 'one that cannot be b');
    assert.equal(run('', 'make b'), null);
    assert.equal(makeArgs(words('go build')), null);
  });
});
