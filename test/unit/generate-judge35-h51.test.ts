/**
 * The generator on real repositories of round 35 (judge Y, engineer H51). Each case is a small
 * skeleton of the real repository (the files that matter, with their sizes in the repository,
 * go.mod and the import blocks), with its repository, commit and licence above it, plus variants
 * that keep the old behaviour where it is right.
 *
 * 1. The go line is the oldest Go a module may be built with, not the Go to build it with: a line
 *    out of support builds with the oldest supported line. keratin/authn-server says `go 1.13`
 *    and calls io.ReadAll (Go 1.16); zekroTJA/shinpuru says `go 1.18` and calls errors.Join (Go
 *    1.20): both were generated with their go line's golang image (1.13-buster, 1.18-bullseye),
 *    whose compiler stops at those calls ("undefined: io.ReadAll"). A newer go command builds the
 *    module as its go line says (its language version, GODEBUG defaults).
 * 2. Files a program reads at run time relative to its working directory that the generator did
 *    not find: a migrations folder read by path (netlify/gotrue's `gotrue migrate` reads
 *    DB.MigrationsPath, default "./migrations"; wundergraph/cosmo graphqlmetrics' dbmate
 *    `MigrationsDir = []string{"migrations"}`) is copied to /app; a `godotenv.Load()` in init() whose
 *    error is fatal (bxcodec/go-clean-arch app/main.go:28-32) needs a .env the repository does not
 *    have (it is a secret): the header and a Check say to mount one, and nothing is copied.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';
import { fatalDotenvLoads, migrationDirReads } from '../../server/src/generate/assets';
import { NEWEST_GO_LINE, OLDEST_SUPPORTED_GO_LINE, goLineSupportEndedWith } from '../../server/src/images/golangTag';

const { gen, genClean, tree } = generatorTrees('judge35-h51');

const fromBuild = (dockerfile: string): string => /^FROM .* AS build$/m.exec(dockerfile)?.[0] ?? '';

// keratin/authn-server at bb52e75b08e5cc8f44cfe754468286a2ae74e4a6 (LGPL-3.0): go.mod (1,051 bytes)
// `module github.com/keratin/authn-server`, `go 1.13`, requires mattn/go-sqlite3 v1.6.0 (cgo) among
// 27; go.sum (35,719 bytes); main.go (1,587 bytes) runs `server` or `migrate`; lib/oauth/google.go
// (838 bytes) line 29: `body, err := io.ReadAll(resp.Body)` (Go 1.16). The project builds with
// current Go (release.yml `go-version: ^1.17`, Dockerfile.local `golang:alpine`).
const authn: Record<string, string | null> = {
  'go.mod': 'module github.com/keratin/authn-server\n\ngo 1.13\n\nrequire (\n\tgithub.com/mattn/go-sqlite3 v1.6.0\n\tgithub.com/sirupsen/logrus v1.6.0\n\tgolang.org/x/oauth2 v0.0.0-20190226205417-e64efc72b421\n)\n',
  'go.sum': 'github.com/mattn/go-sqlite3 v1.6.0 h1:x=\ngithub.com/mattn/go-sqlite3 v1.6.0/go.mod h1:y=\ngithub.com/sirupsen/logrus v1.6.0 h1:x=\ngolang.org/x/oauth2 v0.0.0-20190226205417-e64efc72b421 h1:x=\n',
  'main.go': 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\n\t"github.com/keratin/authn-server/lib/oauth"\n\t_ "github.com/mattn/go-sqlite3"\n\t"github.com/sirupsen/logrus"\n)\n\n// VERSION is a value injected at build time with ldflags\nvar VERSION string\n\nfunc main() {\n\tcmd := "server"\n\tif len(os.Args) > 1 {\n\t\tcmd = os.Args[1]\n\t}\n\tfmt.Println(cmd, oauth.NewGoogleProvider != nil)\n\tlogrus.Info(VERSION)\n}\n',
  'lib/oauth/google.go': 'package oauth\n\nimport (\n\t"context"\n\t"io"\n\t"net/http"\n\n\t"golang.org/x/oauth2"\n)\n\nfunc NewGoogleProvider(c *oauth2.Config) ([]byte, error) {\n\tresp, err := c.Client(context.TODO(), nil).Get("https://www.googleapis.com/oauth2/v1/userinfo?alt=json")\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tdefer resp.Body.Close()\n\t_ = http.StatusOK\n\treturn io.ReadAll(resp.Body)\n}\n',
};

// zekroTJA/shinpuru at ed714cf1553c0f507650047e315da3a0aec1f543 (MIT, LICENCE): go.mod (4,008 bytes)
// `module github.com/zekroTJA/shinpuru`, `go 1.18`; cmd/shinpuru/main.go (14,226 bytes);
// internal/services/report/report.go (12,584 bytes) line 98: `return rep, errors.Join(err, errDm)`
// (Go 1.20). The project builds with golang:1.21-alpine (Dockerfile:3).
const shinpuru: Record<string, string | null> = {
  'go.mod': 'module github.com/zekroTJA/shinpuru\n\ngo 1.18\n\nrequire github.com/bwmarrin/snowflake v0.3.0\n',
  'go.sum': 'github.com/bwmarrin/snowflake v0.3.0 h1:x=\ngithub.com/bwmarrin/snowflake v0.3.0/go.mod h1:y=\n',
  'cmd/shinpuru/main.go': 'package main\n\nimport (\n\t"fmt"\n\n\t"github.com/zekroTJA/shinpuru/internal/services/report"\n)\n\nfunc main() {\n\tfmt.Println(report.Send())\n}\n',
  'cmd/healthcheck/main.go': 'package main\n\nfunc main() {}\n',
  'internal/services/report/report.go': 'package report\n\nimport (\n\t"errors"\n\n\t"github.com/bwmarrin/snowflake"\n)\n\nfunc Send() error {\n\tvar err, errDm error\n\t_ = snowflake.ID(0)\n\treturn errors.Join(err, errDm)\n}\n',
};

describe('1. a go line out of support builds with the oldest supported Go', () => {
  it('the table: the two newest lines are supported; an older line ended when the second newer one came out', () => {
    assert.equal(NEWEST_GO_LINE, '1.27');
    assert.equal(OLDEST_SUPPORTED_GO_LINE, '1.26');
    assert.equal(goLineSupportEndedWith('1.13'), '1.15');
    assert.equal(goLineSupportEndedWith('1.25.0'), '1.27');
    assert.equal(goLineSupportEndedWith('1.24rc1'), '1.26');
    assert.equal(goLineSupportEndedWith('1.26'), null);
    assert.equal(goLineSupportEndedWith('1.26.3'), null);
    assert.equal(goLineSupportEndedWith('1.28rc1'), null);
    assert.equal(goLineSupportEndedWith('2.0'), null);
  });

  it('authn-server (go 1.13, io.ReadAll): golang:1.26-bookworm, not 1.13-buster; the comment and the reason say why', async () => {
    const r = await genClean(tree(authn, {}));
    assert.equal(r.images.builder, 'golang:1.26-bookworm');
    // cgo (go-sqlite3): the build runs on the target platform, unchanged.
    assert.match(r.dockerfile, /\n# Go 1\.26, not 1\.13 \(out of support\): a newer Go builds the module as its go line says\.\n# cgo: the build runs on the target platform \(cross-compiling C needs a cross toolchain\)\.\nFROM golang:1\.26-bookworm AS build\n/);
    assert.match(r.dockerfile, /go build -trimpath /);
    const why = r.reasons.find((x) => x.startsWith('golang:1.26-bookworm builder: '));
    assert.ok(why, r.reasons.join('\n'));
    assert.ok(why.includes("go.mod's go line says 1.13, the oldest Go the module may be built with; Go 1.13 is out of support (since Go 1.15 came out"), why);
    assert.ok(why.includes('the language of Go 1.13, and Go 1.20\'s defaults for the changes Go gates behind GODEBUG settings'), why);
    // Before Go 1.16 the go command completed go.mod and go.sum during the build; later ones do not.
    assert.ok(why.includes('-mod=readonly, since Go 1.16'), why);
    assert.equal(r.images.runtime, 'gcr.io/distroless/base-debian12:nonroot');
  });

  it('shinpuru (go 1.18, errors.Join): golang:1.26-bookworm, cross-compiled as before; no -mod=readonly note from Go 1.16 on', async () => {
    const r = await genClean(tree(shinpuru, {}), { package: './cmd/shinpuru' });
    assert.equal(fromBuild(r.dockerfile), 'FROM --platform=$BUILDPLATFORM golang:1.26-bookworm AS build');
    assert.match(r.dockerfile, /\n# Go 1\.26, not 1\.18 \(out of support\): a newer Go builds the module as its go line says\.\n/);
    const why = r.reasons.find((x) => x.startsWith('golang:1.26-bookworm builder: '));
    assert.ok(why?.includes('Go 1.18 is out of support (since Go 1.20 came out'), r.reasons.join('\n'));
    assert.ok(!why?.includes('-mod=readonly'), why);
  });

  it('negative: a supported go line is the builder, with no comment (1.26 and 1.27; a patch line gets its minor tag)', async () => {
    for (const [line, image] of [['1.26', 'golang:1.26-bookworm'], ['1.27.1', 'golang:1.27-bookworm']] as const) {
      const r = await gen(tree(shinpuru, { 'go.mod': `module github.com/zekroTJA/shinpuru\n\ngo ${line}\n\nrequire github.com/bwmarrin/snowflake v0.3.0\n` }), { package: './cmd/shinpuru' });
      assert.equal(r.images.builder, image, line);
      assert.doesNotMatch(r.dockerfile, /out of support/);
      assert.ok(r.reasons.some((x) => x.startsWith(`${image} builder: go.mod's go line says ${line}`)), r.reasons.join('\n'));
    }
  });

  it('the toolchain line out of support too: the oldest supported line, and the reason names the toolchain line', async () => {
    const r = await gen(tree(shinpuru, { 'go.mod': 'module github.com/zekroTJA/shinpuru\n\ngo 1.21\n\ntoolchain go1.23.4\n\nrequire github.com/bwmarrin/snowflake v0.3.0\n' }), { package: './cmd/shinpuru' });
    assert.equal(r.images.builder, 'golang:1.26-bookworm');
    const why = r.reasons.find((x) => x.startsWith('golang:1.26-bookworm builder: '));
    assert.ok(why?.startsWith('golang:1.26-bookworm builder: the toolchain line (go1.23.4) is newer than the go line (1.21)'), why);
    assert.ok(why?.includes('; Go 1.23 is out of support (since Go 1.25 came out'), why);
    assert.match(r.dockerfile, /# Go 1\.26, not 1\.23 \(out of support\)/);
  });

  it('no go line: the fallback is the oldest supported line', async () => {
    const r = await gen(tree(shinpuru, { 'go.mod': 'module github.com/zekroTJA/shinpuru\n\nrequire github.com/bwmarrin/snowflake v0.3.0\n' }), { package: './cmd/shinpuru' });
    assert.equal(r.images.builder, 'golang:1.26-bookworm');
    assert.ok(r.warnings.some((w) => w.includes('has no go line: the builder uses Go 1.26')), r.warnings.join('\n'));
  });
});

// netlify/gotrue at ab1bf15f0aa64542500a9befb09b218ec93b3568 (MIT): go.mod (6,016 bytes) `go 1.25.0`;
// main.go (156 bytes) runs cmd.RootCommand(); cmd/root_cmd.go (1,393 bytes) adds serve and migrate;
// cmd/migrate_cmd.go (1,952 bytes) line 55: `mig, err := pop.NewFileMigrator(globalConfig.DB.MigrationsPath, db)`;
// conf/configuration.go (8,493 bytes) line 41: `MigrationsPath string \`json:"migrations_path"
// split_words:"true" default:"./migrations"\`` (envconfig); migrations/ holds 14 .sql files and
// schema.sql (1,169 bytes the largest migration). The project's Dockerfile:23-25 copies migrations/
// and sets GOTRUE_DB_MIGRATIONS_PATH.
const gotrue: Record<string, string | null> = {
  'go.mod': 'module github.com/netlify/gotrue\n\nrequire (\n\tgithub.com/gobuffalo/pop/v5 v5.3.4\n\tgithub.com/kelseyhightower/envconfig v1.4.0\n\tgithub.com/spf13/cobra v1.8.1\n)\n\ngo 1.26.0\n',
  'go.sum': 'github.com/gobuffalo/pop/v5 v5.3.4 h1:x=\ngithub.com/kelseyhightower/envconfig v1.4.0 h1:x=\ngithub.com/spf13/cobra v1.8.1 h1:x=\n',
  'main.go': 'package main\n\nimport (\n\t"log"\n\n\t"github.com/netlify/gotrue/cmd"\n)\n\nfunc main() {\n\tif err := cmd.RootCommand().Execute(); err != nil {\n\t\tlog.Fatal(err)\n\t}\n}\n',
  'cmd/root_cmd.go': 'package cmd\n\nimport "github.com/spf13/cobra"\n\nvar rootCmd = cobra.Command{Use: "gotrue"}\n\nfunc RootCommand() *cobra.Command {\n\trootCmd.AddCommand(&serveCmd, &migrateCmd)\n\treturn &rootCmd\n}\n',
  'cmd/serve_cmd.go': 'package cmd\n\nimport "github.com/spf13/cobra"\n\nvar serveCmd = cobra.Command{Use: "serve", Long: "Start API server", Run: func(cmd *cobra.Command, args []string) {}}\n',
  'cmd/migrate_cmd.go': 'package cmd\n\nimport (\n\t"github.com/gobuffalo/pop/v5"\n\t"github.com/netlify/gotrue/conf"\n\t"github.com/spf13/cobra"\n)\n\nvar migrateCmd = cobra.Command{Use: "migrate", Run: migrate}\n\nfunc migrate(cmd *cobra.Command, args []string) {\n\tglobalConfig, _ := conf.LoadGlobal("")\n\tdb, _ := pop.NewConnection(nil)\n\tmig, err := pop.NewFileMigrator(globalConfig.DB.MigrationsPath, db)\n\t_, _ = mig, err\n}\n',
  'conf/configuration.go': 'package conf\n\nimport "github.com/kelseyhightower/envconfig"\n\n// DBConfiguration holds all the database related configuration.\ntype DBConfiguration struct {\n\tDriver         string `json:"driver" required:"true"`\n\tURL            string `json:"url" envconfig:"DATABASE_URL" required:"true"`\n\tMigrationsPath string `json:"migrations_path" split_words:"true" default:"./migrations"`\n}\n\ntype GlobalConfiguration struct {\n\tDB DBConfiguration\n}\n\nfunc LoadGlobal(filename string) (*GlobalConfiguration, error) {\n\tconfig := new(GlobalConfiguration)\n\treturn config, envconfig.Process("gotrue", config)\n}\n',
  'migrations/20171026211738_create_users.up.sql': 'CREATE TABLE IF NOT EXISTS {{ index .Options "Namespace" }}users (id uuid NOT NULL);\n',
  'migrations/20171026211738_create_users.down.sql': 'DROP TABLE IF EXISTS {{ index .Options "Namespace" }}users;\n',
  'migrations/schema.sql': '-- schema\n',
};

// wundergraph/cosmo at 6e0a147f4d2ec387cddc06b45b97814b940fe40b (Apache-2.0): graphqlmetrics/go.mod
// `go 1.25.0`; graphqlmetrics/cmd/main.go (4,616 bytes) lines 103-104: `migrator := dbmate.New(chDNS)`,
// `migrator.MigrationsDir = []string{"migrations"}`, then migrator.CreateAndMigrate(); graphqlmetrics/migrations
// holds 30 .sql files.
const cosmo: Record<string, string | null> = {
  'go.mod': 'module github.com/wundergraph/cosmo/graphqlmetrics\n\ngo 1.26.0\n\nrequire github.com/amacneil/dbmate/v2 v2.6.0\n',
  'go.sum': 'github.com/amacneil/dbmate/v2 v2.6.0 h1:x=\n',
  'cmd/main.go': 'package main\n\nimport (\n\t"log"\n\t"net/url"\n\n\t"github.com/amacneil/dbmate/v2/pkg/dbmate"\n)\n\nfunc main() {\n\tchDNS, _ := url.Parse("clickhouse://localhost:9000")\n\tmigrator := dbmate.New(chDNS)\n\tmigrator.MigrationsDir = []string{"migrations"}\n\tmigrator.AutoDumpSchema = false\n\tif err := migrator.CreateAndMigrate(); err != nil {\n\t\tlog.Fatal("Could not migrate", err)\n\t}\n}\n',
  'migrations/20231010143332_graphql_schema_usage_table.sql': '-- migrate:up\nCREATE TABLE x (a String) ENGINE = MergeTree ORDER BY a;\n',
};

// bxcodec/go-clean-arch at e06c6d0cb37069b0ef56e3df67f80ca130a1ab82 (MIT): go.mod (1,377 bytes) `go 1.20`;
// app/main.go (2,122 bytes) lines 28-33: `func init() {` / `err := godotenv.Load()` / `if err != nil {` /
// `log.Fatal("Error loading .env file")`; example.env (184 bytes: DEBUG, SERVER_ADDRESS, DATABASE_*);
// no .env (.gitignore keeps it out of the repository). The project's Dockerfile copies none either.
const cleanArch: Record<string, string | null> = {
  'go.mod': 'module github.com/bxcodec/go-clean-arch\n\ngo 1.20\n\nrequire github.com/joho/godotenv v1.5.1\n',
  'go.sum': 'github.com/joho/godotenv v1.5.1 h1:x=\n',
  'app/main.go': 'package main\n\nimport (\n\t"log"\n\t"os"\n\n\t"github.com/joho/godotenv"\n)\n\nconst (\n\tdefaultTimeout = 30\n\tdefaultAddress = ":9090"\n)\n\nfunc init() {\n\terr := godotenv.Load()\n\tif err != nil {\n\t\tlog.Fatal("Error loading .env file")\n\t}\n}\n\nfunc main() {\n\tdbHost := os.Getenv("DATABASE_HOST")\n\tlog.Println(dbHost, defaultTimeout, defaultAddress)\n}\n',
  'example.env': 'DEBUG = True\nSERVER_ADDRESS = :9090\nDATABASE_HOST = localhost\n',
};

describe('2. files the program reads at run time: a migrations folder by path, a fatal godotenv.Load', () => {
  it('gotrue: MigrationsPath default:"./migrations", read through the field: migrations/ is copied to /app/migrations', async () => {
    const r = await genClean(tree(gotrue, {}));
    assert.match(r.dockerfile, /\nCOPY migrations \/app\/migrations\n/);
    assert.ok(r.reasons.some((x) => x.startsWith('migrations is copied to /app/migrations') && x.includes('its migrations folder: field MigrationsPath default:"./migrations" in conf/configuration.go')), r.reasons.join('\n'));
  });

  it('cosmo graphqlmetrics: dbmate MigrationsDir = []string{"migrations"}: copied', async () => {
    const r = await genClean(tree(cosmo, {}), { package: './cmd' });
    assert.match(r.dockerfile, /\nCOPY migrations \/app\/migrations\n/);
    assert.ok(r.reasons.some((x) => x.includes('its migrations folder: MigrationsDir = []string{"migrations"} in cmd/main.go')), r.reasons.join('\n'));
  });

  it('the folder not in the context: a Check says the program will not find it', async () => {
    const r = await gen(tree(gotrue, { 'migrations/20171026211738_create_users.up.sql': null, 'migrations/20171026211738_create_users.down.sql': null, 'migrations/schema.sql': null }));
    assert.doesNotMatch(r.dockerfile, /COPY migrations/);
    assert.ok(r.warnings.some((w) => w.includes('conf/configuration.go reads migrations at run time (its migrations folder: field MigrationsPath default:"./migrations")')), r.warnings.join('\n'));
  });

  it('negative: a migrations field never read, an embedded migrations folder, absolute and parent paths: no read', () => {
    const pkg = (files: Record<string, string>) => [{ dir: '', files: Object.entries(files).map(([file, text]) => ({ file, text })) }];
    // Declared, never read through the field.
    assert.deepEqual(migrationDirReads(pkg({ 'conf.go': 'package conf\n\ntype DB struct {\n\tMigrationsPath string `default:"./migrations"`\n}\n' })), []);
    // goose reading from the binary: `//go:embed migrations/*.sql` with `migrationsDir = "migrations"`.
    assert.deepEqual(migrationDirReads(pkg({ 'db.go': 'package db\n\nimport "embed"\n\n//go:embed migrations/*.sql\nvar embedMigrations embed.FS\n\nconst migrationsDir = "migrations"\n' })), []);
    assert.deepEqual(migrationDirReads(pkg({ 'db.go': 'package db\n\nvar migrationsDir = "/etc/app/migrations"\nvar MigrationsPath = "../migrations"\n' })), []);
    // sql-migrate's and pop's file migrators with a literal folder are reads.
    assert.deepEqual(migrationDirReads(pkg({ 'db.go': 'package db\n\nvar src = &migrate.FileMigrationSource{Dir: "db/migrations"}\n' })).map((x) => x.path), ['db/migrations']);
    assert.deepEqual(migrationDirReads(pkg({ 'db.go': 'package db\n\nfunc m() { pop.NewFileMigrator("./migrations", nil) }\n' })).map((x) => x.path), ['migrations']);
  });

  it('go-clean-arch: godotenv.Load() in init(), fatal on error, no .env in the repository: a header note and a Check, no COPY', async () => {
    const r = await gen(tree(cleanArch, {}), { package: './app' });
    assert.match(r.dockerfile, /^# It stops at start without \/app\/\.env \(app\/main\.go:16: godotenv\.Load\(\), then log\.Fatal\), which the image does not hold: mount one \(-v "\$PWD\/\.env:\/app\/\.env:ro"\)\.$/m);
    assert.doesNotMatch(r.dockerfile, /^COPY .*\.env/m);
    assert.ok(r.warnings.some((w) => w.startsWith('app/main.go:16 loads .env with godotenv.Load() and stops when that fails (log.Fatal)') && w.includes('the repository has no .env (example.env is a sample of it)')), r.warnings.join('\n'));
    assert.match(r.dockerignore, /^\.env$/m);
  });

  it('a committed .env stays out (a secret; .dockerignore keeps it out): the note says so; a committed config/app.env is copied', async () => {
    const committed = await gen(tree(cleanArch, { '.env': 'DATABASE_HOST=db\n' }), { package: './app' });
    assert.doesNotMatch(committed.dockerfile, /^COPY .*\.env/m);
    assert.ok(committed.warnings.some((w) => w.includes("the repository's .env stays out of the image")), committed.warnings.join('\n'));
    const named = await gen(tree(cleanArch, {
      'app/main.go': cleanArch['app/main.go']!.replace('godotenv.Load()', 'godotenv.Load("config/app.env")'),
      'config/app.env': 'DATABASE_HOST=db\n',
    }), { package: './app' });
    assert.match(named.dockerfile, /\nCOPY config\/app\.env \/app\/config\/app\.env\n/);
    assert.doesNotMatch(named.dockerfile, /It stops at start without/);
  });

  it('negative: an ignored or logged error, a call inside a branch, the autoload import, a computed name: nothing', () => {
    const pkg = (text: string) => [{ dir: 'app', files: [{ file: 'main.go', text: `package main\n\nimport (\n\t"log"\n\n\t"github.com/joho/godotenv"\n)\n\n${text}\n` }] }];
    assert.deepEqual(fatalDotenvLoads(pkg('func init() {\n\t_ = godotenv.Load()\n}')), []);
    assert.deepEqual(fatalDotenvLoads(pkg('func init() {\n\tif err := godotenv.Load(); err != nil {\n\t\tlog.Println("no .env file")\n\t}\n}')), []);
    assert.deepEqual(fatalDotenvLoads(pkg('func main() {\n\tif os.Getenv("APP_ENV") == "dev" {\n\t\tif err := godotenv.Load(); err != nil {\n\t\t\tlog.Fatal(err)\n\t\t}\n\t}\n}')), []);
    assert.deepEqual(fatalDotenvLoads(pkg('func main() {\n\tif err := godotenv.Load(envFile); err != nil {\n\t\tlog.Fatal(err)\n\t}\n}')), []);
    assert.deepEqual(fatalDotenvLoads(pkg('func load() {\n\tif err := godotenv.Load(); err != nil {\n\t\tlog.Fatal(err)\n\t}\n}')), []);
    // The positive forms: `if err := …; err != nil { panic }`, and files named.
    assert.deepEqual(fatalDotenvLoads(pkg('func main() {\n\tif err := godotenv.Load(".env", ".env.local"); err != nil {\n\t\tpanic(err)\n\t}\n}')), [{ files: ['.env', '.env.local'], at: 'app/main.go:10', call: 'godotenv.Load(".env", ".env.local")', stops: 'panic' }]);
  });
});
