import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CGO_WRAPPERS, cgoReasons, cgoWrapperFor, evalConstraint, fileNameMatchesLinux, importQualifier, isNoDialImport, KNOWN_CGO_MODULES, knownCgoModuleFor,
  knownCgoRequirement, mayMatchInClusterConfig, NO_DIAL_PACKAGES, needsTzdata, parseGoFile, pathLookup, qualifiedImport, tlsImports, underPath, usesCgo, usesTls,
} from '../../server/src/workspace/goImports';
import type { GoModule, GoPackage } from '../../server/src/workspace/model';

function pkg(over: Partial<GoPackage>): GoPackage {
  return {
    dir: 'p', name: 'p', isMain: false, imports: [], usesCgo: false, callsLoadLocation: false, setsUser: false, dockerSocket: false, readsCiJobEnv: false, importsTzdata: false, runsPrograms: [], runsDataNamed: [], httpClient: true, grpcTls: true, inClusterConfig: false, noDialImports: [], generates: [],
    module: '', importPath: 'example.com/p', files: ['p.go'], cgoFallback: false, ...over,
  };
}

function mod(requirements: { path: string; indirect: boolean }[]): GoModule {
  return {
    dir: '', path: 'example.com/m', goVersion: '1.22', toolchain: null, requires: requirements.map((r) => r.path), hasGoSum: true,
    toolchainVersion: null, requirements: requirements.map((r, i) => ({ ...r, version: 'v1.0.0', line: i + 1 })), replaces: [],
    lines: { module: 1, go: 2, toolchain: null }, goModExists: true, parseErrors: [],
  };
}

