/**
 * dockerfile/indirectGo.ts makeGoalText: the part of a Makefile that `make <goals>` may run
 * (getfider/fider 67c52826 Makefile, AGPL-3.0: `build-ssr` runs npx and node, `build-server` go
 * build; jumpserver/koko 27b5bef Makefile, GPL-3.0: `build` runs go through $(KOKOBUILD)).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeGoalText } from '../../server/src/dockerfile/indirectGo';

const FIDER = [
  'LDFLAGS += -X github.com/getfider/fider/app/pkg/env.version=${VERSION}',
  'build: build-server build-ssr build-ui ## Build server and ui',
  'build-server: ## Build server',
  "\tgo build -ldflags '-s -w $(LDFLAGS)' -o fider .",
  'build-ui: ## Build all UI assets',
  '\tNODE_ENV=production npx webpack-cli',
  'build-ssr: ## Build SSR script and locales',
  '\tnpx lingui compile',
  '',
].join('\n');

describe('makeGoalText', () => {
  it('fider: a goal\'s recipe only; a goal with the Go target as prerequisite takes it and its variables', () => {
    assert.equal(makeGoalText(FIDER, ['build-ssr']), 'build-ssr:\n\tnpx lingui compile');
    const all = makeGoalText(FIDER, ['build'])!;
    assert.match(all, /go build/);
    assert.match(all, /LDFLAGS \+= -X/);
    // No goal: the first target (build), or .DEFAULT_GOAL.
    assert.match(makeGoalText(FIDER, [])!, /go build/);
    assert.equal(makeGoalText(`.DEFAULT_GOAL := build-ui\n${FIDER}`, []), 'build-ui:\n\tNODE_ENV=production npx webpack-cli');
  });

  it('koko: the definitions of the variables a recipe names, transitively; exported assignments', () => {
    const koko = 'KOKOBUILD=CGO_ENABLED=0 go build -trimpath -ldflags "$(KOKOLDFLAGS)"\nKOKOLDFLAGS+=-X main.Version=$(VERSION)\nOTHER=go install x\nexport GOFLAGS=-mod=vendor\nbuild:\n\tGOARCH=$(GOARCH) $(KOKOBUILD) -o build/koko ./cmd/koko/\n';
    const text = makeGoalText(koko, ['build'])!;
    assert.match(text, /KOKOBUILD=CGO_ENABLED=0 go build/);
    assert.match(text, /KOKOLDFLAGS\+=/);
    assert.match(text, /export GOFLAGS=-mod=vendor/);
    assert.doesNotMatch(text, /OTHER=/);
  });

  it('null where recipes may come from out of sight: include, eval, a variable target, an unknown goal, a recipe that runs make', () => {
    assert.equal(makeGoalText(`include other.mk\n${FIDER}`, ['build-ssr']), null);
    assert.equal(makeGoalText(`$(eval $(call x))\n${FIDER}`, ['build-ssr']), null);
    assert.equal(makeGoalText(`$(BIN): main.go\n\tgo build\n${FIDER}`, ['build-ssr']), null);
    assert.equal(makeGoalText(FIDER, ['assets']), null);
    assert.equal(makeGoalText(FIDER.replace('\tnpx lingui compile', '\t$(MAKE) -C ui'), ['build-ssr']), null);
    // A make run in a target the goal does not reach does not matter.
    assert.notEqual(makeGoalText(FIDER.replace('\tnpx webpack-cli', '\t$(MAKE) -C ui'), ['build-ssr']), null);
  });
});
