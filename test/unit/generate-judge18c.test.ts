/**
 * The generator on real repositories of rounds 17 and 18 (helper "gen38"): each case is a small
 * skeleton of a real repository (the files, go.mod and the few lines that matter), with its
 * repository, commit and licence above it, plus the variants that keep the old behaviour where it
 * is right. Every generated Dockerfile is linted against its workspace: expected clean.
 *
 * 1. A cobra command marked `Deprecated:` is not the CMD while another command serves (shiori's
 *    `serve`, "use server instead").
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
