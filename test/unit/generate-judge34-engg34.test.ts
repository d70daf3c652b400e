/**
 * The generator on real repositories of round 34 (judges X and Y, generator sections): each case a
 * small skeleton of a real repository (the files that matter, with their sizes in the repository,
 * go.mod and the few relevant lines), with its repository, commit and licence above it, plus the
 * variants that keep the old behaviour where it is right.
 *
 * 1. (Y G6) koordinator-sh/koordinator koordlet: its own cgo links libpfm (`-lpfm`,
 *    `<perfmon/pfmlib.h>`): the build stage installs libpfm4-dev, the runtime libpfm4.
 * 2. (Y G8) PeerDB-io/peerdb flow: github.com/twpayne/go-geos is cgo-only (GEOS's C API): cgo on,
 *    libgeos-dev to build, libgeos-c1v5 to run; `--temporal-host-port` default "localhost:7233" is
 *    the Temporal server flow dials, not a port it serves: no EXPOSE 7233, no advice to pass :7233.
 * 3. (X G6) enchant97/note-mark backend: sqlc's output is git-ignored, so the build stage runs
 *    `go tool sqlc generate` (go.mod's `tool` line), or `go run …sqlc@<version>` from the header of
 *    a file sqlc wrote, or the Check says what to add; the loopback variable is BIND__HOST (the
 *    envPrefix of the field that mounts BindConfig), and the required DATA_PATH is named.
 * 4. (X G5) damongolding/immich-kiosk: templ's *_templ.go files are git-ignored (a package holds
 *    only video.templ): `go tool templ generate`, not a refusal.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, genClean, tree } = generatorTrees('judge34-engg34');

const runtimeOf = (dockerfile: string): string => dockerfile.slice(dockerfile.lastIndexOf('\nFROM ') + 1);
const builderOf = (dockerfile: string): string => dockerfile.slice(0, dockerfile.lastIndexOf('\nFROM '));

// koordinator-sh/koordinator at a7a1b76 (Apache-2.0): go.mod (15,218 bytes) `module
// github.com/koordinator-sh/koordinator`, `go 1.25.0`; cmd/koordlet/main.go (3,792 bytes) reaches
// pkg/koordlet/util/perf_group, whose perf_group_linux.go (11,478 bytes, `//go:build linux`) has
// `#cgo CFLAGS: -I/usr/local/include`, `#cgo LDFLAGS: -lpfm`, `#include <perfmon/pfmlib.h>` above
// `import "C"`, and perf_group_unsupported.go (`//go:build !linux`) no cgo. The project's
// docker/koordlet.dockerfile builds libpfm 4.13.0 from hack/libpfm-4.13.0.tar.gz.
const perfGroupLinux = '//go:build linux\n// +build linux\n\npackage perf_group\n\n/*\n#cgo CFLAGS: -I/usr/local/include\n#cgo LDFLAGS: -lpfm\n#include <perfmon/pfmlib.h>\n#include <stdlib.h>\n#include <string.h>\n*/\nimport "C"\n\nfunc LibInit() error {\n\tif C.pfm_initialize() != C.PFM_SUCCESS {\n\t\treturn nil\n\t}\n\treturn nil\n}\n';
const koordlet: Record<string, string | null> = {
  'go.mod': 'module github.com/koordinator-sh/koordinator\n\ngo 1.25.0\n',
  'cmd/koordlet/main.go': 'package main\n\nimport (\n\t"github.com/koordinator-sh/koordinator/pkg/koordlet/util/perf_group"\n)\n\nfunc main() {\n\t_ = perf_group.LibInit()\n}\n',
  'pkg/koordlet/util/perf_group/perf_group_linux.go': perfGroupLinux,
  'pkg/koordlet/util/perf_group/perf_group_unsupported.go': '//go:build !linux\n// +build !linux\n\npackage perf_group\n\nfunc LibInit() error { return nil }\n',
};

