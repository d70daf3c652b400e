/**
 * The generator on real repositories judged in earlier rounds (helper "gen37"): each case is a
 * small skeleton of a real repository (the files, go.mod and the few lines that matter), with its
 * repository, commit and licence above it, plus the variants that keep the old behaviour where it
 * is right. Every generated Dockerfile is linted against its workspace: expected clean.
 *
 * 1. Build tags that select a cgo driver (writefreely: `make build` passes `-tags='netgo sqlite'`
 *    through `$(GOBUILD)`, and `//go:build sqlite && !wflib` gates database-sqlite.go, which
 *    imports go-sqlite3): the tags of the build the project ships with, and cgo for what they add.
 * 2. A program that runs git with a remote (trufflehog: `git clone`): ssh with it (openssh-client,
 *    which Debian's git only recommends); git inside given repositories (`git -C`): a Check about
 *    git's safe.directory for a repository mounted from the host.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';
import { gatedFiles, selectedBy } from '../../server/src/generate/buildTags';

const { workspace, gen, genClean } = generatorTrees('judge18');

const goBuildRun = (df: string) => /^RUN [^\n]*(?:\\\n[^\n]*)*go build [^\n]*$/m.exec(df)?.[0] ?? '';

// writefreely/writefreely at 6384f4667b5adb3a7c571c8da26b99f93db697ce (AGPL-3.0): 380 files;
// go.mod `go 1.21`, requires github.com/mattn/go-sqlite3 v1.14.16 and github.com/go-sql-driver/mysql;
// the root package (imported by cmd/writefreely) has database-sqlite.go (`//go:build sqlite &&
// !wflib`, imports github.com/mattn/go-sqlite3), database-no-sqlite.go (`//go:build !sqlite &&
// !wflib`) and database-lib.go (`//go:build wflib`). The Makefile (lines 1-24 of 140):
// `GOCMD=go`, `GOBUILD=$(GOCMD) build $(LDFLAGS)`, `all : build`, `ci: deps` / `cd cmd/writefreely;
// $(GOBUILD) -v`, `build: deps` / `cd cmd/writefreely; $(GOBUILD) -v -tags='netgo sqlite'`,
// `build-no-sqlite: deps-no-sqlite` / `… -tags='netgo' -o $(BINARY_NAME)`, `deps :` / `$(GOGET)
// -tags='sqlite' -d -v ./...`. Its Dockerfile (alpine) runs `apk add --no-cache nodejs npm make g++
// git` and `RUN make build \ && make ui \ && mkdir /stage …`.
const WF_MAKEFILE = [
  'GITREV=`git describe | cut -c 2-`',
  'LDFLAGS=-ldflags="-s -w -X \'github.com/writefreely/writefreely.softwareVer=$(GITREV)\' -extldflags \'-static\'"',
  '',
  'GOCMD=go',
  'GOINSTALL=$(GOCMD) install $(LDFLAGS)',
  'GOBUILD=$(GOCMD) build $(LDFLAGS)',
  'GOGET=$(GOCMD) get',
  'BINARY_NAME=writefreely',
  '',
  'all : build',
  '',
  'ci: deps',
  '\tcd cmd/writefreely; $(GOBUILD) -v',
  '',
  'build: deps',
  "\tcd cmd/writefreely; $(GOBUILD) -v -tags='netgo sqlite'",
  '',
  'build-no-sqlite: deps-no-sqlite',
  "\tcd cmd/writefreely; $(GOBUILD) -v -tags='netgo' -o $(BINARY_NAME)",
  '',
  'deps :',
  "\t$(GOGET) -tags='sqlite' -d -v ./...",
  '',
  'deps-no-sqlite:',
  '\t$(GOGET) -d -v ./...',
  '',
  'ui : force_look',
  '\tcd less/; $(MAKE) $(MFLAGS)',
  '',
].join('\n');
const WF_DOCKERFILE = 'FROM golang:1.21-alpine3.18 as build\n\nRUN apk -U upgrade \\\n    && apk add --no-cache nodejs npm make g++ git \\\n    && npm install -g less less-plugin-clean-css\n\nWORKDIR /go/src/github.com/writefreely/writefreely\nCOPY . .\n\nRUN make build \\\n    && make ui \\\n    && mkdir /stage \\\n    && cp -R /go/bin templates static pages keys cmd /stage\n\nFROM alpine:3.18.4\nCOPY --from=build --chown=daemon:daemon /stage /go\nWORKDIR /go\nEXPOSE 8080\nUSER daemon\nENTRYPOINT ["cmd/writefreely/writefreely"]\n';
function writefreely(files: Record<string, string | null> = {}): string {
  const all: Record<string, string | null> = {
    'go.mod': 'module github.com/writefreely/writefreely\n\ngo 1.21\n\nrequire (\n\tgithub.com/go-sql-driver/mysql v1.7.1\n\tgithub.com/mattn/go-sqlite3 v1.14.16\n)\n',
    'go.sum': 'github.com/go-sql-driver/mysql v1.7.1 h1:lUIinVbN1DY0xBg0eMOzmmtGoHwWBbvnWubQUrtU8EI=\ngithub.com/go-sql-driver/mysql v1.7.1/go.mod h1:OXbVy3sEdcQ2Doequ6Z5BW6fXNQTmx+9S1MCJN5yJMI=\ngithub.com/mattn/go-sqlite3 v1.14.16 h1:yOQRA0RpS5PFz/oikGwBEqvAWhWg5ufRz4ETLjwpU1Y=\ngithub.com/mattn/go-sqlite3 v1.14.16/go.mod h1:2eHXhiwb8IkHr+BDWZGa96P6+rkvnG63S2DGjv9HUNg=\n',
    'cmd/writefreely/main.go': 'package main\n\nimport (\n\t"github.com/writefreely/writefreely"\n)\n\nfunc main() {\n\twritefreely.Serve()\n}\n',
    'app.go': 'package writefreely\n\nimport (\n\t"database/sql"\n\n\t_ "github.com/go-sql-driver/mysql"\n)\n\nfunc Serve() {\n\t_, _ = sql.Open("mysql", "")\n}\n',
    'database-sqlite.go': '//go:build sqlite && !wflib\n// +build sqlite,!wflib\n\npackage writefreely\n\nimport (\n\t"database/sql"\n\t"github.com/go-sql-driver/mysql"\n\t"github.com/mattn/go-sqlite3"\n\t"regexp"\n)\n\nfunc init() {\n\tSQLiteEnabled = true\n\tsql.Register("sqlite3_with_regex", &sqlite3.SQLiteDriver{})\n\t_ = regexp.MustCompile\n\t_ = mysql.ErrInvalidConn\n}\n',
    'database-no-sqlite.go': '//go:build !sqlite && !wflib\n// +build !sqlite,!wflib\n\npackage writefreely\n\nimport (\n\t"github.com/go-sql-driver/mysql"\n)\n\nvar _ = mysql.ErrInvalidConn\n',
    'database-lib.go': '//go:build wflib\n// +build wflib\n\npackage writefreely\n\nfunc init() {}\n',
    'database.go': 'package writefreely\n\nvar SQLiteEnabled bool\n',
    Makefile: WF_MAKEFILE,
    Dockerfile: WF_DOCKERFILE,
    'less/Makefile': 'CSSDIR=../static/css/\n\nall :\n\tlessc app.less $(CSSDIR)write.css\n',
    ...files,
  };
  return workspace(Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== null)));
}

describe('1. build tags that select a cgo driver', () => {
  it('a file gated by `sqlite && !wflib` is a tagged file; the default file `!sqlite && !wflib` is not', () => {
    assert.equal(selectedBy('sqlite && !wflib', ['netgo', 'sqlite']), true);
    assert.equal(selectedBy('sqlite && !wflib', ['sqlite', 'wflib']), false);
    assert.equal(selectedBy('sqlite && !wflib', ['netgo']), false);
    const dir = writefreely();
    const io = { readFile: (rel: string) => (fs.existsSync(`${dir}/${rel}`) ? fs.readFileSync(`${dir}/${rel}`, 'utf8') : null), listFiles: () => fs.readdirSync(dir).map((path) => ({ path })) };
    assert.deepEqual(gatedFiles([''], io).map((g) => [g.file, g.tags]).sort(), [['database-lib.go', ['wflib']], ['database-sqlite.go', ['sqlite']]]);
  });

  it('writefreely: `make build` (the target its Dockerfile runs) passes -tags \'netgo sqlite\' through $(GOBUILD): those tags, and cgo for go-sqlite3; lint-clean', async () => {
    const r = await genClean(writefreely());
    const run = goBuildRun(r.dockerfile);
    assert.match(run, /CGO_ENABLED=1/, r.dockerfile);
    assert.match(run, /-tags netgo,sqlite /, r.dockerfile);
    assert.equal(r.cgo, true);
    assert.match(r.images.runtime, /distroless\/base/);
    const why = r.reasons.find((x) => x.startsWith('-tags netgo,sqlite: '));
    assert.ok(why, r.reasons.join('\n'));
    assert.match(why!, /Makefile: go build -tags 'netgo sqlite'/);
    assert.match(why!, /ci: no -tags; build-no-sqlite: -tags netgo/);
    assert.match(why!, /Dockerfile runs `make build ui`/);
    assert.ok(r.reasons.some((x) => x.includes('database-sqlite.go (built with -tags netgo,sqlite) imports github.com/mattn/go-sqlite3')), r.reasons.join('\n'));
    // `make` as an apk package is no make run.
    assert.ok(!r.reasons.some((x) => x.includes('make git')), r.reasons.join('\n'));
  });

  it('without the Dockerfile, the Makefile\'s default goal (`all : build`) decides the same', async () => {
    const r = await genClean(writefreely({ Dockerfile: null }));
    assert.match(goBuildRun(r.dockerfile), /CGO_ENABLED=1[\s\\]*go build -trimpath -tags netgo,sqlite /, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('the default goal of Makefile is `all`')), r.reasons.join('\n'));
  });

  it('a default goal that builds without tags: no tags, a static build (the old behaviour)', async () => {
    const r = await genClean(writefreely({ Dockerfile: null, Makefile: WF_MAKEFILE.replace('all : build', 'all : ci') }));
    const run = goBuildRun(r.dockerfile);
    assert.match(run, /CGO_ENABLED=0/, r.dockerfile);
    assert.doesNotMatch(run, /-tags/, r.dockerfile);
    assert.equal(r.cgo, false);
  });

  it('targets that disagree and nothing the project runs to ship: no tags, and the Check names each build', async () => {
    const r = await genClean(writefreely({ Dockerfile: null, Makefile: WF_MAKEFILE.replace('all : build', 'help:\n\t@echo targets') }));
    assert.doesNotMatch(goBuildRun(r.dockerfile), /-tags/, r.dockerfile);
    assert.ok(r.warnings.some((x) => x.startsWith("The project's builds of cmd/writefreely do not all pass the same build tags") && x.includes('database-sqlite.go')), r.warnings.join('\n'));
  });
});

// trufflesecurity/trufflehog at 3ab759fef (AGPL-3.0): 3,900 files; go.mod `module
// github.com/trufflesecurity/trufflehog/v3`, `go 1.25.0`; main.go (package main at the root)
// imports pkg/sources/git, whose git.go builds `gitArgs = append(gitArgs, "clone")` and runs
// `exec.CommandContext(ctx, "git", gitArgs...)`, and `exec.CommandContext(catFileCtx, "git", "-C",
// gitDir, "cat-file", "blob", …)`; pkg/gitparse runs `git -C <source> diff …`. Its Dockerfile's
// runtime: `apk add --no-cache bash git openssh-client ca-certificates …`, and entrypoint.sh runs
// `git config --global --add safe.directory '*'` ("Directories might be owned by a user other than root").
const TH_GIT = 'package git\n\nimport (\n\t"context"\n\t"os/exec"\n)\n\nfunc CloneRepo(ctx context.Context, url, clonePath string, args ...string) error {\n\tgitArgs := []string{}\n\tgitArgs = append(gitArgs, "clone")\n\tgitArgs = append(gitArgs, "--quiet")\n\tgitArgs = append(gitArgs, url, clonePath)\n\tcloneCmd := exec.CommandContext(ctx, "git", gitArgs...)\n\treturn cloneCmd.Run()\n}\n\nfunc CatFile(ctx context.Context, gitDir, path string) ([]byte, error) {\n\tcmd := exec.CommandContext(ctx, "git", "-C", gitDir, "cat-file", "blob", "HEAD:"+path)\n\treturn cmd.Output()\n}\n';
function trufflehog(files: Record<string, string | null> = {}): string {
  const all: Record<string, string | null> = {
    'go.mod': 'module github.com/trufflesecurity/trufflehog/v3\n\ngo 1.25.0\n',
    'main.go': 'package main\n\nimport (\n\t"context"\n\t"os"\n\n\t"github.com/trufflesecurity/trufflehog/v3/pkg/sources/git"\n)\n\nfunc main() {\n\t_ = git.CloneRepo(context.Background(), os.Args[1], "/tmp/x")\n}\n',
    'pkg/sources/git/git.go': TH_GIT,
    ...files,
  };
  return workspace(Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== null)));
}

describe('2. a program that runs git with remotes, and inside repositories', () => {
  it('trufflehog: git clone → git and openssh-client in the runtime; git -C → a Check about safe.directory; lint-clean', async () => {
    const r = await genClean(trufflehog());
    assert.match(r.dockerfile, /apt-get install -y --no-install-recommends git openssh-client/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('git clone in pkg/sources/git/git.go: git runs ssh for ssh:// and user@host: remotes')), r.reasons.join('\n'));
    const check = r.warnings.find((x) => x.startsWith('The program runs git inside repositories (git -C in pkg/sources/git/git.go)'));
    assert.ok(check, r.warnings.join('\n'));
    assert.match(check!, /detected dubious ownership/);
    assert.match(check!, /git config --system --add safe\.directory/);
  });

  it('alpine: apk add git openssh-client', async () => {
    const r = await genClean(trufflehog(), { runtime: 'alpine' });
    assert.match(r.dockerfile, /apk add --no-cache git openssh-client/, r.dockerfile);
  });

  it('git without a remote or a repository argument (git describe): git alone, no Check (the old behaviour)', async () => {
    const r = await genClean(trufflehog({ 'pkg/sources/git/git.go': 'package git\n\nimport (\n\t"context"\n\t"os/exec"\n)\n\nfunc CloneRepo(ctx context.Context, url, clonePath string, args ...string) error {\n\treturn exec.CommandContext(ctx, "git", "describe", "--tags").Run()\n}\n' }));
    assert.match(r.dockerfile, /apt-get install -y --no-install-recommends git \\/, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /openssh-client/, r.dockerfile);
    assert.ok(!r.warnings.some((x) => x.includes('dubious ownership')), r.warnings.join('\n'));
  });

  it('a program that runs ssh itself keeps its own reason; no second ssh', async () => {
    const r = await genClean(trufflehog({ 'pkg/sources/git/ssh.go': 'package git\n\nimport "os/exec"\n\nfunc Dial(host string) error {\n\treturn exec.Command("ssh", host).Run()\n}\n' }));
    assert.match(r.dockerfile, /install -y --no-install-recommends git openssh-client \\/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('exec.Command("ssh") in pkg/sources/git/ssh.go')), r.reasons.join('\n'));
    assert.ok(!r.reasons.some((x) => x.includes('git runs ssh for')), r.reasons.join('\n'));
  });
});
