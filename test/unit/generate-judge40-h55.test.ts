/**
 * Files and build inputs the program needs that the generated Dockerfile left out, on real
 * repositories of judging round 40, session 55: each case a small skeleton of a real repository
 * (the files that matter, with their sizes in the repository, go.mod and the few relevant lines),
 * with its repository, commit and licence above it, plus the variants that keep the old behaviour
 * where it is right.
 *
 * 1. jlelse/GoBlog, oxyno-zeta/s3-proxy: templates read from the working directory at run time
 *    are copied: a folder constant naming a folder inside another (`assetsFolder =
 *    "templates/assets"`, walked with filepath.Walk), and a folder the project's image copies into
 *    its working directory that the sources name a file of (`"templates/folder-list.tpl"`).
 * 2. jlelse/GoBlog: an embedded .sql migration creates an FTS5 table: go-sqlite3 is built with
 *    -tags fts5 (the FTS5 check read only Go sources).
 * 3. bmc-toolbox/dora: a tag of the project's build selects a vendored file whose declaration the
 *    program uses (api2go's routing.Gin behind `gingonic`): the project's tags are passed.
 * 4. umputun/cronn: the project's image starts the binary through its base image's init script
 *    (`ENTRYPOINT ["/init.sh"]`, `CMD ["/srv/cronn", "-f", "/srv/crontab"]`), and -f's default is
 *    `crontab`: a Check names the crontab its users mount.
 * 5. Notifuse/notifuse: folders the project's image builds in node stages and copies into its
 *    working directory, which the program serves from there (`"console/dist"`): a Check.
 * 6. knadh/niltalk: an unstuffed binary (a plain go build) falls back to stuffbin's local file
 *    system, read from the working directory: static/ and config.sample.toml are copied there.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge40-h55');

// jlelse/GoBlog at 3a8ae3dbee5b8637c68be1f9138629306d21635c (MIT): go.mod (5,291 bytes) `module
// go.goblog.app/app`, `go 1.26.0`; templateAssets.go (3,665 bytes):20 `const assetsFolder =
// "templates/assets"`, :28-31 `func (a *goBlog) initTemplateAssets() error { … if err :=
// filepath.Walk(assetsFolder, func(path string, info os.FileInfo, _ error) error { if
// info.Mode().IsRegular() { file, err := os.Open(path)`: with the folder missing, Walk calls the
// callback with a nil FileInfo and the program panics at start (main.go:602 runs it). templates/
// holds only assets/ (css/, js/, sitemap.xsl; 16 files). The project's Dockerfile:39 `COPY
// templates/ /app/templates/` under WORKDIR /app, CMD ["GoBlog"]; no Makefile names the binary.
const goblogBase: Record<string, string | null> = {
  'go.mod': 'module go.goblog.app/app\n\ngo 1.26.0\n',
  'main.go': `package main

import "log"

type goBlog struct {
	assetFileNames map[string]string
}

func main() {
	a := &goBlog{}
	if err := a.initTemplateAssets(); err != nil {
		log.Fatal(err)
	}
}
`,
  'templateAssets.go': `package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
)

const assetsFolder = "templates/assets"

func (a *goBlog) initTemplateAssets() error {
	a.assetFileNames = map[string]string{}
	if err := filepath.Walk(assetsFolder, func(path string, info os.FileInfo, _ error) error {
		if info.Mode().IsRegular() {
			file, err := os.Open(path) //nolint:gosec
			if err != nil {
				return err
			}
			err = a.compileAsset(strings.TrimPrefix(path, assetsFolder+"/"), file)
			_ = file.Close()
			if err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	return nil
}

func (a *goBlog) compileAsset(name string, f io.Reader) error {
	a.assetFileNames[name] = name
	return nil
}
`,
  'templates/assets/css/styles.css': 'body { color: black; }\n',
  'templates/assets/js/geo.js': 'console.log(1);\n',
  'templates/assets/sitemap.xsl': '<xsl:stylesheet/>\n',
};

// oxyno-zeta/s3-proxy at 678fda2aa9ea290ac0f643ae5e77fcd9bdf67524 (Apache-2.0): go.mod `module
// github.com/oxyno-zeta/s3-proxy`, `go 1.26.0`; cmd/s3-proxy/main.go (4,123 bytes) imports
// pkg/s3-proxy/config; pkg/s3-proxy/config/config.go (32,419 bytes):55 `const
// DefaultTemplateFolderListPath = "templates/folder-list.tpl"` (and :82 `DefaultTemplateHelpersPath
// = "templates/_helpers.tpl"`), given to viper (managerimpl.go:164 `vip.SetDefault(
// "templates.folderList.path", DefaultTemplateFolderListPath)`) and read through the configuration
// by pkg/s3-proxy/utils/templateutils/template.go (5,406 bytes):97-99 `func
// LoadLocalFileContent(path string) (string, error) { by, err := os.ReadFile(path)`. The project's
// Dockerfile (384 bytes):11-20 `WORKDIR /proxy`, `COPY s3-proxy /proxy/s3-proxy`, `COPY templates/
// /proxy/templates/`, `ENTRYPOINT [ "/proxy/s3-proxy" ]`.
const s3Base: Record<string, string | null> = {
  'go.mod': 'module github.com/oxyno-zeta/s3-proxy\n\ngo 1.26.0\n',
  'cmd/s3-proxy/main.go': `package main

import (
	"fmt"
	"os"

	"github.com/oxyno-zeta/s3-proxy/pkg/s3-proxy/config"
	"github.com/oxyno-zeta/s3-proxy/pkg/s3-proxy/templateutils"
)

func main() {
	s, err := templateutils.LoadLocalFileContent(config.Load())
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Println(s)
}
`,
  'pkg/s3-proxy/config/config.go': `package config

// DefaultTemplateFolderListPath Default template folder list path.
const DefaultTemplateFolderListPath = "templates/folder-list.tpl"

// DefaultTemplateHelpersPath Default template helpers path.
const DefaultTemplateHelpersPath = "templates/_helpers.tpl"

type settings map[string]string

func Load() string {
	vip := settings{}
	vip["templates.folderList.path"] = DefaultTemplateFolderListPath
	return vip["templates.folderList.path"]
}
`,
  'pkg/s3-proxy/templateutils/template.go': `package templateutils

import (
	"os"

	"github.com/pkg/errors"
)

func LoadLocalFileContent(path string) (string, error) {
	// Read file from file path
	by, err := os.ReadFile(path)
	// Check if error exists
	if err != nil {
		return "", errors.WithStack(err)
	}

	return string(by), nil
}
`,
  'templates/folder-list.tpl': '{{ template "main.headers" . }}\n',
  'templates/_helpers.tpl': '{{- define "main.headers" -}}{{- end -}}\n',
  'templates/not-found-error.tpl': 'Not Found\n',
  Dockerfile: `FROM alpine:3.24

ENV USER=proxy
ENV UID=1000
ENV GID=1000

RUN apk add --update ca-certificates && rm -rf /var/cache/apk/* && \\
    addgroup -g $GID $USER && \\
    adduser -D -g "" -h "/proxy" -G "$USER" -H -u "$UID" "$USER"

WORKDIR /proxy

COPY s3-proxy /proxy/s3-proxy
COPY templates/ /proxy/templates/

RUN chown -R 1000:1000 /proxy

USER proxy

ENTRYPOINT [ "/proxy/s3-proxy" ]
`,
};

describe('1. templates read from the working directory at run time are copied', () => {
  it('GoBlog: assetsFolder = "templates/assets", walked: COPY templates/assets /app/templates/assets', async () => {
    const r = await gen(tree(goblogBase, {}));
    assert.match(r.dockerfile, /^COPY templates\/assets \/app\/templates\/assets$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('templateAssets.go joins templates/assets (assetsFolder = "templates/assets")')), r.reasons.join('\n'));
  });

  it('negative (GoBlog): a nested folder the program fills itself (templates/cache) is not copied', async () => {
    const r = await gen(tree(goblogBase, {
      'templateAssets.go': goblogBase['templateAssets.go']!.replace('"templates/assets"', '"templates/cache"'),
      'templates/assets/css/styles.css': null,
      'templates/assets/js/geo.js': null,
      'templates/assets/sitemap.xsl': null,
      'templates/cache/x.css': 'body {}\n',
    }));
    assert.doesNotMatch(r.dockerfile, /^COPY templates/m, r.dockerfile);
  });

  it('s3-proxy: the project\'s image copies templates/ into its WORKDIR and the sources name templates/folder-list.tpl: COPY templates /app/templates', async () => {
    const r = await gen(tree(s3Base, {}));
    assert.match(r.dockerfile, /^COPY templates \/app\/templates$/m, r.dockerfile);
    const why = r.reasons.find((x) => x.startsWith('templates is copied to /app/templates'));
    assert.ok(why !== undefined, r.reasons.join('\n'));
    assert.ok(why.includes('pkg/s3-proxy/config/config.go names "templates/folder-list.tpl"') && why.includes('Dockerfile:14 `COPY templates/ /proxy/templates/`'), why);
  });

  it('negative (s3-proxy): no source names a file of the folder: not copied', async () => {
    const r = await gen(tree(s3Base, {
      'pkg/s3-proxy/config/config.go': s3Base['pkg/s3-proxy/config/config.go']!.replace(/"templates\//g, '"tpl/'),
    }));
    assert.doesNotMatch(r.dockerfile, /^COPY templates/m, r.dockerfile);
  });

  it('negative (s3-proxy): the project\'s image copies the folder outside its working directory: not copied', async () => {
    const r = await gen(tree(s3Base, {
      Dockerfile: s3Base.Dockerfile!.replace('COPY templates/ /proxy/templates/', 'COPY templates/ /usr/share/s3-proxy/templates/'),
    }));
    assert.doesNotMatch(r.dockerfile, /^COPY templates/m, r.dockerfile);
  });
});

// jlelse/GoBlog at 3a8ae3dbee5b8637c68be1f9138629306d21635c (MIT): go.mod requires
// github.com/mattn/go-sqlite3 v1.14.49; database.go (6,475 bytes):13 imports it (`sqlite
// "github.com/mattn/go-sqlite3"`); databaseMigrations.go (1,079 bytes):14-15 `//go:embed
// dbmigrations/*`, `var dbMigrations embed.FS`, whose files migrateDb runs; dbmigrations/00004.sql
// (563 bytes):2 `create virtual table posts_fts using fts5(path unindexed, title, content, …)`. The
// project builds with GOFLAGS `-tags=linux,libsqlite3,sqlite_fts5,gomailnotpl,skipIntegration`
// (Dockerfile:6).
const goblogDb: Record<string, string | null> = {
  ...goblogBase,
  'go.mod': 'module go.goblog.app/app\n\ngo 1.26.0\n\nrequire github.com/mattn/go-sqlite3 v1.14.49\n',
  'go.sum': 'github.com/mattn/go-sqlite3 v1.14.49 h1:x\n',
  'database.go': `package main

import (
	"database/sql"

	sqlite "github.com/mattn/go-sqlite3"
)

var _ = sqlite.SQLiteDriver{}

func openDb(file string) (*sql.DB, error) {
	return sql.Open("sqlite3", file)
}
`,
  'databaseMigrations.go': `package main

import (
	"database/sql"
	"embed"
	"io/fs"
)

//go:embed dbmigrations/*
var dbMigrations embed.FS

func (a *goBlog) migrateDb(db *sql.DB) error {
	return fs.WalkDir(dbMigrations, "dbmigrations", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.Type().IsDir() {
			return err
		}
		fd, fe := dbMigrations.ReadFile(path)
		if fe != nil {
			return fe
		}
		_, err = db.Exec(string(fd))
		return err
	})
}
`,
  'dbmigrations/00001.sql': 'create table posts (path text not null primary key, content text);\n',
  'dbmigrations/00004.sql': "create view view_posts_with_title as select id, path, title, content from posts;\ncreate virtual table posts_fts using fts5(path unindexed, title, content, content=view_posts_with_title, content_rowid=id);\n-- insert into posts_fts(posts_fts) values ('rebuild');\n",
};

describe('2. an embedded .sql file that creates an FTS5 table needs -tags fts5', () => {
  it('GoBlog: dbmigrations/00004.sql:2 (embedded) creates posts_fts using fts5: -tags fts5', async () => {
    const r = await gen(tree(goblogDb, {}));
    assert.match(r.dockerfile, /CGO_ENABLED=1[\s\\]*go build -trimpath -tags fts5 /, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('-tags fts5: dbmigrations/00004.sql:2 creates an FTS5 table')), r.reasons.join('\n'));
  });

  it('negative: an FTS5 statement only in an SQL comment, or in a .sql file nothing embeds, needs no tag', async () => {
    const commented = await gen(tree(goblogDb, { 'dbmigrations/00004.sql': '-- create virtual table posts_fts using fts5(path);\ncreate table x (a text);\n' }));
    assert.doesNotMatch(commented.dockerfile, /-tags/, commented.dockerfile);
    const loose = await gen(tree(goblogDb, { 'dbmigrations/00004.sql': null, 'docs/fts.sql': goblogDb['dbmigrations/00004.sql']! }));
    assert.doesNotMatch(loose.dockerfile, /-tags/, loose.dockerfile);
  });
});

// bmc-toolbox/dora at 69425f5c60b2af8a535346b49575304ffead94c6 (v2.6.8, Apache-2.0): go.mod (1,422
// bytes) `module github.com/bmc-toolbox/dora`, `go 1.13`, requires github.com/manyminds/api2go
// v0.0.0-20201208181306-e7d462686f8a; vendor/modules.txt (8,952 bytes):121-124 lists it;
// vendor/github.com/manyminds/api2go/routing/gingonic.go (667 bytes):1 `// +build
// gingonic,!gorillamux,!echo`, :33 `func Gin(g *gin.Engine) Routeable`; gorillamux.go (1,045 bytes)
// and echo.go (723 bytes) the other routers behind their own tags; router.go (906 bytes) the
// untagged Routeable interface; web/server.go (7,610 bytes):18 imports
// "github.com/manyminds/api2go/routing", :67 `routing.Gin(r),`. The project's Dockerfile (530
// bytes):11 `RUN GOOS=linux go build -mod=vendor -ldflags '-extldflags "-static"'
// -tags="gingonic netgo osusergo" -a -installsuffix cgo -o dora .`. Without the tag the build
// stops with "undefined: routing.Gin" (judge 40 G G10, built with buildah).
const doraBase: Record<string, string | null> = {
  'go.mod': 'module github.com/bmc-toolbox/dora\n\ngo 1.13\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.6.3\n\tgithub.com/manyminds/api2go v0.0.0-20201208181306-e7d462686f8a\n)\n',
  'go.sum': '',
  'vendor/modules.txt': '# github.com/gin-gonic/gin v1.6.3\n## explicit\ngithub.com/gin-gonic/gin\n# github.com/manyminds/api2go v0.0.0-20201208181306-e7d462686f8a\n## explicit\ngithub.com/manyminds/api2go/routing\n',
  'vendor/github.com/gin-gonic/gin/gin.go': 'package gin\n\nimport "net/http"\n\ntype Engine struct{ http.Handler }\n\nfunc Default() *Engine { return &Engine{} }\n',
  'vendor/github.com/manyminds/api2go/routing/router.go': 'package routing\n\nimport "net/http"\n\n// HandlerFunc must contain all params from the route\ntype HandlerFunc func(w http.ResponseWriter, r *http.Request, params map[string]string, context map[string]interface{})\n\n// Routeable allows drop in replacement for api2go\'s router\ntype Routeable interface {\n\tHandler() http.Handler\n\tHandle(protocol, route string, handler HandlerFunc)\n}\n',
  'vendor/github.com/manyminds/api2go/routing/gingonic.go': '// +build gingonic,!gorillamux,!echo\n\npackage routing\n\nimport (\n\t"net/http"\n\n\t"github.com/gin-gonic/gin"\n)\n\ntype ginRouter struct {\n\trouter *gin.Engine\n}\n\nfunc (g ginRouter) Handler() http.Handler {\n\treturn g.router\n}\n\nfunc (g ginRouter) Handle(protocol, route string, handler HandlerFunc) {}\n\n//Gin creates a new api2go router to use with the gin framework\nfunc Gin(g *gin.Engine) Routeable {\n\treturn &ginRouter{router: g}\n}\n',
  'vendor/github.com/manyminds/api2go/routing/gorillamux.go': '// +build gorillamux,!gingonic,!echo\n\npackage routing\n\nimport "net/http"\n\ntype gorillamuxRouter struct{}\n\nfunc (gm gorillamuxRouter) Handler() http.Handler { return nil }\n\nfunc (gm gorillamuxRouter) Handle(protocol, route string, handler HandlerFunc) {}\n\n//Gorilla creates a new api2go router to use with the Gorilla mux framework\nfunc Gorilla() Routeable {\n\treturn &gorillamuxRouter{}\n}\n',
  'vendor/github.com/manyminds/api2go/routing/echo.go': '// +build echo,!gorillamux,!gingonic\n\npackage routing\n\nimport "net/http"\n\ntype echoRouter struct{}\n\nfunc (e echoRouter) Handler() http.Handler { return nil }\n\nfunc (e echoRouter) Handle(protocol, route string, handler HandlerFunc) {}\n\n// Echo created a new api2go router to use with the echo framework\nfunc Echo() Routeable {\n\treturn &echoRouter{}\n}\n',
  'main.go': 'package main // import "github.com/bmc-toolbox/dora"\n\nimport (\n\t"github.com/bmc-toolbox/dora/web"\n)\n\nfunc main() {\n\tweb.RunGin(8000)\n}\n',
  'web/server.go': `package web

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/manyminds/api2go/routing"
)

// RunGin is responsible to spin up the gin webservice
func RunGin(port int) {
	r := gin.Default()
	router := routing.Gin(r)
	_ = http.ListenAndServe(fmt.Sprintf(":%d", port), router.Handler())
}
`,
  Dockerfile: `# Build
FROM golang:1 as build

WORKDIR /build
ADD . .

# Tests
# TODO enable after fixing code for tests too pass
#RUN go test -tags="gingonic" -mod=vendor ./...

RUN GOOS=linux go build -mod=vendor -ldflags '-extldflags "-static"' -tags="gingonic netgo osusergo" -a -installsuffix cgo -o dora .

# Run
FROM centos

RUN adduser -s /bin/false dora

COPY --from=build /build/dora /usr/bin

EXPOSE 8000
USER dora

ENTRYPOINT ["/usr/bin/dora"]
`,
};

describe('3. a tag of the project\'s build that selects a vendored file the program uses is passed', () => {
  it('dora: routing.Gin only behind gingonic in vendor/: -tags gingonic,netgo,osusergo', async () => {
    const r = await gen(tree(doraBase, {}));
    assert.match(r.dockerfile, /go build -trimpath -mod=vendor -tags gingonic,netgo,osusergo /, r.dockerfile);
    const why = r.reasons.find((x) => x.startsWith('-tags gingonic,netgo,osusergo:'));
    assert.ok(why !== undefined, r.reasons.join('\n'));
    assert.ok(why.includes('web/server.go uses routing.Gin, which only vendor/github.com/manyminds/api2go/routing/gingonic.go (//go:build gingonic && !gorillamux && !echo) declares'), why);
  });

  it('negative (dora): the program uses only the untagged part of the vendored package: no -tags, the reason as before', async () => {
    const r = await gen(tree(doraBase, { 'web/server.go': doraBase['web/server.go']!.replace('router := routing.Gin(r)\n\t_ = http.ListenAndServe(fmt.Sprintf(":%d", port), router.Handler())', 'var router routing.Routeable\n\t_ = r\n\t_ = http.ListenAndServe(fmt.Sprintf(":%d", port), router.Handler())') }));
    assert.doesNotMatch(r.dockerfile, /-tags/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('No -tags: the project builds the root package with -tags gingonic,netgo,osusergo')), r.reasons.join('\n'));
  });

  it('negative (dora): an untagged file of the package declares Gin too: no -tags', async () => {
    const r = await gen(tree(doraBase, { 'vendor/github.com/manyminds/api2go/routing/default.go': 'package routing\n\nfunc Gin(g interface{}) Routeable { return nil }\n' }));
    assert.doesNotMatch(r.dockerfile, /-tags/, r.dockerfile);
  });
});

// umputun/cronn at 6dedd3a47efbd7fcb3a31d6070d50e01ede9826e (MIT): go.mod (810 bytes) `module
// github.com/umputun/cronn`, `go 1.22`; app/main.go (10,362 bytes):29 `CrontabFile string
// \`short:"f" long:"file" env:"CRONN_FILE" default:"crontab" description:"crontab file"\``, :120
// `crontabParser = crontab.New(opts.CrontabFile, updateInterval, hupCh)`; without the file it logs
// "can't load crontab file" and exits 0 (judge 40 G G7). The project's Dockerfile (762 bytes):21-28
// `COPY --from=build /build/cronn/cronn /srv/cronn`, `WORKDIR /srv`, `CMD ["/srv/cronn", "-f",
// "/srv/crontab"]`, `ENTRYPOINT ["/init.sh"]` (its base image's init script); docker-compose.yml
// (381 bytes):22 mounts `./crontab.example:/srv/crontab`; crontab.example (114 bytes).
const cronnBase: Record<string, string | null> = {
  'go.mod': 'module github.com/umputun/cronn\n\ngo 1.22\n\nrequire github.com/jessevdk/go-flags v1.5.0\n',
  'go.sum': 'github.com/jessevdk/go-flags v1.5.0 h1:x\n',
  'app/main.go': `package main

import (
	"fmt"
	"os"

	"github.com/jessevdk/go-flags"
)

var opts struct {
	CrontabFile string \`short:"f" long:"file" env:"CRONN_FILE" default:"crontab" description:"crontab file"\`
	Command     string \`short:"c" long:"command" env:"CRONN_COMMAND" description:"crontab single command"\`
}

func main() {
	if _, err := flags.Parse(&opts); err != nil {
		os.Exit(1)
	}
	data, err := os.ReadFile(opts.CrontabFile)
	if err != nil {
		fmt.Printf("[WARN] can't load crontab file, %v\\n", err)
		return
	}
	fmt.Println(string(data))
}
`,
  'crontab.example': '# min hour dom month dow command\n*/5 * * * * date\n',
  Dockerfile: `FROM umputun/baseimage:buildgo-latest as build

ADD . /build/cronn
WORKDIR /build/cronn

RUN cd app && go build -o /build/cronn/cronn -ldflags "-s -w"


FROM umputun/baseimage:app-latest

COPY --from=build /build/cronn/cronn /srv/cronn
RUN chmod +x /srv/cronn

WORKDIR /srv

CMD ["/srv/cronn", "-f", "/srv/crontab"]
ENTRYPOINT ["/init.sh"]
`,
};

