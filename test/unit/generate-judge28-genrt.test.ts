/**
 * The generator on real repositories of round 28 (judge Y's generator table): each case is a small
 * skeleton of a real repository (the files that matter, with their sizes in the repository, go.mod
 * and the few relevant lines), with its repository, commit and licence above it, plus the variants
 * that keep the old behaviour where it is right.
 *
 * 1. A read call whose path is a flag's value (sish: `r.LoadHTMLGlob(viper.GetString(
 *    "load-templates-directory"))`, default "templates/*"): the folder is copied to /app.
 * 2. A main's command map (cfssl: `map[string]*cli.Command{"serve": serve.Command, …}` handed to
 *    `cli.Start`): CMD ["serve", "--address", "0.0.0.0"], not a top-level `--address` the program
 *    rejects; what the other subcommands' packages require is not a Check.
 * 3. The project's final stage starts a script it writes (mcp-gateway's dind variant, /run.sh);
 *    its `mcp-gateway` stage starts the binary with `gateway run`: CMD ["gateway", "run"].
 * 4. Programs that change the network configuration through netlink (gerbil, gluetun): a Check
 *    that uid 65532 gets no CAP_NET_ADMIN; a shell held in a variable (UpSnap) is a program run.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge28-genrt');

// antoniomika/sish at 9609e83 (MIT): go.mod (3,844 bytes) `module github.com/antoniomika/sish`,
// `go 1.26`; main.go (328 bytes) calls cmd.Execute(); cmd/sish.go (18,952 bytes, package cmd)
// declares the flags: `rootCmd.PersistentFlags().StringP("load-templates-directory", "",
// "templates/*", …)` (line 80) and `BoolP("load-templates", "", true, …)` (line 130);
// httpmuxer/httpmuxer.go (14,944 bytes; reached through sshmuxer in the repository, imported
// directly here) `if viper.GetBool("load-templates") { r.LoadHTMLGlob(viper.GetString(
// "load-templates-directory")) }` (lines 44-45); templates/ holds console.tmpl (4,885 bytes),
// footer.tmpl (55), header.tmpl (2,258), routes.tmpl (5,736).
const sishCmd = (def: string) => `package cmd\n\nimport (\n\t"github.com/antoniomika/sish/httpmuxer"\n\t"github.com/spf13/cobra"\n\t"github.com/spf13/viper"\n)\n\nvar rootCmd = &cobra.Command{\n\tUse: "sish",\n\tRun: runCommand,\n}\n\nfunc init() {\n\trootCmd.PersistentFlags().StringP("load-templates-directory", "", "${def}", "The directory and glob parameter for templates that should be loaded")\n\trootCmd.PersistentFlags().BoolP("load-templates", "", true, "Load HTML templates. This is required for admin/service consoles")\n\t_ = viper.BindPFlags(rootCmd.PersistentFlags())\n}\n\nfunc Execute() error { return rootCmd.Execute() }\n\nfunc runCommand(c *cobra.Command, _ []string) { httpmuxer.Start() }\n`;
const sish: Record<string, string | null> = {
  'go.mod': 'module github.com/antoniomika/sish\n\ngo 1.26\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.1\n\tgithub.com/spf13/cobra v1.9.1\n\tgithub.com/spf13/viper v1.20.1\n)\n',
  'go.sum': 'github.com/gin-gonic/gin v1.10.1 h1:x\ngithub.com/spf13/cobra v1.9.1 h1:x\ngithub.com/spf13/viper v1.20.1 h1:x\n',
  'main.go': 'package main\n\nimport (\n\t"log"\n\n\t"github.com/antoniomika/sish/cmd"\n)\n\nfunc main() {\n\terr := cmd.Execute()\n\tif err != nil {\n\t\tlog.Println("Unable to execute root command:", err)\n\t}\n}\n',
  'cmd/sish.go': sishCmd('templates/*'),
  'httpmuxer/httpmuxer.go': 'package httpmuxer\n\nimport (\n\t"github.com/gin-gonic/gin"\n\t"github.com/spf13/viper"\n)\n\nfunc Start() {\n\tr := gin.New()\n\tif viper.GetBool("load-templates") {\n\t\tr.LoadHTMLGlob(viper.GetString("load-templates-directory"))\n\t}\n\t_ = r.Run(":8080")\n}\n',
  'templates/console.tmpl': '{{ define "console" }}<html></html>{{ end }}\n',
  'templates/header.tmpl': '{{ define "header" }}<head></head>{{ end }}\n',
};

describe('1. sish: LoadHTMLGlob of a flag whose default is "templates/*"', () => {
  it('copies templates/ to /app/templates and says which flag named it', async () => {
    const r = await gen(tree(sish, {}));
    assert.match(r.dockerfile, /^COPY templates \/app\/templates$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('flag --load-templates-directory default "templates/*"') && x.includes('httpmuxer/httpmuxer.go')), r.reasons.join('\n'));
  });

  it('without templates/ in the context: a Check, no COPY', async () => {
    const r = await gen(tree(sish, { 'templates/console.tmpl': null, 'templates/header.tmpl': null }));
    assert.doesNotMatch(r.dockerfile, /COPY templates/);
    assert.ok(r.warnings.some((w) => w.includes('reads templates at run time') && w.includes('load-templates-directory')), r.warnings.join('\n'));
  });

  it('an absolute default is not copied from the context', async () => {
    const r = await gen(tree(sish, { 'cmd/sish.go': sishCmd('/etc/sish/templates/*') }));
    assert.doesNotMatch(r.dockerfile, /COPY templates/, r.dockerfile);
  });

  it('a flag-bound variable (`dir := flag.String("web-dir", "web", …)`, read as http.Dir(*dir)) counts too', async () => {
    const r = await gen(tree({
      'go.mod': 'module example.com/site\n\ngo 1.22\n',
      'main.go': 'package main\n\nimport (\n\t"flag"\n\t"net/http"\n)\n\nfunc main() {\n\tdir := flag.String("web-dir", "web", "files to serve")\n\tflag.Parse()\n\thttp.Handle("/", http.FileServer(http.Dir(*dir)))\n\t_ = http.ListenAndServe(":8080", nil)\n}\n',
      'web/index.html': '<html></html>\n',
    }, {}));
    assert.match(r.dockerfile, /^COPY web \/app\/web$/m, r.dockerfile);
  });
});
