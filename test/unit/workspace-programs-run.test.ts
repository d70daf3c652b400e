import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { parseGoFile } from '../../server/src/workspace/goImports';
import { loadWorkspace } from '../../server/src/workspace/load';
import { dataNamedRuns, programsRun } from '../../server/src/workspace/programsRun';
import { dataNamedRunByMains, packageByDir, programsRunByMains } from '../../server/src/workspace/query';
import { writeTree } from './helpers';

/**
 * The workspace fact of the programs a package runs by name (workspace/programsRun.ts), which the
 * generator (its "The program runs …" check) and GD208 read.
 */
const temps: string[] = [];
after(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

const dataNamed = (files: Record<string, string>) => dataNamedRuns(Object.entries(files).map(([file, text]) => ({ file, execs: parseGoFile(text).execs })));
const pkg = (files: Record<string, string>) => programsRun(Object.entries(files).map(([file, text]) => ({ file, execs: parseGoFile(text).execs })));

describe('programs a package runs by name', () => {
  it('reads exec.Command/CommandContext with a literal, in files that import os/exec; not commented-out calls', () => {
    const text = 'package git\n\nimport (\n\t"context"\n\t"os/exec"\n)\n\n// exec.Command("svn")\nfunc f(ctx context.Context) {\n\t_ = exec.Command("git", "--version").Run()\n\t_ = exec.CommandContext(ctx, "ssh", "-N").Run()\n}\n';
    assert.deepEqual(pkg({ 'git.go': text }), [
      { name: 'git', via: 'exec.Command("git")', file: 'git.go' },
      { name: 'ssh', via: 'exec.CommandContext("ssh")', file: 'git.go' },
    ]);
    assert.equal(parseGoFile(text.replace('"os/exec"', '"os"')).execs, null);
  });

  it('resolves a constant of the package (harness GitExecutable) from any of its files that import os/exec', () => {
    const run = 'package command\n\nimport (\n\t"context"\n\t"os/exec"\n)\n\nfunc run(ctx context.Context) error { return exec.CommandContext(ctx, GitExecutable, "version").Run() }\n';
    const consts = 'package command\n\nimport "os/exec"\n\nvar _ = exec.ErrNotFound\n\nconst (\n\tGitExecutable = "git"\n)\n';
    assert.deepEqual(pkg({ 'command.go': run, 'consts.go': consts }), [{ name: 'git', via: 'exec.CommandContext(GitExecutable = "git")', file: 'command.go' }]);
    // Declared where os/exec is not imported: not known (the loader reads the bodies of os/exec files only).
    assert.deepEqual(pkg({ 'command.go': run, 'consts.go': 'package command\n\nconst GitExecutable = "git"\n' }), []);
  });

  it('counts a LookPath whose error the function returns (k9s), not one that only looks for an optional tool; keeps the env gate', () => {
    const text = 'package view\n\nimport (\n\t"fmt"\n\t"os"\n\t"os/exec"\n)\n\nfunc a() error {\n\tbin, err := exec.LookPath("kubectl")\n\tif err != nil {\n\t\treturn fmt.Errorf("no kubectl: %w", err)\n\t}\n\t_ = bin\n\tif p, err := exec.LookPath("xdg-open"); err == nil {\n\t\t_ = p\n\t}\n\treturn nil\n}\n\nfunc b() {\n\tif os.Getenv("USE_MOUNT") != "" {\n\t\t_ = exec.Command("mount").Run()\n\t}\n}\n';
    assert.deepEqual(pkg({ 'exec.go': text }), [
      { name: 'mount', via: 'exec.Command("mount")', file: 'exec.go', onlyWith: 'USE_MOUNT' },
      { name: 'kubectl', via: 'exec.LookPath("kubectl"), its error returned', file: 'exec.go' },
    ]);
  });

  // direnv/direnv 99fd8df (MIT) config.go:146-153: `} else if config.BashPath, err =
  // exec.LookPath("bash"); err != nil {` / `err = fmt.Errorf("can't find bash: %q", err)` / `return`
  // (named results): everything but `direnv version` stops "can't find bash" without it (judge 40 G G6).
  it('counts a LookPath in an if statement\'s init whose block returns the error or a new one (direnv), not one whose block goes on', () => {
    const direnv = 'package main\n\nimport (\n\t"fmt"\n\t"os/exec"\n)\n\ntype Config struct{ BashPath string }\n\nfunc LoadConfig(env map[string]string, bashPath string) (config *Config, err error) {\n\tconfig = &Config{}\n\tif config.BashPath == "" {\n\t\tif env["DIRENV_BASH"] != "" {\n\t\t\tconfig.BashPath = env["DIRENV_BASH"]\n\t\t} else if bashPath != "" {\n\t\t\tconfig.BashPath = bashPath\n\t\t} else if config.BashPath, err = exec.LookPath("bash"); err != nil {\n\t\t\terr = fmt.Errorf("can\'t find bash: %q", err)\n\t\t\treturn\n\t\t}\n\t}\n\treturn\n}\n';
    assert.deepEqual(pkg({ 'config.go': direnv }), [{ name: 'bash', via: 'exec.LookPath("bash"), its error returned', file: 'config.go' }]);
    const returned = 'package x\n\nimport "os/exec"\n\nfunc f() error {\n\tif _, err := exec.LookPath("helm"); err != nil {\n\t\treturn err\n\t}\n\treturn nil\n}\n';
    assert.deepEqual(pkg({ 'x.go': returned }), [{ name: 'helm', via: 'exec.LookPath("helm"), its error returned', file: 'x.go' }]);
    const optional = 'package x\n\nimport (\n\t"log"\n\t"os/exec"\n)\n\nfunc f() error {\n\tif _, err := exec.LookPath("xclip"); err != nil {\n\t\tlog.Printf("no xclip: %v", err)\n\t\treturn nil\n\t}\n\treturn nil\n}\n\nfunc g() (err error) {\n\tif _, err = exec.LookPath("less"); err != nil {\n\t\terr = nil\n\t\treturn\n\t}\n\treturn\n}\n';
    assert.deepEqual(pkg({ 'x.go': optional }), []);
  });

  it('the loader keeps it per package; programsRunByMains reads the packages the main packages reach', () => {
    const root = writeTree(fs.mkdtempSync(path.join(os.tmpdir(), 'gd-runs-')), {
      'go.mod': 'module example.com/app\n\ngo 1.22\n',
      'main.go': 'package main\n\nimport "example.com/app/pkg/git"\n\nfunc main() { git.Check() }\n',
      'pkg/git/git.go': 'package git\n\nimport "os/exec"\n\nfunc Check() { _ = exec.Command("git", "--version").Run() }\n',
      'hack/release.go': 'package hack\n\nimport "os/exec"\n\nfunc Tag() { _ = exec.Command("make").Run() }\n',
    });
    temps.push(root);
    const m = loadWorkspace(root).model;
    assert.deepEqual(packageByDir(m, 'pkg/git')?.runsPrograms, [{ name: 'git', via: 'exec.Command("git")', file: 'git.go' }]);
    assert.deepEqual(programsRunByMains(m), [{ name: 'git', via: 'exec.Command("git") in pkg/git/git.go' }]);
    // No main package: every package counts.
    const lib = { ...m, packages: m.packages.map((p) => ({ ...p, isMain: false })) };
    assert.deepEqual(programsRunByMains(lib).map((r) => r.name).sort(), ['git', 'make']);
  });
  // pufferpanel/pufferpanel at 980d599 (Apache-2.0): servers/tty/tty.go runs a template's command,
  // `exec.Command(steps.Command, steps.Arguments...)` (judge 27 Y, W5).
  it('data-named calls: a field, an element, a variable no constant of the package holds, a shell\'s script from a variable', () => {
    const text = 'package tty\n\nimport (\n\t"context"\n\t"os"\n\t"os/exec"\n\t"runtime"\n)\n\nconst shell = "bash"\n\nfunc f(ctx context.Context, steps Data, cmd []string, name, script string) {\n\t_ = exec.Command(steps.Command, steps.Arguments...)\n\t_ = exec.CommandContext(ctx, cmd[0], cmd[1:]...)\n\t_ = exec.Command(name, "x")\n\t_ = exec.Command("/bin/sh", "-c", script)\n\t_ = exec.Command(shell, "-l")\n\t_ = exec.Command("git", "status")\n\t_ = exec.Command("sh", "-c", "true")\n\t_ = exec.Command(os.Args[0], "child")\n\tself, _ := os.Executable()\n\t_ = exec.Command(self, "child")\n\tif runtime.GOOS == "windows" {\n\t\t_ = exec.Command(steps.Windows, "/c")\n\t}\n}\n';
    assert.deepEqual(dataNamed({ 'tty.go': text }), [
      { via: 'exec.Command(name)', file: 'tty.go' },
      { via: 'exec.Command(steps.Command)', file: 'tty.go' },
      { via: 'exec.CommandContext(cmd[0])', file: 'tty.go' },
      { via: 'exec.Command(/bin/sh -c script)', file: 'tty.go' },
    ]);
    // The literal and constant names are still programs run by name, the shell's script aside.
    assert.deepEqual(pkg({ 'tty.go': text }).map((r) => r.name), ['/bin/sh', 'bash', 'git', 'sh']);
    // A variable another file of the package declares as a constant names a program, not data.
    assert.deepEqual(dataNamed({ 'a.go': 'package a\n\nimport "os/exec"\n\nfunc f() { _ = exec.Command(tool).Run() }\n', 'b.go': 'package a\n\nimport "os/exec"\n\nvar _ = exec.ErrNotFound\n\nconst tool = "git"\n' }), []);
  });

  it('dataNamedRunByMains: the first data-named call of the packages the main packages reach', () => {
    const root = writeTree(fs.mkdtempSync(path.join(os.tmpdir(), 'gd-runs-')), {
      'go.mod': 'module example.com/app\n\ngo 1.22\n',
      'main.go': 'package main\n\nimport "example.com/app/pkg/run"\n\nfunc main() { run.Step(nil) }\n',
      'pkg/run/run.go': 'package run\n\nimport "os/exec"\n\nfunc Step(cmd []string) { _ = exec.Command(cmd[0], cmd[1:]...).Run() }\n',
      'hack/tool.go': 'package hack\n\nimport "os/exec"\n\nfunc T(s struct{ Bin string }) { _ = exec.Command(s.Bin).Run() }\n',
    });
    temps.push(root);
    const m = loadWorkspace(root).model;
    assert.deepEqual(packageByDir(m, 'pkg/run')?.runsDataNamed, [{ via: 'exec.Command(cmd[0])', file: 'run.go' }]);
    assert.equal(dataNamedRunByMains(m), 'exec.Command(cmd[0]) in pkg/run/run.go');
    const noRun = { ...m, packages: m.packages.map((p) => (p.dir === 'pkg/run' ? { ...p, runsDataNamed: [] } : p)) };
    assert.equal(dataNamedRunByMains(noRun), undefined, 'hack/ is reached by no main package');
  });
});
