/**
 * The generator on real repositories of rounds 17 and 18 (helper "gen38"): each case is a small
 * skeleton of a real repository (the files, go.mod and the few lines that matter), with its
 * repository, commit and licence above it, plus the variants that keep the old behaviour where it
 * is right. Every generated Dockerfile is linted against its workspace: expected clean.
 *
 * 1. A cobra command marked `Deprecated:` is not the CMD while another command serves (shiori's
 *    `serve`, "use server instead").
 * 2. A flag whose default is a package-level variable of another package of the program (mailpit's
 *    `StringVarP(&config.HTTPListen, "listen", "l", config.HTTPListen, …)`), a flag named for a
 *    protocol that sets a variable named for a listen address (`--smtp`, `&config.SMTPListen`,
 *    "SMTP bind interface and port"), and a listener another flag enables (`--pop3`, which
 *    `--pop3-auth-file` "enables"): EXPOSE the first two, a reason for the third.
 * 3. A listen address built from a configuration field the program fills with a literal port
 *    (writefreely's `fmt.Sprintf("%s:%d", bindAddress, app.cfg.Server.Port)`, `ServerCfg{Port:
 *    8080, Bind: "localhost"}` in config.New()): a Check naming the port (the configuration read at
 *    run time decides, so no EXPOSE), and one about the loopback host.
 * 4. A listen address with an environment fallback (kratos's test servers: `":" +
 *    cmp.Or(os.Getenv("PORT"), "4446")`, `fmt.Sprintf(":%s", port)` with `port :=
 *    cmp.Or(os.Getenv("PORT"), "4471")`): EXPOSE the fallback, the port used when it is unset.
 * 5. A listen address from configuration fields read through viper with defaults (AnyAppStart:
 *    `viper.SetDefault("PORT", "8855")`, `config.Port, _ = viper.Get("PORT").(string)`,
 *    `router.Run(appConfig.Host + ":" + appConfig.Port)`): EXPOSE the default.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { workspace, gen, genClean } = generatorTrees('judge18c');


// go-shiori/shiori at 585ea34 (MIT): main.go runs `cmd.ShioriCmd().Execute()`; internal/cmd/root.go
// builds `rootCmd := &cobra.Command{Use: "shiori"}` and adds serveCmd(), newServerCommand() and
// others; internal/cmd/serve.go returns `&cobra.Command{Use: "serve", Deprecated: "use server
// instead", Run: newServerCommandHandler()}`, internal/cmd/server.go `&cobra.Command{Use: "server",
// Short: "Starts the Shiori webserver", Run: newServerCommandHandler()}`; both define
// `cmd.Flags().IntP("port", "p", 8080, "Port used by the server")`.
const SHIORI_COMMAND = (use: string, extra: string) => `\tcmd := &cobra.Command{\n\t\tUse:   "${use}",\n${extra}\t\tRun:   newServerCommandHandler(),\n\t}\n\n\tcmd.Flags().IntP("port", "p", 8080, "Port used by the server")\n\tcmd.Flags().StringP("address", "a", "", "Address the server listens to")\n\n\treturn cmd\n`;
function shiori(serveFields = '\t\tShort: "Serve web interface for managing bookmarks",\n\t\tDeprecated: "use server instead",\n', withServer = true): string {
  const added = ['addCmd()', 'serveCmd()', ...(withServer ? ['newServerCommand()'] : [])].map((c) => `\t\t${c},\n`).join('');
  return workspace({
    'go.mod': 'module github.com/go-shiori/shiori\n\n// +heroku goVersion go1.25.1\ngo 1.25.1\n\nrequire github.com/spf13/cobra v1.9.1\n',
    'go.sum': '',
    'main.go': 'package main\n\nimport (\n\t"github.com/go-shiori/shiori/internal/cmd"\n\t"github.com/sirupsen/logrus"\n)\n\nfunc main() {\n\terr := cmd.ShioriCmd().Execute()\n\tif err != nil {\n\t\tlogrus.Fatalln(err)\n\t}\n}\n',
    'internal/cmd/root.go': `package cmd\n\nimport (\n\t"github.com/spf13/cobra"\n)\n\nfunc ShioriCmd() *cobra.Command {\n\trootCmd := &cobra.Command{\n\t\tUse:   "shiori",\n\t\tShort: "Simple command-line bookmark manager built with Go",\n\t}\n\n\trootCmd.AddCommand(\n${added}\t)\n\n\treturn rootCmd\n}\n`,
    'internal/cmd/add.go': 'package cmd\n\nimport "github.com/spf13/cobra"\n\nfunc addCmd() *cobra.Command {\n\treturn &cobra.Command{Use: "add url", Short: "Bookmark the specified URL"}\n}\n',
    'internal/cmd/serve.go': `package cmd\n\nimport (\n\t"github.com/spf13/cobra"\n)\n\nfunc serveCmd() *cobra.Command {\n${SHIORI_COMMAND('serve', serveFields)}}\n`,
    ...(withServer ? { 'internal/cmd/server.go': `package cmd\n\nimport (\n\t"net/http"\n\n\t"github.com/spf13/cobra"\n)\n\nfunc newServerCommand() *cobra.Command {\n${SHIORI_COMMAND('server', '\t\tShort: "Starts the Shiori webserver",\n')}}\n\nfunc newServerCommandHandler() func(cmd *cobra.Command, args []string) {\n\treturn func(cmd *cobra.Command, args []string) { _ = http.ListenAndServe(":8080", nil) }\n}\n` } : { 'internal/cmd/handler.go': 'package cmd\n\nimport (\n\t"net/http"\n\n\t"github.com/spf13/cobra"\n)\n\nfunc newServerCommandHandler() func(cmd *cobra.Command, args []string) {\n\treturn func(cmd *cobra.Command, args []string) { _ = http.ListenAndServe(":8080", nil) }\n}\n' }),
  });
}

describe('1. a deprecated cobra command is not the CMD', () => {
  it('shiori: `serve` is Deprecated ("use server instead") → CMD ["server"], and the reason names the deprecated one; lint-clean', async () => {
    const r = await genClean(shiori());
    assert.match(r.dockerfile, /^CMD \["server"\]$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('cobra Use: "server" in internal/cmd/server.go; not "serve" (Deprecated: "use server instead" in internal/cmd/serve.go)')), r.reasons.join('\n'));
  });

  it('negative: `serve` not deprecated → CMD ["serve"], as before (the first serving name wins)', async () => {
    const r = await genClean(shiori('\t\tShort: "Serve web interface for managing bookmarks",\n'));
    assert.match(r.dockerfile, /^CMD \["serve"\]$/m, r.dockerfile);
    assert.ok(!r.reasons.some((x) => x.includes('Deprecated')), r.reasons.join('\n'));
  });

  it('a deprecated `serve` with no other serving command is still the CMD (it runs, with a warning)', async () => {
    const r = await genClean(shiori(undefined, false));
    assert.match(r.dockerfile, /^CMD \["serve"\]$/m, r.dockerfile);
  });
});

// axllent/mailpit at 408b30d (MIT): main.go calls `cmd.Execute()` (package cmd, cobra);
// config/config.go declares at package level `var ( … SMTPListen = "[::]:1025" … HTTPListen =
// "[::]:8025" … POP3Listen = "[::]:1110" … )`; cmd/root.go's init binds them to the root command:
// `rootCmd.Flags().StringVarP(&config.HTTPListen, "listen", "l", config.HTTPListen, "HTTP bind
// interface & port for UI")`, `StringVarP(&config.SMTPListen, "smtp", "s", config.SMTPListen, "SMTP
// bind interface and port")`, `StringVar(&config.POP3Listen, "pop3", config.POP3Listen, "POP3 server
// bind interface and port")` and `StringVar(&config.POP3AuthFile, "pop3-auth-file", …, "A password
// file for POP3 server authentication (enables POP3 server)")`; internal/pop3/server.go returns
// without credentials; cmd/readyz.go binds `readyzCmd.Flags().StringVarP(&config.HTTPListen,
// "listen", "l", config.HTTPListen, "Set the HTTP bind interface & port")` (the address it checks).
const MAILPIT_FLAGS = [
  '\trootCmd.Flags().StringVarP(&config.HTTPListen, "listen", "l", config.HTTPListen, "HTTP bind interface & port for UI")',
  '\trootCmd.Flags().StringVarP(&config.SMTPListen, "smtp", "s", config.SMTPListen, "SMTP bind interface and port")',
  '\trootCmd.Flags().StringVar(&config.POP3Listen, "pop3", config.POP3Listen, "POP3 server bind interface and port")',
  '\trootCmd.Flags().StringVar(&config.POP3AuthFile, "pop3-auth-file", config.POP3AuthFile, "A password file for POP3 server authentication (enables POP3 server)")',
  '\trootCmd.Flags().StringVar(&config.PrometheusListen, "enable-prometheus", config.PrometheusListen, "Enable Prometheus metrics: true|false|<ip:port> (eg:\'0.0.0.0:9090\')")',
];
const MAILPIT_VARS = '\t// SMTPListen to listen on <interface>:<port>\n\tSMTPListen = "[::]:1025"\n\n\t// HTTPListen to listen on <interface>:<port>\n\tHTTPListen = "[::]:8025"\n\n\tPOP3Listen = "[::]:1110"\n\n\tPOP3AuthFile string\n\n\tPrometheusListen = "false"\n';
function mailpit(flags: readonly string[] = MAILPIT_FLAGS, vars = MAILPIT_VARS, files: Record<string, string> = {}): string {
  return workspace({
    'go.mod': 'module github.com/axllent/mailpit\n\ngo 1.25.0\n\nrequire github.com/spf13/cobra v1.10.1\n',
    'go.sum': '',
    'main.go': '// Package main is the entrypoint\npackage main\n\nimport (\n\t"github.com/axllent/mailpit/cmd"\n)\n\nfunc main() {\n\tcmd.Execute()\n}\n',
    'cmd/root.go': `// Package cmd is the main application\npackage cmd\n\nimport (\n\t"os"\n\n\t"github.com/axllent/mailpit/config"\n\t"github.com/axllent/mailpit/internal/pop3"\n\t"github.com/axllent/mailpit/internal/smtpd"\n\t"github.com/axllent/mailpit/server"\n\t"github.com/spf13/cobra"\n)\n\nvar rootCmd = &cobra.Command{\n\tUse:   "mailpit",\n\tShort: "Mailpit is an email testing tool for developers",\n\tRun: func(_ *cobra.Command, _ []string) {\n\t\tgo server.Listen()\n\t\tgo pop3.Run()\n\t\tif err := smtpd.Listen(); err != nil {\n\t\t\tos.Exit(1)\n\t\t}\n\t},\n}\n\nfunc Execute() {\n\tif err := rootCmd.Execute(); err != nil {\n\t\tos.Exit(1)\n\t}\n}\n\nfunc init() {\n${flags.join('\n')}\n\n\tif len(os.Getenv("MP_UI_BIND_ADDR")) > 0 {\n\t\tconfig.HTTPListen = os.Getenv("MP_UI_BIND_ADDR")\n\t}\n}\n`,
    'cmd/readyz.go': 'package cmd\n\nimport (\n\t"net/http"\n\n\t"github.com/axllent/mailpit/config"\n\t"github.com/spf13/cobra"\n)\n\nvar readyzCmd = &cobra.Command{\n\tUse:   "readyz",\n\tShort: "Run a healthcheck to test if Mailpit is running",\n\tRun: func(_ *cobra.Command, _ []string) {\n\t\t_, _ = http.Get("http://" + config.HTTPListen + "/readyz")\n\t},\n}\n\nfunc init() {\n\trootCmd.AddCommand(readyzCmd)\n\n\treadyzCmd.Flags().StringVarP(&config.HTTPListen, "listen", "l", config.HTTPListen, "Set the HTTP bind interface & port")\n}\n',
    'config/config.go': `// Package config handles the application configuration\npackage config\n\nvar (\n\t// Version is the Mailpit version, updated with every release\n\tVersion = "dev"\n\n${vars})\n`,
    'server/server.go': 'package server\n\nimport (\n\t"net/http"\n\n\t"github.com/axllent/mailpit/config"\n)\n\nfunc Listen() {\n\tserver := &http.Server{\n\t\tAddr: config.HTTPListen,\n\t}\n\t_ = server.ListenAndServe()\n}\n',
    'internal/smtpd/main.go': 'package smtpd\n\nimport "github.com/axllent/mailpit/config"\n\nfunc Listen() error {\n\treturn listenAndServe(config.SMTPListen)\n}\n\nfunc listenAndServe(addr string) error { _ = addr; return nil }\n',
    'internal/pop3/server.go': 'package pop3\n\nimport (\n\t"net"\n\n\t"github.com/axllent/mailpit/config"\n)\n\nfunc Run() {\n\tif config.POP3AuthFile == "" || config.POP3Listen == "" {\n\t\treturn\n\t}\n\t_, _ = net.Listen("tcp", config.POP3Listen)\n}\n',
    ...files,
  });
}

describe('2. a flag whose default is a package variable of another package', () => {
  it('mailpit: --listen config.HTTPListen "[::]:8025" and --smtp config.SMTPListen "[::]:1025" → EXPOSE 1025 8025 and -p in the run hint; --pop3 (enabled by --pop3-auth-file) is a reason, not an EXPOSE; lint-clean', async () => {
    const r = await genClean(mailpit());
    assert.match(r.dockerfile, /^EXPOSE 1025 8025$/m, r.dockerfile);
    assert.match(r.dockerfile, /^# {3}docker run --rm -p 1025:1025 -p 8025:8025 /m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('EXPOSE 1025 8025: the program listens on flag -listen default config.HTTPListen = "[::]:8025" in cmd/root.go, flag -smtp default config.SMTPListen = "[::]:1025" in cmd/root.go')), r.reasons.join('\n'));
    assert.ok(r.reasons.some((x) => x.startsWith('Not exposed: flag -pop3 default config.POP3Listen = "[::]:1110" in cmd/root.go, opened only when enabled (--pop3-auth-file: "A password file for POP3 server authentication (enables POP3 server)")')), r.reasons.join('\n'));
    assert.doesNotMatch(r.dockerfile, /1110/, r.dockerfile);
    // readyz's --listen is the address it checks, on a port the image serves: no "not used" reason.
    assert.ok(!r.reasons.some((x) => x.includes('readyz subcommand')), r.reasons.join('\n'));
  });

  it('without a flag that enables it, the POP3 listener is exposed like the others', async () => {
    const r = await genClean(mailpit(MAILPIT_FLAGS.filter((f) => !f.includes('pop3-auth-file'))));
    assert.match(r.dockerfile, /^EXPOSE 1025 1110 8025$/m, r.dockerfile);
  });

  it('negative: a protocol-named flag on a variable that is not a listener (an SMTP relay), or whose usage does not say it binds, is not the program\'s port', async () => {
    const relay = ['\trootCmd.Flags().StringVar(&config.SMTPRelay, "smtp", config.SMTPRelay, "SMTP relay host and port")', '\trootCmd.Flags().StringVar(&config.SMTPListen, "smtp-x", config.SMTPListen, "SMTP host and port to forward to")'];
    const r = await gen(mailpit(relay, '\tSMTPRelay = "mail.example.com:25"\n\n\tSMTPListen = "[::]:1025"\n'));
    assert.doesNotMatch(r.dockerfile, /^EXPOSE/m, r.dockerfile);
  });

  it('negative: a variable that is not a literal, or not at package level, gives no default → no EXPOSE, as before', async () => {
    for (const vars of ['\tSMTPListen = defaultSMTP()\n\n\tHTTPListen string\n', '\tOther = 1\n']) {
      const r = await gen(mailpit(MAILPIT_FLAGS.slice(0, 2), vars, { 'config/defaults.go': 'package config\n\nfunc defaultSMTP() string {\n\tvar HTTPListen = "[::]:8025"\n\treturn HTTPListen\n}\n' }));
      assert.doesNotMatch(r.dockerfile, /^EXPOSE/m, r.dockerfile);
    }
  });
});

// writefreely/writefreely at 6384f46 (AGPL-3.0): cmd/writefreely/web.go's urfave/cli command
// `cli.Command{Name: "serve", Usage: "Run web application", Action: serveAction}` calls
// `writefreely.Serve(app, r)`; app.go's Serve sets `var bindAddress = app.cfg.Server.Bind`, `if
// bindAddress == "" { bindAddress = "localhost" }`, then `bindAddress = fmt.Sprintf("%s:%d",
// bindAddress, app.cfg.Server.Port)` and `listener, err := net.Listen(network, bindAddress)`;
// config/config.go declares `Config struct { Server ServerCfg \`ini:"server"\` … }`, `ServerCfg
// struct { Port int \`ini:"port"\`; Bind string \`ini:"bind"\` … }` and `func New() *Config`
// with `Server: ServerCfg{Port: 8080, Bind: "localhost"}` (the config `config generate` writes),
// the database's `cfg.Database.Port = 3306` in UseMySQL; Load maps config.ini onto `&Config{}`.
const WF_SERVE = (listen: string, fallback: boolean) => `package writefreely\n\nimport (\n\t"fmt"\n\t"net"\n\t"net/http"\n\n\t"github.com/writefreely/writefreely/config"\n)\n\ntype App struct {\n\tcfg *config.Config\n}\n\nfunc NewApp(fname string) *App {\n\tcfg, _ := config.Load(fname)\n\treturn &App{cfg: cfg}\n}\n\nfunc Serve(app *App, r http.Handler) {\n\tvar bindAddress = app.cfg.Server.Bind\n${fallback ? '\tif bindAddress == "" {\n\t\tbindAddress = "localhost"\n\t}\n' : ''}\tnetwork := "tcp"\n${listen}\n}\n`;
const WF_LISTEN = '\tbindAddress = fmt.Sprintf("%s:%d", bindAddress, app.cfg.Server.Port)\n\tlistener, err := net.Listen(network, bindAddress)\n\tif err != nil {\n\t\treturn\n\t}\n\t_ = http.Serve(listener, r)';
const WF_NEW = (server: string) => `func New() *Config {\n\tc := &Config{\n\t\tServer: ServerCfg{\n${server}\t\t},\n\t\tApp: AppCfg{\n\t\t\tHost: "http://localhost:8080",\n\t\t},\n\t}\n\tc.UseMySQL(true)\n\treturn c\n}\n`;
function writefreely(opts: { listen?: string; fallback?: boolean; server?: string; more?: string } = {}): string {
  const server = opts.server ?? '\t\t\tPort: 8080,\n\t\t\tBind: "localhost", /* IPV6 support when not using localhost? */\n';
  return workspace({
    'go.mod': 'module github.com/writefreely/writefreely\n\nrequire (\n\tgithub.com/go-ini/ini v1.67.0\n\tgithub.com/urfave/cli/v2 v2.25.7\n)\n\ngo 1.21\n',
    'go.sum': '',
    'cmd/writefreely/main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/urfave/cli/v2"\n)\n\nfunc main() {\n\tapp := &cli.App{\n\t\tName: "WriteFreely",\n\t}\n\tapp.Commands = []*cli.Command{\n\t\t&cmdServe,\n\t}\n\t_ = app.Run(os.Args)\n}\n',
    'cmd/writefreely/web.go': 'package main\n\nimport (\n\t"github.com/urfave/cli/v2"\n\t"github.com/writefreely/writefreely"\n)\n\nvar (\n\tcmdServe cli.Command = cli.Command{\n\t\tName:    "serve",\n\t\tAliases: []string{"web"},\n\t\tUsage:   "Run web application",\n\t\tAction:  serveAction,\n\t}\n)\n\nfunc serveAction(c *cli.Context) error {\n\tapp := writefreely.NewApp(c.String("c"))\n\twritefreely.Serve(app, nil)\n\treturn nil\n}\n',
    'app.go': WF_SERVE(opts.listen ?? WF_LISTEN, opts.fallback ?? true),
    'config/config.go': `package config\n\nimport (\n\t"github.com/go-ini/ini"\n)\n\ntype (\n\t// ServerCfg holds values that affect how the HTTP server runs\n\tServerCfg struct {\n\t\tHiddenHost string \`ini:"hidden_host"\`\n\t\tPort       int    \`ini:"port"\`\n\t\tBind       string \`ini:"bind"\`\n\n\t\tGopherPort int \`ini:"gopher_port"\`\n\t}\n\n\tDatabaseCfg struct {\n\t\tType string \`ini:"type"\`\n\t\tHost string \`ini:"host"\`\n\t\tPort int    \`ini:"port"\`\n\t}\n\n\tAppCfg struct {\n\t\tHost string \`ini:"host"\`\n\t}\n\n\tConfig struct {\n\t\tServer   ServerCfg   \`ini:"server"\`\n\t\tDatabase DatabaseCfg \`ini:"database"\`\n\t\tApp      AppCfg      \`ini:"app"\`\n\t}\n)\n\n// New creates a new Config with sane defaults\n${WF_NEW(server)}\nfunc (cfg *Config) UseMySQL(fresh bool) {\n\tcfg.Database.Type = "mysql"\n\tif fresh {\n\t\tcfg.Database.Host = "localhost"\n\t\tcfg.Database.Port = 3306\n\t}\n}\n\nfunc Load(fname string) (*Config, error) {\n\tcfg, err := ini.Load(fname)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tuc := &Config{}\n\terr = cfg.MapTo(uc)\n\treturn uc, err\n}\n${opts.more ?? ''}`,
  });
}

