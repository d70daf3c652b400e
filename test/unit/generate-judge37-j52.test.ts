/**
 * The generator on real repositories of round 37 (judge G, engineer J52). Each case is a small
 * skeleton of the real repository (the files that matter, with their sizes in the repository,
 * go.mod and the import blocks), with its repository, commit and licence above it, plus variants
 * that keep the old behaviour where it is right.
 *
 * 1. A file the program writes, or a git file of the repository, is not copied into the image as a
 *    file the program reads: openfaas/faas-cli reads AND writes the .gitignore of the folder it
 *    runs in (commands/update_gitignore.go:38); the generated `COPY .gitignore /app/.gitignore`
 *    shipped faas-cli's own development .gitignore, root-owned, and `faas-cli new` failed as user
 *    65532 with "open .gitignore: permission denied" (judge37/G G3).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge37-j52');

// openfaas/faas-cli at ee4db09a978f9f207c0379283ce4df13529674fb (tag 0.17.6, MIT): go.mod (2,317
// bytes) `module github.com/openfaas/faas-cli`, `go 1.23.0`, spf13/cobra among its requires;
// main.go (406 bytes) calls commands.Execute; .gitignore (257 bytes, faas-cli's own: faas-cli-darwin,
// faas-cli.exe, template, build …); commands/update_gitignore.go (1,120 bytes) lines 35-58:
// `os.OpenFile(".gitignore", os.O_RDWR|os.O_CREATE, 0644)`, `os.ReadFile(".gitignore")`, then
// f.WriteString (called from commands/new_function.go:206 and local_run.go:166).
const updateGitignore = (open: string) => `package commands\n\nimport (\n\t"os"\n\t"strings"\n)\n\nfunc updateContent(content string) string {\n\tlines := strings.Split(content, "\\n")\n\tlines = append(lines, "template", "build", ".secrets")\n\treturn strings.Trim(strings.Join(lines, "\\n"), "\\n")\n}\n\nfunc updateGitignore() (err error) {\n\t// update .gitignore file if it already present otherwise creates it\n\n\tf, err := ${open}\n\tif err != nil {\n\t\treturn err\n\t}\n\n\tdefer f.Close()\n\n\tcontent, err := os.ReadFile(".gitignore")\n\tif err != nil {\n\t\treturn err\n\t}\n\n\t_, err = f.WriteString(updateContent(string(content)) + "\\n")\n\treturn err\n}\n`;
const faasCli: Record<string, string | null> = {
  'go.mod': 'module github.com/openfaas/faas-cli\n\ngo 1.23.0\n\ntoolchain go1.23.3\n\nrequire github.com/spf13/cobra v1.8.1\n',
  'go.sum': 'github.com/spf13/cobra v1.8.1 h1:x=\ngithub.com/spf13/cobra v1.8.1/go.mod h1:y=\n',
  '.gitignore': '**/node_modules/\nbuild\n!contrib/bash/faas-cli\nfaas-cli\nfaas-cli-darwin\nfaas-cli.exe\n\ntemplate\n\n.secrets\n',
  'main.go': 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\n\t"github.com/openfaas/faas-cli/commands"\n)\n\nfunc main() {\n\tif len(os.Args) < 1 {\n\t\tfmt.Fprintln(os.Stderr, "no args")\n\t\tos.Exit(1)\n\t}\n\tcommands.Execute(os.Args[1:])\n}\n',
  'commands/faas.go': 'package commands\n\nimport (\n\t"github.com/spf13/cobra"\n)\n\nvar faasCmd = &cobra.Command{Use: "faas-cli"}\n\nfunc Execute(customArgs []string) {\n\tfaasCmd.SetArgs(customArgs)\n\t_ = faasCmd.Execute()\n}\n',
  'commands/new_function.go': 'package commands\n\nimport (\n\t"fmt"\n)\n\nfunc runNewFunction() error {\n\tif err := updateGitignore(); err != nil {\n\t\treturn fmt.Errorf("got unexpected error while updating .gitignore file: %s", err)\n\t}\n\treturn nil\n}\n',
  'commands/update_gitignore.go': updateGitignore('os.OpenFile(".gitignore", os.O_RDWR|os.O_CREATE, 0644)'),
};

describe('1. files the program writes, and git files, are not shipped as files it reads', () => {
  it('faas-cli (reads and writes ./.gitignore): no COPY .gitignore, no reason saying it is read at run time', async () => {
    const r = await gen(tree(faasCli, {}));
    assert.doesNotMatch(r.dockerfile, /\.gitignore/, r.dockerfile);
    assert.ok(!r.reasons.some((x) => x.includes('.gitignore is copied')), r.reasons.join('\n'));
    assert.match(r.dockerfile, /^ENTRYPOINT \["\/usr\/local\/bin\/faas-cli"\]$/m, r.dockerfile);
  });

  it('a .gitignore the program only reads is still no data of it (a git file of the repository)', async () => {
    const r = await gen(tree(faasCli, { 'commands/update_gitignore.go': updateGitignore('os.Open(".gitignore")') }));
    assert.doesNotMatch(r.dockerfile, /COPY .*\.gitignore/, r.dockerfile);
  });

  it('another file the program writes (os.WriteFile of the same name) is not copied either', async () => {
    const r = await gen(tree(faasCli, {
      'stack.yml': 'provider:\n  name: openfaas\n',
      'commands/stack.go': 'package commands\n\nimport (\n\t"os"\n)\n\nfunc saveStack(b []byte) error {\n\tif _, err := os.ReadFile("stack.yml"); err == nil {\n\t\treturn nil\n\t}\n\treturn os.WriteFile("stack.yml", b, 0600)\n}\n',
    }));
    assert.doesNotMatch(r.dockerfile, /COPY stack\.yml/, r.dockerfile);
  });

  it('negative: a file the program only reads (os.ReadFile, os.OpenFile with O_RDONLY) is still copied', async () => {
    const reads = (call: string) => ({
      'stack.yml': 'provider:\n  name: openfaas\n',
      'commands/stack.go': `package commands\n\nimport (\n\t"os"\n)\n\nfunc loadStack() ([]byte, error) {\n\tf, err := ${call}\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tdefer f.Close()\n\treturn os.ReadFile("stack.yml")\n}\n\nfunc saveOther(b []byte) error {\n\treturn os.WriteFile("other.yml", b, 0600)\n}\n`,
    });
    for (const call of ['os.Open("stack.yml")', 'os.OpenFile("stack.yml", os.O_RDONLY, 0)']) {
      const r = await gen(tree(faasCli, reads(call)));
      assert.match(r.dockerfile, /^COPY stack\.yml \/app\/stack\.yml$/m, `${call}\n${r.dockerfile}`);
    }
  });
});