describe('parseGoFile', () => {
  it('reads the package clause and every import form', () => {
    const f = parseGoFile(`// Copyright
// Package x does things.
package x

import "fmt"
import alias "example.com/alias"
import . "example.com/dot"
import _ "embed"
import (
	"os"
	// a comment between specs
	str "strings" /* trailing block comment */
	_ "net/http/pprof"; "io"
	\`example.com/raw\`
	"fmt"
)

var _ = fmt.Println
`);
    assert.equal(f.packageName, 'x');
    assert.deepEqual(f.imports, ['fmt', 'example.com/alias', 'example.com/dot', 'embed', 'os', 'strings', 'net/http/pprof', 'io', 'example.com/raw']);
    assert.equal(f.importsC, false);
    assert.equal(f.constraint, null);
  });

  it('sees import "C" after a cgo preamble with import-looking text, and stops at the first declaration', () => {
    const f = parseGoFile(`package main

/*
#include <stdio.h>
import "not/real"
*/
import "C"

import "fmt"

func main() { fmt.Println() }

import "never/read"
`);
    assert.deepEqual(f.imports, ['C', 'fmt']);
    assert.equal(f.importsC, true);
    assert.equal(f.hasFuncMain, true);
  });

  it('detects time.LoadLocation in the body only when "time" is imported', () => {
    assert.equal(parseGoFile('package a\nimport "time"\nvar l, _ = time.LoadLocation("Europe/Paris")\n').callsLoadLocation, true);
    assert.equal(parseGoFile('package a\nimport t "time"\nvar l, _ = t.LoadLocation("Europe/Paris")\n').callsLoadLocation, true);
    assert.equal(parseGoFile('package a\nimport "time"\nvar l, _ = time.LoadLocationFromTZData("x", nil)\n').callsLoadLocation, false);
    assert.equal(parseGoFile('package a\nimport "fmt"\nvar x = other.LoadLocation("UTC")\n').callsLoadLocation, false);
    // A constant "", "UTC" or "Local" returns UTC or Local without reading a zoneinfo database
    // (scroll-tech/scroll common/utils/timezone.go at bc8f9dbc, MIT: `utc, _ := time.LoadLocation("")`).
    for (const arg of ['""', '"UTC"', '"Local"', '`UTC`', ' "" ']) {
      assert.equal(parseGoFile(`package a\nimport "time"\nfunc f() { utc, _ := time.LoadLocation(${arg}); _ = utc }\n`).callsLoadLocation, false, arg);
    }
    // Any other name, a variable or a constant's name still loads one; one such call is enough.
    for (const arg of ['"utc"', '"Europe/Paris"', 'name', 'tzName', 'cfg.TZ', '"UTC" + s', '"\\x55TC"']) {
      assert.equal(parseGoFile(`package a\nimport "time"\nfunc f(name string) { l, _ := time.LoadLocation(${arg}); _ = l }\n`).callsLoadLocation, true, arg);
    }
    assert.equal(parseGoFile('package a\nimport "time"\nvar a, _ = time.LoadLocation("UTC")\nvar b, _ = time.LoadLocation(os.Getenv("TZ"))\n').callsLoadLocation, true);
    // Changes its own user (mjl-/mox mox-/forkexec_unix.go: a child with syscall.Credential).
    assert.equal(parseGoFile('package mox\nimport (\n\t"os"\n\t"syscall"\n)\nvar a = &os.ProcAttr{Sys: &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 1000}}}\n').setsUser, true);
    assert.equal(parseGoFile('package a\nimport "golang.org/x/sys/unix"\nfunc f() { unix.Setgroups(nil); unix.Setresuid(1, 1, 1) }\n').setsUser, true);
    assert.equal(parseGoFile('package a\nimport "syscall"\nfunc f() error { return syscall.Setuid(1000) }\n').setsUser, true);
    assert.equal(parseGoFile('package a\nimport "syscall"\nfunc f() int { return syscall.Getuid() }\n').setsUser, false);
    assert.equal(parseGoFile('package a\nimport "os"\nfunc f() { x.Setuid(1) }\n').setsUser, false);
  });

  it('detects func main only in package main, with odd spacing', () => {
    assert.equal(parseGoFile('package main\nfunc main() {}\n').hasFuncMain, true);
    assert.equal(parseGoFile('package main\nfunc  main ( ) {}\n').hasFuncMain, true);
    assert.equal(parseGoFile('package main\nfunc mainly() {}\n').hasFuncMain, false);
    assert.equal(parseGoFile('package lib\nfunc main() {}\n').hasFuncMain, false);
  });

  it('reads //go:build and // +build constraints before the package clause', () => {
    assert.equal(parseGoFile('//go:build ignore\n\npackage main\n').constraint, 'ignore');
    const plus = parseGoFile('// +build linux,amd64 darwin\n// +build !cgo\n\npackage x\n').constraint!;
    assert.equal(plus, '((linux && amd64) || (darwin)) && ((!cgo))');
    assert.equal(evalConstraint(plus, false), 2); // linux, amd64 unknown, cgo off
    assert.equal(evalConstraint(plus, true), 0);
    assert.equal(parseGoFile('package x\n//go:build ignore\n').constraint, null);
  });

  it('accepts a BOM, Buffers, Uint8Arrays, and never throws on garbage', () => {
    assert.equal(parseGoFile(Buffer.from('\uFEFFpackage bom\nimport "os"\n')).packageName, 'bom');
    assert.equal(parseGoFile(new TextEncoder().encode('package u8\n')).packageName, 'u8');
    for (const junk of ['', 'package', 'package 123', 'import "x"', '"unterminated', '/* never closed', 'package x\nimport (', 'package x\nimport ( "a"', '\0\xff\xfe']) {
      assert.doesNotThrow(() => parseGoFile(junk));
    }
    assert.equal(parseGoFile('not go at all').packageName, null);
    assert.deepEqual(parseGoFile('package x\nimport ( "a"').imports, ['a']);
  });

  it('decodes escaped import strings', () => {
    assert.deepEqual(parseGoFile('package x\nimport "a\\x2fb"\n').imports.length, 1);
  });
});

describe('file selection for a linux build', () => {
  it('applies GOOS/GOARCH file name suffixes like go/build', () => {
    assert.equal(fileNameMatchesLinux('x.go'), true);
    assert.equal(fileNameMatchesLinux('x_linux.go'), true);
    assert.equal(fileNameMatchesLinux('x_linux_arm64.go'), true);
    assert.equal(fileNameMatchesLinux('x_amd64.go'), true);
    assert.equal(fileNameMatchesLinux('x_windows.go'), false);
    assert.equal(fileNameMatchesLinux('x_darwin_arm64.go'), false);
    assert.equal(fileNameMatchesLinux('windows.go'), true); // no underscore: no constraint
    assert.equal(fileNameMatchesLinux('x_windows_test.go'), false);
    assert.equal(fileNameMatchesLinux('my_helper.go'), true);
  });

  it('evaluates build constraints for linux, unknown arch, cgo on/off', () => {
    assert.equal(evalConstraint('ignore', true), 0);
    assert.equal(evalConstraint('linux', true), 1);
    assert.equal(evalConstraint('!linux', true), 0);
    assert.equal(evalConstraint('darwin || windows', true), 0);
    assert.equal(evalConstraint('linux && amd64', true), 2);
    assert.equal(evalConstraint('linux && !amd64', true), 2);
    assert.equal(evalConstraint('cgo', true), 1);
    assert.equal(evalConstraint('cgo', false), 0);
    assert.equal(evalConstraint('!cgo', false), 1);
    assert.equal(evalConstraint('cgo', null), 2);
    assert.equal(evalConstraint('go1.21 && (linux || darwin)', false), 1);
    assert.equal(evalConstraint('customtag', true), 0);
    assert.equal(evalConstraint('unix && !(windows)', true), 1);
    assert.equal(evalConstraint('linux &&', true), 2); // malformed: unknown
    assert.equal(evalConstraint('((linux)', true), 2);
  });
});