describe('3. a listen port from a configuration field the program fills with a literal', () => {
  it('writefreely: net.Listen on app.cfg.Server.Port, ServerCfg{Port: 8080, Bind: "localhost"} in New() → a Check naming 8080 (no EXPOSE: the configuration decides) and one about localhost; lint-clean', async () => {
    const r = await genClean(writefreely());
    assert.doesNotMatch(r.dockerfile, /^EXPOSE/m, r.dockerfile);
    assert.ok(r.warnings.some((x) => x.startsWith('No EXPOSE: the program listens on a port its configuration sets: net.Listen(network, bindAddress) on app.cfg.Server.Port (app.go), which ServerCfg{Port: 8080} in New() sets in config/config.go') && x.endsWith('Pass --port 8080 to EXPOSE it.')), r.warnings.join('\n'));
    assert.ok(r.warnings.some((x) => x.startsWith('By default that listener binds localhost (ServerCfg{Bind: "localhost"} in New() (config/config.go); bindAddress = "localhost" when unset (app.go))')), r.warnings.join('\n'));
    assert.ok(!r.reasons.some((x) => x.startsWith('No EXPOSE: go-dockerfile found no listen address')), r.reasons.join('\n'));
  });

  it('--port 8080 (the user\'s answer) writes EXPOSE 8080', async () => {
    const r = await genClean(writefreely(), { port: 8080 });
    assert.match(r.dockerfile, /^EXPOSE 8080$/m, r.dockerfile);
  });

  it('a bind on all interfaces and no loopback fallback → the port Check only', async () => {
    const r = await gen(writefreely({ server: '\t\t\tPort: 8080,\n\t\t\tBind: "0.0.0.0",\n', fallback: false }));
    assert.ok(r.warnings.some((x) => x.includes('ServerCfg{Port: 8080} in New() sets')), r.warnings.join('\n'));
    assert.ok(!r.warnings.some((x) => x.startsWith('By default that listener binds')), r.warnings.join('\n'));
  });

  it('negative: two literals with other ports, a literal without the port, or a listen call not on the field → no such Check, as before', async () => {
    const cases = [
      writefreely({ more: '\nfunc Dev() *Config {\n\treturn &Config{Server: ServerCfg{Port: 9090}}\n}\n' }),
      writefreely({ server: '\t\t\tBind: "localhost",\n' }),
      writefreely({ listen: '\tlistener, err := net.Listen(network, fmt.Sprintf("%s:%d", bindAddress, app.cfg.Database.Port))\n\tif err != nil {\n\t\treturn\n\t}\n\t_ = http.Serve(listener, r)' }),
    ];
    for (const dir of cases) {
      const r = await gen(dir);
      assert.ok(!r.warnings.some((x) => x.includes('a port its configuration sets')), r.warnings.join('\n'));
      assert.doesNotMatch(r.dockerfile, /^EXPOSE/m, r.dockerfile);
    }
  });
});

