/**
 * The generator on real repositories of round 34 (judges X and Y, generator sections), session 51:
 * each case a small skeleton of a real repository (the files that matter, with their sizes in the
 * repository, go.mod and the few relevant lines), with its repository, commit and licence above
 * it, plus the variants that keep the old behaviour where it is right.
 *
 * 1. (X G3) restic/rest-server: `--listen`'s default is a field of a struct literal named only
 *    `Listen` (`Listen: ":8000"`): EXPOSE 8000, not "the sources name no listen address".
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, genClean, tree } = generatorTrees('judge34-engg51');

// restic/rest-server at 2f31e10 (BSD-2-Clause): go.mod (943 bytes) `module
// github.com/restic/rest-server`, `go 1.23.0`; handlers.go (5,750 bytes) `type Server struct {
// … Listen string …}`; cmd/rest-server/main.go (7,651 bytes):48-59 `Server: restserver.Server{Path:
// filepath.Join(os.TempDir(), "restic"), Listen: ":8000", TLSMinVer: "1.2"}`, then `flags :=
// rv.CmdRoot.Flags()` and `flags.StringVar(&rv.Server.Listen, "listen", rv.Server.Listen, "listen
// address")`; cmd/rest-server/listener_unix.go (1,555 bytes):37 `net.Listen("tcp", addr)`.
const restServerMain = (listen: string) => `package main

import (
	"net"
	"os"
	"path/filepath"

	restserver "github.com/restic/rest-server"
	"github.com/spf13/cobra"
)

type restServerApp struct {
	CmdRoot *cobra.Command
	Server  restserver.Server
}

func newRestServerApp() *restServerApp {
	rv := &restServerApp{
		CmdRoot: &cobra.Command{
			Use:   "rest-server",
			Short: "Run a REST server for use with restic",
		},
		Server: restserver.Server{
			Path:      filepath.Join(os.TempDir(), "restic"),
${listen}			TLSMinVer: "1.2",
		},
	}
	flags := rv.CmdRoot.Flags()
	flags.StringVar(&rv.Server.Listen, "listen", rv.Server.Listen, "listen address")
	flags.StringVar(&rv.Server.Path, "path", rv.Server.Path, "data directory")
	return rv
}

func main() {
	app := newRestServerApp()
	l, err := findListener(app.Server.Listen)
	if err != nil {
		panic(err)
	}
	_ = l
	_ = app.CmdRoot.Execute()
}

func findListener(addr string) (net.Listener, error) {
	return net.Listen("tcp", addr)
}
`;
const restServer: Record<string, string | null> = {
  'go.mod': 'module github.com/restic/rest-server\n\ngo 1.23.0\n\nrequire github.com/spf13/cobra v1.9.1\n',
  'handlers.go': 'package restserver\n\n// Server encapsulates the rest-server\'s settings and repo management logic\ntype Server struct {\n\tPath         string\n\tHtpasswdPath string\n\tListen       string\n\tTLSMinVer    string\n}\n',
  'cmd/rest-server/main.go': restServerMain('\t\t\tListen:    ":8000",\n'),
};

describe('1. rest-server: --listen defaults to a struct literal\'s `Listen: ":8000"`', () => {
  it('EXPOSE 8000, with the field that gives it', async () => {
    const r = await genClean(tree(restServer, {}), { package: './cmd/rest-server' });
    assert.match(r.dockerfile, /^EXPOSE 8000$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('EXPOSE 8000') && x.includes('rv.Server.Listen = ":8000"')), r.reasons.join('\n'));
    assert.ok(!r.reasons.some((x) => x.includes('name no listen address')), r.reasons.join('\n'));
  });

  it('negative: no literal sets Listen: no EXPOSE, and the reason says so', async () => {
    const r = await gen(tree(restServer, { 'cmd/rest-server/main.go': restServerMain('') }), { package: './cmd/rest-server' });
    assert.doesNotMatch(r.dockerfile, /^EXPOSE/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('name no listen address')), r.reasons.join('\n'));
  });

  it('negative: two literals set Listen to different ports: none is taken', async () => {
    const r = await gen(tree(restServer, { 'cmd/rest-server/other.go': 'package main\n\nimport restserver "github.com/restic/rest-server"\n\nvar testServer = restserver.Server{Listen: ":9000"}\n' }), { package: './cmd/rest-server' });
    assert.doesNotMatch(r.dockerfile, /^EXPOSE 8000$/m, r.dockerfile);
  });
});