describe('4. the file the project\'s image passes to a flag whose default is that file: a Check', () => {
  it('cronn: ENTRYPOINT ["/init.sh"], CMD ["/srv/cronn", "-f", "/srv/crontab"], -f default "crontab": the Check names /srv/crontab', async () => {
    const r = await gen(tree(cronnBase, {}));
    const w = r.warnings.find((x) => x.startsWith('The project\'s image starts cronn with -f /srv/crontab'));
    assert.ok(w !== undefined, r.warnings.join('\n'));
    assert.ok(w.includes('/srv/crontab is the deployment\'s: mount your own file there') && w.includes('CMD ["-f", "/srv/crontab"]'), w);
  });

  it('negative (cronn): the flag\'s default names another file: no Check', async () => {
    const r = await gen(tree(cronnBase, { 'app/main.go': cronnBase['app/main.go']!.replace('default:"crontab"', 'default:"jobs"') }));
    assert.ok(!r.warnings.some((x) => x.startsWith('The project\'s image starts cronn')), r.warnings.join('\n'));
  });

  it('negative (cronn): an ENTRYPOINT that is no init script (a program with arguments of its own) does not run the CMD as the start: no Check', async () => {
    const r = await gen(tree(cronnBase, { Dockerfile: cronnBase.Dockerfile!.replace('ENTRYPOINT ["/init.sh"]', 'ENTRYPOINT ["/usr/bin/supervisor", "-n"]') }));
    assert.ok(!r.warnings.some((x) => x.startsWith('The project\'s image starts cronn')), r.warnings.join('\n'));
  });
});

