/**
 * The generator on real repositories of round 39 (judges X and Y; engineer k54). Each case is a
 * small skeleton of the real repository (the files that matter, with their sizes in the
 * repository, go.mod and the import blocks), with its repository, commit and licence above it,
 * plus variants that keep the old behaviour where it is right.
 *
 * 1. A configuration struct's port that the program formats into an address it dials (or a URL it
 *    requests) and listens on nowhere is a server's it connects to: no EXPOSE, no below-1024 Check
 *    (containrrr/shoutrrr's SMTP and OpsGenie clients, `default:"25"` and `default:"443"`, judge 39 Y G8).
 * 2. A map of settings keyed by name whose values hold a `Default` that a loop gives each key as its
 *    configuration default (`conf.SetDefault(key, configVar.Default)`), with the setting's
 *    command-line flag beside it: the `port` setting's default is the listen port (helm/chartmuseum
 *    `--port`, default 8080; judge 39 Y G5 said "no port flag").
 * 3. Makefile tags that name a variable set under a Make conditional (`ifeq ($(SWAGGER),true)`) are
 *    not the build's tags: a plain build passes none, so a //go:embed in a file only those tags
 *    compile is no reason to refuse (codenotary/immudb cmd/immudb, judge 39 X G6).
 * 4. A `--tags` inside `$(shell git describe --tags …)` is not the go command's, and tags that come
 *    through variables are shown as the Makefile writes the flag (project-zot/zot, judge 39 Y G2).
 * 5. An embedded file a Makefile rule makes, which the generated node stage builds: no Check telling
 *    the user to run make before docker build (prymitive/karma ui/dist, judge 39 X G4).
 * 6. exporter-toolkit's web.ListenAndServe serves the addresses of its FlagConfig; a configuration
 *    field filled from a constant of a `const ( … )` block when empty gives the port; the
 *    profiler's server never does (enix/x509-certificate-exporter :9793, judge 39 X G10).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge39-k54');

// containrrr/shoutrrr at 3c77fd561ef108f9a683dfe68f108d56d67c7f24 (MIT): go.mod (1,644 bytes)
// `module github.com/containrrr/shoutrrr`, go 1.18; shoutrrr/main.go (729 bytes) a cobra root
// with four subcommands; pkg/services/smtp/smtp_config.go (3,899 bytes) line 20 `Port uint16
// \`desc:"SMTP server port, …" default:"25" url:"Port"\``; pkg/services/smtp/smtp.go (7,792 bytes)
// lines 82-94 `func getClientConnection(config *Config)`, `addr := fmt.Sprintf("%s:%d", config.Host,
// config.Port)`, `tls.Dial("tcp", addr, …)` / `net.Dial("tcp", addr)`;
// pkg/services/opsgenie/opsgenie_config.go (3,985 bytes) line 18 `Port uint16 \`url:"port"
// desc:"The OpsGenie API port." default:"443"\``; pkg/services/opsgenie/opsgenie.go (3,429 bytes)
// line 17 `alertEndpointTemplate = "https://%s:%d/v2/alerts"`, :27-35 `func (service *Service)
// sendAlert(url string, …)` with `http.NewRequest("POST", url, jsonBuffer)`, :66-70 `config :=
// service.config`, `endpointURL := fmt.Sprintf(alertEndpointTemplate, config.Host, config.Port)`,
// `service.sendAlert(endpointURL, config.APIKey, payload)`.
const smtpClient = 'package smtp\n\nimport (\n\t"crypto/tls"\n\t"fmt"\n\t"net"\n\t"net/smtp"\n)\n\nfunc getClientConnection(config *Config) (*smtp.Client, error) {\n\n\tvar conn net.Conn\n\tvar err error\n\n\taddr := fmt.Sprintf("%s:%d", config.Host, config.Port)\n\n\tif config.UseTLS {\n\t\tconn, err = tls.Dial("tcp", addr, &tls.Config{\n\t\t\tServerName: config.Host,\n\t\t})\n\t} else {\n\t\tconn, err = net.Dial("tcp", addr)\n\t}\n\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn smtp.NewClient(conn, config.Host)\n}\n';
const shoutrrr: Record<string, string | null> = {
  'go.mod': 'module github.com/containrrr/shoutrrr\n\ngo 1.18\n\nrequire github.com/spf13/cobra v1.6.1\n',
  'go.sum': 'github.com/spf13/cobra v1.6.1 h1:x=\ngithub.com/spf13/cobra v1.6.1/go.mod h1:y=\n',
  'shoutrrr/main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/containrrr/shoutrrr/shoutrrr/cmd/send"\n\t"github.com/spf13/cobra"\n)\n\nvar cmd = &cobra.Command{\n\tUse:   "shoutrrr",\n\tShort: "Shoutrrr CLI",\n}\n\nfunc init() {\n\tcmd.AddCommand(send.Cmd)\n}\n\nfunc main() {\n\tif err := cmd.Execute(); err != nil {\n\t\tos.Exit(64)\n\t}\n}\n',
  'shoutrrr/cmd/send/send.go': 'package send\n\nimport (\n\t"github.com/containrrr/shoutrrr/pkg/services/opsgenie"\n\t"github.com/containrrr/shoutrrr/pkg/services/smtp"\n\t"github.com/spf13/cobra"\n)\n\nvar Cmd = &cobra.Command{\n\tUse: "send",\n\tRun: func(cmd *cobra.Command, args []string) {\n\t\t_ = smtp.Service{}\n\t\t_ = opsgenie.Service{}\n\t},\n}\n',
  'pkg/services/smtp/smtp_config.go': 'package smtp\n\n// Config is the configuration needed to send e-mail notifications over SMTP\ntype Config struct {\n\tHost        string `desc:"SMTP server hostname or IP address" url:"Host"`\n\tPort        uint16 `desc:"SMTP server port, common ones are 25, 465, 587 or 2525" default:"25" url:"Port"`\n\tUseTLS      bool   `desc:"Whether to use TLS" default:"Yes" key:"usetls"`\n}\n',
  'pkg/services/smtp/smtp.go': `${smtpClient}\n// Service sends notifications to a given e-mail addresses via SMTP\ntype Service struct {\n\tconfig *Config\n}\n`,
  'pkg/services/opsgenie/opsgenie_config.go': 'package opsgenie\n\nconst defaultPort = 443\n\n// Config for use within the opsgenie service\ntype Config struct {\n\tAPIKey string `url:"path" desc:"The OpsGenie API key"`\n\tHost   string `url:"host" desc:"The OpsGenie API host. Use \'api.eu.opsgenie.com\' for EU instances" default:"api.opsgenie.com"`\n\tPort   uint16 `url:"port" desc:"The OpsGenie API port." default:"443"`\n}\n',
  'pkg/services/opsgenie/opsgenie.go': 'package opsgenie\n\nimport (\n\t"bytes"\n\t"fmt"\n\t"net/http"\n)\n\nconst (\n\talertEndpointTemplate = "https://%s:%d/v2/alerts"\n)\n\n// Service providing OpsGenie as a notification service\ntype Service struct {\n\tconfig *Config\n}\n\nfunc (service *Service) sendAlert(url string, apiKey string, payload []byte) error {\n\treq, err := http.NewRequest("POST", url, bytes.NewBuffer(payload))\n\tif err != nil {\n\t\treturn err\n\t}\n\treq.Header.Add("Authorization", "GenieKey "+apiKey)\n\t_, err = http.DefaultClient.Do(req)\n\treturn err\n}\n\n// Send a notification message to OpsGenie\nfunc (service *Service) Send(message string) error {\n\tconfig := service.config\n\tendpointURL := fmt.Sprintf(alertEndpointTemplate, config.Host, config.Port)\n\treturn service.sendAlert(endpointURL, config.APIKey, []byte(message))\n}\n',
};

describe('1. shoutrrr: the ports its notification clients dial are not listen ports', () => {
  it('no EXPOSE 25 443, no below-1024 Check; a reason names both dial sites', async () => {
    const r = await gen(tree(shoutrrr, {}), { package: './shoutrrr' });
    assert.doesNotMatch(r.dockerfile, /\nEXPOSE /, r.dockerfile);
    assert.deepEqual(r.exposes, []);
    assert.ok(!r.warnings.some((w) => w.includes('below 1024')), r.warnings.join('\n'));
    const reason = r.reasons.find((x) => x.startsWith('Not exposed: field Config.Port'));
    assert.ok(reason !== undefined, r.reasons.join('\n'));
    assert.match(reason, /tls\.Dial\("tcp", addr, .*pkg\/services\/smtp\/smtp\.go/, reason);
    assert.match(reason, /sendAlert\(…endpointURL…\), whose http\.NewRequest\("POST", url, bytes\.NewBuffer\(payload\)\) requests it \(pkg\/services\/opsgenie\/opsgenie\.go\)/, reason);
  });

  it('negative: a server that listens on the same field keeps its EXPOSE even when it also dials it', async () => {
    const r = await gen(tree(shoutrrr, {
      'pkg/services/smtp/smtp.go': `${smtpClient}\n// Service sends notifications to a given e-mail addresses via SMTP\ntype Service struct {\n\tconfig *Config\n}\n\nfunc serve(s *Service) error {\n\treturn http.ListenAndServe(fmt.Sprintf(":%d", s.config.Port), nil)\n}\n`.replace('"net/smtp"\n', '"net/http"\n\t"net/smtp"\n'),
      'pkg/services/opsgenie/opsgenie.go': null,
      'pkg/services/opsgenie/opsgenie_config.go': null,
      'shoutrrr/cmd/send/send.go': shoutrrr['shoutrrr/cmd/send/send.go']!.replace('\t"github.com/containrrr/shoutrrr/pkg/services/opsgenie"\n', '').replace('\t\t_ = opsgenie.Service{}\n', ''),
    }), { package: './shoutrrr' });
    assert.deepEqual(r.exposes, [25], r.reasons.join('\n'));
  });

  it('negative: a port field only formatted into a URL the program prints (no dial, no request) keeps its EXPOSE', async () => {
    const r = await gen(tree(shoutrrr, {
      'pkg/services/opsgenie/opsgenie.go': shoutrrr['pkg/services/opsgenie/opsgenie.go']!.replace('return service.sendAlert(endpointURL, config.APIKey, []byte(message))', 'fmt.Println(endpointURL)\n\treturn nil'),
      'pkg/services/smtp/smtp.go': null,
      'pkg/services/smtp/smtp_config.go': null,
      'shoutrrr/cmd/send/send.go': shoutrrr['shoutrrr/cmd/send/send.go']!.replace('\t"github.com/containrrr/shoutrrr/pkg/services/smtp"\n', '').replace('\t\t_ = smtp.Service{}\n', ''),
    }), { package: './shoutrrr' });
    assert.deepEqual(r.exposes, [443], r.reasons.join('\n'));
  });
});

// helm/chartmuseum at 09d63b8172e68474dfde7ea3026f528c1a6c8d6f (Apache-2.0): go.mod (9,239 bytes)
// `module helm.sh/chartmuseum`, urfave/cli v1.22.15, spf13/viper v1.16.0; cmd/chartmuseum/main.go
// (10,736 bytes) `app.Flags = config.CLIFlags`, :130 `server.Listen(conf.GetInt("port"))`;
// pkg/config/config.go (3,543 bytes) :122-126 `func (conf *Config) setDefaults() { for key,
// configVar := range configVars { conf.SetDefault(key, configVar.Default) } }`; pkg/config/vars.go
// (21,093 bytes) :27-33 `type ( configVar struct { Type configVarType; Default interface{}; CLIFlag
// cli.Flag; … } … )`, :49 `var configVars = map[string]configVar{`, :168-175 `"port": {Type:
// intType, Default: 8080, CLIFlag: cli.IntFlag{Name: "port", Usage: "port to listen on", EnvVar:
// "PORT"}}`, :267-274 `"cache.redis.addr"` (Default "", "address of Redis service (host:port)"),
// :845-858 populateCLIFlags appends each CLIFlag.
const cmVars = (port: string) => `package config\n\nimport (\n\t"github.com/urfave/cli"\n)\n\ntype (\n\tconfigVar struct {\n\t\tType       configVarType\n\t\tDefault    interface{}\n\t\tCLIFlag    cli.Flag\n\t\tDeprecated bool\n\t}\n\n\tconfigVarType string\n)\n\n// Will be populated in init() below\nvar CLIFlags []cli.Flag\n\nvar configVars = map[string]configVar{\n${port}\t"cache.redis.addr": {\n\t\tType:    "string",\n\t\tDefault: "",\n\t\tCLIFlag: cli.StringFlag{\n\t\t\tName:   "cache-redis-addr",\n\t\t\tUsage:  "address of Redis service (host:port)",\n\t\t\tEnvVar: "CACHE_REDIS_ADDR",\n\t\t},\n\t},\n}\n\nfunc populateCLIFlags() {\n\tCLIFlags = []cli.Flag{\n\t\tcli.StringFlag{\n\t\t\tName:   "config, c",\n\t\t\tUsage:  "chartmuseum configuration file",\n\t\t\tEnvVar: "CONFIG",\n\t\t},\n\t}\n\tfor _, configVar := range configVars {\n\t\tif flag := configVar.CLIFlag; flag != nil {\n\t\t\tCLIFlags = append(CLIFlags, flag)\n\t\t}\n\t}\n}\n\nfunc init() {\n\tpopulateCLIFlags()\n}\n`;
const cmPort = '\t"port": {\n\t\tType:    "int",\n\t\tDefault: 8080,\n\t\tCLIFlag: cli.IntFlag{\n\t\t\tName:   "port",\n\t\t\tUsage:  "port to listen on",\n\t\t\tEnvVar: "PORT",\n\t\t},\n\t},\n';
const chartmuseum: Record<string, string | null> = {
  'go.mod': 'module helm.sh/chartmuseum\n\ngo 1.25.9\n\nrequire (\n\tgithub.com/spf13/viper v1.16.0\n\tgithub.com/urfave/cli v1.22.15\n)\n',
  'go.sum': 'github.com/spf13/viper v1.16.0 h1:x=\ngithub.com/spf13/viper v1.16.0/go.mod h1:y=\ngithub.com/urfave/cli v1.22.15 h1:x=\ngithub.com/urfave/cli v1.22.15/go.mod h1:y=\n',
  'cmd/chartmuseum/main.go': 'package main\n\nimport (\n\t"os"\n\n\t"helm.sh/chartmuseum/pkg/chartmuseum"\n\t"helm.sh/chartmuseum/pkg/config"\n\n\t"github.com/urfave/cli"\n)\n\nfunc main() {\n\tapp := cli.NewApp()\n\tapp.Name = "ChartMuseum"\n\tapp.Action = cliHandler\n\tapp.Flags = config.CLIFlags\n\tapp.Run(os.Args)\n}\n\nfunc cliHandler(c *cli.Context) {\n\tconf := config.NewConfig()\n\t_ = conf.UpdateFromCLIContext(c)\n\tserver := chartmuseum.NewServer()\n\tserver.Listen(conf.GetInt("port"))\n}\n',
  'pkg/chartmuseum/server.go': 'package chartmuseum\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\ntype Server struct{}\n\nfunc NewServer() *Server { return &Server{} }\n\nfunc (s *Server) Listen(port int) {\n\thttp.ListenAndServe(fmt.Sprintf(":%d", port), nil)\n}\n',
  'pkg/config/config.go': 'package config\n\nimport (\n\t"github.com/spf13/viper"\n\t"github.com/urfave/cli"\n)\n\ntype (\n\t// Config is a complete set of app configuration\n\tConfig struct {\n\t\t*viper.Viper\n\t}\n)\n\n// NewConfig create a new Config instance\nfunc NewConfig() *Config {\n\tconf := &Config{\n\t\tViper: viper.New(),\n\t}\n\tconf.SetConfigType("yaml")\n\tconf.setDefaults()\n\treturn conf\n}\n\nfunc (conf *Config) UpdateFromCLIContext(c *cli.Context) error {\n\tfor key, configVar := range configVars {\n\t\tif flag := configVar.CLIFlag; flag != nil {\n\t\t\tif name := flag.GetName(); c.IsSet(name) {\n\t\t\t\tconf.Set(key, c.Generic(name))\n\t\t\t}\n\t\t}\n\t}\n\treturn nil\n}\n\nfunc (conf *Config) setDefaults() {\n\tfor key, configVar := range configVars {\n\t\tconf.SetDefault(key, configVar.Default)\n\t}\n}\n',
  'pkg/config/vars.go': cmVars(cmPort),
};

describe('2. chartmuseum: a setting map\'s `port` default given by SetDefault is the listen port', () => {
  it('EXPOSE 8080, naming the setting, its flag and the loop', async () => {
    const r = await gen(tree(chartmuseum, {}), { package: './cmd/chartmuseum' });
    assert.match(r.dockerfile, /\nEXPOSE 8080\n/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('EXPOSE 8080: the program listens on setting "port" (--port) default 8080 (configVars["port"].Default, given by for key, configVar := range configVars { ….SetDefault(key, configVar.Default) }) in pkg/config/vars.go')), r.reasons.join('\n'));
    assert.ok(!r.reasons.some((x) => x.startsWith('No EXPOSE')), r.reasons.join('\n'));
  });

  it('negative: without the SetDefault loop the Default field is nobody\'s default: no EXPOSE', async () => {
    const r = await gen(tree(chartmuseum, { 'pkg/config/config.go': chartmuseum['pkg/config/config.go']!.replace('conf.SetDefault(key, configVar.Default)', '_ = key\n\t\t_ = configVar') }), { package: './cmd/chartmuseum' });
    assert.deepEqual(r.exposes, [], r.reasons.join('\n'));
  });

  it('negative: a setting for a service the program connects to (a Redis address) is not exposed', async () => {
    const r = await gen(tree(chartmuseum, { 'pkg/config/vars.go': cmVars(cmPort.replace(/"port"/g, '"cache-redis-port"').replace('port to listen on', 'port of Redis service')) }), { package: './cmd/chartmuseum' });
    assert.deepEqual(r.exposes, [], r.dockerfile);
  });
});

// codenotary/immudb at b654b2693bcc5157bc92b74ca81032de6711ed4f (Business Source License 1.1):
// go.mod (5,611 bytes) `module github.com/codenotary/immudb`, go 1.25.0; Makefile (12,224 bytes)
// :57-69 `SWAGGER_BUILDTAG=` … `ifdef WEBCONSOLE` `WEBCONSOLE_BUILDTAG=webconsole` `endif` `ifeq
// ($(SWAGGER),true)` `SWAGGER_BUILDTAG=swagger` `endif` … `IMMUDB_BUILD_TAGS=-tags
// "$(SWAGGER_BUILDTAG) $(WEBCONSOLE_BUILDTAG) $(FIPS_BUILDTAG)"`, :102 `$(V_GO_ENV_FLAGS) $(GO) build
// $(V_BUILD_FLAG) $(IMMUDB_BUILD_TAGS) -v -ldflags '$(V_LDFLAGS_COMMON)' ./cmd/immudb`;
// cmd/immudb/immudb.go (651 bytes); swagger/swagger.go (479 bytes) `//go:build swagger`, `//go:embed
// dist/*` (swagger/dist is not in the repository); swagger/swagger_default.go (644 bytes) `//go:build
// !swagger`, `//go:embed default/*`; swagger/default/index.html; imported by pkg/server/webserver.go.
const immudbMakefile = 'GO ?= go\nV_GO_ENV_FLAGS := GOOS=$(GOOS) GOARCH=$(GOARCH)\nV_BUILD_NAME ?= ""\nV_BUILD_FLAG = -o $(V_BUILD_NAME)\n\nSWAGGER_BUILDTAG=\nWEBCONSOLE_BUILDTAG=\nFIPS_BUILDTAG=\nifdef WEBCONSOLE\nWEBCONSOLE_BUILDTAG=webconsole\nendif\nifeq ($(SWAGGER),true)\nSWAGGER_BUILDTAG=swagger\nendif\nifeq ($(FIPSENABLED),true)\nFIPS_BUILDTAG=swagger\nendif\nIMMUDB_BUILD_TAGS=-tags "$(SWAGGER_BUILDTAG) $(WEBCONSOLE_BUILDTAG) $(FIPS_BUILDTAG)"\n\n.PHONY: all\nall: immudb\n\n.PHONY: immudb\nimmudb:\n\t$(V_GO_ENV_FLAGS) $(GO) build $(V_BUILD_FLAG) $(IMMUDB_BUILD_TAGS) -v -ldflags \'$(V_LDFLAGS_COMMON)\' ./cmd/immudb\n';
const swaggerFile = (tag: string, dir: string) => `//go:build ${tag}\n// +build ${tag}\n\npackage swagger\n\nimport (\n\t"embed"\n\t"io/fs"\n\t"net/http"\n)\n\n//go:embed ${dir}/*\nvar content embed.FS\n\nfunc SetupSwaggerUI(mux *http.ServeMux) error {\n\tfSys, err := fs.Sub(content, "${dir}")\n\tif err != nil {\n\t\treturn err\n\t}\n\tmux.Handle("/api/docs/", http.StripPrefix("/api/docs", http.FileServer(http.FS(fSys))))\n\treturn nil\n}\n`;
const immudb: Record<string, string | null> = {
  'go.mod': 'module github.com/codenotary/immudb\n\ngo 1.25.0\n',
  'Makefile': immudbMakefile,
  'cmd/immudb/immudb.go': 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/codenotary/immudb/swagger"\n)\n\nfunc main() {\n\tmux := http.NewServeMux()\n\t_ = swagger.SetupSwaggerUI(mux)\n\t_ = http.ListenAndServe(":8080", mux)\n}\n',
  'swagger/swagger.go': swaggerFile('swagger', 'dist'),
  'swagger/swagger_default.go': swaggerFile('!swagger', 'default'),
  'swagger/default/index.html': '<html><body>Swagger UI not built in: build immudb with SWAGGER=true.</body></html>\n',
};

describe('3. immudb: an embed behind a tag only a Make conditional sets does not refuse', () => {
  it('generates (no embed-missing), builds without -tags, and the Check names the conditional variable', async () => {
    const r = await gen(tree(immudb, {}), { package: './cmd/immudb' });
    assert.doesNotMatch(r.dockerfile, /-tags/, r.dockerfile);
    const w = r.warnings.find((x) => x.startsWith("The project's builds of cmd/immudb pass build tags a variable holds"));
    assert.ok(w !== undefined, r.warnings.join('\n'));
    assert.match(w, /\$\(SWAGGER_BUILDTAG\) \(set under a Make conditional\)/, w);
    assert.match(w, /swagger\/swagger\.go \(\/\/go:build swagger\)/, w);
  });

  it('negative: tags the Makefile sets unconditionally are the build\'s, and their embed refuses when missing', async () => {
    await assert.rejects(gen(tree(immudb, { 'Makefile': immudbMakefile.replace(/ifdef WEBCONSOLE\n[^]*?FIPS_BUILDTAG=swagger\nendif\n/, '').replace('SWAGGER_BUILDTAG=\n', 'SWAGGER_BUILDTAG=swagger\n') }), { package: './cmd/immudb' }), /\/\/go:embed dist\/\* in swagger: swagger\/dist does not exist/);
  });
});

// project-zot/zot at 6d19b445fed1c86c23fb7b351fac07cfd4717402 (Apache-2.0): go.mod (31,021 bytes)
// `module zotregistry.dev/zot/v2`; Makefile (27,497 bytes) :6 `RELEASE_TAG=$(shell git describe
// --tags --abbrev=0)`, :70 `EXTENSIONS ?= sync,…`, :86-94 `comma:= ,`, `space := $(null) #`,
// `add-extensions = …`, `BUILD_LABELS = $(call add-extensions,$(space),$(comma))`, `GO_CMD_TAGS :=
// $(if $(BUILD_LABELS),-tags $(BUILD_LABELS),)`, :184-186 binary-minimal (no -tags, `-ldflags "-X
// $(BUILDINFO_RELEASE_TAG)=${RELEASE_TAG} …"`), :189-191 binary (`$(GO_CMD_TAGS)`, the same
// -ldflags); cmd/zot/main.go (168 bytes); pkg/extensions/extension_sync.go `//go:build sync`,
// extension_sync_disabled.go `//go:build !sync` (and ten more pairs).
const zotMakefile = 'TOP_LEVEL=$(shell git rev-parse --show-toplevel)\nCOMMIT_HASH=$(shell git describe --always --tags --long)\nRELEASE_TAG=$(shell git describe --tags --abbrev=0)\nEXTENSIONS ?= sync,search\ncomma:= ,\nspace := $(null) #\nfilter-valid = $(foreach ext, $(EXTENSIONS), $(ext))\nadd-extensions = $(subst $(1),$(2),$(sort $(filter-valid)))\nBUILD_LABELS = $(call add-extensions,$(space),$(comma))\nGO_CMD_TAGS := $(if $(BUILD_LABELS),-tags $(BUILD_LABELS),)\nBUILDINFO_RELEASE_TAG := zotregistry.dev/zot/v2/pkg/api/config.ReleaseTag\n\n.PHONY: all\nall: binary binary-minimal\n\n.PHONY: binary-minimal\nbinary-minimal: EXTENSIONS=\nbinary-minimal:\n\tenv CGO_ENABLED=0 go build -o bin/zot-minimal -v -trimpath -ldflags "-X $(BUILDINFO_RELEASE_TAG)=${RELEASE_TAG} -s -w" ./cmd/zot\n\n.PHONY: binary\nbinary:\n\tenv CGO_ENABLED=0 go build -o bin/zot $(GO_CMD_TAGS) -v -trimpath -ldflags "-X $(BUILDINFO_RELEASE_TAG)=${RELEASE_TAG} -s -w" ./cmd/zot\n';
const zotExt = (tag: string, body: string) => `//go:build ${tag}\n\npackage extensions\n\n${body}\n`;
const zot: Record<string, string | null> = {
  'go.mod': 'module zotregistry.dev/zot/v2\n\ngo 1.26.3\n',
  'Makefile': zotMakefile,
  'cmd/zot/main.go': 'package main\n\nimport (\n\t"os"\n\n\t"zotregistry.dev/zot/v2/pkg/extensions"\n)\n\nfunc main() {\n\textensions.EnableSyncExtension()\n\tos.Exit(0)\n}\n',
  'pkg/extensions/extension_sync.go': zotExt('sync', 'func EnableSyncExtension() { println("sync") }'),
  'pkg/extensions/extension_sync_disabled.go': zotExt('!sync', 'func EnableSyncExtension() {}'),
  'pkg/extensions/extension_search.go': zotExt('search', 'func EnableSearchExtension() { println("search") }'),
  'pkg/extensions/extension_search_disabled.go': zotExt('!search', 'func EnableSearchExtension() {}'),
};

describe('4. zot: a go build\'s tags are read from its -tags flag, not from a git describe --tags', () => {
  it('the Check names `-tags $(BUILD_LABELS)`, and nothing of `git describe`', async () => {
    const r = await gen(tree(zot, {}), { package: './cmd/zot' });
    const w = r.warnings.find((x) => x.startsWith("The project's builds of cmd/zot do not all pass the same build tags"));
    assert.ok(w !== undefined, r.warnings.join('\n'));
    assert.match(w, /^The project's builds of cmd\/zot do not all pass the same build tags: no -tags \(Makefile \(binary-minimal\)\); -tags \$\(BUILD_LABELS\) \(a variable\) \(Makefile: go build -tags \$\(BUILD_LABELS\)\)\. /, w);
    assert.doesNotMatch(w, /abbrev|\$\(call/, w);
  });

  it('negative: a -tags written in the recipe line is still read (and resolved through a plain variable)', async () => {
    const r = await gen(tree(zot, { 'Makefile': zotMakefile.replace('$(GO_CMD_TAGS)', '-tags $(TAGS)').replace('EXTENSIONS ?= sync,search\n', 'TAGS := sync,search\n').replace(/\.PHONY: binary-minimal\n[^]*?\.\/cmd\/zot\n\n/, '') }), { package: './cmd/zot' });
    assert.match(r.dockerfile, /go build -trimpath -tags sync,search /, r.dockerfile);
  });
});

// prymitive/karma at 17e3d7e55d5171b179a8ac589907b0c4e229cbbe (Apache-2.0): go.mod (2,237 bytes)
// `module github.com/prymitive/karma`, go 1.26.0; cmd/karma/main.go (14,000 bytes) imports
// github.com/prymitive/karma/ui; ui/embed.go (140 bytes) `//go:embed dist/* mock/*`; ui/mock/ is
// committed; ui/package.json (3,670 bytes) `"build": "tsc && vite build"`; ui/package-lock.json
// (494,070 bytes); .gitignore (124 bytes) `/ui/dist`; Makefile (387 bytes) `include make/go.mk`;
// make/go.mk (2,093 bytes) :8-9 `ui/dist/index.html: $(call rwildcard, ui/src ui/package.json
// ui/package-lock.json, *)` `@$(MAKE) -C ui build`, :11-13 `$(NAME): … ui/dist/index.html` `go build
// … ./cmd/karma`.
const karma: Record<string, string | null> = {
  'go.mod': 'module github.com/prymitive/karma\n\ngo 1.26.0\n',
  '.gitignore': '/coverage.txt\n/karma\n/karma-*\n/ui/dist\n/ui/coverage\n/ui/node_modules\n',
  'Makefile': 'include make/go.mk\n\n.PHONY: clean\nclean:\n\trm -fr $(NAME) ui/dist ui/node_modules\n',
  'make/go.mk': 'NAME := karma\n\nGOBIN := $(shell go env GOBIN)\nifeq ($(GOBIN),)\nGOBIN = $(shell go env GOPATH)/bin\nendif\n\nui/dist/index.html: $(call rwildcard, ui/src ui/package.json ui/package-lock.json, *)\n\t@$(MAKE) -C ui build\n\n.DEFAULT_GOAL := $(NAME)\n$(NAME): go.mod go.sum $(SOURCES_GO) ui/dist/index.html\n\tgo build -trimpath -modcacherw -ldflags "-X main.version=$(VERSION) -s -w" ./cmd/karma\n',
  'cmd/karma/main.go': 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/prymitive/karma/ui"\n)\n\nfunc main() {\n\thttp.Handle("/", http.FileServer(http.FS(ui.StaticFiles)))\n\t_ = http.ListenAndServe(":8080", nil)\n}\n',
  'ui/embed.go': 'package ui\n\nimport "embed"\n\n//go:embed dist/* mock/*\n\n// StaticFiles exports build and src directories as embed.FS\nvar StaticFiles embed.FS\n',
  'ui/mock/alerts.json': '[]\n',
  'ui/package.json': '{\n  "name": "ui",\n  "version": "0.0.1",\n  "private": true,\n  "type": "module",\n  "dependencies": {\n    "react": "19.2.0"\n  },\n  "devDependencies": {\n    "typescript": "5.9.3",\n    "vite": "7.2.2"\n  },\n  "scripts": {\n    "build": "tsc && vite build"\n  }\n}\n',
  'ui/package-lock.json': '{\n  "name": "ui",\n  "lockfileVersion": 3,\n  "packages": {}\n}\n',
  'ui/src/index.tsx': 'export {};\n',
};

describe('5. karma: the node stage builds what the Makefile would make', () => {
  it('a node stage builds ui/dist, and no Check asks to run make before docker build', async () => {
    const r = await gen(tree(karma, {}), { package: './cmd/karma' });
    assert.match(r.dockerfile, /AS web\n/, r.dockerfile);
    assert.match(r.dockerfile, /COPY --from=web \/src\/ui\/dist \/src\/ui\/dist/, r.dockerfile);
    assert.ok(!r.warnings.some((w) => w.includes('the Makefile makes')), r.warnings.join('\n'));
  });

  it('negative: a made embed no stage builds (no package.json) keeps the Check', async () => {
    const r = await gen(tree(karma, {
      'ui/package.json': null,
      'ui/package-lock.json': null,
      'ui/embed.go': karma['ui/embed.go']!.replace('//go:embed dist/* mock/*', '//go:embed mock/* gen/*'),
      'ui/gen/.keep': '',
      '.gitignore': karma['.gitignore']! + '/ui/gen/*.json\n',
      'make/go.mk': karma['make/go.mk']!.replace('ui/dist/index.html: $(call rwildcard, ui/src ui/package.json ui/package-lock.json, *)\n\t@$(MAKE) -C ui build', 'ui/gen/data.json: tools/gen.sh\n\tsh tools/gen.sh > ui/gen/data.json').replace('$(SOURCES_GO) ui/dist/index.html', '$(SOURCES_GO) ui/gen/data.json'),
    }), { package: './cmd/karma' });
    assert.ok(r.warnings.some((w) => w.startsWith('ui/embed.go embeds gen/* (//go:embed), and the Makefile makes ui/gen/data.json')), r.warnings.join('\n'));
  });
});

// enix/x509-certificate-exporter at 53812611ed1945e55e31cfa921f2c3aa7c0c0c92 (MIT): go.mod (3,770
// bytes) `module github.com/enix/x509-certificate-exporter/v4`, go 1.26.0;
// cmd/x509-certificate-exporter/main.go (29,668 bytes) :25 imports exporter-toolkit/web, :267-272
// `listenAddrs := []string{cfg.Server.Listen}`, `web.ListenAndServe(srv, &web.FlagConfig{WebListenAddresses:
// &listenAddrs, …}, logger)`; internal/config/config.go (19,650 bytes) :44-46 `const (
// DefaultListenAddress = ":9793"; DefaultPprofAddress = ":6060" … )`, :325-334 `func mergeDefaults(c
// *Config)` with `if c.Server.Listen == "" { c.Server.Listen = DefaultListenAddress }`;
// internal/server/pprof.go (2,072 bytes) :25-33 `func BuildPprof(opts PprofOptions) *http.Server`,
// `Addr: opts.Listen`.
const x509: Record<string, string | null> = {
  'go.mod': 'module github.com/enix/x509-certificate-exporter/v4\n\ngo 1.26.0\n\nrequire github.com/prometheus/exporter-toolkit v0.14.0\n',
  'go.sum': 'github.com/prometheus/exporter-toolkit v0.14.0 h1:x=\ngithub.com/prometheus/exporter-toolkit v0.14.0/go.mod h1:y=\n',
  'cmd/x509-certificate-exporter/main.go': 'package main\n\nimport (\n\t"log/slog"\n\t"net/http"\n\n\t"github.com/enix/x509-certificate-exporter/v4/internal/config"\n\t"github.com/enix/x509-certificate-exporter/v4/internal/server"\n\t"github.com/prometheus/exporter-toolkit/web"\n)\n\nfunc main() {\n\tcfg := config.Load()\n\tlogger := slog.Default()\n\tif cfg.Diagnostics.Pprof.Enabled {\n\t\tgo server.RunPprof(server.BuildPprof(server.PprofOptions{Listen: cfg.Diagnostics.Pprof.Listen}))\n\t}\n\tsrv := &http.Server{}\n\tlistenAddrs := []string{cfg.Server.Listen}\n\twebFlags := &web.FlagConfig{\n\t\tWebListenAddresses: &listenAddrs,\n\t\tWebConfigFile:      &cfg.Server.WebConfigFile,\n\t}\n\t_ = web.ListenAndServe(srv, webFlags, logger)\n}\n',
  'internal/config/config.go': 'package config\n\nconst (\n\tDefaultListenAddress = ":9793"\n\tDefaultPprofAddress  = ":6060"\n\tDefaultLogLevel      = "info"\n)\n\ntype Config struct {\n\tServer      Server      `yaml:"server"`\n\tDiagnostics Diagnostics `yaml:"diagnostics"`\n}\n\ntype Server struct {\n\tListen        string `yaml:"listen"`\n\tWebConfigFile string `yaml:"webConfigFile"`\n}\n\ntype Diagnostics struct {\n\tPprof Pprof `yaml:"pprof"`\n}\n\ntype Pprof struct {\n\tEnabled bool   `yaml:"enabled"`\n\tListen  string `yaml:"listen"`\n}\n\nfunc Load() Config {\n\tvar c Config\n\tmergeDefaults(&c)\n\treturn c\n}\n\nfunc mergeDefaults(c *Config) {\n\tif c.Server.Listen == "" {\n\t\tc.Server.Listen = DefaultListenAddress\n\t}\n\tif c.Diagnostics.Pprof.Listen == "" {\n\t\tc.Diagnostics.Pprof.Listen = DefaultPprofAddress\n\t}\n}\n',
  'internal/server/pprof.go': 'package server\n\nimport (\n\t"net/http"\n\t"net/http/pprof"\n)\n\ntype PprofOptions struct {\n\tListen string\n}\n\nfunc BuildPprof(opts PprofOptions) *http.Server {\n\tmux := http.NewServeMux()\n\tmux.HandleFunc("/debug/pprof/", pprof.Index)\n\treturn &http.Server{\n\t\tAddr:    opts.Listen,\n\t\tHandler: mux,\n\t}\n}\n\nfunc RunPprof(srv *http.Server) { _ = srv.ListenAndServe() }\n',
};

describe('6. x509-certificate-exporter: the address exporter-toolkit serves, filled from a constant when empty', () => {
  it('EXPOSE 9793 through web.ListenAndServe\'s WebListenAddresses, not the profiler\'s server', async () => {
    const r = await gen(tree(x509, {}), { package: './cmd/x509-certificate-exporter' });
    assert.match(r.dockerfile, /\nEXPOSE 9793\n/, r.dockerfile);
    const reason = r.reasons.find((x) => x.startsWith('EXPOSE 9793: '));
    assert.ok(reason !== undefined, r.reasons.join('\n'));
    assert.match(reason, /web\.ListenAndServe\(…, &web\.FlagConfig\{WebListenAddresses: &listenAddrs\}, …\) with listenAddrs := \[\]string\{cfg\.Server\.Listen\}/, reason);
    assert.doesNotMatch(reason, /pprof/, reason);
  });

  it('negative: the profiler\'s server alone (its Listen filled with ":9793") gives no EXPOSE', async () => {
    const r = await gen(tree(x509, {
      'cmd/x509-certificate-exporter/main.go': x509['cmd/x509-certificate-exporter/main.go']!.replace(/\tsrv := &http.Server\{\}\n[^]*?logger\)\n/, '\tselect {}\n').replace('\t"net/http"\n', '').replace('\t"github.com/prometheus/exporter-toolkit/web"\n', ''),
      'internal/config/config.go': x509['internal/config/config.go']!.replace('DefaultPprofAddress  = ":6060"', 'DefaultPprofAddress  = ":9793"'),
    }), { package: './cmd/x509-certificate-exporter' });
    assert.deepEqual(r.exposes, [], r.reasons.join('\n'));
  });
});
