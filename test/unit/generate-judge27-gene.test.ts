/**
 * The generator on real repositories of round 27 (helper "gen-e"): each case is a small skeleton
 * of a real repository (the files that matter, with their sizes in the repository, go.mod and the
 * few relevant lines), with its repository, commit and licence above it, plus the variants that
 * keep the old behaviour where it is right.
 *
 * 1. A program run through an argv: `exec.Command(c.RebootCommand[0], c.RebootCommand[1:]...)`,
 *    where a `[]string{"/usr/bin/nsenter", …}` literal of the same file reaches RebootCommand
 *    (kured): the runtime gets nsenter (debian with util-linux), not distroless.
 * 2. A required module replaced with a folder of the context that holds no go.mod (mergestat-lite's
 *    git2go submodule, empty in a plain clone): the generator refuses and names the submodule,
 *    instead of writing a Dockerfile whose `go mod download` fails.
 * 3. The project's image starts a script that starts the program once, with arguments and after
 *    other steps (vulcan-api's run.sh: envsubst renders run.toml, flyway migrates, then `exec
 *    ./vulcan-api -c run.toml`): a Check names the script, the arguments, the file it writes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';
import { GenerateError } from '../../server/src/generate';
import { fileExecs } from '../../server/src/workspace/programsRun';
import { scriptCommands } from '../../server/src/facts/goAtStart';

const { gen, tree } = generatorTrees('judge27-gene');

const fromLines = (df: string): string[] => df.split('\n').filter((l) => l.startsWith('FROM '));

// kubereboot/kured at 51220cc (Apache-2.0): go.mod (4,378 bytes) `module github.com/kubereboot/kured`,
// `go 1.26.5`; cmd/kured/main.go (27,002 bytes) imports pkg/checkers and pkg/reboot and calls
// reboot.NewCommandRebooter(rebootCommand); pkg/reboot/command.go (1,625 bytes):
// `cmd := []string{"/usr/bin/nsenter", fmt.Sprintf("-m/proc/%d/ns/mnt", 1), "--"}` …
// `return &CommandRebooter{RebootCommand: cmd}` and, in Reboot(),
// `cmd := exec.Command(c.RebootCommand[0], c.RebootCommand[1:]...)`; pkg/checkers/checker.go
// (4,546 bytes): `var cmd []string` / `if privileged { cmd = append(cmd, "/usr/bin/nsenter", …) }`
// … `CheckCommand: cmd`, run as `exec.Command(rc.CheckCommand[0], rc.CheckCommand[1:]...)`.
const kuredCommand = (head: string) => `package reboot\n\nimport (\n\t"fmt"\n\t"os/exec"\n\n\t"github.com/google/shlex"\n)\n\ntype CommandRebooter struct {\n\tRebootCommand []string\n}\n\nfunc (c CommandRebooter) Reboot() error {\n\tcmd := exec.Command(c.RebootCommand[0], c.RebootCommand[1:]...) // #nosec G204\n\treturn cmd.Run()\n}\n\nfunc NewCommandRebooter(rebootCommand string) (*CommandRebooter, error) {\n\tif rebootCommand == "" {\n\t\treturn nil, fmt.Errorf("no reboot command specified")\n\t}\n\tcmd := []string{${head}, fmt.Sprintf("-m/proc/%d/ns/mnt", 1), "--"}\n\tparsedCommand, err := shlex.Split(rebootCommand)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tcmd = append(cmd, parsedCommand...)\n\treturn &CommandRebooter{RebootCommand: cmd}, nil\n}\n`;
const kuredChecker = `package checkers\n\nimport (\n\t"os/exec"\n\n\t"github.com/google/shlex"\n)\n\ntype CommandChecker struct {\n\tCheckCommand []string\n\tNamespacePid int\n\tPrivileged   bool\n}\n\nfunc (rc CommandChecker) RebootRequired() bool {\n\tcmd := exec.Command(rc.CheckCommand[0], rc.CheckCommand[1:]...)\n\treturn cmd.Run() == nil\n}\n\nfunc NewCommandChecker(sentinelCommand string, pid int, privileged bool) (*CommandChecker, error) {\n\tvar cmd []string\n\tif privileged {\n\t\tcmd = append(cmd, "/usr/bin/nsenter", fmt.Sprintf("-m/proc/%d/ns/mnt", pid), "--")\n\t}\n\tparsedCommand, err := shlex.Split(sentinelCommand)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tcmd = append(cmd, parsedCommand...)\n\treturn &CommandChecker{CheckCommand: cmd, NamespacePid: pid, Privileged: privileged}, nil\n}\n`;
const kured: Record<string, string | null> = {
  'go.mod': 'module github.com/kubereboot/kured\n\ngo 1.26.5\n\nrequire github.com/google/shlex v0.0.0-20191202100458-e7afc7fbc510\n',
  'go.sum': 'github.com/google/shlex v0.0.0-20191202100458-e7afc7fbc510 h1:x\ngithub.com/google/shlex v0.0.0-20191202100458-e7afc7fbc510/go.mod h1:y\n',
  'cmd/kured/main.go': 'package main\n\nimport (\n\t"github.com/kubereboot/kured/pkg/checkers"\n\t"github.com/kubereboot/kured/pkg/reboot"\n)\n\nfunc main() {\n\tc, _ := checkers.NewCommandChecker("test -f /var/run/reboot-required", 1, true)\n\tr, _ := reboot.NewCommandRebooter("/bin/systemctl reboot")\n\tif c.RebootRequired() {\n\t\t_ = r.Reboot()\n\t}\n}\n',
  'pkg/reboot/command.go': kuredCommand('"/usr/bin/nsenter"'),
  'pkg/checkers/checker.go': kuredChecker,
};

describe('1. kured: /usr/bin/nsenter held in an argv that reaches exec.Command(argv[0], argv[1:]...)', () => {
  it('the runtime is debian with util-linux (nsenter), not distroless', async () => {
    const r = await gen(tree(kured, {}));
    assert.deepEqual(fromLines(r.dockerfile).slice(-1), ['FROM debian:bookworm-slim'], r.dockerfile);
    assert.match(r.dockerfile, /apt-get install -y --no-install-recommends util-linux/);
    assert.ok(r.reasons.some((x) => x.includes('/usr/bin/nsenter') && x.includes('[0], …) with')), r.reasons.join('\n'));
  });

  it('alpine: util-linux-misc (alpine split nsenter out of util-linux)', async () => {
    const r = await gen(tree(kured, {}), { runtime: 'alpine' });
    assert.match(r.dockerfile, /apk add --no-cache [^\n]*util-linux-misc/, r.dockerfile);
  });

  it('the reboot command alone (no checker) is enough, through a variable assigned to a struct field', async () => {
    const r = await gen(tree(kured, { 'pkg/checkers/checker.go': 'package checkers\n\ntype CommandChecker struct{}\n\nfunc NewCommandChecker(s string, pid int, p bool) (*CommandChecker, error) { return &CommandChecker{}, nil }\nfunc (CommandChecker) RebootRequired() bool { return true }\n' }));
    assert.match(r.dockerfile, /util-linux/, r.dockerfile);
  });

  it('negative: the argv head is computed (no literal program): distroless stays', async () => {
    const r = await gen(tree(kured, { 'pkg/reboot/command.go': kuredCommand('rebootCommand'), 'pkg/checkers/checker.go': kuredChecker.replace('"/usr/bin/nsenter", ', 'sentinelCommand, ') }));
    assert.match(fromLines(r.dockerfile).slice(-1)[0], /distroless/, r.dockerfile);
  });

  it('fileExecs: only an argv whose element 0 is run with the rest as its arguments, and only a program name', () => {
    assert.deepEqual(fileExecs('package a\nimport "os/exec"\nfunc f() {\n\targs := []string{"git", "log"}\n\t_ = exec.Command(args[0], args[1:]...).Run()\n}\n').calls.map((c) => c.name), ['git']);
    // Element 1 as the program, or a literal that is no program name (a URL, a relative path): not counted.
    assert.deepEqual(fileExecs('package a\nimport "os/exec"\nfunc f() {\n\targs := []string{"git", "log"}\n\t_ = exec.Command(args[1], args[2:]...).Run()\n}\n').calls, []);
    assert.deepEqual(fileExecs('package a\nimport "os/exec"\nfunc f() {\n\targs := []string{"https://example.com/x", "log"}\n\t_ = exec.Command(args[0], args[1:]...).Run()\n}\n').calls, []);
    // A local argv named in another function (a parameter here), and a literal made only on windows (aws-sdk-go-v2's processcreds).
    assert.deepEqual(fileExecs('package a\nimport "os/exec"\nfunc f() {\n\targs := []string{"git", "log"}\n\tg(args)\n}\nfunc g(args []string) { _ = exec.Command(args[0], args[1:]...).Run() }\n').calls, []);
    assert.deepEqual(fileExecs('package a\nimport (\n\t"os/exec"\n\t"runtime"\n)\nfunc f(c string) {\n\tvar cmdArgs []string\n\tif runtime.GOOS == "windows" {\n\t\tcmdArgs = []string{"cmd.exe", "/C"}\n\t} else {\n\t\tcmdArgs = []string{"sh", "-c"}\n\t}\n\tcmdArgs = append(cmdArgs, c)\n\t_ = exec.Command(cmdArgs[0], cmdArgs[1:]...).Run()\n}\n').calls.map((x) => x.name), ['sh']);
    // A variable that something else was assigned first: the literal appended is not element 0.
    assert.deepEqual(fileExecs('package a\nimport "os/exec"\ntype T struct{ Argv []string }\nfunc g(x []string) *T {\n\tcmd := x\n\tcmd = append(cmd, "/usr/bin/nsenter")\n\treturn &T{Argv: cmd}\n}\nfunc (t T) r() { _ = exec.Command(t.Argv[0], t.Argv[1:]...).Run() }\n').calls, []);
  });
});

// mergestat/mergestat-lite at 5858dca (MIT): go.mod (3,672 bytes) `module
// github.com/mergestat/mergestat-lite`, `go 1.19`, requires github.com/libgit2/git2go/v34 v34.0.0
// and line 88 `replace github.com/libgit2/git2go/v34 => ./git2go`; .gitmodules (77 bytes)
// `[submodule "git2go"] path = git2go url = https://github.com/libgit2/git2go`; git2go/ is empty in
// a plain clone. mergestat.go: `package main`, imports github.com/mergestat/mergestat-lite/cmd;
// extensions/internal/git/native/blame.go imports github.com/libgit2/git2go/v34.
const mergestat: Record<string, string | null> = {
  'go.mod': 'module github.com/mergestat/mergestat-lite\n\ngo 1.19\n\nrequire (\n\tgithub.com/libgit2/git2go/v34 v34.0.0\n\tgithub.com/spf13/cobra v1.8.0\n)\n\nreplace github.com/libgit2/git2go/v34 => ./git2go\n',
  'go.sum': 'github.com/spf13/cobra v1.8.0 h1:x\ngithub.com/spf13/cobra v1.8.0/go.mod h1:y\n',
  '.gitmodules': '[submodule "git2go"]\n\tpath = git2go\n\turl = https://github.com/libgit2/git2go\n',
  'mergestat.go': 'package main\n\nimport (\n\t"github.com/mergestat/mergestat-lite/cmd"\n)\n\nfunc main() {\n\tcmd.Execute()\n}\n',
  'cmd/root.go': 'package cmd\n\nimport (\n\t"github.com/spf13/cobra"\n\n\t_ "github.com/mergestat/mergestat-lite/extensions/internal/git/native"\n)\n\nvar rootCmd = &cobra.Command{Use: "mergestat"}\n\nfunc Execute() { _ = rootCmd.Execute() }\n',
  'extensions/internal/git/native/blame.go': 'package native\n\nimport (\n\tgit "github.com/libgit2/git2go/v34"\n)\n\nvar _ = git.Version\n',
};

describe('2. mergestat-lite: a required module replaced with an unchecked-out git submodule', () => {
  it('refuses, naming the submodule and `git submodule update --init`', async () => {
    await assert.rejects(gen(tree(mergestat, {})), (e: unknown) => e instanceof GenerateError && e.code === 'replace-missing'
      && /git2go\/ is empty or missing/.test(e.message) && /git2go is a git submodule \(\.gitmodules\) that is not checked out: check it out with `git submodule update --init git2go`/.test(e.message));
  });

  it('without .gitmodules: refuses without naming a submodule; a folder with files but no go.mod is said so', async () => {
    await assert.rejects(gen(tree(mergestat, { '.gitmodules': null, 'git2go/README.md': '# git2go\n' })), (e: unknown) => e instanceof GenerateError && e.code === 'replace-missing'
      && /git2go\/ holds no go\.mod/.test(e.message) && !/submodule/.test(e.message));
  });

  it('negative: the submodule checked out: its go.mod is copied with the module files', async () => {
    const r = await gen(tree(mergestat, { 'git2go/go.mod': 'module github.com/libgit2/git2go/v34\n\ngo 1.13\n', 'git2go/git.go': 'package git\n\nconst Version = 34\n' }));
    assert.match(r.dockerfile, /COPY git2go\/go\.mod git2go\/go\.mod|COPY git2go\/go\.mod \.\/git2go\//, r.dockerfile);
  });

  it('negative: a replace of a module nothing requires is never read: no refusal', async () => {
    const r = await gen(tree(mergestat, {
      'go.mod': 'module github.com/mergestat/mergestat-lite\n\ngo 1.19\n\nrequire github.com/spf13/cobra v1.8.0\n\nreplace github.com/libgit2/git2go/v34 => ./git2go\n',
      'extensions/internal/git/native/blame.go': 'package native\n',
    }));
    assert.match(r.dockerfile, /go mod download/);
  });
});

// adevinta/vulcan-api at fe98533 (MIT): Dockerfile (final stage `FROM alpine:3.23`, `WORKDIR /app`,
// `COPY --link config.toml run.sh ./`, `COPY --from=builder --link /app/vulcan-api ./`,
// `CMD [ "./run.sh" ]`); run.sh (bash, set -e): `envsubst < config.toml > run.toml` (line 20), a
// loop appending to run.toml with `${!GPC_NAME}`, `flyway … migrate` (line 49), and last
// `exec ./vulcan-api -c run.toml` (line 53); cmd/vulcan-api/main.go reads the configuration that
// -c names ("Can't read config" without it).
const vulcanRun = (start: string) => `#!/bin/bash\n\n# Copyright 2021 Adevinta\n\nset -e\n\nexport COOKIE_NAME=\${COOKIE_NAME:-devcon-token}\n\nenvsubst < config.toml > run.toml\n\ni=1 GPC_NAME="GPC_\${i}_NAME"\nwhile [ -n "\${!GPC_NAME}" ]\ndo\n  echo "[globalpolicy.\${!GPC_NAME}]" >> run.toml\n  i=$((i+1))\n  GPC_NAME="GPC_\${i}_NAME"\ndone\n\nflyway -user="$PG_USER" -password="$PG_PASSWORD" \\\n  -url="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_NAME?sslmode=$PG_SSLMODE" \\\n  -baselineOnMigrate=true -locations=filesystem:/app/sql migrate\n\n${start}\n`;
const vulcan: Record<string, string | null> = {
  'go.mod': 'module github.com/adevinta/vulcan-api\n\ngo 1.23.0\n\nrequire github.com/spf13/cobra v1.8.0\n',
  'go.sum': 'github.com/spf13/cobra v1.8.0 h1:x\ngithub.com/spf13/cobra v1.8.0/go.mod h1:y\n',
  'cmd/vulcan-api/main.go': 'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() {\n\tif len(os.Args) < 3 {\n\t\tfmt.Println("Can\'t read config")\n\t\tos.Exit(1)\n\t}\n}\n',
  'config.toml': '[server]\nport = 8080\n',
  'run.sh': vulcanRun('exec ./vulcan-api -c run.toml'),
  'Dockerfile': 'FROM golang:1.25-alpine AS builder\nWORKDIR /app\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build ./cmd/vulcan-api\n\nFROM alpine:3.23\nWORKDIR /app\nCOPY --link config.toml run.sh ./\nCOPY --from=builder --link /app/vulcan-api ./\nCMD [ "./run.sh" ]\n',
};

describe('3. vulcan-api: the start script renders the configuration, migrates, then `exec ./vulcan-api -c run.toml`', () => {
  it('a Check names run.sh, the arguments, the file the script writes and the steps before', async () => {
    const r = await gen(tree(vulcan, {}));
    const w = r.warnings.find((x) => x.startsWith('run.sh, the script the project\'s image starts, starts vulcan-api'));
    assert.ok(w, r.warnings.join('\n'));
    assert.match(w, /`exec \.\/vulcan-api -c run\.toml` \(line 23\)/);
    assert.match(w, /without `-c run\.toml` \(run\.toml, which the script writes: `envsubst < config\.toml > run\.toml` \(line 9\)\)/);
    assert.match(w, /`envsubst < config\.toml > run\.toml` \(line 9\), `flyway [^`]*…` \(line 19\)/);
    assert.match(w, /CMD \["-c", "run\.toml"\]/);
  });

  it('negative: a script that hands the container\'s arguments over and does nothing else: no Check', async () => {
    const r = await gen(tree(vulcan, { 'run.sh': '#!/bin/sh\nset -e\nexec ./vulcan-api "$@"\n' }));
    assert.ok(!r.warnings.some((x) => x.includes('run.sh')), r.warnings.join('\n'));
  });

  // aquasecurity/kube-bench at a73ce378418c71c5861e6963753f50dec3badadf (Apache-2.0): entrypoint.sh
  // (ENTRYPOINT ["./entrypoint.sh"]) copies its files to /host only `if [ "$1" == "install" ]`, else
  // `exec kube-bench "$@"`: nothing runs before the start, and the arguments are handed over.
  it('negative: steps inside an if (kube-bench\'s install branch) and a hand-over start: no Check', async () => {
    const r = await gen(tree(vulcan, { 'run.sh': '#!/bin/sh -e\nif [ "$1" == "install" ]; then\n  if [ -d /host ]; then\n    mkdir -p /host/cfg/\n    yes | cp -rf cfg/* /host/cfg/\n    yes | cp -rf /usr/local/bin/vulcan-api /host/\n    echo "installed"\n  else\n    exit\n  fi\nelse\n  exec ./vulcan-api "$@"\nfi\n' }));
    assert.ok(!r.warnings.some((x) => x.includes('run.sh')), r.warnings.join('\n'));
  });

  // trufflesecurity/trufflehog (AGPL-3.0), entrypoint.sh: `mapfile -t extra_args < <(…)`, `git config
  // --global --add safe.directory '*'`, then `/usr/bin/trufflehog "${@: 1: $#-1}" "${extra_args[@]}"`.
  it('words the shell expands are not arguments to pass; mapfile is no step', async () => {
    const r = await gen(tree(vulcan, { 'run.sh': '#!/usr/bin/env bash\nmapfile -t extra_args < <(bash -c "for arg in ${*: -1}; do echo \\$arg; done")\ngit config --global --add safe.directory \'*\'\nif [[ $# -eq 0 ]]; then\n  ./vulcan-api --help\nelse\n  ./vulcan-api "${@: 1: $#-1}" "${extra_args[@]}"\nfi\n' }));
    const w = r.warnings.find((x) => x.startsWith('run.sh, the script'));
    assert.ok(w && /after `git config --global --add safe\.directory '\*'` \(line 3\); the generated image starts vulcan-api directly, without those steps/.test(w) && !/CMD \[/.test(w) && !/mapfile/.test(w), r.warnings.join('\n'));
  });

  it('arguments alone (no other step) are named too', async () => {
    const r = await gen(tree(vulcan, { 'run.sh': '#!/bin/sh\nset -e\necho starting\nexec ./vulcan-api -c config.toml\n' }));
    const w = r.warnings.find((x) => x.startsWith('run.sh, the script'));
    assert.ok(w && /without `-c config\.toml`\. Unless the program runs without those arguments/.test(w), r.warnings.join('\n'));
  });

  it('scriptCommands: a `-c` after exec is the program\'s own; `sh -c` (also after exec) still runs a command string', () => {
    assert.deepEqual(scriptCommands('exec ./vulcan-api -c run.toml\n').map((c) => [c.program.value, c.args.map((a) => a.value)]), [['./vulcan-api', ['-c', 'run.toml']]]);
    assert.deepEqual(scriptCommands('exec env TZ=UTC ./vulcan-api -c run.toml\n').map((c) => c.program.value), ['./vulcan-api']);
    assert.deepEqual(scriptCommands('sh -c "./vulcan-api"\nexec sh -c "./vulcan-api"\n'), []);
  });
});

describe('3\'. a start script with steps before and no arguments', () => {
  it('the Check names the steps and asks for no CMD', async () => {
    const r = await gen(tree(vulcan, { 'run.sh': vulcanRun('exec ./vulcan-api') }));
    const w = r.warnings.find((x) => x.startsWith('run.sh, the script'));
    assert.ok(w && /directly, without those steps\. Unless the program runs without them/.test(w) && !/CMD \[/.test(w) && /run the steps yourself/.test(w), r.warnings.join('\n'));
  });
});