// Notifuse/notifuse at d8f31f8193d36b0ceabdcc8ccd75f7a8726c8f5c (AGPL-3.0, LICENCE.md): go.mod (5,785
// bytes) `module github.com/Notifuse/notifuse`, `go 1.25.4`; cmd/api/main.go (4,097 bytes) runs
// internal/app; internal/app/app.go (58,477 bytes):1062-1064 `rootHandler :=
// httpHandler.NewRootHandler("console/dist", "notification_center/dist", …)`;
// internal/http/root_handler.go (25,134 bytes):178 `fs := http.FileServer(http.Dir(h.consoleDir))`,
// :205 the same for notificationCenterDir. console/ and notification_center/ hold the front-ends'
// sources (package.json), not dist/. The project's Dockerfile (2,483 bytes):2-20 `FROM
// node:22-alpine AS console-frontend-builder` … `COPY console/ ./`, `RUN npm run build`, :23-41 the
// same for notification-center-builder, :44-66 the Go build, :70-92 `FROM alpine:3.19`, `WORKDIR
// /app`, :86 `COPY --from=console-frontend-builder /build/console/dist/ /app/console/dist/`, :89
// `COPY --from=notification-center-builder /build/notification_center/dist/
// /app/notification_center/dist/`, `CMD ["/app/server"]` (judge 40 X G6).
const notifuseBase: Record<string, string | null> = {
  'go.mod': 'module github.com/Notifuse/notifuse\n\ngo 1.25.4\n',
  'cmd/api/main.go': 'package main\n\nimport "github.com/Notifuse/notifuse/internal/app"\n\nfunc main() {\n\tapp.Run()\n}\n',
  'internal/app/app.go': `package app

import (
	"net/http"

	httpHandler "github.com/Notifuse/notifuse/internal/http"
)

func Run() {
	rootHandler := httpHandler.NewRootHandler(
		"console/dist",
		"notification_center/dist",
	)
	_ = http.ListenAndServe(":8080", rootHandler)
}
`,
  'internal/http/root_handler.go': `package http

import (
	"net/http"
	"os"
)

type RootHandler struct {
	consoleDir            string
	notificationCenterDir string
}

func NewRootHandler(consoleDir string, notificationCenterDir string) *RootHandler {
	return &RootHandler{consoleDir: consoleDir, notificationCenterDir: notificationCenterDir}
}

func (h *RootHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fs := http.FileServer(http.Dir(h.consoleDir))
	path := h.consoleDir + r.URL.Path
	if _, err := os.Stat(path); os.IsNotExist(err) {
		r.URL.Path = "/"
	}
	fs.ServeHTTP(w, r)
}
`,
  'console/package.json': '{"name": "console", "scripts": {"build": "vite build"}}\n',
  'console/src/main.tsx': 'export {};\n',
  'notification_center/package.json': '{"name": "notification-center", "scripts": {"build": "vite build"}}\n',
  'notification_center/src/main.tsx': 'export {};\n',
  Dockerfile: `# Stage 1: Build the console frontend
FROM node:22-alpine AS console-frontend-builder

WORKDIR /build/console
COPY console/package*.json ./
RUN npm ci
COPY console/ ./
RUN npm run build

# Stage 2: Build the notification center frontend
FROM node:22-alpine AS notification-center-builder

WORKDIR /build/notification_center
COPY notification_center/package*.json ./
RUN npm ci
COPY notification_center/ ./
RUN npm run build

# Stage 3: Build the Go binary
FROM golang:1.25-alpine AS backend-builder

WORKDIR /build
COPY go.mod ./
COPY cmd/ cmd/
COPY internal/ internal/
RUN go build -ldflags="-s -w" -o /tmp/server ./cmd/api

# Stage 4: Create the runtime container (Alpine for smaller image)
FROM alpine:3.19

WORKDIR /app
RUN mkdir -p /app/console/dist /app/notification_center/dist /app/data

COPY --from=backend-builder /tmp/server /app/server
COPY --from=console-frontend-builder /build/console/dist/ /app/console/dist/
COPY --from=notification-center-builder /build/notification_center/dist/ /app/notification_center/dist/

EXPOSE 8080
CMD ["/app/server"]
`,
};

