/**
 * dockerfile/indirectGo.ts makeGoalText: the part of a Makefile that `make <goals>` may run
 * (getfider/fider 67c52826 Makefile, AGPL-3.0: `build-ssr` runs npx and node, `build-server` go
 * build; jumpserver/koko 27b5bef Makefile, GPL-3.0: `build` runs go through $(KOKOBUILD)).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { makeGoalText, taskGoalText, taskGoals } from '../../server/src/dockerfile/indirectGo';
import { parseShell } from '../../server/src/dockerfile/shell';
import { ready } from './helpers';
import { TIFLOW_INCLUDED, TIFLOW_MAKEFILE } from './rules/kit/tiflow';

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

  it('null where recipes may come from out of sight: include (without a reader), eval, a default goal a variable names, an unknown goal, a recipe that runs make', () => {
    assert.equal(makeGoalText(`include other.mk\n${FIDER}`, ['build-ssr']), null);
    assert.equal(makeGoalText(`$(eval $(call x))\n${FIDER}`, ['build-ssr']), null);
    assert.equal(makeGoalText(`$(BIN): main.go\n\tgo build\n${FIDER}`, []), null);
    // A target a variable hides may be a goal without a rule of its own, not one that has one.
    assert.equal(makeGoalText(`$(BIN): main.go\n\tgo build\n${FIDER}`, ['build-ssr']), 'build-ssr:\n\tnpx lingui compile');
    assert.match(makeGoalText(`$(BIN): main.go\n\tgo build\n${FIDER}`, ['app'])!, /go build/);
    assert.equal(makeGoalText(FIDER, ['assets']), null);
    assert.equal(makeGoalText(FIDER.replace('\tnpx lingui compile', '\t$(MAKE) -C ui'), ['build-ssr']), null);
    // A make run in a target the goal does not reach does not matter.
    assert.notEqual(makeGoalText(FIDER.replace('\tnpx webpack-cli', '\t$(MAKE) -C ui'), ['build-ssr']), null);
  });

  // pingcap/tiflow c7b2588 (Apache-2.0) Makefile:42,77,127-128,163-164 (judge 37 X, M1): the
  // Makefile includes tools/Makefile and Makefile.engine before its goals; `kafka_consumer`'s
  // recipe runs `go build` through $(CONSUMER_GOBUILD). Each file `include` names is read where the
  // line is (relative to the folder make runs in); one that cannot be read leaves the goals unknown.
  it('tiflow: `include` reads the files it names, in place; null when one cannot be read, for -include, or for a file a rule makes', () => {
    const tiflow = TIFLOW_MAKEFILE;
    const files: Record<string, string> = { ...TIFLOW_INCLUDED };
    const asked: string[] = [];
    const read = (rel: string) => {
      asked.push(rel);
      return files[rel] ?? null;
    };
    const text = makeGoalText(tiflow, ['kafka_consumer'], read);
    assert.deepEqual(asked, ['tools/Makefile', 'Makefile.engine']);
    assert.match(text ?? '', /^kafka_consumer:\n\t\$\(CONSUMER_GOBUILD\)/);
    assert.match(text ?? '', /CONSUMER_GOBUILD {2}:= .*\$\(GO\) build/);
    assert.doesNotMatch(text ?? '', /failpoint-ctl|run_engine/);
    // A goal only an included file has; the included file's first rule is the default goal when it comes first.
    assert.match(makeGoalText(tiflow, ['engine_image'], read) ?? '', /run_engine\.sh build/);
    assert.match(makeGoalText(tiflow, [], read) ?? 'null', /failpoint-ctl/);
    // Without a reader, or with a file it cannot read (absent, dockerignored), as before: null.
    assert.equal(makeGoalText(tiflow, ['kafka_consumer']), null);
    assert.equal(makeGoalText(tiflow, ['kafka_consumer'], (rel) => (rel === 'Makefile.engine' ? null : files[rel] ?? null)), null);
    // `-include`/`sinclude` go on without the file: whether the image has it is not known.
    assert.equal(makeGoalText(tiflow.replace('include Makefile.engine', '-include Makefile.engine'), ['kafka_consumer'], read), null);
    assert.equal(makeGoalText(tiflow.replace('include Makefile.engine', 'sinclude Makefile.engine'), ['kafka_consumer'], read), null);
    // A name a variable the Makefile does not tell, a glob, a path outside make's folder.
    assert.equal(makeGoalText(tiflow.replace('include Makefile.engine', 'include $(ROOT)/Makefile.engine'), ['kafka_consumer'], read), null);
    assert.equal(makeGoalText(tiflow.replace('include Makefile.engine', 'include *.engine'), ['kafka_consumer'], read), null);
    assert.equal(makeGoalText(tiflow.replace('include Makefile.engine', 'include ../Makefile.engine'), ['kafka_consumer'], read), null);
    // One the Makefile names through a variable it sets is read.
    assert.match(makeGoalText(tiflow.replace('include Makefile.engine', 'ENGINE := Makefile.engine\ninclude $(ENGINE)'), ['kafka_consumer'], read) ?? '', /CONSUMER_GOBUILD/);
    // make first remakes an included file that a rule makes: what it then holds is not known.
    assert.equal(makeGoalText(`${tiflow}Makefile.engine: gen.sh\n\t./gen.sh > $@\n`, ['kafka_consumer'], read), null);
    // An included file that includes itself without end.
    assert.equal(makeGoalText(tiflow, ['kafka_consumer'], (rel) => (rel === 'Makefile.engine' ? 'include Makefile.engine\n' : files[rel] ?? null)), null);
  });

  // warpstreamlabs/bento 7825c95 (MIT) Makefile:26-64 (judge 30 Y, M2): the default goal `all:
  // $(APPS)` reaches the static pattern rule `$(APPS): %: $(PATHINSTBIN)/%` and through it the
  // pattern rule `$(PATHINSTBIN)/%`; the serverless pattern rule (GOARCH=amd64) is not reached.
  it('bento: variables expanded in targets and prerequisites; static pattern rules; only the pattern rules a reached target needs', () => {
    const bento = [
      'DEST_DIR ?= ./target',
      'PATHINSTBIN = $(DEST_DIR)/bin',
      'PATHINSTSERVERLESS = $(DEST_DIR)/serverless',
      'APPS = bento',
      'all: $(APPS)',
      'SOURCE_FILES = $(shell find internal public cmd -type f)',
      '$(PATHINSTBIN)/%: $(SOURCE_FILES)',
      '\t@go build -o $@ ./cmd/$*',
      '$(APPS): %: $(PATHINSTBIN)/%',
      'SERVERLESS = bento-lambda',
      'serverless: $(SERVERLESS)',
      '$(PATHINSTSERVERLESS)/%: $(SOURCE_FILES)',
      '\t@CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o $@ ./cmd/serverless/$*',
      '$(SERVERLESS): %: $(PATHINSTSERVERLESS)/%',
      '',
    ].join('\n');
    const all = makeGoalText(bento, [])!;
    assert.match(all, /\t@go build -o \$@ \.\/cmd\/\$\*/);
    assert.doesNotMatch(all, /GOARCH/);
    assert.match(makeGoalText(bento, ['serverless'])!, /GOARCH=amd64/);
    // A file target the pattern rule makes, named directly.
    assert.match(makeGoalText(bento, ['target/bin/bento'])!, /go build/);
    // A pattern rule is not taken for a target with a recipe of its own.
    assert.doesNotMatch(makeGoalText('%: %.c\n\tcc -o $@ $<\nall:\n\tgo build .\n', [])!, /cc -o/);
  });
});