// ory/kratos at b86338d (Apache-2.0): test/e2e/hydra-login-consent (module
// github.com/ory/kratos/test/e2e/hydra-login-consent, go 1.26) main.go ends with `addr := ":" +
// cmp.Or(os.Getenv("PORT"), "4446")`, `server := &http.Server{Addr: addr, Handler: router}`,
// `check(server.ListenAndServe())` (hydra-kratos-login-consent the same with 4746); its
// `adminURL, err := url.Parse(cmp.Or(os.Getenv("HYDRA_ADMIN_URL"), "http://localhost:4445"))` is a
// client's. test/e2e/mock/httptarget (module github.com/ory/mock) has `port :=
// cmp.Or(os.Getenv("PORT"), "4471")` and `log.Fatal(http.ListenAndServe(fmt.Sprintf(":%s", port), nil))`.
function kratosMain(body: string, module = 'github.com/ory/kratos/test/e2e/hydra-login-consent'): string {
  return workspace({
    'go.mod': `module ${module}\n\ngo 1.26\n`,
    'main.go': `package main\n\nimport (\n\t"cmp"\n\t"fmt"\n\t"log"\n\t"net/http"\n\t"net/url"\n\t"os"\n)\n\nfunc main() {\n\tadminURL, err := url.Parse(cmp.Or(os.Getenv("HYDRA_ADMIN_URL"), "http://localhost:4445"))\n\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n\tfmt.Println(adminURL)\n\trouter := http.NewServeMux()\n${body}}\n`,
  });
}
const KRATOS_CONSENT = '\taddr := ":" + cmp.Or(os.Getenv("PORT"), "4446")\n\t//#nosec G112\n\tserver := &http.Server{Addr: addr, Handler: router}\n\tfmt.Printf("Starting web server at %s\\n", addr)\n\tlog.Fatal(server.ListenAndServe())\n';
const KRATOS_TARGET = '\t_ = router\n\tport := cmp.Or(os.Getenv("PORT"), "4471")\n\tlog.Fatal(http.ListenAndServe(fmt.Sprintf(":%s", port), nil))\n';