describe('5. folders the project\'s image builds and puts in its working directory, read from there: a Check', () => {
  it('notifuse: console/dist and notification_center/dist, built by node stages: one Check names both', async () => {
    const r = await gen(tree(notifuseBase, {}), { package: './cmd/api' });
    const w = r.warnings.find((x) => x.startsWith('The program reads console/dist/ (internal/app/app.go:11) and notification_center/dist/ (internal/app/app.go:12) from its working directory'));
    assert.ok(w !== undefined, r.warnings.join('\n'));
    assert.ok(w.includes('console-frontend-builder, FROM node:22-alpine at line 2') && w.includes('Dockerfile:35 `COPY --from=console-frontend-builder /build/console/dist/ /app/console/dist/`'), w);
  });

  it('negative (notifuse): the sources do not name the folder: no Check', async () => {
    const r = await gen(tree(notifuseBase, { 'internal/app/app.go': notifuseBase['internal/app/app.go']!.replace('"console/dist"', '"web/console"').replace('"notification_center/dist"', '"web/nc"') }), { package: './cmd/api' });
    assert.ok(!r.warnings.some((x) => x.includes('console/dist')), r.warnings.join('\n'));
  });

  it('negative (notifuse): the Go build\'s binary copied into the working directory is no folder the program reads, though the sources say "server"', async () => {
    const r = await gen(tree(notifuseBase, { 'internal/app/app.go': notifuseBase['internal/app/app.go']!.replace('func Run() {', 'var role = "server"\n\nfunc Run() {') }), { package: './cmd/api' });
    assert.ok(!r.warnings.some((x) => x.includes('/app/server')), r.warnings.join('\n'));
  });

  it('negative (notifuse): copied from the stage that copied the whole context (the Go build\'s): no Check', async () => {
    const r = await gen(tree(notifuseBase, { Dockerfile: notifuseBase.Dockerfile!.replace('COPY go.mod ./\nCOPY cmd/ cmd/\nCOPY internal/ internal/', 'COPY . .').replace('--from=console-frontend-builder /build/console/dist/', '--from=backend-builder /build/console/dist/').replace('--from=notification-center-builder /build/notification_center/dist/', '--from=backend-builder /build/notification_center/dist/') }), { package: './cmd/api' });
    assert.ok(!r.warnings.some((x) => x.includes('console/dist')), r.warnings.join('\n'));
  });
});

