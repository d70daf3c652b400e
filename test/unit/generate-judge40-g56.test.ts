/**
 * The generator on real repositories of round 40 (judges G, X and Y; engineer g56). Each case is a
 * small skeleton of the real repository (the files that matter, with their sizes in the
 * repository, go.mod and the import blocks), with its repository, commit and licence above it,
 * plus variants that keep the old behaviour where it is right.
 *
 * 1. A port flag whose default is a package variable holding an integer literal converted to an
 *    integer type (`var defaultHTTPPort = uint(8080)`): EXPOSE it (miguelmota/streamhut, judge 40 G G9).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge40-g56');

// miguelmota/streamhut at 7f1d8821de4c0bf4e9e219783c085e8f13bff7b5 (Apache-2.0): go.mod (639 bytes)
// `module github.com/streamhut/streamhut`, go 1.14, requires github.com/spf13/cobra v1.0.0;
// cmd/streamhut/main.go (94 bytes) `cli.Execute()`; pkg/cli/cli.go (12,816 bytes) :41-43 `var
// defaultHost = "127.0.0.1"`, `var defaultHTTPPort = uint(8080)`, `var defaultTCPPort = uint(1337)`,
// :172,175 the root command's client flags (`--host` defaultHost, `--port` defaultTCPPort), :212-213
// `serverCmd := &cobra.Command{Use: "server", …}`, :352 `serverCmd.Flags().UintVarP(&httpPort,
// "port", "p", defaultHTTPPort, "HTTP Port")`, :355 `UintVarP(&tcpPort, "tcp-port", "t",
// defaultTCPPort, "TCP Port")`, :424-428 AddCommand. Its docker-compose.yml publishes 8080 and 1337.
const streamhutCli = (ports: string) => `package cli

import (
\t"fmt"
\t"os"

\t"github.com/spf13/cobra"
)

var defaultHost = "127.0.0.1"
${ports}

func rootCommand() *cobra.Command {
\tvar connectPort uint
\tvar connectHost string
\trootCmd := &cobra.Command{
\t\tUse: "streamhut",
\t\tRunE: func(cmd *cobra.Command, args []string) error {
\t\t\tfmt.Println(connectHost, connectPort)
\t\t\treturn nil
\t\t},
\t}
\trootCmd.Flags().StringVarP(&connectHost, "host", "h", defaultHost, "Host to connect to")
\trootCmd.Flags().UintVarP(&connectPort, "port", "p", defaultTCPPort, "Host port")
\treturn rootCmd
}

func serverCommand() *cobra.Command {
\tvar httpPort uint
\tvar tcpPort uint
\tserverCmd := &cobra.Command{
\t\tUse:   "server",
\t\tShort: "Start server",
\t\tRunE: func(cmd *cobra.Command, args []string) error {
\t\t\tfmt.Println(httpPort, tcpPort)
\t\t\treturn nil
\t\t},
\t}
\tserverCmd.Flags().UintVarP(&httpPort, "port", "p", defaultHTTPPort, "HTTP Port")
\tserverCmd.Flags().UintVarP(&tcpPort, "tcp-port", "t", defaultTCPPort, "TCP Port")
\treturn serverCmd
}

// Execute ...
func Execute() {
\trootCmd := rootCommand()
\tserverCmd := serverCommand()
\trootCmd.AddCommand(serverCmd)
\tif err := rootCmd.Execute(); err != nil {
\t\tos.Exit(1)
\t}
}
`;
const streamhut: Record<string, string | null> = {
  'go.mod': 'module github.com/streamhut/streamhut\n\ngo 1.14\n\nrequire github.com/spf13/cobra v1.0.0\n',
  'go.sum': 'github.com/spf13/cobra v1.0.0 h1:x=\ngithub.com/spf13/cobra v1.0.0/go.mod h1:y=\n',
  'cmd/streamhut/main.go': 'package main\n\nimport "github.com/streamhut/streamhut/pkg/cli"\n\nfunc main() {\n\tcli.Execute()\n}\n',
  'pkg/cli/cli.go': streamhutCli('var defaultHTTPPort = uint(8080)\nvar defaultTCPPort = uint(1337)'),
};

describe('1. streamhut: port flags whose defaults are package variables holding uint(literal)', () => {
  it('CMD server, EXPOSE 1337 8080, each from its flag and variable', async () => {
    const r = await gen(tree(streamhut, {}));
    assert.match(r.dockerfile, /^CMD \["server"\]$/m, r.dockerfile);
    assert.deepEqual(r.exposes, [1337, 8080], r.reasons.join('\n'));
    const reason = r.reasons.find((x) => x.startsWith('EXPOSE 1337 8080: '));
    assert.ok(reason && reason.includes('flag -port default defaultHTTPPort = 8080 in pkg/cli/cli.go') && reason.includes('flag -tcp-port default defaultTCPPort = 1337'), r.reasons.join('\n'));
  });

  it('the same in a var block and with uint16', async () => {
    const r = await gen(tree(streamhut, { 'pkg/cli/cli.go': streamhutCli('var (\n\tdefaultHTTPPort = uint16(8080)\n\tdefaultTCPPort  = uint(1337)\n)') }));
    assert.deepEqual(r.exposes, [1337, 8080], r.reasons.join('\n'));
  });

  it('negative: a conversion of something other than a literal gives no port', async () => {
    const r = await gen(tree(streamhut, { 'pkg/cli/cli.go': streamhutCli('var defaultHTTPPort = uint(len(os.Args))\nvar defaultTCPPort = uint(len(defaultHost))') }));
    assert.deepEqual(r.exposes, [], r.reasons.join('\n'));
  });
});