describe('known modules and indicators', () => {
  it('recognises cgo-only modules by whole path segments', () => {
    assert.equal(knownCgoModuleFor('github.com/mattn/go-sqlite3')?.path, 'github.com/mattn/go-sqlite3');
    assert.equal(knownCgoModuleFor('github.com/mattn/go-sqlite3/sqlite3_test')?.path, 'github.com/mattn/go-sqlite3');
    assert.equal(knownCgoModuleFor('github.com/mattn/go-sqlite3x'), undefined);
    assert.equal(knownCgoModuleFor('github.com/confluentinc/confluent-kafka-go/v2/kafka')?.binds, 'librdkafka');
    assert.equal(knownCgoModuleFor('modernc.org/sqlite'), undefined);
    // gopacket is only cgo in its pcap package
    assert.equal(knownCgoModuleFor('github.com/google/gopacket/pcap')?.scope, 'package');
    assert.equal(knownCgoModuleFor('github.com/google/gopacket/layers'), undefined);
    assert.equal(knownCgoRequirement('github.com/google/gopacket'), undefined);
    assert.equal(knownCgoRequirement('github.com/mattn/go-sqlite3')?.alternative, 'modernc.org/sqlite');
  });

  it('recognises TLS indicators', () => {
    assert.deepEqual(
      tlsImports(['fmt', 'net/http', 'net/httpx', 'crypto/tls', 'google.golang.org/grpc/credentials', 'cloud.google.com/go/storage', 'github.com/aws/aws-sdk-go-v2/config', 'github.com/Azure/azure-sdk-for-go/sdk/azcore', 'net']),
      ['net/http', 'crypto/tls', 'google.golang.org/grpc/credentials', 'cloud.google.com/go/storage', 'github.com/aws/aws-sdk-go-v2/config', 'github.com/Azure/azure-sdk-for-go/sdk/azcore'],
    );
  });
});

describe('per-package helpers', () => {
  it('usesCgo: import "C" without a !cgo fallback', () => {
    assert.equal(usesCgo(pkg({ usesCgo: true })), true);
    assert.equal(usesCgo(pkg({ usesCgo: true, cgoFallback: true })), false);
    assert.equal(usesCgo(pkg({})), false);
  });
  it('usesCgo: a known cgo import, or a direct (not indirect) requirement of the module', () => {
    assert.equal(usesCgo(pkg({ imports: ['github.com/mattn/go-sqlite3'] })), true);
    assert.equal(usesCgo(pkg({}), mod([{ path: 'github.com/mattn/go-sqlite3', indirect: false }])), true);
    assert.equal(usesCgo(pkg({}), mod([{ path: 'github.com/mattn/go-sqlite3', indirect: true }])), false);
    const reasons = cgoReasons(pkg({ usesCgo: true, imports: ['C', 'github.com/mattn/go-sqlite3'] }), mod([{ path: 'github.com/mattn/go-sqlite3', indirect: false }]));
    assert.deepEqual(reasons.map((r) => r.kind), ['import-C', 'import']);
  });
  it('usesTls and needsTzdata', () => {
    assert.equal(usesTls(pkg({ imports: ['net/http'] })), true);
    assert.equal(usesTls(pkg({ imports: ['net'] })), false);
    assert.equal(needsTzdata(pkg({ callsLoadLocation: true })), true);
    assert.equal(needsTzdata(pkg({ callsLoadLocation: true, importsTzdata: true })), false);
    assert.equal(needsTzdata(pkg({})), false);
  });
});