describe('1. koordlet: its cgo links libpfm', () => {
  it('libpfm4-dev in the build stage, libpfm4 in the debian-slim runtime, with the reason', async () => {
    const r = await genClean(tree(koordlet, {}), { package: './cmd/koordlet' });
    assert.match(builderOf(r.dockerfile), /apt-get install -y --no-install-recommends libpfm4-dev\b/, r.dockerfile);
    assert.match(runtimeOf(r.dockerfile), /^FROM debian:bookworm-slim\n[\s\S]*apt-get install -y --no-install-recommends libpfm4\b/, r.dockerfile);
    assert.match(r.dockerfile, /CGO_ENABLED=1/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('libpfm4-dev in the build stage') && x.includes('-lpfm')), r.reasons.join('\n'));
    assert.ok(!r.warnings.some((w) => w.includes('installs none')), r.warnings.join('\n'));
  });

  it('negative: the cgo file only for another system (perf_group_windows.go): no libpfm, a static build', async () => {
    const r = await gen(tree(koordlet, {
      'pkg/koordlet/util/perf_group/perf_group_linux.go': null,
      'pkg/koordlet/util/perf_group/perf_group_windows.go': perfGroupLinux.replace(/linux/g, 'windows'),
      'pkg/koordlet/util/perf_group/perf_group_unsupported.go': '//go:build !windows\n// +build !windows\n\npackage perf_group\n\nfunc LibInit() error { return nil }\n',
    }), { package: './cmd/koordlet' });
    assert.doesNotMatch(r.dockerfile, /libpfm/, r.dockerfile);
    assert.match(r.dockerfile, /CGO_ENABLED=0/, r.dockerfile);
  });
});

// PeerDB-io/peerdb at 6b52fb6 (AGPL-3.0), its flow/ module: go.mod (17,214 bytes) `module
// github.com/PeerDB-io/peerdb/flow`, `go 1.26.0`, requires github.com/twpayne/go-geos v0.21.0;
// main.go (10,302 bytes) reaches shared/datatypes/geo.go (1,151 bytes), which imports
// `geom "github.com/twpayne/go-geos"`. stacks/flow.Dockerfile:8 `RUN apk add --no-cache gcc geos-dev
// musl-dev`, :24 `ENV CGO_ENABLED=1`; its runtime `apk add --no-cache ca-certificates geos`.
const flow: Record<string, string | null> = {
  'go.mod': 'module github.com/PeerDB-io/peerdb/flow\n\ngo 1.26.0\n\nrequire github.com/twpayne/go-geos v0.21.0\n',
  'main.go': 'package main\n\nimport (\n\t"fmt"\n\n\t"github.com/PeerDB-io/peerdb/flow/shared/datatypes"\n)\n\nfunc main() {\n\tfmt.Println(datatypes.GeoValidate(""))\n}\n',
  'shared/datatypes/geo.go': 'package datatypes\n\nimport (\n\t"encoding/hex"\n\n\tgeom "github.com/twpayne/go-geos"\n)\n\nfunc GeoValidate(hexWkb string) (string, error) {\n\twkb, err := hex.DecodeString(hexWkb)\n\tif err != nil {\n\t\treturn "", err\n\t}\n\tg, err := geom.NewGeomFromWKB(wkb)\n\tif err != nil {\n\t\treturn "", err\n\t}\n\treturn g.ToWKT(), nil\n}\n',
};

