/**
 * Generator defects of judging round 43 (judge G, every generated Dockerfile built with buildah
 * and run), session 58: each case a small skeleton of a real repository (the files that matter,
 * go.mod and the relevant lines), with its repository, commit and licence above it, plus the
 * variants that keep the old behaviour where it is right.
 *
 * 1. msoap/shell2http: the shell an exec call runs through a variable, a flag default and a
 *    constant of another file is a shell: debian-slim, not distroless (G1).
 * 2. adnanh/webhook, openfaas/of-watchdog: commands named at run time get a Check on distroless (G2).
 * 3. heroku/go-getting-started: a PORT the program stops without is set (ENV) and exposed; another
 *    required variable is a Check (G3).
 * 4. halverneus/static-file-server, of-watchdog: a port variable with a default, and the project's
 *    own image's EXPOSE, give EXPOSE (G4).
 * 5. adnanh/webhook: the file a list flag defaults to (hooks.json) is named (G6).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge43-g58');

const fromOf = (df: string) => [...df.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]).pop();

// msoap/shell2http at 378e7516c7903c20139c7ae635fa5d6d7f8d6509 (MIT): go.mod `module
// github.com/msoap/shell2http`, `go 1.18`; shell2http.go:37-44 `defaultShellPOSIX = "sh"`,
// `defaultShellWindows = "cmd"`, `defaultShellPlan9 = "rc"`; :118 `shell, params =
// appConfig.defaultShell, []string{appConfig.defaultShOpt, cmd}`; :205 `osExecCommand :=
// exec.CommandContext(ctx, shell, params...)`; config.go:82-89 `switch runtime.GOOS { case "plan9":
// … case "windows": cfg.defaultShell, cfg.defaultShOpt = defaultShellWindows, "/C" default:
// cfg.defaultShell, cfg.defaultShOpt = defaultShellPOSIX, "-c" }`, :101 `flag.StringVar(&cfg.shell,
// "shell", cfg.defaultShell, …)`. Every request runs `sh -c`: on distroless `exec: "sh": executable
// file not found in $PATH` (judge 43 G G1, built and run).
const shell2httpConfig = (posix: string) => [
  'package main',
  '',
  'import (',
  '\t"flag"',
  '\t"runtime"',
  ')',
  '',
  'type Config struct {',
  '\tport                int',
  '\tshell, defaultShell string',
  '\tdefaultShOpt        string',
  '}',
  '',
  'func getConfig() Config {',
  '\tvar cfg Config',
  '\tswitch runtime.GOOS {',
  '\tcase "windows":',
  '\t\tcfg.defaultShell, cfg.defaultShOpt = defaultShellWindows, "/C"',
  '\tdefault:',
  `\t\t${posix}`,
  '\t}',
  '\tflag.IntVar(&cfg.port, "port", defaultPort, "port for http server")',
  '\tflag.StringVar(&cfg.shell, "shell", cfg.defaultShell, `custom shell or "" for execute without shell`)',
  '\tflag.Parse()',
  '\treturn cfg',
  '}',
  '',
].join('\n');
const shell2http: Record<string, string | null> = {
  'go.mod': 'module github.com/msoap/shell2http\n\ngo 1.18\n',
  'shell2http.go': [
    'package main',
    '',
    'import (',
    '\t"net"',
    '\t"net/http"',
    '\t"os/exec"',
    '\t"strconv"',
    ')',
    '',
    'const (',
    '\tdefaultPort         = 8080',
    '\tdefaultShellPOSIX   = "sh"',
    '\tdefaultShellWindows = "cmd"',
    ')',
    '',
    'func getShellAndParams(cmd string, appConfig Config) (shell string, params []string) {',
    '\tshell, params = appConfig.defaultShell, []string{appConfig.defaultShOpt, cmd} // sh -c "cmd"',
    '\tif appConfig.shell != appConfig.defaultShell && appConfig.shell != "" {',
    '\t\tshell = appConfig.shell',
    '\t}',
    '\treturn shell, params',
    '}',
    '',
    'func execShellCommand(r *http.Request, shell string, params []string) ([]byte, error) {',
    '\tosExecCommand := exec.CommandContext(r.Context(), shell, params...) // #nosec',
    '\treturn osExecCommand.Output()',
    '}',
    '',
    'func main() {',
    '\tcfg := getConfig()',
    '\thttp.HandleFunc("/date", func(w http.ResponseWriter, r *http.Request) {',
    '\t\tshell, params := getShellAndParams("date", cfg)',
    '\t\tout, _ := execShellCommand(r, shell, params)',
    '\t\tw.Write(out)',
    '\t})',
    '\tl, _ := net.Listen("tcp", net.JoinHostPort("", strconv.Itoa(cfg.port)))',
    '\thttp.Serve(l, nil)',
    '}',
    '',
  ].join('\n'),
  'config.go': shell2httpConfig('cfg.defaultShell, cfg.defaultShOpt = defaultShellPOSIX, "-c"'),
};

describe('1. a shell reached through a variable, a flag default and a constant (G1)', () => {
  it('shell2http: exec.CommandContext(ctx, shell, …), shell from -shell, default defaultShellPOSIX = "sh": debian-slim, the way there in the reasons', async () => {
    const r = await gen(tree(shell2http, {}));
    assert.equal(fromOf(r.dockerfile), 'debian:bookworm-slim', r.dockerfile);
    const why = r.reasons.find((x) => x.startsWith('debian:bookworm-slim runtime (chosen because the program runs sh'));
    assert.ok(why, r.reasons.join('\n'));
    assert.match(why, /exec\.CommandContext\(…, shell, …\) in shell2http\.go/);
    assert.match(why, /defaultShellPOSIX = "sh" \(shell2http\.go\)/);
    assert.ok(!r.warnings.some((w) => w.includes('commands named at run time')), `no Check for commands named at run time: the shell is known\n${r.warnings.join('\n')}`);
  });

  it('the shell only on another operating system (a `case "windows":`), no default elsewhere: distroless stays', async () => {
    const r = await gen(tree(shell2http, { 'config.go': shell2httpConfig('cfg.defaultShOpt = "-c"') }));
    assert.equal(fromOf(r.dockerfile), 'gcr.io/distroless/static-debian12:nonroot', r.dockerfile);
    assert.ok(!r.reasons.some((x) => x.includes('chosen because the program runs')), r.reasons.join('\n'));
  });

  it('a variable whose values name no shell (a program of its own): distroless stays', async () => {
    const r = await gen(tree(shell2http, { 'config.go': shell2httpConfig('cfg.defaultShell, cfg.defaultShOpt = "date", "-u"') }));
    assert.equal(fromOf(r.dockerfile), 'gcr.io/distroless/static-debian12:nonroot', r.dockerfile);
  });
});

// adnanh/webhook at f187592147f3a691bc1dc872728f8d6662595ea4 (tag 2.8.1, MIT): go.mod `module
// github.com/adnanh/webhook`, `go 1.14`; webhook.go:33 `port = flag.Int("port", 9000, …)`, :86
// `flag.Var(&hooksFiles, "hooks", "path to the json file containing defined hooks the webhook
// should serve, use multiple times to load from different files")`, :114-115 `if len(hooksFiles)
// == 0 { hooksFiles = append(hooksFiles, "hooks.json") }`, :223 `log.Fatalln("couldn't load any
// hooks from file! …")`, :577 `cmd := exec.Command(cmdPath)` (the hook's execute-command, a
// #!/bin/sh script in hooks.json.example). On distroless: `fork/exec /hooks/deploy.sh: no such file
// or directory` (judge 43 G G2, G6).
const webhookMain = (exec: string) => [
  'package main',
  '',
  'import (',
  '\t"encoding/json"',
  '\t"flag"',
  '\t"log"',
  '\t"net/http"',
  '\t"os"',
  '\t"os/exec"',
  '\t"strconv"',
  ')',
  '',
  'type hooksFlag []string',
  '',
  'func (h *hooksFlag) String() string     { return "" }',
  'func (h *hooksFlag) Set(v string) error { *h = append(*h, v); return nil }',
  '',
  'var (',
  '\tport       = flag.Int("port", 9000, "port the webhook should serve hooks on")',
  '\thooksFiles hooksFlag',
  ')',
  '',
  'type Hook struct {',
  '\tExecuteCommand string `json:"execute-command"`',
  '}',
  '',
  'func main() {',
  '\tflag.Var(&hooksFiles, "hooks", "path to the json file containing defined hooks")',
  '\tflag.Parse()',
  '\tif len(hooksFiles) == 0 {',
  '\t\thooksFiles = append(hooksFiles, "hooks.json")',
  '\t}',
  '\tvar hooks []Hook',
  '\tfor _, f := range hooksFiles {',
  '\t\tb, err := os.ReadFile(f)',
  '\t\tif err == nil {',
  '\t\t\tjson.Unmarshal(b, &hooks)',
  '\t\t}',
  '\t}',
  '\tif len(hooks) == 0 {',
  '\t\tlog.Fatalln("couldn\'t load any hooks from file!")',
  '\t}',
  '\thttp.HandleFunc("/hooks/", func(w http.ResponseWriter, r *http.Request) {',
  '\t\tcmdPath := hooks[0].ExecuteCommand',
  `\t\tcmd := ${exec}`,
  '\t\tout, _ := cmd.CombinedOutput()',
  '\t\tw.Write(out)',
  '\t})',
  '\tlog.Fatal(http.ListenAndServe(":"+strconv.Itoa(*port), nil))',
  '}',
  '',
].join('\n');
const webhook: Record<string, string | null> = {
  'go.mod': 'module github.com/adnanh/webhook\n\ngo 1.14\n',
  'webhook.go': webhookMain('exec.Command(cmdPath)'),
  'hooks.json.example': '[{"id":"redeploy-webhook","execute-command":"/var/scripts/redeploy.sh","command-working-directory":"/var/webhook"}]\n',
};

describe('2. commands named at run time on a runtime without a shell or tools (G2)', () => {
  it('webhook: exec.Command(cmdPath), the hook\'s command: distroless, and a Check naming the call and --runtime debian', async () => {
    const r = await gen(tree(webhook, {}));
    assert.equal(fromOf(r.dockerfile), 'gcr.io/distroless/static-debian12:nonroot', r.dockerfile);
    const w = r.warnings.find((x) => x.startsWith('The program runs commands named at run time'));
    assert.ok(w, r.warnings.join('\n'));
    assert.match(w, /exec\.Command\(cmdPath\) in webhook\.go/);
    assert.match(w, /--runtime debian/);
  });

  it('asked for debian: no such Check (the runtime has a shell and the basic tools)', async () => {
    const r = await gen(tree(webhook, {}), { runtime: 'debian' });
    assert.ok(!r.warnings.some((x) => x.startsWith('The program runs commands named at run time')), r.warnings.join('\n'));
  });

  it('a call on a variable not named for a command (a plugin binary, an editor): no such Check', async () => {
    const r = await gen(tree(webhook, { 'webhook.go': webhookMain('exec.Command(cmdPath)').replace(/cmdPath/g, 'binary') }));
    assert.ok(!r.warnings.some((x) => x.startsWith('The program runs commands named at run time')), r.warnings.join('\n'));
  });

  it('a program named by a literal: no such Check (the missing-program Check names it)', async () => {
    const r = await gen(tree(webhook, { 'webhook.go': webhookMain('exec.Command("/usr/bin/true", cmdPath)') }));
    assert.ok(!r.warnings.some((x) => x.startsWith('The program runs commands named at run time')), r.warnings.join('\n'));
  });
});

describe('5. the file a list flag defaults to (G6)', () => {
  it('webhook: hooks.json when no -hooks is given, and the context has none: a Check names it', async () => {
    const r = await gen(tree(webhook, {}));
    const w = r.warnings.find((x) => x.includes('reads hooks.json at run time'));
    assert.ok(w, r.warnings.join('\n'));
    assert.match(w, /flag -hooks, "hooks\.json" when none is given/);
  });

  it('the repository has hooks.json: copied to /app, no Check', async () => {
    const r = await gen(tree(webhook, { 'hooks.json': '[]\n' }));
    assert.ok(!r.warnings.some((x) => x.includes('reads hooks.json at run time')), r.warnings.join('\n'));
    assert.match(r.dockerfile, /^COPY hooks\.json \/app\/hooks\.json$/m, r.dockerfile);
  });

  it('no default appended: nothing named', async () => {
    const r = await gen(tree(webhook, { 'webhook.go': webhookMain('exec.Command(cmdPath)').replace('\t\thooksFiles = append(hooksFiles, "hooks.json")\n', '\t\tlog.Fatalln("no -hooks")\n') }));
    assert.ok(!r.warnings.some((x) => x.includes('hooks.json')), r.warnings.join('\n'));
  });
});

// heroku/go-getting-started at 5348426747883ca733c53d98ed4bfd2a6f472582 (no LICENSE file at this
// commit; skeleton of the shape only): go.mod `go 1.17`; main.go:12-17 `port := os.Getenv("PORT")`,
// `if port == "" { log.Fatal("$PORT must be set") }`, :28 `router.Run(":" + port)`. The generated
// image exited `$PORT must be set` (judge 43 G G3).
const herokuMain = (check: string) => [
  'package main',
  '',
  'import (',
  '\t"log"',
  '\t"net/http"',
  '\t"os"',
  ')',
  '',
  'func main() {',
  '\tport := os.Getenv("PORT")',
  '',
  check,
  '',
  '\thttp.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("hi")) })',
  '\tlog.Fatal(http.ListenAndServe(":"+port, nil))',
  '}',
  '',
].join('\n');
const heroku: Record<string, string | null> = {
  'go.mod': 'module github.com/heroku/go-getting-started\n\ngo 1.17\n',
  'main.go': herokuMain('\tif port == "" {\n\t\tlog.Fatal("$PORT must be set")\n\t}'),
};

describe('3. a port variable the program stops without (G3)', () => {
  it('go-getting-started: ENV PORT=8080 and EXPOSE 8080, the reason naming main.go:12 and the message', async () => {
    const r = await gen(tree(heroku, {}));
    assert.match(r.dockerfile, /^ENV PORT=8080$/m, r.dockerfile);
    assert.match(r.dockerfile, /^EXPOSE 8080$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('ENV PORT=8080 and EXPOSE 8080: the program stops at start without $PORT (main.go:12 "$PORT must be set")')), r.reasons.join('\n'));
    assert.ok(!r.reasons.some((x) => x.startsWith('No EXPOSE')), r.reasons.join('\n'));
  });

  it('a default filled in when it is empty (`port = "5000"`): EXPOSE 5000, no ENV', async () => {
    const r = await gen(tree(heroku, { 'main.go': herokuMain('\tif port == "" {\n\t\tport = "5000"\n\t}') }));
    assert.match(r.dockerfile, /^EXPOSE 5000$/m, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /^ENV PORT/m, r.dockerfile);
  });

  it('a check inside a branch (one configuration\'s, kafka_exporter\'s SASL_OAUTHBEARER_TOKEN_URL): no ENV, no Check', async () => {
    const main = herokuMain('\tif len(os.Args) > 1 {\n\t\tif port == "" {\n\t\t\tlog.Fatal("$PORT must be set")\n\t\t}\n\t}');
    const r = await gen(tree(heroku, { 'main.go': main }));
    assert.doesNotMatch(r.dockerfile, /^ENV PORT/m, r.dockerfile);
    assert.ok(!r.warnings.some((x) => x.includes('stops at start without $PORT')), r.warnings.join('\n'));
  });

  it('asked for a port: that one, no ENV', async () => {
    const r = await gen(tree(heroku, {}), { port: 9000 });
    assert.match(r.dockerfile, /^EXPOSE 9000$/m, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /^ENV PORT/m, r.dockerfile);
  });

  it('another variable the program stops without: a Check, no ENV', async () => {
    const main = herokuMain('\tif port == "" {\n\t\tport = "5000"\n\t}').replace('\tport := os.Getenv("PORT")\n', '\tport := os.Getenv("PORT")\n\ttoken := os.Getenv("API_TOKEN")\n\tif token == "" {\n\t\tlog.Fatal("API_TOKEN must be set")\n\t}\n');
    const r = await gen(tree(heroku, { 'main.go': main }));
    const w = r.warnings.find((x) => x.startsWith('The program stops at start without $API_TOKEN'));
    assert.ok(w, r.warnings.join('\n'));
    assert.match(w, /main\.go:\d+ checks that it is set \("API_TOKEN must be set"\)/);
    assert.doesNotMatch(r.dockerfile, /^ENV API_TOKEN/m, r.dockerfile);
  });
});

// halverneus/static-file-server at fe6a3d4715033010c818ab32930fe40bf2d55a47 (MIT): go.mod `module
// github.com/halverneus/static-file-server`, `go 1.18`; config/config.go:39-56 `portKey = "PORT"`,
// `defaultPort = uint16(8080)`, Load reads `os.Getenv(portKey)`; bin/serve/main.go listens on
// `fmt.Sprintf(":%d", config.Get.Port)`; Dockerfile:27 `EXPOSE 8080`, :33 `ENTRYPOINT ["/serve"]`.
// No EXPOSE was generated (judge 43 G G4).
const sfsConfig = (defaults: string) => [
  'package config',
  '',
  'import (',
  '\t"os"',
  '\t"strconv"',
  ')',
  '',
  'var Get struct {',
  '\tFolder string',
  '\tPort   uint16',
  '}',
  '',
  'const (',
  '\tfolderKey = "FOLDER"',
  '\tportKey   = "PORT"',
  ')',
  '',
  'const (',
  '\tdefaultFolder = "/web"',
  defaults,
  ')',
  '',
  'func Load() {',
  '\tGet.Folder = defaultFolder',
  '\tif v := os.Getenv(folderKey); v != "" {',
  '\t\tGet.Folder = v',
  '\t}',
  '\tif v, err := strconv.ParseUint(os.Getenv(portKey), 0, 16); err == nil {',
  '\t\tGet.Port = uint16(v)',
  '\t}',
  '}',
  '',
].join('\n');
const sfs: Record<string, string | null> = {
  'go.mod': 'module github.com/halverneus/static-file-server\n\ngo 1.18\n',
  'config/config.go': sfsConfig('\tdefaultPort   = uint16(8080)'),
  'bin/serve/main.go': 'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n\n\t"github.com/halverneus/static-file-server/config"\n)\n\nfunc main() {\n\tconfig.Load()\n\thttp.ListenAndServe(fmt.Sprintf(":%d", config.Get.Port), http.FileServer(http.Dir(config.Get.Folder)))\n}\n',
  'Dockerfile': 'FROM golang:1.22.4 as builder\nENV CGO_ENABLED 0\nWORKDIR /build\nCOPY . .\nRUN go build -a -tags netgo -installsuffix netgo -ldflags "-s -w" -o /serve /build/bin/serve\n\nFROM scratch\nEXPOSE 8080\nCOPY --from=builder /serve /\nENTRYPOINT ["/serve"]\n',
};

// openfaas/of-watchdog at 77e0a2ed5b2fad563ac9ce3bb317137b9285a9ca (0.9.11, MIT):
// config/config.go:130 `TCPPort: getInt(envMap, "port", 8080)`; main.go listens on
// `fmt.Sprintf(":%d", watchdogConfig.TCPPort)`; executor/http_runner.go:46 `exec.Command(f.Process,
// f.ProcessArgs...)` with fprocess from the environment.
const watchdog: Record<string, string | null> = {
  'go.mod': 'module github.com/openfaas/of-watchdog\n\ngo 1.19\n',
  'config/config.go': 'package config\n\nimport (\n\t"os"\n\t"strconv"\n)\n\ntype WatchdogConfig struct {\n\tTCPPort int\n\tProcess string\n}\n\nfunc New(env []string) WatchdogConfig {\n\tenvMap := map[string]string{}\n\t_ = env\n\treturn WatchdogConfig{\n\t\tTCPPort: getInt(envMap, "port", 8080),\n\t\tProcess: os.Getenv("fprocess"),\n\t}\n}\n\nfunc getInt(env map[string]string, key string, defaultValue int) int {\n\tif v, ok := env[key]; ok {\n\t\tif n, err := strconv.Atoi(v); err == nil {\n\t\t\treturn n\n\t\t}\n\t}\n\treturn defaultValue\n}\n',
  'executor/http_runner.go': 'package executor\n\nimport "os/exec"\n\ntype HTTPFunctionRunner struct{ Process string }\n\nfunc (f *HTTPFunctionRunner) Start() error {\n\tcmd := exec.Command(f.Process)\n\treturn cmd.Start()\n}\n',
  'main.go': 'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n\t"os"\n\n\t"github.com/openfaas/of-watchdog/config"\n\t"github.com/openfaas/of-watchdog/executor"\n)\n\nfunc main() {\n\tc := config.New(os.Environ())\n\tr := &executor.HTTPFunctionRunner{Process: c.Process}\n\tr.Start()\n\thttp.ListenAndServe(fmt.Sprintf(":%d", c.TCPPort), nil)\n}\n',
};

describe('4. a port from an environment variable with a default, and the project\'s EXPOSE (G4)', () => {
  it('static-file-server: os.Getenv(portKey) with defaultPort = 8080: EXPOSE 8080, the project\'s Dockerfile agreeing', async () => {
    const r = await gen(tree(sfs, {}), { package: './bin/serve' });
    assert.match(r.dockerfile, /^EXPOSE 8080$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('EXPOSE 8080: the program listens on the port $PORT says, 8080 by default (os.Getenv(portKey) with defaultPort = 8080') && x.includes('Dockerfile:8 EXPOSE 8080')), r.reasons.join('\n'));
    assert.doesNotMatch(r.dockerfile, /^ENV PORT/m, r.dockerfile);
  });

  it('another endpoint\'s port variable (docker/mcp-gateway\'s MCP_GATEWAY_OAUTH_PORT, an OAuth callback) with a default, no Dockerfile: no EXPOSE', async () => {
    const r = await gen(tree(sfs, { 'config/config.go': sfsConfig('\tdefaultPort   = uint16(8080)').replace('portKey   = "PORT"', 'portKey   = "MCP_GATEWAY_OAUTH_PORT"'), 'Dockerfile': null }), { package: './bin/serve' });
    assert.doesNotMatch(r.dockerfile, /^EXPOSE/m, r.dockerfile);
  });

  it('no default in the sources: the project\'s Dockerfile\'s EXPOSE for this binary', async () => {
    const r = await gen(tree(sfs, { 'config/config.go': sfsConfig('') }), { package: './bin/serve' });
    assert.match(r.dockerfile, /^EXPOSE 8080$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('EXPOSE 8080: the project\'s image exposes it for this binary (Dockerfile:8 EXPOSE 8080)')), r.reasons.join('\n'));
  });

  it('no default, and the project\'s Dockerfile starts another binary: no EXPOSE', async () => {
    const r = await gen(tree(sfs, { 'config/config.go': sfsConfig(''), 'Dockerfile': sfs.Dockerfile!.replace(/serve/g, 'other') }), { package: './bin/serve' });
    assert.doesNotMatch(r.dockerfile, /^EXPOSE/m, r.dockerfile);
  });

  it('of-watchdog: getInt(envMap, "port", 8080): EXPOSE 8080, and the Check for the command it runs', async () => {
    const r = await gen(tree(watchdog, {}));
    assert.match(r.dockerfile, /^EXPOSE 8080$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('EXPOSE 8080: the program listens on the port $port says, 8080 by default (getInt(envMap, "port", 8080) in config/config.go)')), r.reasons.join('\n'));
    assert.ok(r.warnings.some((x) => x.startsWith('The program runs commands named at run time (exec.Command(f.Process) in executor/http_runner.go)')), r.warnings.join('\n'));
  });

  it('a flag helper, not the environment (`flag.Int("port", …)` is the flag reader\'s): not read as an environment default', async () => {
    const cfg = watchdog['config/config.go']!.replace('getInt(envMap, "port", 8080)', 'lookup(values, "port", 8080)').replace('func getInt(env map', 'func lookup(env map');
    const r = await gen(tree(watchdog, { 'config/config.go': cfg }));
    assert.doesNotMatch(r.dockerfile, /^EXPOSE/m, r.dockerfile);
  });
});
