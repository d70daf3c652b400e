/**
 * The generated runtime stage gives the program a working directory its user owns (round-8
 * judgement: five servers failed at run time with "permission denied" because they create their
 * data relative to the working directory, which was `/` or a root-owned `/app`, as user 65532).
 *
 * Where the five write by default (read in their sources):
 *   netmaker     db/sqlite.go: os.Mkdir("data", 0700), data/netmaker.db (sqlite is the default
 *                database); controllers/logger.go: data/netmaker.log.<day>
 *   goatcounter  cmd/goatcounter/serve.go defaultDB(): sqlite+./goatcounter-data/db.sqlite3 (zdb's
 *                sqlite driver MkdirAll's its folder)
 *   alist        cmd/root.go --data "data": data/config.json, data/data.db … (next to the binary
 *                only with --force-bin-dir)
 *   vikunja      pkg/config: service.rootpath defaults to os.Getwd() (the binary's folder only if
 *                that fails): vikunja.db, files/
 *   beszel hub   pocketbase.NewWithConfig(DefaultDataDir: "beszel_data"): ./beszel_data (plain
 *                PocketBase without DefaultDataDir writes pb_data beside os.Args[0])
 * All five: relative to the working directory. The generated image makes /app, the WORKDIR, the
 * runtime user's (COPY --chown of an empty folder made in the build stage: no shell in the
 * runtime), and keeps the binary and copied configuration root-owned.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Runtime } from '../../server/src/generate';
import { generatorTrees } from './generateTrees';

const { workspace, gen } = generatorTrees('workdir');

function stages(text: string): { build: string; runtime: string } {
  const i = text.lastIndexOf('\nFROM ');
  assert.ok(i > 0, text);
  return { build: text.slice(0, i), runtime: text.slice(i + 1) };
}

/** The runtime stage's instruction lines (no comments). */
function runtimeLines(text: string): string[] {
  return stages(text).runtime.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
}

