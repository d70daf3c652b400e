/**
 * The generator on round-5 images that built but did not work (/work/coord/judge4/{A,B}/generator.tsv):
 * each case is a small skeleton of a real repository, with its repository, commit and licence
 * above it, plus the variant that keeps the old behaviour where it is right.
 *
 * 1. A main package in a folder with a generic name (tg-spam's ./app) builds a binary named after
 *    the module, not `app`.
 * 2. Configuration committed under conf/, config/, etc/ that the program names relative to its
 *    working directory is copied where it looks (casdoor's conf/app.conf, ekuiper's etc/); a
 *    `--config` flag without default next to a sample file is a warning (bundler).
 * 3. A Docker API client imported only through test helpers (hydra's dockertest) is not a reason
 *    to warn about docker.sock.
 * 4. A program run only when an environment variable the image does not set is set (tg-spam's
 *    `mount` with TGSPAM_IN_DOCKER=1) is not warned about.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type GenerateResult } from '../../server/src/generate';
import { generatorTrees } from './generateTrees';

const { workspace, gen } = generatorTrees('judge4-run');

const mainGo = 'package main\n\nfunc main() {}\n';

describe('1. the binary of a main package in a generic folder', () => {
  // umputun/tg-spam at e14d516ef36b766d614080b01dc92b7dce5ee790 (MIT): the only main package is
  // app/main.go; the project's image names the binary tg-spam.
  it('tg-spam: app/ builds the binary tg-spam', async () => {
    const r = await gen(workspace({ 'go.mod': 'module github.com/umputun/tg-spam\n\ngo 1.23\n', 'app/main.go': mainGo }));
    assert.equal(r.target.binary, 'tg-spam');
    assert.match(r.dockerfile, /-o \/out\/tg-spam \.\/app$/m);
    assert.match(r.dockerfile, /^ENTRYPOINT \["\/usr\/local\/bin\/tg-spam"\]$/m);
    assert.ok(r.reasons.some((x) => x.includes('named `tg-spam` after the module')));
    // --package still takes the folder.
    assert.equal((await gen(workspace({ 'go.mod': 'module github.com/umputun/tg-spam\n\ngo 1.23\n', 'app/main.go': mainGo }), { package: 'app' })).target.binary, 'tg-spam');
  });

  it('a module with a /vN suffix: cmd/main builds the binary named after the element before it', async () => {
    const r = await gen(workspace({ 'go.mod': 'module example.com/acme/tool/v2\n\ngo 1.23\n', 'cmd/main/main.go': mainGo }));
    assert.equal(r.target.binary, 'tool');
  });

  // siderolabs/talos at its judge3 snapshot (MPL-2.0): internal/app/machined/pkg/system/services/registry/app
  // is a main package; the nearest named folder above it names it.
  it('talos-like: a generic folder deep in the module takes the nearest named folder above it', async () => {
    const r = await gen(workspace({ 'go.mod': 'module github.com/siderolabs/talos\n\ngo 1.23\n', 'internal/app/machined/pkg/system/services/registry/app/main.go': mainGo }));
    assert.equal(r.target.binary, 'registry');
    assert.equal((await gen(workspace({ 'go.mod': 'module github.com/acme/suite\n\ngo 1.23\n', 'internal/cmd/main.go': mainGo }))).target.binary, 'suite');
  });

  it('negative: a named folder keeps its name, and a generic one keeps it when the module name is taken', async () => {
    assert.equal((await gen(workspace({ 'go.mod': 'module github.com/acme/suite\n\ngo 1.23\n', 'cmd/worker/main.go': mainGo }))).target.binary, 'worker');
    const r = await gen(workspace({ 'go.mod': 'module github.com/acme/suite\n\ngo 1.23\n', 'main.go': mainGo, 'app/main.go': mainGo }), { package: 'app' });
    assert.equal(r.target.binary, 'app');
    assert.deepEqual(r.candidates.map((c) => c.binary).sort(), ['app', 'suite']);
  });
});

describe('2. configuration the program reads from its working directory', () => {
  // casdoor/casdoor at e6b2338f8955455254ec2f48ef0a0390cbef9ec5 (Apache-2.0): object/ormer.go has
  // `defaultConfigPath = "conf/app.conf"` and calls web.LoadAppConfig("ini", configPath) at start;
  // conf/ holds Go sources beside app.conf.
  function casdoor(extra: Record<string, string> = {}, literal = 'conf/app.conf'): string {
    return workspace({
      'go.mod': 'module github.com/casdoor/casdoor\n\ngo 1.23\n',
      'main.go': 'package main\n\nimport "github.com/casdoor/casdoor/object"\n\nfunc main() { object.InitFlag() }\n',
      'object/ormer.go': `package object\n\nimport "flag"\n\nconst (\n\tdefaultConfigPath     = "${literal}"\n\tdefaultExportFilePath = "init_data_dump.json"\n)\n\nfunc InitFlag() {\n\t_ = flag.String("config", defaultConfigPath, "config path")\n}\n`,
      'conf/conf.go': 'package conf\n',
      'conf/app.conf': 'appname = casdoor\nhttpport = 8000\n',
      ...extra,
    });
  }

  it('casdoor: conf/app.conf is copied to /app/conf/app.conf (the file, not the Go sources beside it)', async () => {
    const r = await gen(casdoor());
    assert.match(r.dockerfile, /^WORKDIR \/app$/m);
    assert.match(r.dockerfile, /^# conf\/app\.conf: the configuration file the program reads from its working directory at start/m);
    assert.match(r.dockerfile, /^COPY conf\/app\.conf \/app\/conf\/app\.conf$/m);
    assert.doesNotMatch(r.dockerfile, /^COPY conf \/app/m);
    assert.ok(r.reasons.some((x) => x.includes('object/ormer.go names it ("conf/app.conf")')));
  });

  it('negative: a literal naming no committed file, a non-configuration file, or a key copies nothing', async () => {
    for (const tree of [casdoor({}, 'conf/other.conf'), casdoor({ 'conf/app.go': 'package conf\n' }, 'conf/app.go')]) {
      const r = await gen(tree);
      assert.doesNotMatch(r.dockerfile, /^COPY conf/m);
    }
    const key = await gen(casdoor({ 'conf/private.json': '{}' }, 'conf/private.json'));
    assert.doesNotMatch(key.dockerfile, /^COPY conf/m);
    assert.ok(key.warnings.some((w) => w.includes('conf/private.json is not copied into the image because its name says it holds a key')));
  });

  // lf-edge/ekuiper at 0014e7fab0dd420d79d4e8a9e00486ac688589ec (Apache-2.0): internal/conf/path.go
  // has `const ( etcDir = "etc" … )` and joins it with the working directory to read etc/kuiper.yaml.
  function ekuiper(decl: string, extra: Record<string, string> = {}): string {
    return workspace({
      'go.mod': 'module github.com/lf-edge/ekuiper/v2\n\ngo 1.23\n',
      'cmd/kuiperd/main.go': 'package main\n\nimport "github.com/lf-edge/ekuiper/v2/internal/conf"\n\nfunc main() { conf.InitConf() }\n',
      'internal/conf/path.go': `package conf\n\nimport (\n\t"os"\n\t"path/filepath"\n)\n\nconst (\n\t${decl}\n)\n\nfunc InitConf() {\n\tdir, _ := os.Getwd()\n\t_ = filepath.Join(dir, "x")\n}\n`,
      'etc/kuiper.yaml': 'basic:\n  port: 20498\n',
      'etc/sources/mqtt.yaml': 'default: {}\n',
      ...extra,
    });
  }

  it('ekuiper: etcDir = "etc" copies the etc/ folder to /app/etc', async () => {
    const r = await gen(ekuiper('etcDir        = "etc"'));
    assert.match(r.dockerfile, /^COPY etc \/app\/etc$/m);
    assert.ok(r.reasons.some((x) => x.includes('internal/conf/path.go names it (etcDir = "etc")')));
  });

  it('negative: "etc" not used as a folder, a folder of Go sources, or one with a key is not copied', async () => {
    assert.doesNotMatch((await gen(ekuiper('label = "etc"'))).dockerfile, /^COPY etc/m);
    assert.doesNotMatch((await gen(ekuiper('etcDir = "etc"', { 'etc/etc.go': 'package etc\n' }))).dockerfile, /^COPY etc/m);
    // temporalio/temporal at 6805caea59e35d0611ed96be69641b8d86bff11c (MIT): config/jwt/generate-token.sh
    // is a script, not a key: the folder is copied.
    assert.match((await gen(ekuiper('etcDir = "etc"', { 'etc/jwt/generate-token.sh': '#!/bin/sh\n' }))).dockerfile, /^COPY etc \/app\/etc$/m);
    const key = await gen(ekuiper('etcDir = "etc"', { 'etc/tls/server.key': 'x' }));
    assert.doesNotMatch(key.dockerfile, /^COPY etc/m);
    assert.ok(key.warnings.some((w) => w.includes('etc is not copied into the image because it holds etc/tls/server.key')));
  });

  // 0xsequence/bundler at 6a36f8622fe3e6aa0aad4905ed37fdda59324678 (no licence found in the repository;
  // two lines of it): cmd/bundler-node/main.go declares a --config flag without default, and the
  // repository has etc/bundler-node.conf.sample, which its own image ships as the configuration.
  function bundler(flagDefault: string, extra: Record<string, string> = {}): string {
    return workspace({
      'go.mod': 'module github.com/0xsequence/bundler\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n',
      'go.sum': 'github.com/spf13/cobra v1.8.0 h1:x\n',
      'cmd/bundler-node/main.go': `package main\n\nimport "github.com/spf13/cobra"\n\nvar configFile string\n\nfunc main() {\n\trootCmd := &cobra.Command{Use: "bundler-node"}\n\trootCmd.PersistentFlags().StringVar(&configFile, "config", "${flagDefault}", "path to config file")\n\t_ = rootCmd.Execute()\n}\n`,
      'etc/bundler-node.conf.sample': 'rpc_port = 3000\n',
      ...extra,
    });
  }

  it('bundler: --config without default and etc/bundler-node.conf.sample: a warning says how to ship it', async () => {
    const r = await gen(bundler(''));
    const w = r.warnings.find((x) => x.includes('takes its configuration file from --config'));
    assert.ok(w, r.warnings.join('\n'));
    assert.match(w!, /COPY etc\/bundler-node\.conf\.sample \/app\/bundler-node\.conf\) and add CMD \["--config", "\/app\/bundler-node\.conf"\]/);
  });

  it('negative: a flag with a default, or no sample in the repository: no warning', async () => {
    assert.ok(!(await gen(bundler('/etc/bundler.conf'))).warnings.some((x) => x.includes('takes its configuration file from')));
    const none = workspace({
      'go.mod': 'module github.com/0xsequence/bundler\n\ngo 1.21\n',
      'main.go': 'package main\n\nimport "flag"\n\nfunc main() { _ = flag.String("config", "", "path") }\n',
      'etc/other.conf.sample': 'x = 1\n',
    });
    assert.ok(!(await gen(none)).warnings.some((x) => x.includes('takes its configuration file from')));
    // gitleaks/gitleaks (MIT): --config without default, but config/gitleaks.toml is its embedded
    // default, not a sample: no warning.
    const plain = workspace({
      'go.mod': 'module github.com/zricethezav/gitleaks/v8\n\ngo 1.21\n',
      'main.go': 'package main\n\nimport "flag"\n\nfunc main() { _ = flag.String("config", "", "path") }\n',
      'config/gitleaks.toml': 'title = "gitleaks config"\n',
    });
    assert.ok(!(await gen(plain)).warnings.some((x) => x.includes('takes its configuration file from')));
  });
});

describe('3. a Docker client reached only through test helpers', () => {
  const dockerWarning = (r: GenerateResult) => r.warnings.find((w) => w.includes('talks to the Docker daemon'));
  // ory/hydra at 83127c5752d907f52dd5f048a734c596c4316477 (Apache-2.0): driver/registry_sql.go imports
  // internal/testhelpers; oryx (github.com/ory/x, replaced by ./oryx) has dbal/testhelpers.go, and
  // both import sqlcon/dockertest, which imports github.com/moby/moby/client.
  function hydra(production: Record<string, string> = {}): string {
    return workspace({
      'go.mod': 'module github.com/ory/hydra/v2\n\ngo 1.24\n\nrequire (\n\tgithub.com/ory/x v0.0.0\n\tgithub.com/moby/moby/client v0.1.0\n)\n\nreplace github.com/ory/x => ./oryx\n',
      'go.sum': 'github.com/moby/moby/client v0.1.0 h1:x\n',
      'main.go': 'package main\n\nimport "github.com/ory/hydra/v2/driver"\n\nfunc main() { driver.New() }\n',
      'driver/registry_sql.go': 'package driver\n\nimport (\n\t"github.com/ory/hydra/v2/internal/testhelpers"\n\t"github.com/ory/x/dbal"\n)\n\nfunc New() { testhelpers.X(); dbal.Open() }\n',
      'internal/testhelpers/driver.go': 'package testhelpers\n\nimport "github.com/ory/x/sqlcon/dockertest"\n\nfunc X() { dockertest.Run() }\n',
      'oryx/go.mod': 'module github.com/ory/x\n\ngo 1.24\n\nrequire github.com/moby/moby/client v0.1.0\n',
      'oryx/dbal/driver.go': 'package dbal\n\nfunc Open() {}\n',
      'oryx/dbal/testhelpers.go': 'package dbal\n\nimport "github.com/ory/x/sqlcon/dockertest"\n\nfunc Test() { dockertest.Run() }\n',
      'oryx/sqlcon/dockertest/test_helper.go': 'package dockertest\n\nimport "github.com/moby/moby/client"\n\nfunc Run() { _ = client.New }\n',
      ...production,
    });
  }

  it('hydra: moby/moby/client only through dockertest and testhelpers: no docker.sock warning', async () => {
    const r = await gen(hydra());
    assert.equal(dockerWarning(r), undefined, r.warnings.join('\n'));
    assert.ok(r.reasons.some((x) => x.includes('github.com/moby/moby/client is imported only through test helpers')));
  });

  it('negative: an ordinary file of an ordinary package importing the client keeps the warning', async () => {
    const r = await gen(hydra({ 'oryx/dbal/docker.go': 'package dbal\n\nimport "github.com/moby/moby/client"\n\nvar _ = client.New\n' }));
    assert.ok(dockerWarning(r), r.warnings.join('\n'));
  });
});

describe('4. programs run only with an environment variable set', () => {
  const runsWarning = (r: GenerateResult) => r.warnings.find((w) => w.includes('at run time, and gcr.io/distroless'));
  // umputun/tg-spam at e14d516ef36b766d614080b01dc92b7dce5ee790 (MIT): app/main.go checkVolumeMount
  // returns unless TGSPAM_IN_DOCKER is "1" (set by the project's own Dockerfile), then runs mount.
  function tgSpam(body: string): string {
    return workspace({
      'go.mod': 'module github.com/umputun/tg-spam\n\ngo 1.23\n',
      'app/main.go': `package main\n\nimport (\n\t"os"\n\t"os/exec"\n)\n\nfunc main() { checkVolumeMount() }\n\nfunc checkVolumeMount() bool {\n${body}\n}\n`,
    });
  }

  it('tg-spam: mount behind `if os.Getenv("TGSPAM_IN_DOCKER") != "1" { return true }`: a reason, no warning', async () => {
    const r = await gen(tgSpam('\tif os.Getenv("TGSPAM_IN_DOCKER") != "1" {\n\t\treturn true\n\t}\n\toutput, err := exec.Command("mount").Output()\n\treturn err == nil && len(output) > 0'));
    assert.equal(runsWarning(r), undefined, r.warnings.join('\n'));
    assert.ok(r.reasons.some((x) => x.includes('runs mount (exec.Command("mount") in app/main.go) only with TGSPAM_IN_DOCKER=1 set')));
    // Inside `if os.Getenv("X") != "" {…}` too.
    const inside = await gen(tgSpam('\tif os.Getenv("USE_MOUNT") != "" {\n\t\t_ = exec.Command("mount").Run()\n\t}\n\treturn true'));
    assert.equal(runsWarning(inside), undefined, inside.warnings.join('\n'));
  });

  it('negative: an ungated call, one run when the variable is unset, or one also made elsewhere still warns', async () => {
    for (const body of [
      '\t_ = exec.Command("mount").Run()\n\treturn true',
      '\tif os.Getenv("TGSPAM_IN_DOCKER") == "" {\n\t\t_ = exec.Command("mount").Run()\n\t}\n\treturn true',
      '\tif os.Getenv("A") != "" {\n\t\t_ = exec.Command("mount").Run()\n\t}\n\t_ = exec.Command("mount").Run()\n\treturn true',
    ]) {
      const r = await gen(tgSpam(body));
      assert.match(runsWarning(r) ?? '', /runs mount \(exec\.Command\("mount"\)/, body);
    }
  });
});
