/**
 * The generator on real repositories of round 16 (helper "gen35b"): each case is a small skeleton
 * of a real repository (the files, go.mod and the few Go lines that matter), with its repository,
 * commit and licence above it, plus the variants that keep the old behaviour where it is right.
 *
 * 1. A listen address a function of another package builds from a port constant (gatus's
 *    `cfg.Web.SocketAddress()`, longhorn-manager's `types.GetAPIServerAddressFromIP(ip)`).
 * 2. A configuration file or folder read relative to the working directory: gatus's
 *    config/config.yaml, which the repository holds at its root; kube-bench's cfg/ (big, YAML only).
 * 3. Programs run by their absolute path (kube-bench's `/bin/ps`, `/bin/sh`), and zip.
 * 4. urfave/cli flags of subcommands the image does not run (croc's `send --port`): no EXPOSE, a Check.
 * 5. C libraries the program's own cgo packages link (filestash's `#cgo LDFLAGS: -l:libjpeg.a`,
 *    `#cgo pkg-config: libavformat`): a Check names them and their -dev packages.
 * 6. A browser driven through chromedp or go-rod (gowitness): a Check.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';
import { fileExecs, programsRun } from '../../server/src/workspace/programsRun';

const { workspace, gen } = generatorTrees('judge16');

// TwiN/gatus at 08c4635 (Apache-2.0): main.go loads config.LoadConfiguration; config/config.go
// `DefaultConfigurationFilePath = "config/config.yaml"`; config/web/web.go `DefaultPort = 8080`,
// `Port: DefaultPort` and `func (web *Config) SocketAddress() string { return
// fmt.Sprintf("%s:%d", web.Address, web.Port) }`; controller/controller.go (fiber)
// `app.Listen(cfg.Web.SocketAddress())`. The repository's config.yaml is at its root.
function gatus(opts: { web?: string; rootConfig?: boolean; configDirFile?: boolean } = {}): string {
  const web = opts.web ?? 'package web\n\nimport "fmt"\n\nconst (\n\tDefaultAddress = "0.0.0.0"\n\tDefaultPort = 8080\n)\n\ntype Config struct {\n\tAddress string `yaml:"address"`\n\tPort int `yaml:"port"`\n}\n\nfunc GetDefaultConfig() *Config {\n\treturn &Config{\n\t\tAddress: DefaultAddress,\n\t\tPort:    DefaultPort,\n\t}\n}\n\nfunc (web *Config) ValidateAndSetDefaults() {\n\tif web.Port == 0 {\n\t\tweb.Port = DefaultPort\n\t}\n}\n\nfunc (web *Config) SocketAddress() string {\n\treturn fmt.Sprintf("%s:%d", web.Address, web.Port)\n}\n';
  return workspace({
    'go.mod': 'module github.com/TwiN/gatus/v5\n\ngo 1.26\n\nrequire github.com/gofiber/fiber/v2 v2.52.0\n',
    'go.sum': '',
    'main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/TwiN/gatus/v5/config"\n\t"github.com/TwiN/gatus/v5/controller"\n)\n\nfunc main() {\n\tcfg, err := config.LoadConfiguration(os.Getenv("GATUS_CONFIG_PATH"))\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\tcontroller.Handle(cfg)\n}\n',
    'config/config.go': 'package config\n\nimport (\n\t"os"\n\n\t"github.com/TwiN/gatus/v5/config/web"\n)\n\nconst (\n\tDefaultConfigurationFilePath = "config/config.yaml"\n)\n\ntype Config struct {\n\tWeb *web.Config\n}\n\nfunc LoadConfiguration(p string) (*Config, error) {\n\tfor _, c := range []string{p, DefaultConfigurationFilePath} {\n\t\tif _, err := os.Stat(c); err == nil {\n\t\t\treturn &Config{Web: web.GetDefaultConfig()}, nil\n\t\t}\n\t}\n\treturn nil, os.ErrNotExist\n}\n',
    'config/web/web.go': web,
    'controller/controller.go': 'package controller\n\nimport (\n\t"github.com/TwiN/gatus/v5/config"\n\t"github.com/gofiber/fiber/v2"\n)\n\nfunc Handle(cfg *config.Config) {\n\tapp := fiber.New()\n\tif err := app.Listen(cfg.Web.SocketAddress()); err != nil {\n\t\tpanic(err)\n\t}\n}\n',
    ...(opts.rootConfig !== false ? { 'config.yaml': 'endpoints:\n  - name: example\n    url: "https://example.org"\n' } : {}),
    ...(opts.configDirFile ? { 'config/config.yaml': 'endpoints: []\n' } : {}),
  });
}

// longhorn/longhorn-manager at 5ddaa36 (Apache-2.0): app/daemon.go `listen :=
// types.GetAPIServerAddressFromIP(currentIP)` then `http.ListenAndServe(listen, router)`;
// types/types.go `DefaultAPIPort = 9500` and `return net.JoinHostPort(ip, strconv.Itoa(DefaultAPIPort))`;
// controller/system_backup_controller.go `exec.Command("zip", …)`.
function longhorn(types = 'package types\n\nimport (\n\t"net"\n\t"strconv"\n)\n\nconst (\n\tDefaultAPIPort = 9500\n)\n\nfunc GetAPIServerAddressFromIP(ip string) string {\n\treturn net.JoinHostPort(ip, strconv.Itoa(DefaultAPIPort))\n}\n'): string {
  return workspace({
    'go.mod': 'module github.com/longhorn/longhorn-manager\n\ngo 1.26\n',
    'go.sum': '',
    'main.go': 'package main\n\nimport "github.com/longhorn/longhorn-manager/app"\n\nfunc main() {\n\tapp.Run("10.0.0.1")\n}\n',
    'app/daemon.go': 'package app\n\nimport (\n\t"net/http"\n\n\t"github.com/longhorn/longhorn-manager/controller"\n\t"github.com/longhorn/longhorn-manager/types"\n)\n\nfunc Run(currentIP string) {\n\tcontroller.Backup()\n\tlisten := types.GetAPIServerAddressFromIP(currentIP)\n\tif err := http.ListenAndServe(listen, nil); err != nil {\n\t\tpanic(err)\n\t}\n}\n',
    'types/types.go': types,
    'controller/system_backup_controller.go': 'package controller\n\nimport "os/exec"\n\nfunc Backup() error {\n\treturn exec.Command("zip", "-r", "a.zip", "d").Run()\n}\n',
  });
}

describe('1. a listen address built by a function of another package from a port constant', () => {
  it('gatus: app.Listen(cfg.Web.SocketAddress()), Port set to DefaultPort = 8080 in config/web → EXPOSE 8080', async () => {
    const r = await gen(gatus());
    assert.match(r.dockerfile, /^EXPOSE 8080$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('SocketAddress() returns fmt.Sprintf("%s:%d", web.Address, web.Port) with Port set to DefaultPort = 8080 (config/web/web.go)')), r.reasons.join('\n'));
  });

  it('longhorn-manager: listen := types.GetAPIServerAddressFromIP(ip), net.JoinHostPort(ip, strconv.Itoa(DefaultAPIPort)) → EXPOSE 9500', async () => {
    const r = await gen(longhorn());
    assert.match(r.dockerfile, /^EXPOSE 9500$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('GetAPIServerAddressFromIP() returns net.JoinHostPort(ip, strconv.Itoa(DefaultAPIPort)) with DefaultAPIPort = 9500 (types/types.go)')), r.reasons.join('\n'));
  });

  it('negative: a field set to two constants, or a port from configuration, is not read', async () => {
    const two = 'package web\n\nimport "fmt"\n\nconst (\n\tDefaultPort = 8080\n\tTLSPort = 8443\n)\n\ntype Config struct {\n\tAddress string\n\tPort int\n}\n\nfunc GetDefaultConfig() *Config {\n\treturn &Config{Port: DefaultPort}\n}\n\nfunc (web *Config) TLS() {\n\tweb.Port = TLSPort\n}\n\nfunc (web *Config) SocketAddress() string {\n\treturn fmt.Sprintf("%s:%d", web.Address, web.Port)\n}\n';
    const r = await gen(gatus({ web: two }));
    assert.doesNotMatch(r.dockerfile, /^EXPOSE/m, r.dockerfile);
    const configured = await gen(longhorn('package types\n\nimport (\n\t"net"\n\t"os"\n)\n\nfunc GetAPIServerAddressFromIP(ip string) string {\n\treturn net.JoinHostPort(ip, os.Getenv("PORT"))\n}\n'));
    assert.doesNotMatch(configured.dockerfile, /^EXPOSE/m, configured.dockerfile);
  });
});

describe('2. configuration read relative to the working directory', () => {
  it('gatus: config/config.yaml is absent, the root config.yaml is copied there, with a reason', async () => {
    const r = await gen(gatus());
    assert.match(r.dockerfile, /^COPY config\.yaml \/app\/config\/config\.yaml$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('config.yaml is copied to /app/config/config.yaml (the context has no config/config.yaml; config.yaml is the repository\'s file of that name)')), r.reasons.join('\n'));
  });

  it('negative: config/config.yaml committed → that one; no file of that name anywhere → nothing copied', async () => {
    const own = await gen(gatus({ configDirFile: true }));
    assert.match(own.dockerfile, /^COPY config\/config\.yaml \/app\/config\/config\.yaml$/m, own.dockerfile);
    assert.doesNotMatch(own.dockerfile, /^COPY config\.yaml /m, own.dockerfile);
    const none = await gen(gatus({ rootConfig: false }));
    assert.doesNotMatch(none.dockerfile, /config\.yaml/, none.dockerfile);
  });

  // aquasecurity/kube-bench at a73ce37 (Apache-2.0): cmd/root.go `cfgDir = "./cfg/"` (the
  // --config-dir default), cfg/ holds 276 benchmark YAML files (3.5 MB); cmd/util.go runs
  // `exec.Command("/bin/ps", "-C", proc, …)`, check/check.go `exec.Command("/bin/sh")`.
  function kubeBench(extra: Record<string, string> = {}): string {
    const files: Record<string, string> = {
      'go.mod': 'module github.com/aquasecurity/kube-bench\n\ngo 1.26\n',
      'go.sum': '',
      'main.go': 'package main\n\nimport "github.com/aquasecurity/kube-bench/cmd"\n\nfunc main() {\n\tcmd.Execute()\n}\n',
      'cmd/root.go': 'package cmd\n\nimport (\n\t"os"\n\t"path/filepath"\n)\n\nvar (\n\tcfgDir = "./cfg/"\n)\n\nfunc Execute() {\n\t_, _ = os.ReadFile(filepath.Join(cfgDir, "config.yaml"))\n\tps("kubelet")\n}\n',
      'cmd/util.go': 'package cmd\n\nimport "os/exec"\n\nfunc ps(proc string) string {\n\tout, _ := exec.Command("/bin/ps", "-C", proc, "-o", "cmd", "--no-headers").Output()\n\treturn string(out)\n}\n',
      ...extra,
    };
    // Many YAML files: more than the 100 files a configuration folder is copied with otherwise.
    for (let i = 0; i < 120; i++) files[`cfg/cis-1.${i}/master.yaml`] = `controls:\n  id: ${i}\n`;
    files['cfg/config.yaml'] = 'master:\n  components: []\n';
    return workspace(files);
  }

  it('kube-bench: cfg/ (cfgDir = "./cfg/", 121 YAML files) is copied to /app/cfg', async () => {
    const r = await gen(kubeBench());
    assert.match(r.dockerfile, /^COPY cfg \/app\/cfg$/m, r.dockerfile);
  });

  it('negative: a cfg/ folder with other files than configuration stays under the usual limit (not copied, a Check)', async () => {
    const extra: Record<string, string> = {};
    for (let i = 0; i < 5; i++) extra[`cfg/tools/t${i}.bin`] = 'x';
    const r = await gen(kubeBench(extra));
    assert.doesNotMatch(r.dockerfile, /^COPY cfg /m, r.dockerfile);
    assert.ok(r.warnings.some((x) => x.includes('cfg is not copied into the image because it is big')), r.warnings.join('\n'));
  });

  it('kube-bench: /bin/ps is a program the image needs → debian with procps', async () => {
    const r = await gen(kubeBench());
    assert.match(r.dockerfile, /^FROM debian:bookworm-slim$/m, r.dockerfile);
    assert.match(r.dockerfile, /apt-get install -y --no-install-recommends procps/, r.dockerfile);
  });
});

describe('3. programs run by their path, and zip', () => {
  it('exec.Command("/bin/sh"), "/usr/bin/ps" count by their path', () => {
    const runs = programsRun([{ file: 'a.go', execs: fileExecs('package a\n\nimport "os/exec"\n\nfunc f() {\n\texec.Command("/bin/sh", "-c", "x").Run()\n\texec.Command("/usr/bin/ps").Run()\n}\n') }]);
    assert.deepEqual(runs.map((r) => r.name), ['/bin/sh', '/usr/bin/ps']);
  });

  it('negative: a path outside the system bin folders (a relative script, /opt/tool/run) is not counted', () => {
    const runs = programsRun([{ file: 'a.go', execs: fileExecs('package a\n\nimport "os/exec"\n\nfunc f() {\n\texec.Command("./run.sh").Run()\n\texec.Command("/opt/tool/run").Run()\n}\n') }]);
    assert.deepEqual(runs, []);
  });

  it('longhorn-manager: zip is installed in the debian runtime, no Check about it', async () => {
    const r = await gen(longhorn());
    assert.match(r.dockerfile, /apt-get install -y --no-install-recommends zip\b/, r.dockerfile);
    assert.ok(!r.warnings.some((x) => x.includes('runs zip')), r.warnings.join('\n'));
  });
});

// schollz/croc at 3cdb6c7 (MIT), src/cli/cli.go: urfave/cli v2, `app.Action` receives (the root
// runs); `app.Commands = []*cli.Command{{Name: "send", … Flags: […, &cli.IntFlag{Name: "port",
// Value: 9009, Usage: "base port for the relay"}]}, {Name: "relay", … Flags: […port 9009…]}}`.
function croc(second = '{\n\t\t\tName:   "relay",\n\t\t\tUsage:  "start your own relay (optional)",\n\t\t\tAction: relay,\n\t\t\tFlags: []cli.Flag{\n\t\t\t\t&cli.IntFlag{Name: "port", Value: 9009, Usage: "base port for the relay"},\n\t\t\t},\n\t\t}'): string {
  return workspace({
    'go.mod': 'module github.com/schollz/croc/v10\n\ngo 1.26\n\nrequire github.com/urfave/cli/v2 v2.27.0\n',
    'go.sum': '',
    'main.go': `package main\n\nimport (\n\t"os"\n\n\t"github.com/urfave/cli/v2"\n)\n\nfunc main() {\n\tapp := cli.NewApp()\n\tapp.Name = "croc"\n\tapp.Commands = []*cli.Command{\n\t\t{\n\t\t\tName:   "send",\n\t\t\tUsage:  "send file(s), or folder",\n\t\t\tAction: send,\n\t\t\tFlags: []cli.Flag{\n\t\t\t\t&cli.IntFlag{Name: "port", Value: 9009, Usage: "base port for the relay"},\n\t\t\t},\n\t\t},\n\t\t${second},\n\t}\n\tapp.Action = receive\n\t_ = app.Run(os.Args)\n}\n\nfunc send(c *cli.Context) error { return nil }\nfunc relay(c *cli.Context) error { return nil }\nfunc serve(c *cli.Context) error { return nil }\nfunc receive(c *cli.Context) error { return nil }\n`,
  });
}

describe('4. urfave/cli flags of subcommands the image does not run', () => {
  it('croc: the root command runs; send/relay --port 9009 are theirs → no EXPOSE, a Check', async () => {
    const r = await gen(croc());
    assert.doesNotMatch(r.dockerfile, /^EXPOSE/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('flag --port default 9009 of the send subcommand (main.go), flag --port default 9009 of the relay subcommand (main.go)')), r.reasons.join('\n'));
    assert.ok(r.warnings.some((x) => x.startsWith('The image runs the program\'s root command, which names no listen address or port flag of its own; port flags belong to its subcommands (--port 9009 (send, main.go), --port 9009 (relay, main.go))')), r.warnings.join('\n'));
  });

  it('negative: a `serve` subcommand with the port flag → CMD ["serve"] and EXPOSE 9009, no Check', async () => {
    const r = await gen(croc('{\n\t\t\tName:   "serve",\n\t\t\tAction: serve,\n\t\t\tFlags: []cli.Flag{\n\t\t\t\t&cli.IntFlag{Name: "port", Value: 9009},\n\t\t\t},\n\t\t}'));
    assert.match(r.dockerfile, /^CMD \["serve"\]$/m, r.dockerfile);
    assert.match(r.dockerfile, /^EXPOSE 9009$/m, r.dockerfile);
    assert.ok(!r.warnings.some((x) => x.includes('port flags belong to its subcommands')), r.warnings.join('\n'));
  });
});

// mickael-kerjean/filestash at ce30865 (AGPL-3.0): server/plugin/plg_image_c/image_jpeg_linux.go
// `#cgo LDFLAGS: -l:libjpeg.a`, image_raw_linux.go `-l:libjpeg.a -l:libraw.a -fopenmp
// -l:libstdc++.a -llcms2 -lm`; plg_video_transcoder/libav/transcode.go `#cgo pkg-config:
// libavformat libavcodec`; plg_image_light/lib_resize_linux_amd64.go `-L./deps
// -l:libresize_linux_amd64.a` (an archive the repository holds).
function filestash(files: Record<string, string>): string {
  return workspace({
    'go.mod': 'module github.com/mickael-kerjean/filestash\n\ngo 1.26\n',
    'go.sum': '',
    'cmd/main.go': 'package main\n\nimport (\n\t"github.com/mickael-kerjean/filestash/server/plugin/plg_image_c"\n)\n\nfunc main() {\n\tplg_image_c.Run()\n}\n',
    ...files,
  });
}

describe('5. C libraries the program\'s own cgo packages link', () => {
  const filestashC = {
    'server/plugin/plg_image_c/image_jpeg_linux.go': 'package plg_image_c\n\n// #cgo LDFLAGS: -l:libjpeg.a\n// #include <jpeglib.h>\nimport "C"\n',
    'server/plugin/plg_image_c/image_raw_linux.go': 'package plg_image_c\n\n// #cgo LDFLAGS: -l:libjpeg.a -l:libraw.a -fopenmp -l:libstdc++.a -llcms2 -lm\nimport "C"\n',
    'server/plugin/plg_image_c/image_jpeg_freebsd.go': 'package plg_image_c\n\n// #cgo LDFLAGS: -L /usr/local/lib -l:libyuv.a\nimport "C"\n',
    'server/plugin/plg_image_c/av.go': 'package plg_image_c\n\n// #cgo pkg-config: libavformat libavcodec\nimport "C"\n\nfunc Run() {}\n',
  };
  it('filestash: -l:libjpeg.a, -llcms2, pkg-config libavformat → installed on debian-slim (all have known Debian packages)', async () => {
    const r = await gen(filestash(filestashC));
    assert.match(r.dockerfile, /apt-get install -y --no-install-recommends libavcodec-dev libavformat-dev libjpeg-dev liblcms2-dev libraw-dev \\/, r.dockerfile);
    // The runtime gets the shared libraries alone: the static archives (libjpeg.a, libraw.a) are in the binary.
    assert.match(r.dockerfile, /^FROM debian:bookworm-slim\n.*\nRUN apt-get update \\\n {4}&& apt-get install -y --no-install-recommends libavcodec59 libavformat59 liblcms2-2 \\/m, r.dockerfile);
    assert.ok(!r.warnings.some((x) => x.startsWith('The cgo build links C libraries')), r.warnings.join('\n'));
  });

  it('filestash, --runtime distroless: a Check with the Debian -dev packages, naming --runtime debian', async () => {
    const r = await gen(filestash(filestashC), { runtime: 'distroless' });
    const w = r.warnings.find((x) => x.startsWith('The cgo build links C libraries the builder image does not have'));
    assert.ok(w, r.warnings.join('\n'));
    assert.ok(w.includes('--runtime debian installs them'), w);
    assert.ok(w.includes('pkg-config libavformat') && w.includes('-l:libjpeg.a') && w.includes('-llcms2'), w);
    // Linked dynamically: the runtime needs them too; the static archives only the build.
    assert.ok(w.includes('pkg-config libavformat, pkg-config libavcodec, -llcms2 are linked dynamically'), w);
    assert.ok(w.includes('apt-get install -y --no-install-recommends libavformat-dev libavcodec-dev libjpeg-dev libraw-dev liblcms2-dev)'), w);
    // The freebsd file and libc's own libraries are not named.
    assert.ok(!w.includes('yuv') && !w.includes('-lm') && !w.includes('stdc++'), w);
  });

  it('negative: libc\'s libraries only, or an archive the repository holds in its -L folder → no Check', async () => {
    const r = await gen(filestash({
      'server/plugin/plg_image_c/lib.go': 'package plg_image_c\n\n// #cgo LDFLAGS: -lm -lpthread -ldl -L./deps -l:libresize_linux_amd64.a\nimport "C"\n\nfunc Run() {}\n',
      'server/plugin/plg_image_c/deps/libresize_linux_amd64.a': 'x',
    }));
    assert.ok(!r.warnings.some((x) => x.includes('links C libraries')), r.warnings.join('\n'));
  });
});

// sensepost/gowitness at 4f56290 (GPL-3.0): pkg/runner/drivers imports github.com/chromedp/chromedp
// and github.com/go-rod/rod, which find Chrome by path lookup (launcher.LookPath).
describe('6. a browser driven through a library', () => {
  function gowitness(imports: string): string {
    return workspace({
      'go.mod': 'module github.com/sensepost/gowitness\n\ngo 1.26\n\nrequire (\n\tgithub.com/chromedp/chromedp v0.11.0\n\tgithub.com/go-rod/rod v0.116.0\n)\n',
      'go.sum': '',
      'main.go': `package main\n\nimport (\n${imports}\n)\n\nfunc main() {}\n`,
    });
  }

  it('gowitness: chromedp and go-rod → a Check that the runtime has no browser', async () => {
    const r = await gen(gowitness('\t_ "github.com/chromedp/chromedp"\n\t_ "github.com/go-rod/rod/lib/launcher"'));
    assert.ok(r.warnings.some((x) => x.startsWith('github.com/chromedp/chromedp, github.com/go-rod/rod drive a Chrome or Chromium browser, which gcr.io/distroless/static-debian12:nonroot does not have')), r.warnings.join('\n'));
  });

  it('negative: no browser library → no Check', async () => {
    const r = await gen(gowitness('\t_ "net/http"'));
    assert.ok(!r.warnings.some((x) => x.includes('Chromium')), r.warnings.join('\n'));
  });
});