/** The checks every generated image passes: /app is the user's and the WORKDIR, nothing else is. */
function assertWritableWorkdir(text: string): void {
  const { build, runtime } = stages(text);
  assert.match(build, /^RUN mkdir -p \/app$/m);
  const lines = runtimeLines(text);
  const chown = lines.indexOf('COPY --from=build --chown=65532:65532 /app /app');
  assert.ok(chown > 0, runtime);
  assert.equal(lines[chown + 1], 'WORKDIR /app');
  // Before any other COPY into /app (a COPY there first would make /app root's) and before USER.
  assert.ok(lines.findIndex((l) => / \/app\//.test(l)) === -1 || lines.findIndex((l) => / \/app\//.test(l)) > chown, runtime);
  assert.ok(lines.indexOf('USER 65532:65532') > chown, runtime);
  // Only that one COPY changes an owner: the binary and the copied files stay root's.
  assert.deepEqual(lines.filter((l) => l.includes('--chown')), ['COPY --from=build --chown=65532:65532 /app /app']);
  assert.match(runtime, /^COPY --from=build \/out\/\S+ \/usr\/local\/bin\/\S+$/m);
  // No RUN in the runtime stage: scratch and distroless have no shell. debian's one RUN makes the
  // runtime user's passwd entry (generate-judge40-g55.test.ts).
  assert.ok(!lines.some((l) => l.startsWith('RUN ') && !l.startsWith('RUN groupadd --gid 65532 nonroot ')), runtime);
  // The comment says why.
  assert.match(runtime, /# The working directory belongs to the runtime user \(65532:65532\), so the program can create its data there/);
}

// gravitl/netmaker at 006dfdced61c32fb402d79819b15d851330ccb6c (Apache-2.0 outside pro/):
// db/sqlite.go creates ./data and data/netmaker.db; the default database is sqlite (go-sqlite3: cgo).
function netmaker(): string {
  return workspace({
    'go.mod': 'module github.com/gravitl/netmaker\n\ngo 1.25.3\n\nrequire github.com/mattn/go-sqlite3 v1.14.32\n',
    'go.sum': 'github.com/mattn/go-sqlite3 v1.14.32 h1:x=\ngithub.com/mattn/go-sqlite3 v1.14.32/go.mod h1:y=\n',
    'main.go': 'package main\n\nimport "github.com/gravitl/netmaker/db"\n\nfunc main() { _ = db.Connect() }\n',
    'db/sqlite.go': `package db

import (
	"database/sql"
	"os"
	"path/filepath"

	_ "github.com/mattn/go-sqlite3"
)

func Connect() error {
	if _, err := os.Stat("data"); os.IsNotExist(err) {
		if err := os.Mkdir("data", 0700); err != nil {
			return err
		}
	}
	dbFilePath := filepath.Join("data", "netmaker.db")
	_, err := sql.Open("sqlite3", dbFilePath)
	return err
}
`,
  });
}

// arp242/goatcounter at c957f51c43eb56dcc462b7e9d7a4550955b71846 (EUPL-1.2, slightly modified):
// cmd/goatcounter/serve.go defaultDB() is sqlite+./goatcounter-data/db.sqlite3, created on `serve`.
function goatcounter(): string {
  return workspace({
    'go.mod': 'module zgo.at/goatcounter/v2\n\ngo 1.25\n',
    'cmd/goatcounter/main.go': 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println(defaultDB()) }\n',
    'cmd/goatcounter/serve.go': `package main

import "os"

func defaultDB() string {
	if _, err := os.Stat("./db/goatcounter.sqlite3"); err == nil {
		return "sqlite+./db/goatcounter.sqlite3"
	}
	return "sqlite+./goatcounter-data/db.sqlite3"
}
`,
  });
}

// alist-org/alist at 2830575490e72a7afc8fd8e6b790a163b92a13b5 (AGPL-3.0): cmd/root.go's --data
// flag defaults to "data" (relative to the working directory unless --force-bin-dir), and
// internal/bootstrap/config.go writes data/config.json there.
function alist(): string {
  return workspace({
    'go.mod': 'module github.com/alist-org/alist/v3\n\ngo 1.22.4\n',
    'main.go': 'package main\n\nimport "github.com/alist-org/alist/v3/cmd"\n\nfunc main() { cmd.Execute() }\n',
    'cmd/root.go': `package cmd

import (
	"flag"
	"os"
	"path/filepath"
)

var dataDir = flag.String("data", "data", "data folder")

func Execute() {
	flag.Parse()
	_ = os.MkdirAll(*dataDir, 0o777)
	_ = os.WriteFile(filepath.Join(*dataDir, "config.json"), []byte("{}"), 0o666)
}
`,
  });
}

describe('the working directory is the runtime user\'s', () => {
  it('netmaker (cgo, distroless base): data/netmaker.db can be created in /app', async () => {
    const r = await gen(netmaker());
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/base-debian12:nonroot$/m);
    assertWritableWorkdir(r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('The working directory /app is the runtime user\'s')));
  });

  it('goatcounter, on every runtime (scratch has no shell: still no RUN in it)', async () => {
    const dir = goatcounter();
    for (const runtime of ['distroless', 'scratch', 'alpine', 'debian'] as Runtime[]) {
      const r = await gen(dir, { runtime });
      assertWritableWorkdir(r.dockerfile);
    }
  });

  it('alist: ./data in /app; the ENTRYPOINT stays the root-owned binary in /usr/local/bin', async () => {
    const r = await gen(alist());
    assertWritableWorkdir(r.dockerfile);
    assert.match(r.dockerfile, /^ENTRYPOINT \["\/usr\/local\/bin\/alist"\]$/m);
  });

  // casdoor/casdoor (see generate-judge4-run.test.ts, Apache-2.0): conf/app.conf is copied into
  // /app; it is copied after /app is made the user's, and stays root-owned (read-only to it).
  it('negative: configuration copied into /app is not the user\'s, and comes after the chown COPY', async () => {
    const r = await gen(workspace({
      'go.mod': 'module github.com/casdoor/casdoor\n\ngo 1.23\n',
      'main.go': 'package main\n\nimport "github.com/casdoor/casdoor/object"\n\nfunc main() { object.InitConfig() }\n',
      'object/ormer.go': 'package object\n\nimport "os"\n\nfunc InitConfig() { _, _ = os.ReadFile("conf/app.conf") }\n',
      'conf/app.conf': 'appname = casdoor\n',
    }));
    assertWritableWorkdir(r.dockerfile);
    const lines = runtimeLines(r.dockerfile);
    const conf = lines.findIndex((l) => /^COPY conf\S* \/app\/conf/.test(l));
    assert.ok(conf > lines.indexOf('WORKDIR /app'), lines.join('\n'));
    assert.equal(lines.filter((l) => l.startsWith('WORKDIR')).length, 1);
    assert.match(r.dockerfile, /the binary and the files below stay root-owned/);
  });
});