describe('2. PeerDB flow: github.com/twpayne/go-geos needs cgo and GEOS', () => {
  it('CGO_ENABLED=1, libgeos-dev to build, libgeos-c1v5 to run', async () => {
    const r = await genClean(tree(flow, {}));
    assert.match(builderOf(r.dockerfile), /CGO_ENABLED=1/, r.dockerfile);
    assert.match(builderOf(r.dockerfile), /apt-get install -y --no-install-recommends libgeos-dev\b/, r.dockerfile);
    assert.match(runtimeOf(r.dockerfile), /^FROM debian:bookworm-slim\n[\s\S]*apt-get install -y --no-install-recommends libgeos-c1v5\b/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('github.com/twpayne/go-geos needs cgo')), r.reasons.join('\n'));
  });

  // flow/main.go:32-36 `temporalHostPortFlag := &cli.StringFlag{Name: "temporal-host-port", Value:
  // "localhost:7233", Sources: cli.EnvVars("TEMPORAL_HOST_PORT")}`, a flag of the worker commands.
  it('--temporal-host-port (localhost:7233) is the Temporal server it dials: no EXPOSE 7233, nothing passed', async () => {
    const r = await gen(tree(flow, {
      'go.mod': 'module github.com/PeerDB-io/peerdb/flow\n\ngo 1.26.0\n\nrequire github.com/urfave/cli/v3 v3.10.1\n',
      'shared/datatypes/geo.go': 'package datatypes\n\nfunc GeoValidate(hexWkb string) (string, error) { return hexWkb, nil }\n',
      'main.go': 'package main\n\nimport (\n\t"context"\n\t"os"\n\n\t"github.com/urfave/cli/v3"\n)\n\nfunc main() {\n\ttemporalHostPortFlag := &cli.StringFlag{\n\t\tName:    "temporal-host-port",\n\t\tValue:   "localhost:7233",\n\t\tSources: cli.EnvVars("TEMPORAL_HOST_PORT"),\n\t}\n\tapp := &cli.Command{\n\t\tName: "PeerDB Flows CLI",\n\t\tCommands: []*cli.Command{\n\t\t\t{\n\t\t\t\tName:  "worker",\n\t\t\t\tFlags: []cli.Flag{temporalHostPortFlag},\n\t\t\t\tAction: func(ctx context.Context, c *cli.Command) error {\n\t\t\t\t\treturn nil\n\t\t\t\t},\n\t\t\t},\n\t\t},\n\t}\n\t_ = app.Run(context.Background(), os.Args)\n}\n',
    }));
    assert.doesNotMatch(r.dockerfile, /7233/, r.dockerfile);
    assert.ok(!r.warnings.some((w) => w.includes('7233')), r.warnings.join('\n'));
  });

  it('negative: go-geos required but not imported: CGO_ENABLED=0, and the Check says go.mod requires it', async () => {
    const r = await gen(tree(flow, { 'shared/datatypes/geo.go': 'package datatypes\n\nfunc GeoValidate(hexWkb string) (string, error) { return hexWkb, nil }\n' }));
    assert.match(r.dockerfile, /CGO_ENABLED=0/, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /libgeos/, r.dockerfile);
    assert.ok(r.warnings.some((w) => w.includes('github.com/twpayne/go-geos')), r.warnings.join('\n'));
  });
});

