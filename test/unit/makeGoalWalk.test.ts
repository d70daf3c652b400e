/**
 * A make goal's walk through a Makefile's rules ends (dockerfile/indirectGo.ts MAX_GOALS):
 * benthosdev/benthos df6f918 (Apache-2.0 for this file; redpanda-data/connect) Makefile, whose
 * `$(TOOLS): %: $(PATHINSTTOOLS)/%` has TOOLS empty (commented out), so `%` makes any target from
 * a longer one, without end. `lint resources/docker/Dockerfile` (`RUN make TAGS="timetzdata"`) ran
 * for hours and grew to gigabytes (found in session 48); it now answers at once.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { df, writeTree } from './helpers';
import { makeGoalText } from '../../server/src/dockerfile/indirectGo';

// The Makefile's lines 1-58 that matter (version lines cut), as the repository has them.
const MAKEFILE = [
  '.PHONY: all serverless deps docker docker-cgo clean docs test test-race test-integration fmt lint install deploy-docs',
  '', 'TAGS ?=', '', 'DEST_DIR           ?= ./target', 'PATHINSTBIN        = $(DEST_DIR)/bin', 'PATHINSTTOOLS      = $(DEST_DIR)/tools',
  'PATHINSTSERVERLESS = $(DEST_DIR)/serverless', '', 'LD_FLAGS   ?= -w -s', 'GO_FLAGS   ?=', '',
  'APPS = redpanda-connect', 'all: $(APPS)', '',
  'SOURCE_FILES = $(shell find internal public cmd -type f)', '',
  '$(PATHINSTBIN)/%: $(SOURCE_FILES)', '\t@go build $(GO_FLAGS) -tags "$(TAGS)" -ldflags "$(LD_FLAGS) $(VER_FLAGS)" -o $@ ./cmd/$*', '',
  '$(APPS): %: $(PATHINSTBIN)/%', '',
  '# TOOLS = redpanda-docs TODO', '# tools: $(TOOLS)', '',
  '$(PATHINSTTOOLS)/%: $(SOURCE_FILES)', '\t@go build $(GO_FLAGS) -tags "$(TAGS)" -ldflags "$(LD_FLAGS) $(VER_FLAGS)" -o $@ ./cmd/tools/$*', '',
  '$(TOOLS): %: $(PATHINSTTOOLS)/%', '',
  '# SERVERLESS = redpanda-connect-lambda TODO', '',
  '$(PATHINSTSERVERLESS)/%: $(SOURCE_FILES)', '\t@CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o $@ ./cmd/serverless/$*', '',
  '$(SERVERLESS): %: $(PATHINSTSERVERLESS)/%', '',
].join('\n');

// resources/docker/Dockerfile lines 1-16.
const DOCKERFILE = df([
  'FROM golang:1.22 AS build', 'ENV CGO_ENABLED=0', 'ENV GOOS=linux', 'RUN useradd -u 10001 connect',
  'WORKDIR /go/src/github.com/redpanda-data/connect/', 'COPY go.* /go/src/github.com/redpanda-data/connect/', 'RUN go mod download',
  'COPY . /go/src/github.com/redpanda-data/connect/', 'RUN make TAGS="timetzdata"',
  'FROM busybox AS package', 'COPY --from=build /go/src/github.com/redpanda-data/connect/target/bin/redpanda-connect .', 'ENTRYPOINT ["/redpanda-connect"]',
]);

describe('make goal walk', () => {
  it('benthos: a lint through a Makefile whose pattern rule grows its targets ends (in a child process, killed after 60 s)', () => {
    const dir = writeTree(fs.mkdtempSync(path.join(os.tmpdir(), 'gd-makewalk-')), {
      'go.mod': 'module github.com/redpanda-data/connect/v4\n\ngo 1.22\n',
      'cmd/redpanda-connect/main.go': 'package main\n\nfunc main() {}\n',
      Makefile: MAKEFILE,
      'resources/docker/Dockerfile': DOCKERFILE,
    });
    try {
      const cli = path.join(__dirname, '../../server/src/cli.ts');
      const code = `require(${JSON.stringify(cli)}).main(process.argv.slice(1), (s) => process.stdout.write(s + '\\n'), () => {}).then((c) => process.exit(c))`;
      const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code, 'lint', path.join(dir, 'resources/docker/Dockerfile'), '--context', dir, '--format', 'json'], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.signal, null, 'the lint did not end');
      const findings = JSON.parse(r.stdout) as { code: string; message: string }[];
      // The download layer is still reported; and what make runs is known: the static pattern
      // rule with TOOLS empty makes nothing, so the walk no longer hits MAX_GOALS.
      assert.ok(findings.some((f) => f.code === 'GD107' && /go mod download/.test(f.message)), r.stdout);
      assert.ok(findings.some((f) => f.code === 'GD107' && /^`make TAGS=timetzdata` \(the recipes its goals reach in Makefile compile Go\)/.test(f.message)), r.stdout);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // benthosdev/benthos df6f918 Makefile (above): `$(TOOLS): %: $(PATHINSTTOOLS)/%` with TOOLS not set.
  it('benthos: a static pattern rule whose target list is empty makes nothing; the goal\'s recipes are read', () => {
    const text = makeGoalText(MAKEFILE, []);
    assert.ok(text !== null, 'the walk gave up');
    assert.ok(text.includes('-o $@ ./cmd/$*'), text);
    assert.ok(!text.includes('./cmd/tools/$*'), text);
    assert.ok(!text.includes('./cmd/serverless/$*'), text);
  });

  it('a static pattern rule whose targets are set still makes them (TOOLS uncommented)', () => {
    const tools = MAKEFILE.replace('# TOOLS = redpanda-docs TODO', 'TOOLS = redpanda-docs').replace('# tools: $(TOOLS)', 'tools: $(TOOLS)');
    const text = makeGoalText(tools, ['tools']);
    assert.ok(text !== null && text.includes('-o $@ ./cmd/tools/$*'), String(text));
    // A target the list does not name is not made by it: no rule, so the goal is not found.
    assert.equal(makeGoalText(tools, ['other-tool']), null);
  });
});