describe('hand-made models', () => {
  it('fill every field and stay usable by the helpers', async () => {
    const { makeWorkspaceModel, makeGoModule, makeGoPackage } = await import('../../server/src/workspace/make');
    const { buildFacts } = await import('../../server/src/workspace/query');
    const m = makeWorkspaceModel({
      module: makeGoModule({ goVersion: '1.22', requires: ['github.com/mattn/go-sqlite3'] }),
      packages: [makeGoPackage({ dir: 'cmd/app', isMain: true, imports: ['github.com/mattn/go-sqlite3'], module: '' })],
    });
    assert.equal(m.modules.length, 1);
    assert.equal(m.module?.requirements[0].indirect, false);
    assert.equal(buildFacts(m, 'cmd/app').needsCgo, true);
    assert.equal(m.context.git.kind, null);
  });
});

describe('parseGoFile httpClient (GD202: a program that only serves)', () => {
  const file = (imports: string, body: string) => parseGoFile(`package main\n\nimport (\n${imports}\n)\n\n${body}\n`).httpClient;
  it('is true when the file names net/http\'s client side or renames the import, false when it only serves', () => {
    assert.equal(file('\t"net/http"', 'func h(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }\nfunc main() { _ = http.ListenAndServe(":8080", nil) }'), false);
    assert.equal(file('\t"net/http"', 'func main() { _, _ = http.Get("https://example.com") }'), true);
    assert.equal(file('\t"net/http"', 'var c = &http.Client{}'), true);
    assert.equal(file('\t"net/http"', 'func main() { r, _ := http.NewRequestWithContext(nil, "GET", "https://x", nil); _ = r }'), true);
    assert.equal(file('\tnethttp "net/http"', 'var _ = nethttp.StatusOK'), true);
    assert.equal(file('\t"fmt"', 'var _ = fmt.Sprint(http.Get)'), false, 'no net/http import');
  });
});

describe('parseGoFile dockerSocket', () => {
  // henrygd/beszel f1e5797 (MIT) agent/docker.go:783.
  it('sees the Docker socket path as a whole string literal, not in a comment or a longer string', () => {
    const file = (body: string) => `package agent\n\nimport (\n\t"fmt"\n\t"os"\n)\n\n${body}\n`;
    assert.equal(parseGoFile(file('var socks = []string{"/var/run/docker.sock", fmt.Sprint(os.Getuid())}')).dockerSocket, true);
    assert.equal(parseGoFile(file('const host = "unix:///var/run/docker.sock"')).dockerSocket, true);
    assert.equal(parseGoFile(file('var s = `/run/docker.sock`')).dockerSocket, true);
    assert.equal(parseGoFile(file('// dial "/var/run/docker.sock"\nvar x = fmt.Sprint(os.Getuid())')).dockerSocket, false);
    assert.equal(parseGoFile(file('var hint = "-v /var/run/docker.sock:/var/run/docker.sock"')).dockerSocket, false);
    assert.equal(parseGoFile(file('var s = "/var/run/docker.sock.bak"')).dockerSocket, false);
  });
});

describe('parseGoFile readsCiJobEnv', () => {
  // bytebase/bytebase 37339d7 (MIT Expat) action/command/vcs_user.go; projectdiscovery/nuclei
  // ccbfb12 (MIT) interactsh.go:105 reads only GITHUB_ACTIONS.
  it('sees a read of what CI platforms give a job\'s steps, by os.Getenv or os.LookupEnv; not a CI-detection flag, another variable, nor without os', () => {
    const file = (imports: string, body: string) => parseGoFile(`package command\n\nimport (\n${imports}\n)\n\n${body}\n`).readsCiJobEnv;
    assert.equal(file('\t"os"', 'func p() string { return os.Getenv("GITHUB_EVENT_PATH") }'), true);
    assert.equal(file('\t"os"', 'func p() string { return os.Getenv("SYSTEM_ACCESSTOKEN") }'), true);
    assert.equal(file('\t"os"', 'func p() bool { _, ok := os.LookupEnv("BITBUCKET_PR_ID"); return ok }'), true);
    assert.equal(file('\t"os"', 'func p() string { return os.Getenv( "CI_JOB_TOKEN" ) }'), true);
    assert.equal(file('\t"os"', 'func p() bool { return os.Getenv("GITHUB_ACTIONS") == "true" }'), false);
    assert.equal(file('\t"os"', 'func p() string { return os.Getenv("GITHUB_TOKEN") }'), false);
    assert.equal(file('\t"os"', 'func p() string { return os.Getenv("X_CI_JOB_TOKEN") }'), false);
    assert.equal(file('\t"fmt"', 'func p() string { return fmt.Sprint("os.Getenv(\\"CI_JOB_TOKEN\\")") }'), false);
  });
});