describe('4. a listen address with an environment fallback', () => {
  it('kratos hydra-login-consent: addr := ":" + cmp.Or(os.Getenv("PORT"), "4446") in http.Server{Addr: addr} → EXPOSE 4446, the reason names PORT; lint-clean', async () => {
    const r = await genClean(kratosMain(KRATOS_CONSENT));
    assert.match(r.dockerfile, /^EXPOSE 4446$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('http.Server{Addr: addr = ":" + cmp.Or(os.Getenv("PORT"), "4446") = ":4446" when PORT is unset} in main.go')), r.reasons.join('\n'));
    assert.doesNotMatch(r.dockerfile, /4445/, r.dockerfile);
  });

  it('kratos mock/httptarget: port := cmp.Or(os.Getenv("PORT"), "4471"), ListenAndServe(fmt.Sprintf(":%s", port)) → EXPOSE 4471; lint-clean', async () => {
    const r = await genClean(kratosMain(KRATOS_TARGET, 'github.com/ory/mock'));
    assert.match(r.dockerfile, /^EXPOSE 4471$/m, r.dockerfile);
  });

  it('a helper named for the environment with a literal fallback (getEnv("PORT", "8080")) counts the same', async () => {
    const r = await gen(kratosMain('\tlog.Fatal(http.ListenAndServe(":"+getEnv("PORT", "8080"), router))\n'));
    assert.match(r.dockerfile, /^EXPOSE 8080$/m, r.dockerfile);
  });

  it('negative: a fallback that is another variable or not a port, or a variable not from the environment → no EXPOSE, as before', async () => {
    for (const body of [
      '\taddr := ":" + cmp.Or(os.Getenv("PORT"), os.Getenv("FALLBACK"))\n\tlog.Fatal(http.ListenAndServe(addr, router))\n',
      '\taddr := ":" + cmp.Or(os.Getenv("PORT"), "http")\n\tlog.Fatal(http.ListenAndServe(addr, router))\n',
      '\tport := cmp.Or(flagPort, "4471")\n\tlog.Fatal(http.ListenAndServe(fmt.Sprintf(":%s", port), router))\n',
    ]) {
      const r = await gen(kratosMain(body));
      assert.doesNotMatch(r.dockerfile, /^EXPOSE/m, r.dockerfile);
    }
  });
});

