/**
 * The generated runtime and the programs the binary runs, on real repositories of round 40
 * (judge G's and judge Y's generator sections), session 55: each case a small skeleton of a real
 * repository (the files that matter, with their sizes in the repository, go.mod and the few
 * relevant lines), with its repository, commit and licence above it, plus the variants that keep
 * the old behaviour where it is right.
 *
 * 1. miguelmota/streamhut, ouqiang/gocron: a program that runs /bin/bash on a debian-slim runtime
 *    gets no Check that bash is missing: bash is Essential in Debian (bookworm-slim has it); on
 *    alpine (busybox ash only) the Check stays.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge40-g55');

// miguelmota/streamhut at 7f1d8821de4c0bf4e9e219783c085e8f13bff7b5 (Apache-2.0): go.mod (639 bytes)
// `module github.com/streamhut/streamhut`, go 1.14; cmd/streamhut/main.go imports
// github.com/streamhut/streamhut/pkg/cli, which imports pkg/open; pkg/open/open.go (946 bytes):24
// `exec.Command("/bin/bash", "-c", fmt.Sprintf("%s %s %s", "command", "-v", cmd)).Output()`.
// The frozen CLI (59d3445) chose debian:bookworm-slim because of it and then said "The program runs
// /bin/bash … which debian:bookworm-slim does not include: install it" (judge 40 G G9, Y G6).
const streamhut: Record<string, string | null> = {
  'go.mod': 'module github.com/streamhut/streamhut\n\ngo 1.14\n',
  'cmd/streamhut/main.go': `package main

import "github.com/streamhut/streamhut/pkg/open"

func main() {
	if open.CommandExists() {
		open.URL("http://localhost:8080")
	}
}
`,
  'pkg/open/open.go': `package open

import (
	"fmt"
	"os/exec"
	"strings"
)

var openCmd string
var possibleCmds = []string{
	"xdg-open", // generic linux
}

func init() {
	for _, cmd := range possibleCmds {
		out, err := exec.Command("/bin/bash", "-c", fmt.Sprintf("%s %s %s", "command", "-v", cmd)).Output()
		if err != nil {
			continue
		}
		bin := strings.TrimSpace(string(out))
		if bin != "" {
			openCmd = bin
			break
		}
	}
}

// URL open url
func URL(s string) error {
	if openCmd != "" {
		exec.Command(openCmd, s).Output()
	}
	return nil
}

// CommandExists returns true if an 'open' command exists
func CommandExists() bool {
	return openCmd != ""
}
`,
};

describe('judge 40: bash on debian-slim (miguelmota/streamhut 7f1d882 pkg/open/open.go:24)', () => {
  it('debian-slim is chosen for /bin/bash and no Check says it lacks bash', async () => {
    const r = await gen(tree(streamhut, {}));
    assert.match(r.dockerfile, /^FROM debian:bookworm-slim$/m, r.dockerfile);
    assert.ok(!r.warnings.some((w) => w.includes('/bin/bash') && w.includes('does not include')), r.warnings.join('\n'));
    assert.ok(!/install[^\n]*bash/.test(r.dockerfile), r.dockerfile);
  });
  it('alpine (busybox ash only) keeps the Check', async () => {
    const r = await gen(tree(streamhut, {}), { runtime: 'alpine' });
    assert.ok(r.warnings.some((w) => w.startsWith('The program runs /bin/bash (exec.Command("/bin/bash") in pkg/open/open.go) at run time, which alpine')), r.warnings.join('\n'));
  });
});
