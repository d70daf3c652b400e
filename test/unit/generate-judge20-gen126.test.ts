/**
 * The generator on real repositories of round 20 (helper "gen126"): each case is a small skeleton
 * of a real repository, with its repository, commit and licence above it, plus the variant that
 * keeps the old behaviour where it is right.
 *
 * 1. cobra commands that functions build and return (`func NewServeCmd() *cobra.Command`), added
 *    through calls (`serveCmd := NewServeCmd()`; `serveCmd.AddCommand(NewServeAllCmd(opts))`,
 *    over several lines too): a `serve` that runs nothing itself only prints its help, so the
 *    image runs its child that serves (`all` runs every one of its siblings): CMD ["serve", "all"]
 *    (hydra; it was CMD ["serve"]). A port flag on the flag set of another such command (the
 *    `perform authorization-code` client's callback `--port 4446`) is not what the image serves
 *    (it was EXPOSE 4446).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type GenerateResult } from '../../server/src/generate';
import { generatorTrees } from './generateTrees';

const { workspace, gen } = generatorTrees('judge20-gen126');

const cmdOf = (r: GenerateResult): string | null => /^CMD (.*)$/m.exec(r.dockerfile)?.[1] ?? null;
const exposeOf = (r: GenerateResult): string | null => /^EXPOSE (.*)$/m.exec(r.dockerfile)?.[1] ?? null;

// ory/hydra at 83127c5 (Apache-2.0): main.go runs cmd.Execute(); cmd/root.go's
// RegisterCommandRecursive does `serveCmd := NewServeCmd()` then
// `serveCmd.AddCommand(NewServeAdminCmd(opts))` … `NewServeAllCmd(opts)`, and
// `performCmd.AddCommand(\n\t\tNewPerformClientCredentialsCmd(),\n\t\tNewPerformAuthorizationCodeCmd(),\n\t)`;
// cmd/serve.go's NewServeCmd returns `cmd := &cobra.Command{Use: "serve", Short: "Parent command
// for starting public and administrative HTTP/2 APIs"}` (no Run); cmd/serve_all.go returns
// `&cobra.Command{Use: "all", …, RunE: server.RunServeAll(dOpts)}`;
// cmd/cmd_perform_authorization_code.go: `cmd.Flags().IntP("port", "p", 4446, "The port on which
// the server should run")` on the client's `authorization-code` command.
function hydra(serveRun = ''): string {
  const fn = (name: string, use: string, short: string, run: string) =>
    `func ${name}(dOpts []string) *cobra.Command {\n\treturn &cobra.Command{\n\t\tUse:   "${use}",\n\t\tShort: "${short}",${run}\n\t}\n}\n`;
  const runE = '\n\t\tRunE: func(cmd *cobra.Command, args []string) error {\n\t\t\treturn nil\n\t\t},';
  const head = 'package cmd\n\nimport "github.com/spf13/cobra"\n\n';
  return workspace({
    'go.mod': 'module github.com/ory/hydra/v2\n\ngo 1.26\n\nrequire github.com/spf13/cobra v1.10.1\n',
    'go.sum': 'github.com/spf13/cobra v1.10.1 h1:x\n',
    'main.go': 'package main\n\nimport "github.com/ory/hydra/v2/cmd"\n\nfunc main() {\n\tcmd.Execute()\n}\n',
    'cmd/root.go': `${head}func NewRootCmd() *cobra.Command {\n\tcmd := &cobra.Command{\n\t\tUse:   "hydra",\n\t\tShort: "Run and manage Ory Hydra",\n\t}\n\tRegisterCommandRecursive(cmd)\n\treturn cmd\n}\n\nfunc RegisterCommandRecursive(parent *cobra.Command, opts ...string) {\n\tperformCmd := NewPerformCmd()\n\tperformCmd.AddCommand(\n\t\tNewPerformClientCredentialsCmd(),\n\t\tNewPerformAuthorizationCodeCmd(),\n\t)\n\n\tserveCmd := NewServeCmd()\n\tserveCmd.AddCommand(NewServeAdminCmd(opts))\n\tserveCmd.AddCommand(NewServePublicCmd(opts))\n\tserveCmd.AddCommand(NewServeAllCmd(opts))\n\n\tparent.AddCommand(\n\t\tperformCmd,\n\t\tserveCmd,\n\t)\n}\n\nfunc Execute() {\n\tc := NewRootCmd()\n\tif err := c.Execute(); err != nil {\n\t\tpanic(err)\n\t}\n}\n`,
    'cmd/serve.go': `${head}func NewServeCmd() *cobra.Command {\n\tcmd := &cobra.Command{\n\t\tUse:   "serve",\n\t\tShort: "Parent command for starting public and administrative HTTP/2 APIs",${serveRun}\n\t}\n\tcmd.PersistentFlags().Bool("dev", false, "Disables critical security checks")\n\treturn cmd\n}\n`,
    'cmd/serve_all.go': head + fn('NewServeAllCmd', 'all', 'Serves both public and administrative HTTP/2 APIs', runE),
    'cmd/serve_admin.go': head + fn('NewServeAdminCmd', 'admin', 'Serves Administrative HTTP/2 APIs', runE),
    'cmd/serve_public.go': head + fn('NewServePublicCmd', 'public', 'Serves Public HTTP/2 APIs', runE),
    'cmd/cmd_perform.go': `${head}func NewPerformCmd() *cobra.Command {\n\treturn &cobra.Command{\n\t\tUse:   "perform",\n\t\tShort: "Perform OAuth 2.0 Flows",\n\t}\n}\n`,
    'cmd/cmd_perform_client_credentials.go': `${head}func NewPerformClientCredentialsCmd() *cobra.Command {\n\treturn &cobra.Command{\n\t\tUse: "client-credentials",${runE}\n\t}\n}\n`,
    'cmd/cmd_perform_authorization_code.go': `package cmd\n\nimport (\n\t"net/http"\n\n\t"github.com/spf13/cobra"\n)\n\nfunc NewPerformAuthorizationCodeCmd() *cobra.Command {\n\tcmd := &cobra.Command{\n\t\tUse:   "authorization-code",\n\t\tShort: "Example OAuth 2.0 Client performing the OAuth 2.0 Authorize Code Flow",\n\t\tRunE: func(cmd *cobra.Command, args []string) error {\n\t\t\tport, err := cmd.Flags().GetInt("port")\n\t\t\tif err != nil {\n\t\t\t\treturn err\n\t\t\t}\n\t\t\tserver := &http.Server{Addr: fmt.Sprintf(":%d", port)}\n\t\t\treturn server.ListenAndServe()\n\t\t},\n\t}\n\n\tcmd.Flags().IntP("port", "p", 4446, "The port on which the server should run")\n\treturn cmd\n}\n`,
  });
}

describe('1. cobra commands built by functions: a parent `serve` and a client command\'s port', () => {
  it('hydra: `serve` runs nothing itself; its child `all` serves: CMD ["serve", "all"], and the client\'s callback --port 4446 is not exposed', async () => {
    const r = await gen(hydra());
    assert.equal(cmdOf(r), '["serve", "all"]', r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('CMD ["serve", "all"]: the program is a CLI with subcommands (cobra Use: "serve" (cmd/serve.go) runs nothing itself; its subcommand Use: "all"')), r.reasons.join('\n'));
    assert.equal(exposeOf(r), null, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('Not used for the all subcommand the image runs: flag -port default 4446 of the authorization-code subcommand (cmd/cmd_perform_authorization_code.go)')), r.reasons.join('\n'));
  });

  it('a `serve` built by a function that runs itself stays CMD ["serve"]', async () => {
    const r = await gen(hydra('\n\t\tRunE: func(cmd *cobra.Command, args []string) error {\n\t\t\treturn nil\n\t\t},'));
    assert.equal(cmdOf(r), '["serve"]', r.dockerfile);
  });
});