// aceberg/AnyAppStart at 6985a06 (MIT): the module is backend/ (github.com/aceberg/AnyAppStart, go
// 1.24.2); cmd/AnyAppStart/main.go calls `web.Gui(*dirPtr, *nodePtr)`; internal/web/webgui.go's Gui
// sets `appConfig = conf.Get(confPath)`, `address := appConfig.Host + ":" + appConfig.Port` and, with
// gin, `err := router.Run(address)`; internal/conf/getconfig.go has `viper.SetDefault("HOST",
// "0.0.0.0")`, `viper.SetDefault("PORT", "8855")`, `config.Host, _ = viper.Get("HOST").(string)`,
// `config.Port, _ = viper.Get("PORT").(string)`; internal/models: `type Conf struct { Host string;
// Port string … }`.
function anyAppStart(conf: string, web = '\taddress := appConfig.Host + ":" + appConfig.Port\n\n\trouter := gin.Default()\n\terr := router.Run(address)\n\t_ = err\n'): string {
  return workspace({
    'go.mod': 'module github.com/aceberg/AnyAppStart\n\ngo 1.24.2\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0\n\tgithub.com/spf13/viper v1.20.1\n)\n',
    'go.sum': '',
    'cmd/AnyAppStart/main.go': 'package main\n\nimport (\n\t"flag"\n\n\t"github.com/aceberg/AnyAppStart/internal/web"\n)\n\nconst dirPath = "/data/AnyAppStart"\nconst nodePath = ""\n\nfunc main() {\n\tdirPtr := flag.String("d", dirPath, "Path to config dir")\n\tnodePtr := flag.String("n", nodePath, "Path to node modules")\n\tflag.Parse()\n\n\tweb.Gui(*dirPtr, *nodePtr) // webgui.go\n}\n',
    'internal/web/webgui.go': `package web\n\nimport (\n\t"github.com/gin-gonic/gin"\n\n\t"github.com/aceberg/AnyAppStart/internal/conf"\n\t"github.com/aceberg/AnyAppStart/internal/models"\n)\n\nvar appConfig models.Conf\n\n// Gui - start web server\nfunc Gui(dirPath, nodePath string) {\n\tconfPath := dirPath + "/config.yaml"\n\tappConfig = conf.Get(confPath)\n\n${web}}\n`,
    'internal/conf/getconfig.go': `package conf\n\nimport (\n\t"github.com/spf13/viper"\n\n\t"github.com/aceberg/AnyAppStart/internal/models"\n)\n\n// Get - read config from file or env\nfunc Get(path string) models.Conf {\n\tvar config models.Conf\n\n${conf}\n\tviper.SetConfigFile(path)\n\tviper.SetConfigType("yaml")\n\t_ = viper.ReadInConfig()\n\n\tviper.AutomaticEnv() // Get ENVIRONMENT variables\n\n\tconfig.Host, _ = viper.Get("HOST").(string)\n\tconfig.Port, _ = viper.Get("PORT").(string)\n\n\treturn config\n}\n`,
    'internal/models/models.go': 'package models\n\n// Conf - web gui config\ntype Conf struct {\n\tHost     string\n\tPort     string\n\tConfPath string\n}\n',
  });
}
const AAS_DEFAULTS = '\tviper.SetDefault("HOST", "0.0.0.0")\n\tviper.SetDefault("PORT", "8855")\n\tviper.SetDefault("THEME", "minty")\n';

