/**
 * The generator on real repositories of round 41 (judges X and Y; engineer j56). Each case is a
 * small skeleton of the real repository (the files that matter, with their sizes in the
 * repository, go.mod and the import blocks), with its repository, commit and licence above it,
 * plus variants that keep the old behaviour where it is right.
 *
 * 1. -X settings of the project's own build: one every build passes with the same literal value is
 *    kept (tenable/terrascan's protoregistry.conflictPolicy=ignore, judge 41 Y G4), and a main
 *    variable the build stamps with a release value is the version variable (jwilder/dockerize's
 *    main.buildVersion, judge 41 X G5).
 * 2. An address flag whose default comes from the environment and, when empty, from a loopback
 *    constant: the image passes the flag on every interface (benjojo/alertmanager-discord, 41 Y G5).
 * 3. nicholasjackson/env's env.String(name, required, default, usage) giving the listen address:
 *    EXPOSE its port (nicholasjackson/fake-service, judge 41 X G4).
 * 4. An embedded folder the context lacks that a rule of the root Makefile makes: the refusal names
 *    the rule and its steps, not "no package.json script" (hound-search/hound, judge 41 Y G1).
 * 5. Texts: the language and GODEBUG defaults come from the go line, not the toolchain line
 *    (jimmidyson/configmap-reload, judge 41 X G8); go-fuzz's `gofuzz` tag gates fuzzing harnesses,
 *    no feature of the binary (tsenart/vegeta, judge 41 X G7).
 * 6. What the image lacks, when the code makes it certain: the program a call runs through a flag
 *    whose default names it (prometheus-community/smartctl_exporter's smartctl, judge 41 X G3), and
 *    a file the sources name that the project's image copies there (metalmatze/alertmanager-bot's
 *    /templates/default.tmpl, judge 41 Y G2).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge41-j56');

// tenable/terrascan at d0405c2d2aba32260b82419e1274e9c76ddf844b (Apache-2.0): go.mod (12,243 bytes)
// `module github.com/tenable/terrascan`, go 1.23.0, toolchain go1.23.8, requires (indirect)
// github.com/google/gnostic-models v0.6.8 (:152), github.com/googleapis/gnostic v0.5.5 (:159), which
// register the same proto file, and google.golang.org/protobuf v1.31.0 (:227); cmd/terrascan/main.go
// (685 bytes) imports pkg/cli; Makefile (3,781 bytes) :2 `BUILD_FLAGS := -v -ldflags "-w -s -X
// google.golang.org/protobuf/reflect/protoregistry.conflictPolicy=ignore"`; .goreleaser.yml (1,387
// bytes) :17-18 `ldflags:` `- -s -w -X …conflictPolicy=ignore`; build/Dockerfile (1,109 bytes) :17
// `RUN CGO_ENABLED=${CGO_ENABLED_VAL} go build -v -ldflags "-w -s -X …conflictPolicy=ignore" -o
// /go/bin/terrascan ./cmd/terrascan`. Without the setting the binary panics at init (issue #1702).
const POLICY = 'google.golang.org/protobuf/reflect/protoregistry.conflictPolicy';
const terrascan: Record<string, string | null> = {
  'go.mod': 'module github.com/tenable/terrascan\n\ngo 1.23.0\n\ntoolchain go1.23.8\n\nrequire (\n\tgithub.com/google/gnostic-models v0.6.8 // indirect\n\tgithub.com/googleapis/gnostic v0.5.5 // indirect\n\tgoogle.golang.org/protobuf v1.31.0 // indirect\n)\n',
  'go.sum': 'google.golang.org/protobuf v1.31.0 h1:x=\ngoogle.golang.org/protobuf v1.31.0/go.mod h1:y=\n',
  'cmd/terrascan/main.go': 'package main\n\nimport "github.com/tenable/terrascan/pkg/cli"\n\nfunc main() {\n\tcli.Execute()\n}\n',
  'pkg/cli/run.go': 'package cli\n\nimport "os"\n\nfunc Execute() {\n\tos.Exit(0)\n}\n',
  Makefile: `GIT_COMMIT := $(shell git rev-parse --short HEAD 2>/dev/null)\nBUILD_FLAGS := -v -ldflags "-w -s -X ${POLICY}=ignore"\n\nBUILD_DIR = ./bin\nBINARY_NAME = terrascan\n\nbuild:\n\tgo build \${BUILD_FLAGS} -o \${BUILD_DIR}/\${BINARY_NAME} ./cmd/terrascan\n`,
  '.goreleaser.yml': `before:\n  hooks:\n    - go mod download\nbuilds:\n  - env:\n      - CGO_ENABLED=0\n    goos:\n      - linux\n    main: ./cmd/terrascan/main.go\n    ldflags:\n      - -s -w -X ${POLICY}=ignore\n`,
  'build/Dockerfile': `FROM golang:1.23-alpine AS builder\nARG CGO_ENABLED_VAL=0\nWORKDIR /go/src/terrascan\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN CGO_ENABLED=\${CGO_ENABLED_VAL} go build -v -ldflags "-w -s -X ${POLICY}=ignore" -o /go/bin/terrascan ./cmd/terrascan\n\nFROM alpine:3.21\nCOPY --from=builder /go/bin/terrascan /go/bin/terrascan\nENTRYPOINT ["/go/bin/terrascan"]\n`,
};

// jwilder/dockerize at 2b3e41aa277bb74d33981a2ec3cd239ab12cad72 (MIT): go.mod (1,117 bytes); main.go
// (10,558 bytes) :58-60 `var (` `buildVersion string` `version bool`, :402 `fmt.Println(buildVersion)`;
// Makefile (407 bytes) :4-5 `TAG := $(shell git describe …)`, `LDFLAGS := -X main.buildVersion=$(TAG)`;
// .goreleaser.yml (2,213 bytes) :13-14 `ldflags:` `- -X main.buildVersion={{ .Tag }}`; Dockerfile
// (502 bytes) :9 `go build -ldflags "-X main.buildVersion=\${VERSION}" …`; .github/workflows/ci.yml:129
// `go build -ldflags "-X main.buildVersion=dev" -o /dev/null .`.
const dockerize: Record<string, string | null> = {
  'go.mod': 'module github.com/jwilder/dockerize\n\ngo 1.25\n',
  'main.go': 'package main\n\nimport (\n\t"flag"\n\t"fmt"\n\t"sync"\n)\n\nvar (\n\tbuildVersion string\n\tversion      bool\n\tpoll         bool\n\twg           sync.WaitGroup\n)\n\nfunc main() {\n\tflag.BoolVar(&version, "version", false, "show version")\n\tflag.Parse()\n\tif version {\n\t\tfmt.Println(buildVersion)\n\t}\n\twg.Wait()\n}\n',
  Makefile: '.SILENT :\n\nTAG := $(shell git describe --abbrev=0 --tags 2>/dev/null || echo dev)\nLDFLAGS := -X main.buildVersion=$(TAG)\n\ndockerize:\n\tgo build -ldflags "$(LDFLAGS)" -o dockerize\n',
  '.goreleaser.yml': 'builds:\n  - id: default\n    binary: dockerize\n    ldflags:\n      - -X main.buildVersion={{ .Tag }}\n    goos:\n      - linux\n',
  Dockerfile: 'FROM golang:1.25-alpine AS binary\nARG VERSION=dev\nWORKDIR /go/src/github.com/jwilder/dockerize\nCOPY . .\nRUN CGO_ENABLED=0 GOOS=linux go build -ldflags "-X main.buildVersion=${VERSION}" -a -o /go/bin/dockerize .\n\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=binary /go/bin/dockerize /usr/local/bin\nENTRYPOINT ["dockerize"]\nCMD ["--help"]\n',
  '.github/workflows/ci.yml': 'jobs:\n  build:\n    steps:\n      - name: build\n        run: go build -ldflags "-X main.buildVersion=dev" -o /dev/null .\n',
};

describe('1. -X settings of the project\'s own build', () => {
  it('terrascan: every build passes protoregistry.conflictPolicy=ignore: the generated build does too, with a reason naming the places', async () => {
    const r = await gen(tree(terrascan, {}), { package: './cmd/terrascan' });
    assert.match(r.dockerfile, new RegExp(`-ldflags="-s -w -X ${POLICY.replace(/\./g, '\\.')}=ignore" -o /out/terrascan \\./cmd/terrascan$`, 'm'), r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes(`-X ${POLICY}=ignore: the project's own build sets it, always to this value (.goreleaser.yml:11, Makefile:2, build/Dockerfile:7)`)), r.reasons.join('\n'));
  });

  it('negative: passed by one file only, with two values, in an ifeq block, in one goreleaser flavour only, or on a module the program does not require: not kept', async () => {
    const variants: Record<string, string | null>[] = [
      { Makefile: null, 'build/Dockerfile': null },
      { 'build/Dockerfile': terrascan['build/Dockerfile']!.replace('=ignore', '=warn') },
      { Makefile: terrascan.Makefile!.replace('BUILD_FLAGS :=', 'ifeq ($(LEGACY),1)\nBUILD_FLAGS :=').replace('\n\nBUILD_DIR', '\nendif\n\nBUILD_DIR') },
      { '.goreleaser.yml': `${terrascan['.goreleaser.yml']}  - id: other\n    main: ./cmd/terrascan/main.go\n    ldflags:\n      - -s -w\n` },
      { 'go.mod': terrascan['go.mod']!.replace('\tgoogle.golang.org/protobuf v1.31.0 // indirect\n', '') },
      // A stamp's name: a constant value, but a release's (-X main.builtBy=goreleaser).
      Object.fromEntries(['Makefile', '.goreleaser.yml', 'build/Dockerfile'].map((f) => [f, terrascan[f]!.replace(`${POLICY}=ignore`, 'github.com/tenable/terrascan/pkg/cli.BuildHost=ci')])),
    ];
    for (const v of variants) {
      const r = await gen(tree(terrascan, v), { package: './cmd/terrascan' });
      assert.match(r.dockerfile, /-ldflags="-s -w" -o \/out\/terrascan/, `${JSON.stringify(v)}\n${r.dockerfile}`);
    }
  });

  it('dockerize: main.buildVersion, which the project stamps with its tag, is stamped with ${VERSION}', async () => {
    const r = await gen(tree(dockerize, {}));
    assert.match(r.dockerfile, /^ARG VERSION=dev$/m, r.dockerfile);
    assert.match(r.dockerfile, /-ldflags="-s -w -X main\.buildVersion=\$\{VERSION\}" -o \/out\/dockerize \.$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('-X main.buildVersion=${VERSION}: main.go declares `var buildVersion`, which the project\'s build stamps (.goreleaser.yml:5)')), r.reasons.join('\n'));
  });

  it('negative: a variable the build stamps with a constant, or one whose name says no version, is not stamped', async () => {
    const build = { Makefile: null, '.goreleaser.yml': null, Dockerfile: null };
    for (const v of [build, { ...build, Makefile: dockerize.Makefile!.replace(/buildVersion/g, 'buildMode') }]) {
      const r = await gen(tree(dockerize, v));
      assert.doesNotMatch(r.dockerfile, /VERSION/, r.dockerfile);
    }
  });
});

// benjojo/alertmanager-discord at 89ef841a7ef43c5520df49d0c28335d899230eb9 (Apache-2.0): go.mod (56
// bytes) go 1.15; main.go (5,413 bytes) :71 `const defaultListenAddress = "127.0.0.1:9094"`, :73-76
// `whURL = flag.String("webhook.url", os.Getenv("DISCORD_WEBHOOK"), …)`, `listenAddress =
// flag.String("listen.address", os.Getenv("LISTEN_ADDRESS"), "Address:Port to listen on.")`,
// :167-171 `if *listenAddress == "" {` `*listenAddress = defaultListenAddress` `}`,
// `http.ListenAndServe(*listenAddress, …)`; Dockerfile (949 bytes) :25-26 `ENV
// LISTEN_ADDRESS=0.0.0.0:9094`, `EXPOSE 9094`. Built and run, the generated image listened on
// 127.0.0.1:9094 only (judge 41 Y G5).
const amDiscord: Record<string, string | null> = {
  'go.mod': 'module github.com/benjojo/alertmanager-discord\n\ngo 1.15\n',
  'main.go': 'package main\n\nimport (\n\t"flag"\n\t"log"\n\t"net/http"\n\t"os"\n)\n\nconst defaultListenAddress = "127.0.0.1:9094"\n\nvar (\n\twhURL         = flag.String("webhook.url", os.Getenv("DISCORD_WEBHOOK"), "Discord WebHook URL.")\n\tlistenAddress = flag.String("listen.address", os.Getenv("LISTEN_ADDRESS"), "Address:Port to listen on.")\n)\n\nfunc main() {\n\tflag.Parse()\n\n\tif *listenAddress == "" {\n\t\t*listenAddress = defaultListenAddress\n\t}\n\n\tlog.Printf("Listening on: %s", *listenAddress)\n\tlog.Fatalf("Failed to listen on HTTP: %v",\n\t\thttp.ListenAndServe(*listenAddress, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {\n\t\t\t_ = *whURL\n\t\t})))\n}\n',
};

describe('2. an address flag from the environment, filled with a loopback constant when empty', () => {
  it('alertmanager-discord: CMD ["--listen.address", ":9094"] and EXPOSE 9094, with the reason naming the constant', async () => {
    const r = await gen(tree(amDiscord, {}));
    assert.match(r.dockerfile, /^EXPOSE 9094$/m, r.dockerfile);
    // In the ENTRYPOINT since session 57 (judge 42 G G9: a docker run's arguments replace the CMD).
    assert.match(r.dockerfile, /^ENTRYPOINT \[".*", "--listen\.address", ":9094"\]$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('flag -listen.address default os.Getenv("LISTEN_ADDRESS") (*listenAddress = defaultListenAddress = "127.0.0.1:9094" when unset)') && x.includes('listens on 127.0.0.1:9094 only')), r.reasons.join('\n'));
  });

  it('negative: without the fill, or with two values, no EXPOSE and no CMD', async () => {
    const main = amDiscord['main.go']!;
    for (const m of [main.replace('\t\t*listenAddress = defaultListenAddress\n', ''), main.replace('\t\t*listenAddress = defaultListenAddress\n', '\t\t*listenAddress = defaultListenAddress\n\t} else if *whURL == "" {\n\t\t*listenAddress = "127.0.0.1:9095"\n')]) {
      const r = await gen(tree(amDiscord, { 'main.go': m }));
      assert.doesNotMatch(r.dockerfile, /^(?:EXPOSE|CMD) /m, r.dockerfile);
    }
  });
});

// nicholasjackson/fake-service at f2194ab5171ded82f51164995d13537610c0f67a (MPL-2.0): go.mod (2,642
// bytes) go 1.20, requires github.com/nicholasjackson/env v0.6.0; main.go (18,988 bytes) imports
// github.com/nicholasjackson/env, :53 `var listenAddress = env.String("LISTEN_ADDR", false,
// "0.0.0.0:9090", "IP address and port to bind service to")`, :101 `var datadogTracingEndpointPort =
// env.String("TRACING_DATADOG_PORT", false, "8126", "Port for Datadog tracing collector")` (dialled),
// :231 `l, err := net.Listen("tcp", *listenAddress)`. Its Dockerfile EXPOSEs nothing either.
const fakeService: Record<string, string | null> = {
  'go.mod': 'module github.com/nicholasjackson/fake-service\n\ngo 1.20\n\nrequire github.com/nicholasjackson/env v0.6.0\n',
  'go.sum': 'github.com/nicholasjackson/env v0.6.0 h1:x=\ngithub.com/nicholasjackson/env v0.6.0/go.mod h1:y=\n',
  'main.go': 'package main\n\nimport (\n\t"net"\n\t"os"\n\n\t"github.com/nicholasjackson/env"\n)\n\nvar message = env.String("MESSAGE", false, "Hello World", "Message to be returned from service")\nvar listenAddress = env.String("LISTEN_ADDR", false, "0.0.0.0:9090", "IP address and port to bind service to")\nvar datadogTracingEndpointPort = env.String("TRACING_DATADOG_PORT", false, "8126", "Port for Datadog tracing collector")\n\nfunc main() {\n\tenv.Parse()\n\t// setup the listener\n\tl, err := net.Listen("tcp", *listenAddress)\n\tif err != nil {\n\t\tos.Exit(1)\n\t}\n\t_ = l\n\t_ = *datadogTracingEndpointPort\n}\n',
};

describe('3. nicholasjackson/env gives the listen address', () => {
  it('fake-service: EXPOSE 9090 (LISTEN_ADDR), not the Datadog collector\'s port', async () => {
    const r = await gen(tree(fakeService, {}));
    assert.match(r.dockerfile, /^EXPOSE 9090$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('EXPOSE 9090: the program listens on env LISTEN_ADDR default "0.0.0.0:9090" in main.go')), r.reasons.join('\n'));
  });

  it('negative: the variable no listen call takes, or the call of another package\'s String, gives no EXPOSE', async () => {
    const main = fakeService['main.go']!;
    for (const m of [main.replace('net.Listen("tcp", *listenAddress)', 'net.Dial("tcp", *listenAddress)'), main.replace('"github.com/nicholasjackson/env"', 'env "github.com/example/otherenv"')]) {
      const r = await gen(tree(fakeService, { 'main.go': m }));
      assert.doesNotMatch(r.dockerfile, /^EXPOSE /m, r.dockerfile);
    }
  });
});

// hound-search/hound at 4cbc3cfac9de94068d9497f5ab9045c5e9a196cd (MIT): go.mod (120 bytes) go 1.16;
// ui/bindata.go (735 bytes) :11-12 `//go:embed .build/ui/**` `var assetsFS embed.FS`; cmds/houndd/
// main.go (4,058 bytes) imports github.com/hound-search/hound/ui; package.json has only test and
// format scripts; Makefile (1,053 bytes) :13 `ui: ui/.build/ui` (no recipe), :27-30
// `ui/.build/ui: node_modules/build $(UI)`, `mkdir -p ui/.build/ui`, `cp -r ui/assets/* ui/.build/ui`,
// `npx webpack $(WEBPACK_ARGS)`; ui/.build/ is not in the tree (a fresh clone).
const hound: Record<string, string | null> = {
  'go.mod': 'module github.com/hound-search/hound\n\ngo 1.16\n',
  'ui/bindata.go': 'package ui\n\nimport (\n\t"embed"\n\t"io"\n\t"os"\n)\n\n// content holds our static web server content.\n//\n//go:embed .build/ui/**\nvar assetsFS embed.FS\n\nfunc AssetInfo(name string) (os.FileInfo, error) {\n\tf, err := assetsFS.Open(".build/ui/" + name)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tvar _ io.Reader = f\n\treturn f.Stat()\n}\n',
  'ui/assets/index.tpl.html': '<html></html>\n',
  'cmds/houndd/main.go': 'package main\n\nimport (\n\t"flag"\n\n\t"github.com/hound-search/hound/ui"\n)\n\nfunc main() {\n\tflag.Parse()\n\t_, _ = ui.AssetInfo("index.tpl.html")\n}\n',
  'package.json': '{\n  "name": "hound",\n  "scripts": {\n    "test": "jest",\n    "format": "pretty-quick --staged"\n  }\n}\n',
  Makefile: 'CMDS := .build/bin/houndd .build/bin/hound\n\nSRCS := $(shell find . -type f -name \'*.go\')\nUI := $(shell find ui/assets -type f)\n\nWEBPACK_ARGS := --mode production\nifdef DEBUG\n\tWEBPACK_ARGS := --mode development\nendif\n\nALL: $(CMDS)\n\nui: ui/.build/ui\n\nnode_modules/build:\n\tnpm install\n\tdate -u >> $@\n\n.build/bin/houndd: ui/.build/ui $(SRCS)\n\tgo build -o $@ github.com/hound-search/hound/cmds/houndd\n\nui/.build/ui: node_modules/build $(UI)\n\tmkdir -p ui/.build/ui\n\tcp -r ui/assets/* ui/.build/ui\n\tnpx webpack $(WEBPACK_ARGS)\n',
};

describe('4. an embedded folder a Makefile rule makes', () => {
  it('hound: the refusal names the rule ui/.build/ui (Makefile:22 here, :27 in the project) and its steps', async () => {
    await assert.rejects(gen(tree(hound, {}), { package: './cmds/houndd' }), (e: Error) => {
      assert.match(e.message, /The Makefile's rule for ui\/\.build\/ui \(Makefile:22\) makes it \(`mkdir -p ui\/\.build\/ui`, `cp -r ui\/assets\/\* ui\/\.build\/ui`, `npx webpack \$\(WEBPACK_ARGS\)`\): run `make ui\/\.build\/ui` before `docker build`/, e.message);
      assert.doesNotMatch(e.message, /No package\.json script/, e.message);
      return true;
    });
  });

  it('negative: without the rule (only `ui: ui/.build/ui`, no recipe), the old refusal', async () => {
    const makefile = hound.Makefile!.replace(/ui\/\.build\/ui: node_modules[\s\S]*$/, '');
    await assert.rejects(gen(tree(hound, { Makefile: makefile }), { package: './cmds/houndd' }), /No package\.json script was found that produces ui\/\.build\/ui/);
  });
});

// jimmidyson/configmap-reload at 0ec4d67961d509d9414554e76caf46dd77cb32d8 (Apache-2.0): go.mod (674
// bytes) :3 `go 1.23.0`, :5 `toolchain go1.24.2`; configmap-reload.go (6,603 bytes), the main package.
const configmapReload: Record<string, string | null> = {
  'go.mod': 'module github.com/jimmidyson/configmap-reload\n\ngo 1.23.0\n\ntoolchain go1.24.2\n',
  'configmap-reload.go': 'package main\n\nimport (\n\t"flag"\n\t"log"\n)\n\nfunc main() {\n\tflag.Parse()\n\tlog.Println("ok")\n}\n',
};

// tsenart/vegeta at cf5811269046c672a604b1eb352204d30f16ae4a (MIT): go.mod (1,863 bytes)
// `module github.com/tsenart/vegeta/v12`, go 1.22; main.go (2,424 bytes) imports lib; lib/attack.go
// (15,643 bytes); lib/attack_fuzz.go (2,934 bytes), results_fuzz.go (1,187), targets_fuzz.go (1,156),
// util_fuzz.go (1,888): each `//go:build gofuzz` `// +build gofuzz`, go-fuzz harnesses.
const fuzzFile = (name: string) => `//go:build gofuzz\n// +build gofuzz\n\npackage vegeta\n\nimport (\n\t"fmt"\n)\n\nfunc Fuzz${name}(data []byte) int {\n\t_ = fmt.Sprint(data)\n\treturn 0\n}\n`;
const vegeta: Record<string, string | null> = {
  'go.mod': 'module github.com/tsenart/vegeta/v12\n\ngo 1.22\n',
  'main.go': 'package main\n\nimport (\n\t"flag"\n\n\tvegeta "github.com/tsenart/vegeta/v12/lib"\n)\n\nfunc main() {\n\tflag.Parse()\n\tvegeta.Attack()\n}\n',
  'lib/attack.go': 'package vegeta\n\nfunc Attack() {}\n',
  'lib/attack_fuzz.go': fuzzFile('Attack'),
  'lib/results_fuzz.go': fuzzFile('Results'),
  'lib/targets_fuzz.go': fuzzFile('Targets'),
  'lib/util_fuzz.go': fuzzFile('Util'),
};

describe('5. texts: the go line\'s language, go-fuzz\'s tag', () => {
  it('configmap-reload: the language and GODEBUG defaults of Go 1.23 (the go line), the builder raised from the toolchain line', async () => {
    const r = await gen(tree(configmapReload, {}));
    const why = r.reasons.find((x) => x.includes('the toolchain line (go1.24.2) is newer than the go line (1.23.0)')) ?? '';
    assert.ok(why.includes('the language of Go 1.23, and Go 1.23\'s defaults for the changes Go gates behind GODEBUG settings'), why || r.reasons.join('\n'));
  });

  it('vegeta: no Check suggesting -tags gofuzz for the go-fuzz harnesses', async () => {
    const r = await gen(tree(vegeta, {}));
    assert.ok(!r.warnings.some((w) => w.includes('gofuzz')), r.warnings.join('\n'));
    assert.doesNotMatch(r.dockerfile, /-tags/, r.dockerfile);
  });

  it('negative: a feature tag on as many files still gets the Check', async () => {
    const r = await gen(tree(vegeta, Object.fromEntries(['attack', 'results', 'targets', 'util'].map((n) => [`lib/${n}_fuzz.go`, fuzzFile(n).replace(/gofuzz/g, 'extras')]))));
    assert.ok(r.warnings.some((w) => w.includes('build only with build tags (extras)')), r.warnings.join('\n'));
  });
});

// prometheus-community/smartctl_exporter at c0fe431c02002599a00f87cfd62859c52d14f0c8 (Apache-2.0):
// go.mod (1,527 bytes) go 1.25.0, requires github.com/alecthomas/kingpin/v2; main.go (8,493 bytes)
// :97-99 `smartctlPath = kingpin.Flag("smartctl.path", "The path to the smartctl binary",
// ).Default("/usr/sbin/smartctl").String()`; readjson.go (5,852 bytes) imports os/exec, :70
// `out, err := exec.Command(*smartctlPath, smartctlArgs...).Output()`; Dockerfile (334 bytes) :6
// `RUN apk add smartmontools`. The generated distroless image had no smartctl (judge 41 X G3).
const smartctl: Record<string, string | null> = {
  'go.mod': 'module github.com/prometheus-community/smartctl_exporter\n\ngo 1.25.0\n\nrequire github.com/alecthomas/kingpin/v2 v2.4.0\n',
  'go.sum': 'github.com/alecthomas/kingpin/v2 v2.4.0 h1:x=\ngithub.com/alecthomas/kingpin/v2 v2.4.0/go.mod h1:y=\n',
  'main.go': 'package main\n\nimport (\n\t"net/http"\n\n\tkingpin "github.com/alecthomas/kingpin/v2"\n)\n\nvar (\n\tsmartctlPath = kingpin.Flag("smartctl.path",\n\t\t"The path to the smartctl binary",\n\t).Default("/usr/sbin/smartctl").String()\n\tlistenAddress = kingpin.Flag("web.listen-address", "Address to listen on").Default(":9633").String()\n)\n\nfunc main() {\n\tkingpin.Parse()\n\t_, _ = readData("/dev/sda")\n\t_ = http.ListenAndServe(*listenAddress, nil)\n}\n',
  'readjson.go': 'package main\n\nimport (\n\t"fmt"\n\t"os/exec"\n)\n\nfunc readData(device string) ([]byte, error) {\n\tsmartctlArgs := []string{"--json", "--info", "--health", device}\n\tout, err := exec.Command(*smartctlPath, smartctlArgs...).Output()\n\tif err != nil {\n\t\treturn nil, fmt.Errorf("smartctl: %w", err)\n\t}\n\treturn out, nil\n}\n',
  Dockerfile: 'FROM alpine:3\nRUN apk add smartmontools\nCOPY .build/linux-amd64/smartctl_exporter /bin/smartctl_exporter\nEXPOSE      9633\nUSER        nobody\nENTRYPOINT  [ "/bin/smartctl_exporter" ]\n',
};

// metalmatze/alertmanager-bot at fbfa20b99f9dc3f1a40625108131092dc74fb362 (MIT): go.mod (6,489
// bytes), requires github.com/alecthomas/kong v0.2.15; cmd/alertmanager-bot/main.go (8,895 bytes)
// :59 `TemplatePaths []string \`name:"template.paths" default:"/templates/default.tmpl" …\``;
// default.tmpl (591 bytes) defines "telegram.default"; Dockerfile (280 bytes) :2 `ENV
// TEMPLATE_PATHS=/templates/default.tmpl`, :5 `COPY ./default.tmpl /templates/default.tmpl`,
// :12 `CMD ["/usr/bin/alertmanager-bot"]` (judge 41 Y G2: no alert could be rendered).
const amBot: Record<string, string | null> = {
  'go.mod': 'module github.com/metalmatze/alertmanager-bot\n\ngo 1.16\n\nrequire github.com/alecthomas/kong v0.2.15\n',
  'go.sum': 'github.com/alecthomas/kong v0.2.15 h1:x=\ngithub.com/alecthomas/kong v0.2.15/go.mod h1:y=\n',
  'cmd/alertmanager-bot/main.go': 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/alecthomas/kong"\n)\n\nvar cli struct {\n\tListenAddr    string   `name:"listen.addr" default:"0.0.0.0:8080" help:"The address the alertmanager-bot listens on for incoming webhooks"`\n\tTemplatePaths []string `name:"template.paths" default:"/templates/default.tmpl" help:"The paths to the template"`\n}\n\nfunc main() {\n\t_ = kong.Parse(&cli, kong.Name("alertmanager-bot"))\n\t_ = cli.TemplatePaths\n\t_ = http.ListenAndServe(cli.ListenAddr, nil)\n}\n',
  'default.tmpl': '{{ define "telegram.default" }}{{ range .Alerts }}{{ .Labels.alertname }}{{ end }}{{ end }}\n',
  Dockerfile: 'FROM alpine:latest\nENV TEMPLATE_PATHS=/templates/default.tmpl\nRUN apk add --update ca-certificates tini\n\nCOPY ./default.tmpl /templates/default.tmpl\nCOPY ./alertmanager-bot /usr/bin/alertmanager-bot\n\nUSER nobody\n\nENTRYPOINT ["/sbin/tini", "--"]\n\nCMD ["/usr/bin/alertmanager-bot"]\n',
};

describe('6. what the image lacks that the program\'s code makes certain', () => {
  it('smartctl_exporter: a Check that the program runs smartctl, the --smartctl.path default, which distroless lacks', async () => {
    const r = await gen(tree(smartctl, {}));
    assert.ok(r.warnings.some((w) => w.includes('exec.Command(*smartctlPath, …) in readjson.go') && w.includes('smartctl as a default (flag --smartctl.path default "/usr/sbin/smartctl" in main.go)') && w.includes('has no programs but the binary')), r.warnings.join('\n'));
  });

  it('negative: a flag default that is a file, not a program, or a call not on the flag: no such Check', async () => {
    const variants: Record<string, string | null>[] = [{ 'main.go': smartctl['main.go']!.replace('"/usr/sbin/smartctl"', '"/etc/smartctl.conf"') }, { 'readjson.go': smartctl['readjson.go']!.replace('exec.Command(*smartctlPath,', 'exec.Command(smartctlArgs[0],') }];
    for (const v of variants) {
      const r = await gen(tree(smartctl, v));
      assert.ok(!r.warnings.some((w) => w.includes('--smartctl.path')), r.warnings.join('\n'));
    }
  });

  it('alertmanager-bot: a Check that /templates/default.tmpl, which the sources name and the project\'s image copies, is missing', async () => {
    const r = await gen(tree(amBot, {}), { package: './cmd/alertmanager-bot' });
    assert.ok(r.warnings.some((w) => w.includes('The program\'s sources name /templates/default.tmpl (cmd/alertmanager-bot/main.go:11), which the project\'s image copies from default.tmpl (Dockerfile:5)') && w.includes('COPY default.tmpl /templates/default.tmpl')), r.warnings.join('\n'));
  });

  it('negative: a path the sources do not name, or a copy the project\'s image does not make: no such Check', async () => {
    const variants: Record<string, string | null>[] = [{ 'cmd/alertmanager-bot/main.go': amBot['cmd/alertmanager-bot/main.go']!.replace('/templates/default.tmpl', '/etc/bot/default.tmpl') }, { Dockerfile: amBot.Dockerfile!.replace('COPY ./default.tmpl /templates/default.tmpl\n', '') }];
    for (const v of variants) {
      const r = await gen(tree(amBot, v), { package: './cmd/alertmanager-bot' });
      assert.ok(!r.warnings.some((w) => w.includes('which the project\'s image copies from')), r.warnings.join('\n'));
    }
  });
});