// enchant97/note-mark at 93bc3f1 (AGPL-3.0), its backend/ module: go.mod (3,622 bytes) `module
// github.com/enchant97/note-mark/backend`, `go 1.26.0`, requires github.com/caarlos0/env/v11 v11.4.1,
// :83 `tool github.com/sqlc-dev/sqlc/cmd/sqlc`; main.go (215 bytes); cli/cli.go (6,564 bytes):71
// `db.DAO{}.New(dbConn, db.New(dbConn))`; cli/serve.go (1,212 bytes) `http.ListenAndServe(
// appConfig.Bind.AsAddress(), mux)`; config/config.go (2,246 bytes) below (its lines that matter);
// config/utils.go (1,261 bytes) `env.Parse(appConfig)`; sqlc.yaml (573 bytes) `out: "db"`,
// `queries: "db/queries"`; db/.gitignore (14 bytes) `/*.go` `!dao.go`; db/dao.go (204 bytes);
// db/models.go (566 bytes, "Code generated by sqlc", `sqlc v1.30.0`); db/queries/cache.sql,
// users.sql. docker/Dockerfile:41 `RUN go tool sqlc generate`, :51 `ENV BIND__HOST=0.0.0.0`.
const noteMarkGoMod = 'module github.com/enchant97/note-mark/backend\n\ngo 1.26.0\n\nrequire (\n\tgithub.com/caarlos0/env/v11 v11.4.1\n\tgithub.com/google/uuid v1.6.0\n)\n\ntool github.com/sqlc-dev/sqlc/cmd/sqlc\n';
const noteMark: Record<string, string | null> = {
  'go.mod': noteMarkGoMod,
  'main.go': 'package main\n\nimport (\n\t"log"\n\n\t"github.com/enchant97/note-mark/backend/cli"\n)\n\nfunc main() {\n\tif err := cli.Entrypoint(); err != nil {\n\t\tlog.Fatal(err)\n\t}\n}\n',
  'cli/cli.go': 'package cli\n\nimport (\n\t"database/sql"\n\t"net/http"\n\n\t"github.com/enchant97/note-mark/backend/config"\n\t"github.com/enchant97/note-mark/backend/db"\n)\n\nfunc Entrypoint() error {\n\tvar appConfig config.AppConfig\n\tif err := appConfig.ParseConfig(); err != nil {\n\t\treturn err\n\t}\n\tdbConn, err := sql.Open("sqlite", appConfig.DataPath)\n\tif err != nil {\n\t\treturn err\n\t}\n\t_ = db.DAO{}.New(dbConn, db.New(dbConn))\n\treturn http.ListenAndServe(appConfig.Bind.AsAddress(), nil)\n}\n',
  'config/config.go': 'package config\n\nimport (\n\t"fmt"\n)\n\ntype BindConfig struct {\n\tHost       string `env:"HOST" envDefault:"127.0.0.1"`\n\tPort       uint   `env:"PORT" envDefault:"8080" validate:"gt=0,lte=65535"`\n\tUnixSocket string `env:"UNIX_SOCKET" validate:"unix_addr"`\n}\n\nfunc (c *BindConfig) AsAddress() string {\n\treturn fmt.Sprintf("%s:%d", c.Host, c.Port)\n}\n\ntype AuthTokenConfig struct {\n\tSecret []byte `env:"SECRET,notEmpty" validate:"gte=32"`\n\tExpiry int64  `env:"EXPIRY" envDefault:"259200"`\n}\n\ntype AppConfig struct {\n\tBind                 BindConfig      `envPrefix:"BIND__"`\n\tAuthToken            AuthTokenConfig `envPrefix:"AUTH_TOKEN__"`\n\tDataPath             string          `env:"DATA_PATH,notEmpty" validate:"dirpath,required"`\n\tEnableInternalSignup bool            `env:"ENABLE_INTERNAL_SIGNUP,notEmpty" envDefault:"true"`\n}\n',
  'config/utils.go': 'package config\n\nimport (\n\t"github.com/caarlos0/env/v11"\n)\n\nfunc (appConfig *AppConfig) ParseConfig() error {\n\treturn env.Parse(appConfig)\n}\n',
  'sqlc.yaml': 'version: "2"\nsql:\n  - engine: "sqlite"\n    queries: "db/queries"\n    schema: "db/migrations"\n    gen:\n      go:\n        package: "db"\n        out: "db"\n        overrides:\n          - column: "users.uid"\n            go_type:\n              import: "github.com/google/uuid"\n              type: "UUID"\n',
  'db/.gitignore': '/*.go\n!dao.go\n',
  'db/dao.go': 'package db\n\nimport (\n\t"database/sql"\n)\n\ntype DAO struct {\n\tDB      *sql.DB\n\tQueries *Queries\n}\n\nfunc (dao DAO) New(db *sql.DB, queries *Queries) DAO {\n\treturn DAO{DB: db, Queries: queries}\n}\n',
  'db/models.go': '// Code generated by sqlc. DO NOT EDIT.\n// versions:\n//   sqlc v1.30.0\n\npackage db\n\nimport (\n\t"github.com/google/uuid"\n)\n\ntype User struct {\n\tUid uuid.UUID\n}\n',
  'db/queries/users.sql': '-- name: InsertUser :one\nINSERT INTO users (uid, username) VALUES (?,?)\nRETURNING uid;\n',
  'db/queries/cache.sql': '-- name: GetTreeCache :one\nSELECT * FROM tree_cache WHERE owner_uid = ?;\n',
  'db/migrations/20251231_init.up.sql': 'CREATE TABLE users (uid BLOB PRIMARY KEY, username TEXT NOT NULL);\n',
};