// knadh/niltalk at 29c87c6fc84f805a035a2c19a9422967d8fc1e89 (AGPL-3.0): go.mod (709 bytes) `module
// github.com/knadh/niltalk`, requires github.com/knadh/stuffbin v1.3.0; main.go (7,663 bytes):56
// `f.StringSlice("config", []string{"config.toml"}, …)`, :105-130 initFS: `fs, err :=
// stuffbin.UnStuff(exe)`, on stuffbin.ErrNoID `fs, err = stuffbin.NewLocalFS("./",
// "./static/templates", "./static/static:/static", "config.sample.toml")`, `log.Fatalf("error
// falling back to local filesystem: %v", err)`. Releases append static/ to the binary (Makefile:39-41
// `$(STUFFBIN) -a stuff -in ${BIN} -out ${BIN} ${STATIC}`), a plain go build does not. The project's
// Dockerfile (124 bytes): `WORKDIR /niltalk`, `COPY niltalk .`, `COPY config.sample.toml
// config.toml`, `ENTRYPOINT [ "./niltalk" ]` (judge 40 X G5).
const niltalkBase: Record<string, string | null> = {
  'go.mod': 'module github.com/knadh/niltalk\n\ngo 1.24.0\n\nrequire github.com/knadh/stuffbin v1.3.0\n',
  'go.sum': 'github.com/knadh/stuffbin v1.3.0 h1:x\n',
  'main.go': `package main

import (
	"log"
	"os"

	"github.com/knadh/stuffbin"
)

var configFiles = []string{"config.toml"}

// initFS initializes the stuffbin embedded static filesystem.
func initFS(staticDir string) stuffbin.FileSystem {
	// Get self executable path to initialise stuffed FS.
	exe, err := os.Executable()
	if err != nil {
		log.Fatalf("error getting executable path: %v", err)
	}

	// Read stuffed data from self.
	fs, err := stuffbin.UnStuff(exe)
	if err != nil {
		// Binary is unstuffed or is running in dev mode.
		// Can halt here or fall back to the local filesystem.
		if err == stuffbin.ErrNoID {
			// First argument is to the root to mount the files in the FileSystem
			// and the rest of the arguments are paths to embed.
			fs, err = stuffbin.NewLocalFS("./",
				"./static/templates",
				"./static/static:/static",
				"config.sample.toml")
			if err != nil {
				log.Fatalf("error falling back to local filesystem: %v", err)
			}
		} else {
			log.Fatalf("error reading stuffed binary: %v", err)
		}
	}
	return fs
}

func main() {
	_ = initFS("")
}
`,
  'config.sample.toml': '[app]\naddress = "0.0.0.0:9000"\n',
  'static/templates/index.html': '<html></html>\n',
  'static/static/app.js': 'console.log(1);\n',
  Dockerfile: 'FROM alpine:latest AS deploy\nWORKDIR /niltalk\nCOPY niltalk .\nCOPY config.sample.toml config.toml\nENTRYPOINT [ "./niltalk" ]\n',
};

describe('6. stuffbin\'s local file system, the fallback of an unstuffed binary: its files are copied', () => {
  it('niltalk: COPY static /app/static and config.sample.toml, and config.toml as the project\'s image has it', async () => {
    const r = await gen(tree(niltalkBase, {}));
    assert.match(r.dockerfile, /^COPY static \/app\/static$/m, r.dockerfile);
    assert.match(r.dockerfile, /^COPY config\.sample\.toml \/app\/config\.sample\.toml$/m, r.dockerfile);
    assert.match(r.dockerfile, /^COPY config\.sample\.toml \/app\/config\.toml$/m, r.dockerfile);
  });

  it('negative (niltalk): a local file system rooted elsewhere (a flag\'s folder) is not read from the working directory: nothing of static/ copied', async () => {
    const r = await gen(tree(niltalkBase, { 'main.go': niltalkBase['main.go']!.replace('stuffbin.NewLocalFS("./",', 'stuffbin.NewLocalFS(staticDir,') }));
    assert.doesNotMatch(r.dockerfile, /^COPY static/m, r.dockerfile);
  });
});