describe('parseGoFile clientSide (GD202: packages with a client side, NO_DIAL_PACKAGES)', () => {
  const file = (imports: string, body: string) => parseGoFile(`package main\n\nimport (\n${imports}\n)\n\n${body}\n`).clientSide;
  const OTELHTTP = 'go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp';
  it('names otelhttp when the file uses its client side or renames it; not for its middleware alone, nor for a package without a client side', () => {
    // open-telemetry/opentelemetry-operator be89444 (Apache-2.0) tests/test-e2e-apps/bridge-server/opampsrv/opampsrv.go:79.
    assert.deepEqual(file(`\t"${OTELHTTP}"`, 'var s = struct{ M any }{M: otelhttp.NewMiddleware("/v1/opamp")}'), []);
    assert.deepEqual(file(`\t"${OTELHTTP}"`, 'func f() { _, _ = otelhttp.Get(nil, "https://example.com") }'), [OTELHTTP]);
    assert.deepEqual(file(`\t"${OTELHTTP}"`, 'var t = otelhttp.NewTransport(nil)'), [OTELHTTP]);
    assert.deepEqual(file(`\toh "${OTELHTTP}"`, 'var s = oh.NewMiddleware("x")'), [OTELHTTP]);
    assert.deepEqual(file(`\totelhttp "${OTELHTTP}"`, 'var s = otelhttp.NewMiddleware("x")'), []);
    assert.deepEqual(file('\t"github.com/google/uuid"', 'var u = uuid.NewString()'), []);
    // echo's middleware: its reverse proxy dials the upstreams.
    assert.deepEqual(file('\t"github.com/labstack/echo/v4/middleware"', 'var l = middleware.Logger()'), []);
    assert.deepEqual(file('\t"github.com/labstack/echo/v4/middleware"', 'var p = middleware.Proxy(nil)'), ['github.com/labstack/echo/v4/middleware']);
    assert.deepEqual(file('\t"github.com/prometheus/client_golang/prometheus/promhttp"', 'var h = promhttp.Handler()'), []);
    assert.deepEqual(file('\t"github.com/prometheus/client_golang/prometheus/promhttp"', 'var rt = promhttp.InstrumentRoundTripperCounter(nil, nil)'), ['github.com/prometheus/client_golang/prometheus/promhttp']);
  });
});

describe('isNoDialImport (NO_DIAL_PACKAGES)', () => {
  it('takes a tree entry with its subpackages and a single-package entry alone; packages that dial are not in it', () => {
    for (const p of ['github.com/google/uuid', 'github.com/oklog/ulid/v2', 'google.golang.org/protobuf/proto', 'github.com/open-telemetry/opamp-go/server/types', 'go.opentelemetry.io/otel', 'go.opentelemetry.io/otel/trace', 'github.com/gin-gonic/gin/binding', 'github.com/labstack/echo/v4', 'github.com/labstack/echo/v4/middleware', 'github.com/urfave/cli/v2']) assert.equal(isNoDialImport(p), true, p);
    for (const p of ['go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp', 'go.opentelemetry.io/otel/sdk/trace', 'github.com/open-telemetry/opamp-go/client', 'github.com/prometheus/client_golang/prometheus/push', 'github.com/prometheus/client_golang/api', 'github.com/gorilla/websocket', 'github.com/google/uuidx', 'github.com/lib/pq', 'google.golang.org/grpc', 'github.com/urfave/cli/v2/altsrc']) assert.equal(isNoDialImport(p), false, p);
  });
});