describe('5. a listen address from viper keys with defaults', () => {
  it('AnyAppStart: router.Run(appConfig.Host + ":" + appConfig.Port), HOST "0.0.0.0" and PORT "8855" by viper.SetDefault → EXPOSE 8855; lint-clean', async () => {
    const r = await genClean(anyAppStart(AAS_DEFAULTS));
    assert.match(r.dockerfile, /^EXPOSE 8855$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('.Run(address) on appConfig.Host + ":" + appConfig.Port (internal/web/webgui.go), with viper.SetDefault("HOST", "0.0.0.0") and viper.SetDefault("PORT", "8855") in internal/conf/getconfig.go')), r.reasons.join('\n'));
  });

  it('a loopback HOST default → no EXPOSE, a Check that the address is unreachable from outside', async () => {
    const r = await gen(anyAppStart(AAS_DEFAULTS.replace('0.0.0.0', '127.0.0.1')));
    assert.doesNotMatch(r.dockerfile, /^EXPOSE/m, r.dockerfile);
    assert.ok(r.warnings.some((x) => x.includes('listens on 127.0.0.1:8855') && x.includes('unreachable from outside')), r.warnings.join('\n'));
  });

  it('negative: no default for PORT, two defaults, or no default for the HOST it joins → no EXPOSE, as before', async () => {
    for (const conf of ['\tviper.SetDefault("HOST", "0.0.0.0")\n', `${AAS_DEFAULTS}\tif dev {\n\t\tviper.SetDefault("port", "9000")\n\t}\n`, '\tviper.SetDefault("PORT", "8855")\n']) {
      const r = await gen(anyAppStart(conf));
      assert.doesNotMatch(r.dockerfile, /^EXPOSE/m, r.dockerfile);
    }
  });

  it('":" + appConfig.Port alone needs only the port\'s default', async () => {
    const r = await gen(anyAppStart('\tviper.SetDefault("PORT", "8855")\n', '\trouter := gin.Default()\n\t_ = router.Run(":" + appConfig.Port)\n'));
    assert.match(r.dockerfile, /^EXPOSE 8855$/m, r.dockerfile);
  });
});