describe('3. note-mark: sqlc output git-ignored; the BIND__ prefix; required variables', () => {
  it('go tool sqlc generate after COPY . . and before go build, with the reason naming the missing files', async () => {
    const r = await genClean(tree(noteMark, {}));
    assert.match(builderOf(r.dockerfile), /\nCOPY \. \.\n# sqlc writes Go files the build needs \(in db\): a fresh clone lacks them\.\nRUN --mount=type=cache,target=\/go\/pkg\/mod \\\n    --mount=type=cache,target=\/root\/\.cache\/go-build \\\n    go tool sqlc generate\n[\s\S]*go build /, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('`go tool sqlc generate` runs in the build stage') && x.includes('db: db.go, cache.sql.go, users.sql.go') && x.includes('`tool github.com/sqlc-dev/sqlc/cmd/sqlc`')), r.reasons.join('\n'));
    // sqlc reads no .git: the generated .dockerignore keeps it out.
    assert.match(r.dockerignore, /^\.git$/m, r.dockerignore);
  });

  it('the loopback variable is BIND__HOST, and DATA_PATH and AUTH_TOKEN__SECRET are named as required', async () => {
    const r = await gen(tree(noteMark, {}));
    assert.ok(r.warnings.some((w) => w.includes('ENV BIND__HOST=0.0.0.0')), r.warnings.join('\n'));
    assert.ok(!r.warnings.some((w) => w.includes('ENV HOST=')), r.warnings.join('\n'));
    const required = r.warnings.find((w) => w.startsWith('The program stops at start unless'));
    assert.ok(required?.includes('AUTH_TOKEN__SECRET and DATA_PATH are set') && required.includes('config/config.go:25 `env:"DATA_PATH,notEmpty"`'), r.warnings.join('\n'));
    assert.ok(!required!.includes('ENABLE_INTERNAL_SIGNUP'), required);
  });

  it('no tool line: go run of the release the header of models.go names', async () => {
    const r = await gen(tree(noteMark, { 'go.mod': noteMarkGoMod.replace('\ntool github.com/sqlc-dev/sqlc/cmd/sqlc\n', '') }));
    assert.match(builderOf(r.dockerfile), /\n    go run github\.com\/sqlc-dev\/sqlc\/cmd\/sqlc@v1\.30\.0 generate\n/, r.dockerfile);
  });

  it('negative: neither a tool line nor a version: no step, and the Check says what to add', async () => {
    const r = await gen(tree(noteMark, { 'go.mod': noteMarkGoMod.replace('\ntool github.com/sqlc-dev/sqlc/cmd/sqlc\n', ''), 'db/models.go': null }));
    assert.doesNotMatch(r.dockerfile, /sqlc/, r.dockerfile);
    assert.ok(r.warnings.some((w) => w.includes("compiles sqlc's output, which the tree lacks (db: db.go, models.go, cache.sql.go, users.sql.go)") && w.includes('go get -tool github.com/sqlc-dev/sqlc/cmd/sqlc')), r.warnings.join('\n'));
  });

  it('negative: sqlc\'s files committed: no step', async () => {
    const r = await gen(tree(noteMark, {
      'db/.gitignore': null,
      'db/db.go': '// Code generated by sqlc. DO NOT EDIT.\n\npackage db\n\nimport "database/sql"\n\ntype Queries struct{ db *sql.DB }\n\nfunc New(db *sql.DB) *Queries { return &Queries{db: db} }\n',
      'db/users.sql.go': '// Code generated by sqlc. DO NOT EDIT.\n\npackage db\n',
      'db/cache.sql.go': '// Code generated by sqlc. DO NOT EDIT.\n\npackage db\n',
    }));
    assert.doesNotMatch(r.dockerfile, /sqlc/, r.dockerfile);
  });

  it('negative: a mount under a go-flags namespace names no variable', async () => {
    const r = await gen(tree(noteMark, { 'config/config.go': noteMark['config/config.go']!.replace('`envPrefix:"BIND__"`', '`namespace:"bind"`') }));
    assert.ok(r.warnings.some((w) => w.includes('field BindConfig.Host (Host) default "127.0.0.1" in config/config.go')), r.warnings.join('\n'));
    assert.ok(!r.warnings.some((w) => /ENV \S*HOST=/.test(w)), r.warnings.join('\n'));
  });
});

// damongolding/immich-kiosk at c82f363 (AGPL-3.0): go.mod (4,885 bytes) `module
// github.com/damongolding/immich-kiosk`, `go 1.26.4`, requires github.com/a-h/templ v0.3.1020, and
// `tool ( github.com/a-h/templ/cmd/templ … )`; .gitignore `*_templ.go`; main.go (11,360 bytes)
// reaches internal/routes/routes_asset.go (15,275 bytes), which imports
// internal/templates/components/video, a folder with only video.templ (2,154 bytes). The project's
// Dockerfile:25 `RUN go tool templ generate`.
const kioskGoMod = 'module github.com/damongolding/immich-kiosk\n\ngo 1.26.4\n\nrequire github.com/a-h/templ v0.3.1020\n\ntool (\n\tgithub.com/a-h/templ/cmd/templ\n\tgithub.com/air-verse/air\n)\n';
const kiosk: Record<string, string | null> = {
  'go.mod': kioskGoMod,
  '.gitignore': 'dist/\nnode_modules/\n*_templ.go\n',
  'main.go': 'package main\n\nimport (\n\t"github.com/damongolding/immich-kiosk/internal/routes"\n)\n\nfunc main() {\n\troutes.Serve()\n}\n',
  'internal/routes/routes_asset.go': 'package routes\n\nimport (\n\t"net/http"\n\n\t"github.com/damongolding/immich-kiosk/internal/templates/components/video"\n)\n\nfunc Serve() {\n\t_ = video.Video\n\t_ = http.ListenAndServe(":3000", nil)\n}\n',
  'internal/templates/components/video/video.templ': 'package video\n\nimport (\n\t"fmt"\n)\n\ntempl Video(id string) {\n\t<video id={ fmt.Sprint(id) }></video>\n}\n',
  Dockerfile: 'FROM --platform=$BUILDPLATFORM golang:1.26.4-bookworm AS build\nWORKDIR /app\nCOPY . .\nRUN go mod download\nRUN go tool templ generate\nRUN CGO_ENABLED=0 go build -o dist/kiosk .\n\nFROM gcr.io/distroless/static-debian13:nonroot\nCOPY --from=build /app/dist/kiosk .\nENTRYPOINT ["/kiosk"]\n',
};

describe('4. immich-kiosk: templ files without their generated Go', () => {
  it('go tool templ generate, not a refusal; the reason names the project\'s own step', async () => {
    const r = await genClean(tree(kiosk, {}));
    assert.match(builderOf(r.dockerfile), /\n# templ writes Go files the build needs \(in internal\/templates\/components\/video\): a fresh clone lacks them\.\n[\s\S]*\n    go tool templ generate\n[\s\S]*go build /, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('video_templ.go') && x.includes('Dockerfile:5 `RUN go tool templ generate`')), r.reasons.join('\n'));
  });

  it('no tool line: go run of the templ release go.mod requires', async () => {
    const r = await gen(tree(kiosk, { 'go.mod': 'module github.com/damongolding/immich-kiosk\n\ngo 1.26.4\n\nrequire github.com/a-h/templ v0.3.1020\n' }));
    assert.match(builderOf(r.dockerfile), /\n    go run github\.com\/a-h\/templ\/cmd\/templ@v0\.3\.1020 generate\n/, r.dockerfile);
  });

  it('negative: the generated file committed: no step', async () => {
    const r = await gen(tree(kiosk, { 'internal/templates/components/video/video_templ.go': 'package video\n\nimport "github.com/a-h/templ"\n\nfunc Video(id string) templ.Component { return nil }\n' }));
    assert.doesNotMatch(r.dockerfile, /templ generate/, r.dockerfile);
  });
});