// damongolding/immich-kiosk c82f363 (AGPL-3.0) taskfile.yml:8-15, taskfile.frontend.yml:7-8 (judge 34 X, W1):
// `task frontend` runs a task of a flattened include; the root file's `build` runs go build.
describe('taskGoalText', () => {
  const ROOT = ['version: "3"', 'vars:', '  GOARCH: arm64', 'includes:', '  frontend:', '    taskfile: ./taskfile.frontend.yml', '    flatten: true', '  tools: ./tools', '  opt:', '    taskfile: ./missing.yml', '    optional: true',
    'tasks:', '  default:', '    deps: [build]', '  build:', '    deps:', '      - frontend', '      - task: gen', '    cmds:', '      - go build -o dist/kiosk .', '  gen: go tool templ generate', '  "start:*":', '    cmds:', '      - echo {{.MATCH}}', ''].join('\n');
  const FRONT = ['version: "3"', 'tasks:', '  frontend:', '    deps: [frontend:css]', '  frontend:css:', '    cmds:', '      - esbuild src/css/kiosk.css', ''].join('\n');
  const TOOLS = ['version: "3"', 'env:', '  CGO_ENABLED: 0', 'tasks:', '  lint:', '    cmds:', '      - task: vet', '  vet:', '    cmds:', '      - go vet ./...', '  all:', '    cmds:', '      - task: :build', ''].join('\n');
  const files: Record<string, string> = { 'taskfile.frontend.yml': FRONT, 'tools/Taskfile.yml': TOOLS };
  const read = (rel: string) => files[rel] ?? null;
  const text = (goals: string[], root = ROOT) => taskGoalText(root, 'taskfile.yml', goals, read);

  it('a goal of a flattened include and its deps only, with the top-level vars and env of every file read', () => {
    const t = text(['frontend'])!;
    assert.match(t, /esbuild/);
    assert.doesNotMatch(t, /go build|go tool/);
    assert.match(t, /GOARCH: arm64/);
    assert.match(t, /CGO_ENABLED: 0/);
  });

  it('deps as a list with `task:` entries, the default goal, a shorthand task, a wildcard name', () => {
    for (const g of [['build'], ['default']]) {
      const t = text(g)!;
      assert.match(t, /go build/, g.join());
      assert.match(t, /go tool templ generate/, g.join());
      assert.match(t, /esbuild/, g.join());
    }
    assert.match(text(['start:web'])!, /echo \{\{\.MATCH\}\}/);
  });

  it('a namespaced include (a folder: its Taskfile.yml): `ns:task`, its own references in its namespace, `:task` for the root', () => {
    const lint = text(['tools:lint'])!;
    assert.match(lint, /go vet/);
    assert.doesNotMatch(lint, /go build/);
    assert.match(text(['tools:all'])!, /go build/);
    assert.equal(text(['lint']), null);
  });

  it('null where the goals cannot be followed: an unknown goal, a templated reference, task run through the shell, a missing include', () => {
    assert.equal(text(['assets']), null);
    assert.equal(text(['build'], ROOT.replace('      - task: gen', '      - task: "{{.GEN}}"')), null);
    assert.equal(text(['build'], ROOT.replace('      - go build -o dist/kiosk .', '      - task gen')), null);
    assert.equal(text(['build'], ROOT.replace('      - go build -o dist/kiosk .', '      - "{{.TASK_EXE}} gen"')), null);
    assert.equal(text(['build'], ROOT.replace('./taskfile.frontend.yml', './gone.yml')), null);
  });

  before(async () => {
    await ready;
  });

  it('taskGoals: the task names of a run, `default` without one; null for a listing or a word only the shell knows', () => {
    const goals = (s: string) => taskGoals(parseShell(s).commands[0].argv);
    assert.deepEqual(goals('task frontend'), ['frontend']);
    assert.deepEqual(goals('task -d web --taskfile x.yml build VERSION=1 -- -v'), ['build']);
    assert.deepEqual(goals('task'), ['default']);
    assert.equal(goals('task --list'), null);
    assert.equal(goals('task $GOAL'), null);
    assert.equal(goals('make build'), null);
  });
});
