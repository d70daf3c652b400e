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
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';
import { selfCheck } from '../../server/src/driver/selfCheck';
import { loadWorkspace } from '../../server/src/workspace/load';

const { workspace, gen } = generatorTrees('judge18c');

/** Generates and lints the result against the workspace with the generated .dockerignore: expected clean. */
async function genClean(dir: string, options = {}) {
  const r = await gen(dir, options);
  assert.deepEqual(await selfCheck(r, loadWorkspace(dir)), [], r.dockerfile);
  return r;
}

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