// flipped-aurora/gin-vue-admin 02f3783 server/initialize: plugin_biz_v1.go imports server/utils/plugin
// (package plugin), plugin_biz_v2.go imports server/plugin blank and server/utils/plugin/v2 (package
// plugin too).
describe('import names: what a file calls each of its imports', () => {
  const v1 = parseGoFile('package initialize\n\nimport (\n\t"fmt"\n\n\t"github.com/flipped-aurora/gin-vue-admin/server/utils/plugin"\n\tg "github.com/gin-gonic/gin"\n)\n');
  const v2 = parseGoFile('package initialize\n\nimport (\n\t_ "github.com/flipped-aurora/gin-vue-admin/server/plugin"\n\t"github.com/flipped-aurora/gin-vue-admin/server/utils/plugin/v2"\n\t. "strings"\n)\n');
  const names: Record<string, string> = { 'github.com/flipped-aurora/gin-vue-admin/server/plugin': 'plugin', 'github.com/flipped-aurora/gin-vue-admin/server/utils/plugin': 'plugin', 'github.com/flipped-aurora/gin-vue-admin/server/utils/plugin/v2': 'plugin', 'fmt': 'fmt' };
  const nameOf = (i: string) => names[i] ?? null;

  it('importNames holds the names the declarations give, null when none', () => {
    assert.deepEqual([...(v2.importNames ?? new Map())], [['github.com/flipped-aurora/gin-vue-admin/server/plugin', '_'], ['strings', '.']]);
    assert.deepEqual([...(v1.importNames ?? new Map())], [['github.com/gin-gonic/gin', 'g']]);
    assert.equal(parseGoFile('package x\n\nimport "fmt"\n').importNames, null);
  });

  it('importQualifier: the alias, `_`, `.`, else the package\'s own name; null when the file does not import it', () => {
    assert.equal(importQualifier(v2, 'github.com/flipped-aurora/gin-vue-admin/server/plugin', 'plugin'), '_');
    assert.equal(importQualifier(v2, 'strings', 'strings'), '.');
    assert.equal(importQualifier(v1, 'github.com/gin-gonic/gin', 'gin'), 'g');
    assert.equal(importQualifier(v1, 'github.com/flipped-aurora/gin-vue-admin/server/utils/plugin', 'plugin'), 'plugin');
    assert.equal(importQualifier(v1, 'github.com/flipped-aurora/gin-vue-admin/server/plugin', 'plugin'), null);
  });

  it('qualifiedImport: the one import a qualifier names; a blank import names nothing', () => {
    assert.equal(qualifiedImport(v1, 'plugin', nameOf), 'github.com/flipped-aurora/gin-vue-admin/server/utils/plugin');
    assert.equal(qualifiedImport(v2, 'plugin', nameOf), 'github.com/flipped-aurora/gin-vue-admin/server/utils/plugin/v2');
    assert.equal(qualifiedImport(v1, 'g', nameOf), 'github.com/gin-gonic/gin');
    assert.equal(qualifiedImport(v1, 'gin', nameOf), null);
    assert.equal(qualifiedImport(v2, '_', nameOf), null);
  });
});

describe('parseGoFile reads each body check from one decoding and one comment-stripped copy (same answers as before)', () => {
  // Before, each check decoded the body and blanked its comments again, and the in-cluster check
  // ran on every body holding `Config`. These files mix every check that reads the stripped body
  // (docker socket, plain-http, gRPC TLS, in-cluster config) with comments that hold their words.
  const header = `package main

import (
\t"net/http"
\t"google.golang.org/grpc"
\t"k8s.io/client-go/rest"
\tctrl "sigs.k8s.io/controller-runtime"
\t"os"
)
`;
  it('a call only in a comment does not count; the same call in code does, whatever the order of checks', () => {
    const commented = parseGoFile(`${header}
// rest.InClusterConfig() and "/var/run/docker.sock" and grpc.Dial( and "http://x"
/* ctrl.GetConfigOrDie() https */
func main() { _ = http.Get; _ = os.Getenv("GITHUB_EVENT_PATH") }
`);
    assert.equal(commented.inClusterConfig, false, 'in-cluster call in a comment');
    assert.equal(commented.dockerSocket, false, 'socket path in a comment');
    assert.equal(commented.grpcTls, false, 'grpc.Dial in a comment');
    assert.equal(commented.httpClient, true, 'http.Get in code, no plain-http URL in code');
    assert.equal(commented.readsCiJobEnv, true, 'GITHUB_EVENT_PATH read in code');
    assert.equal(commented.hasFuncMain, true, 'func main');
    const code = parseGoFile(`${header}
func main() {
\tcfg, _ := ctrl.GetConfig( )
\t_ = "unix:///var/run/docker.sock"
\tc, _ := grpc.Dial("x")
\t_ = http.Get("http://plain/") // https in a comment only
\t_, _ = cfg, c
}
`);
    assert.equal(code.inClusterConfig, true, 'ctrl.GetConfig( ) in code');
    assert.equal(code.dockerSocket, true, 'socket literal in code');
    assert.equal(code.grpcTls, true, 'grpc.Dial without insecure credentials');
    assert.equal(code.httpClient, false, 'plain http only: the https is in a comment');
  });
  it('the in-cluster prefilter holds whatever IN_CLUSTER_CONFIG matches, and `Config` alone is no longer read', () => {
    const yes = ['rest.InClusterConfig()', 'rest.InClusterConfig(\n)', 'ctrl.GetConfig()', 'config.GetConfigOrDie()', 'x := config.GetConfigOrDie(  )'];
    for (const body of yes) {
      assert.equal(mayMatchInClusterConfig(Buffer.from(`package p\n${body}`), 0), true, body);
      assert.equal(parseGoFile(`package p\nfunc f() { ${body} }`).inClusterConfig, true, body);
    }
    const no = ['var Config = 1', 'cfg.InClusterConfigX', 'restInClusterConfig', 'myconfig.GetConfig()', 'loadConfig()'];
    for (const body of no) assert.equal(parseGoFile(`package p\nfunc f() { ${body} }`).inClusterConfig, false, body);
    assert.equal(mayMatchInClusterConfig(Buffer.from('package p\nvar Config = loadConfig()'), 0), false, 'Config alone');
    // The prefilter reads from the body's start: the header's words do not count.
    assert.equal(mayMatchInClusterConfig(Buffer.from('// rest.InClusterConfig()\npackage p\n'), 28), false, 'before `from`');
  });
  it('clientSide: an import under no entry with a client side is skipped; one under such an entry is read as before', () => {
    const f = parseGoFile(`package p

import (
\t"github.com/labstack/echo/v4/middleware"
\t"github.com/labstack/echo/v4"
\tproxy "github.com/docker/docker/client"
\t"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
\t"github.com/prometheus/client_golang/prometheus/promhttp"
)

func f() { middleware.ProxyWithConfig(nil); otelhttp.NewHandler(nil, ""); promhttp.Handler() }
`);
    assert.deepEqual(f.clientSide, ['github.com/labstack/echo/v4/middleware', 'github.com/docker/docker/client'], 'middleware used as a proxy, docker client renamed');
  });
});

describe('pathLookup (the tables of import paths, looked up per path segment)', () => {
  // Every path of the three tables, each with a package below it, its parent, and near misses
  // (a longer last segment, a shorter one): each gives what `find` over the list gives.
  const paths = [...KNOWN_CGO_MODULES.map((m) => m.path), ...CGO_WRAPPERS.map((w) => w.pkg), ...NO_DIAL_PACKAGES.map((d) => d.path)];
  const probes = paths.flatMap((p) => [p, `${p}/sub`, `${p}/sub/deeper`, `${p}x`, p.slice(0, -1), p.slice(0, Math.max(0, p.lastIndexOf('/')))]);
  probes.push('', '/', 'net/http', 'github.com', 'github.com/');

  it('gives the first matching entry, as list.find does', () => {
    assert.ok(probes.length > 300, `probes: ${probes.length}`);
    for (const probe of probes) {
      assert.equal(knownCgoModuleFor(probe), KNOWN_CGO_MODULES.find((m) => underPath(probe, m.path)), `knownCgoModuleFor(${probe})`);
      assert.equal(cgoWrapperFor(probe, null), CGO_WRAPPERS.find((w) => underPath(probe, w.pkg)), `cgoWrapperFor(${probe})`);
      const noDial = NO_DIAL_PACKAGES.find((d) => (d.tree ? underPath(probe, d.path) : probe === d.path));
      assert.equal(isNoDialImport(probe), noDial !== undefined, `isNoDialImport(${probe})`);
    }
  });

  it('keeps the list order between an exact entry and a tree entry above it', () => {
    const list = [{ p: 'a/b/c', tree: false }, { p: 'a/b', tree: true }, { p: 'a/b/c', tree: true }, { p: 'a', tree: true }];
    const find = pathLookup(list, (e) => e.p, (e) => e.tree);
    assert.equal(find('a/b/c'), list[0], 'the exact entry listed first');
    assert.equal(find('a/b/c/d'), list[1], 'the first tree entry above it');
    assert.equal(find('a/x'), list[3], 'the root entry');
    assert.equal(find('a/bc'), list[3], 'not under a/b: a/bc is another segment');
    assert.equal(find('b'), undefined, 'nothing');
  });
});
