/**
 * The generator on real repositories of round 39 (judges G, X and Y; engineer e55). Each case is a
 * small skeleton of the real repository (the files that matter, with their sizes in the
 * repository, go.mod and the import blocks), with its repository, commit and licence above it,
 * plus variants that keep the old behaviour where it is right.
 *
 * 1. A main package in a folder whose name usually says where the code is (cmd/src) is named as
 *    the project's goreleaser build names its binary (sourcegraph/src-cli: `src`, judge 39 Y G7).
 * 2. Programs the binary runs that the image lacked: git through github.com/tsuyoshiwada/go-gitcmd
 *    (git-chglog/git-chglog, judge 39 Y G9), and git-lfs for `git lfs` (cooperspencer/gickup, Y G4).
 * 3. A default command line the program runs through sh -c names programs the image lacks: a Check
 *    (umputun/feed-master's yt-dlp template, which also needs ffmpeg; judge 39 G G2).
 * 4. A listen call on the receiver's host and port fields, which the one literal of its type fills
 *    from environment fallbacks: EXPOSE the fallback port (gliderlabs/logspout's 80, judge 39 X G1).
 * 5. A database location the main package takes from an environment variable with no default: a
 *    Check naming it (mattn/nostr-relay's DATABASE_URL, judge 39 G G3).
 * 6. A listen call on a configuration field whose literal default is a constant holding a loopback
 *    address: a Check that the listener is unreachable (ironsmile/euterpe's localhost:9996, G G4).
 * 7. A configuration flag with an empty default that every Dockerfile of the project starting the
 *    binary passes: a Check naming it (theupdateframework/notary's -config, judge 39 Y G1).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge39-e55');

// sourcegraph/src-cli at 2027d7855e51c4c85df85b4a459d93a58cbacdc5 (Apache-2.0): go.mod (10,399
// bytes) `module github.com/sourcegraph/src-cli`, go 1.26.5; cmd/src/main.go (12,741 bytes), the only
// main package; .goreleaser.yml (1,526 bytes) lines 13-16 `builds:`, `-`, `  main: ./cmd/src/`,
// `  binary: src` (the brew formula installs "src", :44-46); Dockerfile:14 `RUN go build ./cmd/src`,
// :22-23 `COPY --from=builder /src/src /usr/bin/`, `ENTRYPOINT ["/usr/bin/src"]`.
const srcCli: Record<string, string | null> = {
  'go.mod': 'module github.com/sourcegraph/src-cli\n\ngo 1.26.5\n',
  'cmd/src/main.go': 'package main\n\nimport (\n\t"flag"\n\t"os"\n)\n\nconst usageText = `src is a tool that provides access to Sourcegraph instances.`\n\nfunc main() {\n\tflag.Parse()\n\tos.Exit(0)\n}\n',
  '.goreleaser.yml': 'dist: release\nenv:\n  - GO111MODULE=on\n  - CGO_ENABLED=0\nbefore:\n  hooks:\n    - go mod download\nbuilds:\n-\n  main: ./cmd/src/\n  binary: src\n  ldflags:\n    - -X github.com/sourcegraph/src-cli/internal/version.BuildTag={{.Version}}\n  goos:\n    - linux\narchives:\n- id: tarball\n  format: tar.gz\n',
};

describe('1. src-cli: the binary of cmd/src is named as the project\'s goreleaser build names it', () => {
  it('builds /out/src, ENTRYPOINT /usr/local/bin/src, and the reason names the goreleaser entry', async () => {
    const r = await gen(tree(srcCli, {}));
    assert.equal(r.target.binary, 'src');
    assert.match(r.dockerfile, /-o \/out\/src \.\/cmd\/src$/m, r.dockerfile);
    assert.match(r.dockerfile, /^ENTRYPOINT \["\/usr\/local\/bin\/src"\]$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('named `src`, as the project\'s release build names it (.goreleaser.yml: main: ./cmd/src/, binary: src)')), r.reasons.join('\n'));
  });

  it('negative: without a goreleaser config, or an entry without binary: or with a template, cmd/src is still named after the module', async () => {
    for (const g of [null, srcCli['.goreleaser.yml']!.replace('  binary: src\n', ''), srcCli['.goreleaser.yml']!.replace('binary: src', 'binary: src_{{ .Os }}')]) {
      const r = await gen(tree(srcCli, { '.goreleaser.yml': g }));
      assert.equal(r.target.binary, 'src-cli', String(g));
    }
  });

  it('negative: a goreleaser binary for a folder with a name of its own (cmd/srv) does not rename it', async () => {
    const r = await gen(tree(srcCli, { 'cmd/src/main.go': null, 'cmd/srv/main.go': srcCli['cmd/src/main.go']!, '.goreleaser.yml': srcCli['.goreleaser.yml']!.replace('./cmd/src/', './cmd/srv/') }));
    assert.equal(r.target.binary, 'srv');
  });
});

// git-chglog/git-chglog at 83fc0386adc397b29695b42722ede6a0d8b9ef13 (MIT): go.mod (1,866 bytes)
// `module github.com/git-chglog/git-chglog`, go 1.24.1, requires github.com/tsuyoshiwada/go-gitcmd
// v0.0.0-20180205145712-5f1f5f9475df; chglog.go (9,999 bytes, package chglog) imports go-gitcmd,
// :110-112 `client := gitcmd.New(&gitcmd.Config{Bin: config.Bin})` (Bin defaults to "git",
// cmd/git-chglog/config.go:99); cmd/git-chglog/main.go (6,263 bytes) imports go-gitcmd and the root
// package's module, :217-219 `gitcmd.New(&gitcmd.Config{Bin: "git"})`. Its Dockerfile:3-5 `apk add
// --no-cache git`, `git config --global --add safe.directory /workdir`.
const gitChglog: Record<string, string | null> = {
  'go.mod': 'module github.com/git-chglog/git-chglog\n\ngo 1.24.1\n\nrequire github.com/tsuyoshiwada/go-gitcmd v0.0.0-20180205145712-5f1f5f9475df\n',
  'go.sum': 'github.com/tsuyoshiwada/go-gitcmd v0.0.0-20180205145712-5f1f5f9475df h1:x=\ngithub.com/tsuyoshiwada/go-gitcmd v0.0.0-20180205145712-5f1f5f9475df/go.mod h1:y=\n',
  'chglog.go': 'package chglog\n\nimport (\n\t"github.com/tsuyoshiwada/go-gitcmd"\n)\n\ntype Config struct {\n\tBin string\n}\n\ntype Generator struct {\n\tclient gitcmd.Client\n}\n\nfunc NewGenerator(config *Config) *Generator {\n\tclient := gitcmd.New(&gitcmd.Config{\n\t\tBin: config.Bin,\n\t})\n\treturn &Generator{client: client}\n}\n',
  'cmd/git-chglog/main.go': 'package main\n\nimport (\n\t"os"\n\n\tchglog "github.com/git-chglog/git-chglog"\n\t"github.com/tsuyoshiwada/go-gitcmd"\n)\n\nvar version string\n\nfunc main() {\n\t_ = gitcmd.New(&gitcmd.Config{\n\t\tBin: "git",\n\t})\n\t_ = chglog.NewGenerator(&chglog.Config{Bin: "git"})\n\tos.Exit(0)\n}\n',
};

describe('2. programs the binary runs through a git library or a git subcommand', () => {
  it('git-chglog: go-gitcmd runs git: debian-slim with git, and the dubious-ownership Check', async () => {
    const r = await gen(tree(gitChglog, {}), { package: './cmd/git-chglog' });
    assert.match(r.dockerfile, /^FROM debian:bookworm-slim$/m, r.dockerfile);
    assert.match(r.dockerfile, /apt-get install -y --no-install-recommends git \\$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('github.com/tsuyoshiwada/go-gitcmd: go-gitcmd runs every git command')), r.reasons.join('\n'));
    assert.ok(r.warnings.some((x) => x.startsWith('The program runs git inside repositories (github.com/tsuyoshiwada/go-gitcmd')), r.warnings.join('\n'));
  });

  it('negative: without the go-gitcmd import the program stays on distroless', async () => {
    const r = await gen(tree(gitChglog, {
      'chglog.go': 'package chglog\n\ntype Config struct {\n\tBin string\n}\n\nfunc NewGenerator(config *Config) int {\n\treturn len(config.Bin)\n}\n',
      'cmd/git-chglog/main.go': 'package main\n\nimport (\n\t"os"\n\n\tchglog "github.com/git-chglog/git-chglog"\n)\n\nfunc main() {\n\t_ = chglog.NewGenerator(&chglog.Config{Bin: "git"})\n\tos.Exit(0)\n}\n',
    }), { package: './cmd/git-chglog' });
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/static-debian12:nonroot$/m, r.dockerfile);
    assert.ok(!r.warnings.some((x) => x.includes('inside repositories')), r.warnings.join('\n'));
  });
});

// cooperspencer/gickup at 7d810a4a1b3fc2b828d291a466b53185338c772f (Apache-2.0): go.mod (4,361 bytes)
// `module github.com/cooperspencer/gickup`, go 1.26; gitcmd/gitcmd.go (4,000 bytes) :34-41 `func New()
// (GitCmd, error) { cmd := exec.CommandContext(context.Background(), "git", "lfs") … errors.New("git
// lfs is not installed")`, :44-45 `exec.CommandContext(ctx, g.CMD, args...)`; local/local.go (18,443
// bytes) :67-68 `if l.LFS { g, err := gitcmd.New()`; main.go (36,137 bytes) imports local. Its
// Dockerfile:19 `apk add -U --no-cache ca-certificates tzdata git git-lfs openssh`.
const gitcmdGo = (lfs: boolean) => `package gitcmd\n\nimport (\n\t"context"\n\t"errors"\n\t"os/exec"\n)\n\ntype GitCmd struct {\n\tCMD string\n}\n\nfunc New() (GitCmd, error) {\n\tcmd := exec.CommandContext(context.Background(), "git", "${lfs ? 'lfs' : 'version'}")\n\terr := cmd.Run()\n\tif err != nil {\n\t\treturn GitCmd{}, errors.New("git lfs is not installed")\n\t}\n\n\treturn GitCmd{CMD: "git"}, nil\n}\n\nfunc (g GitCmd) Clone(url, reponame string) error {\n\treturn exec.CommandContext(context.Background(), "git", "clone", url, reponame).Run()\n}\n`;
const gickup: Record<string, string | null> = {
  'go.mod': 'module github.com/cooperspencer/gickup\n\ngo 1.26\n',
  'gitcmd/gitcmd.go': gitcmdGo(true),
  'local/local.go': 'package local\n\nimport (\n\t"github.com/cooperspencer/gickup/gitcmd"\n)\n\nfunc Locally(lfs bool) bool {\n\tif lfs {\n\t\t_, err := gitcmd.New()\n\t\treturn err == nil\n\t}\n\treturn false\n}\n',
  'main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/cooperspencer/gickup/local"\n)\n\nfunc main() {\n\tlocal.Locally(len(os.Args) > 2)\n}\n',
};

describe('2b. gickup: `git lfs` needs git-lfs', () => {
  it('installs git, openssh-client and git-lfs, and the reason names git lfs', async () => {
    const r = await gen(tree(gickup, {}));
    assert.match(r.dockerfile, /apt-get install -y --no-install-recommends git openssh-client git-lfs \\$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('git lfs in gitcmd/gitcmd.go: git runs the git-lfs program for it')), r.reasons.join('\n'));
  });

  it('alpine: apk add git-lfs', async () => {
    const r = await gen(tree(gickup, {}), { runtime: 'alpine' });
    assert.match(r.dockerfile, /apk add --no-cache [^\n]*\bgit-lfs\b/, r.dockerfile);
  });

  it('negative: git run with other words (git version, git clone) installs no git-lfs', async () => {
    const r = await gen(tree(gickup, { 'gitcmd/gitcmd.go': gitcmdGo(false) }));
    assert.doesNotMatch(r.dockerfile, /git-lfs/, r.dockerfile);
    assert.match(r.dockerfile, /apt-get install -y --no-install-recommends git openssh-client \\$/m, r.dockerfile);
  });
});

// umputun/feed-master at 8d1491642e8f0b13daca4778d1b074bdd6d601b3 (MIT): go.mod (2,191 bytes) `module
// github.com/umputun/feed-master`, go 1.22; app/main.go (7,466 bytes), the only main package;
// app/config/config.go (5,250 bytes) :177-179 `if c.YouTube.DlTemplate == "" { c.YouTube.DlTemplate =
// \`yt-dlp --extract-audio --audio-format=mp3 --audio-quality=0 -f m4a/bestaudio
// "https://www.youtube.com/watch?v={{.ID}}" --no-progress -o {{.FileName}} …\` }`;
// app/youtube/feed/downloader.go (2,136 bytes) :56-60 fills the template and runs
// `exec.CommandContext(ctx, "sh", "-c", b1.String())`. Its Dockerfile:31-32 installs ffmpeg, python3
// and yt-dlp.
const ytTemplate = 'yt-dlp --extract-audio --audio-format=mp3 --audio-quality=0 -f m4a/bestaudio "https://www.youtube.com/watch?v={{.ID}}" --no-progress -o {{.FileName}} --match-filter "!is_live & availability=public"';
const feedMaster = (template: string, run = 'b1.String()'): Record<string, string | null> => ({
  'go.mod': 'module github.com/umputun/feed-master\n\ngo 1.22\n',
  'app/main.go': 'package main\n\nimport (\n\t"context"\n\t"os"\n\n\t"github.com/umputun/feed-master/app/config"\n\t"github.com/umputun/feed-master/app/youtube/feed"\n)\n\nfunc main() {\n\tc := config.Load(os.Args[1])\n\td := feed.Downloader{Template: c.YouTube.DlTemplate}\n\t_, _ = d.Get(context.Background(), "id", "f")\n}\n',
  'app/config/config.go': `package config\n\ntype YouTube struct {\n\tDlTemplate string \`yaml:"dl_template"\`\n}\n\ntype Conf struct {\n\tYouTube YouTube \`yaml:"youtube"\`\n}\n\nfunc Load(string) *Conf {\n\tc := &Conf{}\n\tc.setDefaults()\n\treturn c\n}\n\nfunc (c *Conf) setDefaults() {\n\tif c.YouTube.DlTemplate == "" {\n\t\tc.YouTube.DlTemplate = \`${template}\`\n\t}\n}\n`,
  'app/youtube/feed/downloader.go': `package feed\n\nimport (\n\t"bytes"\n\t"context"\n\t"os/exec"\n\t"text/template"\n)\n\ntype Downloader struct {\n\tTemplate string\n}\n\nfunc (d *Downloader) Get(ctx context.Context, id, fname string) (string, error) {\n\tb1 := bytes.Buffer{}\n\tif err := template.Must(template.New("youtube-dl").Parse(d.Template)).Execute(&b1, struct{ ID, FileName string }{id, fname}); err != nil {\n\t\treturn "", err\n\t}\n\tcmd := exec.CommandContext(ctx, "sh", "-c", ${run})\n\treturn fname, cmd.Run()\n}\n`,
});

describe('3. feed-master: the default command line it runs through sh -c', () => {
  it('a Check names yt-dlp, the default line, and ffmpeg for --extract-audio', async () => {
    const r = await gen(tree(feedMaster(ytTemplate), {}));
    assert.match(r.dockerfile, /^FROM debian:bookworm-slim$/m, r.dockerfile);
    const w = r.warnings.find((x) => x.startsWith('The program runs command lines through a shell'));
    assert.ok(w, r.warnings.join('\n'));
    assert.ok(w.includes('exec.CommandContext(ctx, "sh", "-c", b1.String()) in app/youtube/feed/downloader.go'), w);
    assert.ok(w.includes('c.YouTube.DlTemplate = `yt-dlp --extract-audio') && w.includes('in app/config/config.go; yt-dlp runs ffmpeg for its options'), w);
    assert.ok(w.includes('does not include yt-dlp or ffmpeg') && w.includes('Install yt-dlp and ffmpeg'), w);
  });

  it('without audio options only yt-dlp is named', async () => {
    const r = await gen(tree(feedMaster('yt-dlp -f best "https://www.youtube.com/watch?v={{.ID}}" -o {{.FileName}}'), {}));
    const w = r.warnings.find((x) => x.startsWith('The program runs command lines through a shell'));
    assert.ok(w && w.includes('does not include yt-dlp, so') && !w.includes('ffmpeg'), r.warnings.join('\n'));
  });

  // dagger/dagger engine/vcs/vcs.go `DownloadCmd = "pull --ff-only"` (git's arguments), beside
  // engine/client/secretprovider/cmd.go `exec.CommandContext(ctx, "sh", "-c", cmd)`: no program of its own.
  it('negative: a version-control table\'s …Cmd, a subcommand first (pull --ff-only), or a script that is no setting\'s default: no Check', async () => {
    const variants: Record<string, string | null>[] = [
      { 'app/config/config.go': feedMaster(ytTemplate)['app/config/config.go']!.replace(/DlTemplate/g, 'DlCmd') },
      { 'app/vcs/vcs.go': 'package vcs\n\nvar git = struct{ DownloadCommand string }{\n\tDownloadCommand: "pull --ff-only",\n}\n', 'app/config/config.go': feedMaster('ls -la')['app/config/config.go']! },
      // ollama/ollama cmd/launch/hermes.go:29 `hermesInstallScript = "curl -fsSL … | bash -s -- --skip-setup"`,
      // a step of its own, not a setting's default (no `== ""` guard).
      { 'app/config/config.go': feedMaster(ytTemplate)['app/config/config.go']!.replace(/\tif c\.YouTube\.DlTemplate == "" \{\n\t\tc\.YouTube\.DlTemplate = (`[^`]*`)\n\t\}\n/, '\tinstallScript := $1\n\t_ = installScript\n') },
    ];
    for (const files of variants) {
      const r = await gen(tree(feedMaster(ytTemplate), files));
      assert.ok(!r.warnings.some((x) => x.startsWith('The program runs command lines through a shell')), r.warnings.join('\n'));
    }
  });

  it('negative: a line of a base tool (ls), a literal sh -c line, or a line that is no command (no flag): no Check', async () => {
    for (const [template, run] of [['ls -la {{.FileName}}', 'b1.String()'], [ytTemplate, '"true"'], ['Episode {{.ID}} of {{.FileName}}', 'b1.String()']]) {
      const r = await gen(tree(feedMaster(template, run), {}));
      assert.ok(!r.warnings.some((x) => x.startsWith('The program runs command lines through a shell')), `${template} ${run}\n${r.warnings.join('\n')}`);
    }
  });
});

// gliderlabs/logspout at 818dd8260e52d2c148280d86170bdf5267b5c637 (MIT): go.mod (1,315 bytes) `module
// github.com/gliderlabs/logspout`, go 1.13; logspout.go (1,728 bytes), the main package, imports
// cfg and router; cfg/cfg.go (246 bytes) `func GetEnvDefault(name, dfault string) string`;
// router/http.go (782 bytes) :11-15 `func init() { bindAddress := cfg.GetEnvDefault("HTTP_BIND_ADDRESS",
// "0.0.0.0")`, `port := cfg.GetEnvDefault("PORT", cfg.GetEnvDefault("HTTP_PORT", "80"))`,
// `Jobs.Register(&httpService{bindAddress, port}, "http") }`, :17-20 the struct, :36-38 `func (s
// *httpService) Run() error { return http.ListenAndServe(s.bindAddress+":"+s.port, nil) }`. Its
// Dockerfile:4 `EXPOSE 80`.
const httpGo = (bind: string, port: string, literal = 'Jobs.Register(&httpService{bindAddress, port}, "http")') => `package router\n\nimport (\n\t"fmt"\n\t"net/http"\n\n\t"github.com/gliderlabs/logspout/cfg"\n)\n\nvar Jobs = jobs{}\n\ntype jobs struct{}\n\nfunc (jobs) Register(s *httpService, name string) { _ = name }\n\nfunc init() {\n\tbindAddress := cfg.GetEnvDefault("HTTP_BIND_ADDRESS", ${bind})\n\tport := cfg.GetEnvDefault("PORT", cfg.GetEnvDefault("HTTP_PORT", ${port}))\n\t${literal}\n}\n\ntype httpService struct {\n\tbindAddress string\n\tport        string\n}\n\nfunc (s *httpService) Name() string {\n\treturn fmt.Sprintf("http:%s", s.port)\n}\n\nfunc (s *httpService) Run() error {\n\treturn http.ListenAndServe(s.bindAddress+":"+s.port, nil)\n}\n`;
const logspout: Record<string, string | null> = {
  'go.mod': 'module github.com/gliderlabs/logspout\n\ngo 1.13\n',
  'logspout.go': 'package main\n\nimport (\n\t"log"\n\n\t"github.com/gliderlabs/logspout/cfg"\n\t"github.com/gliderlabs/logspout/router"\n)\n\nvar Version string\n\nfunc main() {\n\tif d := cfg.GetEnvDefault("DEBUG", ""); d != "" {\n\t\tlog.Printf("debug:%s\\n", d)\n\t}\n\t_ = router.Jobs\n}\n',
  'cfg/cfg.go': 'package cfg\n\nimport "os"\n\nfunc GetEnvDefault(name, dfault string) string {\n\tif val := os.Getenv(name); val != "" {\n\t\treturn val\n\t}\n\treturn dfault\n}\n',
  'router/http.go': httpGo('"0.0.0.0"', '"80"'),
};

describe('4. logspout: the receiver\'s host and port fields, filled from environment fallbacks', () => {
  it('EXPOSE 80, the reason names both fallbacks, and the below-1024 Check', async () => {
    const r = await gen(tree(logspout, {}));
    assert.deepEqual(r.exposes, [80], r.reasons.join('\n'));
    const reason = r.reasons.find((x) => x.startsWith('EXPOSE 80: '));
    assert.ok(reason && reason.includes('http.ListenAndServe(s.bindAddress+":"+s.port, …) with bindAddress = "0.0.0.0"') && reason.includes('port = "80" (port := cfg.GetEnvDefault("PORT", cfg.GetEnvDefault("HTTP_PORT", "80")), when PORT and HTTP_PORT are unset) in router/http.go'), r.reasons.join('\n'));
    assert.ok(r.warnings.some((x) => x.startsWith('Port 80 is below 1024')), r.warnings.join('\n'));
  });

  it('keyed literal: the same', async () => {
    const r = await gen(tree(logspout, { 'router/http.go': httpGo('"0.0.0.0"', '"8000"', 'Jobs.Register(&httpService{port: port, bindAddress: bindAddress}, "http")') }));
    assert.deepEqual(r.exposes, [8000], r.reasons.join('\n'));
  });

  it('negative: a loopback host, a port that is no number, or a second literal of the type: no EXPOSE from it', async () => {
    for (const t of [httpGo('"127.0.0.1"', '"80"'), httpGo('"0.0.0.0"', '"http"'), httpGo('"0.0.0.0"', '"80"', 'Jobs.Register(&httpService{bindAddress, port}, "http")\n\tJobs.Register(&httpService{bindAddress, "81"}, "alt")')]) {
      const r = await gen(tree(logspout, { 'router/http.go': t }));
      assert.deepEqual(r.exposes, [], `${t}\n${r.reasons.join('\n')}`);
    }
  });
});

// mattn/nostr-relay at 0663dea975bc8e6f178db7626a72625f0f792080 (MIT, README): go.mod (1,783 bytes)
// `module github.com/mattn/nostr-relay`, go 1.21; main.go (5,277 bytes) imports
// github.com/fiatjaf/relayer/v2 and its storage/sqlite3, :208-212 `func main() { r := Relay{};
// r.storage = &sqlite3.SQLite3Backend{DatabaseURL: os.Getenv("DATABASE_URL"), …}`, :235
// `server.Start("0.0.0.0", 7447)`; k8s/deployment.yaml:37-38 sets DATABASE_URL.
const relayMain = (storage: string) => `package main\n\nimport (\n\t"log"\n\t"os"\n\n\t"github.com/fiatjaf/relayer/v2"\n\t"github.com/fiatjaf/relayer/v2/storage/sqlite3"\n)\n\ntype Relay struct {\n\tstorage *sqlite3.SQLite3Backend\n}\n\nfunc main() {\n\tr := Relay{}\n${storage}\tserver, err := relayer.NewServer(&r)\n\tif err != nil {\n\t\tlog.Fatalf("failed to create server: %v", err)\n\t}\n\t_ = os.Args\n\tif err := server.Start("0.0.0.0", 7447); err != nil {\n\t\tlog.Fatalf("server terminated: %v", err)\n\t}\n}\n`;
const nostrRelay: Record<string, string | null> = {
  'go.mod': 'module github.com/mattn/nostr-relay\n\ngo 1.21\n\nrequire github.com/fiatjaf/relayer/v2 v2.1.7\n',
  'go.sum': 'github.com/fiatjaf/relayer/v2 v2.1.7 h1:x=\ngithub.com/fiatjaf/relayer/v2 v2.1.7/go.mod h1:y=\n',
  'main.go': relayMain('\tr.storage = &sqlite3.SQLite3Backend{\n\t\tDatabaseURL: os.Getenv("DATABASE_URL"),\n\t\t//MaxIdleConns: 1,\n\t}\n'),
};

describe('5. nostr-relay: the database location from DATABASE_URL, with no default', () => {
  it('a Check names DATABASE_URL, where it is read, and where a file belongs', async () => {
    const r = await gen(tree(nostrRelay, {}));
    assert.ok(r.warnings.some((x) => x.startsWith('The program takes its database\'s location from DATABASE_URL (DatabaseURL: os.Getenv("DATABASE_URL") in main.go), with no default') && x.includes('docker run -e DATABASE_URL=')), r.warnings.join('\n'));
  });

  it('negative: a variable given a default when empty, a database host or user, or another setting: no Check', async () => {
    for (const storage of [
      '\tdsn := os.Getenv("DATABASE_URL")\n\tif dsn == "" {\n\t\tdsn = "nostr.sqlite"\n\t}\n\tr.storage = &sqlite3.SQLite3Backend{DatabaseURL: dsn}\n',
      '\tr.storage = &sqlite3.SQLite3Backend{DatabaseURL: "nostr.sqlite"}\n\tdbHost := os.Getenv("DB_HOST")\n\t_ = dbHost\n',
      '\tr.storage = &sqlite3.SQLite3Backend{DatabaseURL: "nostr.sqlite"}\n\tfeedback := os.Getenv("FEEDBACK")\n\t_ = feedback\n',
    ]) {
      const r = await gen(tree(nostrRelay, { 'main.go': relayMain(storage) }));
      assert.ok(!r.warnings.some((x) => x.includes('database\'s location')), `${storage}\n${r.warnings.join('\n')}`);
    }
  });
});

// ironsmile/euterpe at bbd9272dd0222bc0ef88128f8767626fd8a90a1e (GPL-3.0): go.mod (1,439 bytes)
// `module github.com/ironsmile/euterpe`, go 1.21; main.go (1,465 bytes) calls src.Main; src/main.go
// :240 `srv := webserver.NewServer(ctx, cfg, …)`; src/config/config.go (6,645 bytes) :25-31 `const (
// configName = "config.json"; defaultlistAddress = "localhost:9996"; … )`, :45-46 `var defaultConfig =
// Config{Listen: defaultlistAddress, …}`, :206-207 `userCfg := Config{Listen: defaultlistAddress, …}`;
// src/webserver/webserver.go (10,175 bytes) :240-241 `srv.httpSrv = &http.Server{Addr: srv.cfg.Listen,
// …}`, :273 `net.Listen("tcp", addr)`. Its Dockerfile:11 rewrites the generated config's
// localhost:9996 to 0.0.0.0:9996.
const euterpeConfig = (address: string) => `package config\n\nconst (\n\tconfigName = "config.json"\n\n\tdefaultlistAddress = "${address}"\n\tdefaultSecretBytes = 64\n)\n\nvar defaultConfig = Config{\n\tListen:         defaultlistAddress,\n\tLogFile:        "euterpe.log",\n\tSqliteDatabase: "euterpe.db",\n}\n\ntype Config struct {\n\tListen         string \`json:"listen,omitempty"\`\n\tLogFile        string \`json:"log_file,omitempty"\`\n\tSqliteDatabase string \`json:"sqlite_database,omitempty"\`\n}\n\nfunc Load() Config {\n\tuserCfg := Config{\n\t\tListen: defaultlistAddress,\n\t}\n\treturn userCfg\n}\n`;
const euterpe: Record<string, string | null> = {
  'go.mod': 'module github.com/ironsmile/euterpe\n\ngo 1.21\n',
  'main.go': 'package main\n\nimport (\n\t"github.com/ironsmile/euterpe/src"\n)\n\nfunc main() {\n\tsrc.Main()\n}\n',
  'src/main.go': 'package src\n\nimport (\n\t"github.com/ironsmile/euterpe/src/config"\n\t"github.com/ironsmile/euterpe/src/webserver"\n)\n\nfunc Main() {\n\tcfg := config.Load()\n\tsrv := webserver.NewServer(cfg)\n\tsrv.Serve()\n}\n',
  'src/config/config.go': euterpeConfig('localhost:9996'),
  'src/webserver/webserver.go': 'package webserver\n\nimport (\n\t"net"\n\t"net/http"\n\n\t"github.com/ironsmile/euterpe/src/config"\n)\n\ntype Server struct {\n\tcfg     config.Config\n\thttpSrv *http.Server\n}\n\nfunc NewServer(cfg config.Config) *Server {\n\treturn &Server{cfg: cfg}\n}\n\nfunc (srv *Server) Serve() {\n\tsrv.httpSrv = &http.Server{\n\t\tAddr:           srv.cfg.Listen,\n\t\tMaxHeaderBytes: 1048576,\n\t}\n\taddr := srv.httpSrv.Addr\n\tif addr == "" {\n\t\taddr = "localhost:http"\n\t}\n\tlsn, err := net.Listen("tcp", addr)\n\tif err != nil {\n\t\treturn\n\t}\n\t_ = srv.httpSrv.Serve(lsn)\n}\n',
};

describe('6. euterpe: a configuration default through a constant, on loopback', () => {
  it('no EXPOSE; a Check names --port 9996, and another that localhost is unreachable, naming the constant', async () => {
    const r = await gen(tree(euterpe, {}));
    assert.deepEqual(r.exposes, [], r.reasons.join('\n'));
    assert.ok(r.warnings.some((x) => x.startsWith('No EXPOSE: the program listens on a port its configuration sets: http.Server{Addr: srv.cfg.Listen}') && x.includes('Pass --port 9996')), r.warnings.join('\n'));
    assert.ok(r.warnings.some((x) => x.startsWith('By default that listener binds localhost (Listen: defaultlistAddress ("localhost:9996") in src/config/config.go), which is unreachable')), r.warnings.join('\n'));
  });

  it('the same default on every interface (":9996") is a Check naming --port, with no loopback Check', async () => {
    const r = await gen(tree(euterpe, { 'src/config/config.go': euterpeConfig(':9996') }));
    assert.ok(r.warnings.some((x) => x.includes('Pass --port 9996')), r.warnings.join('\n'));
    assert.ok(!r.warnings.some((x) => x.startsWith('By default that listener binds')), r.warnings.join('\n'));
  });

  // lightningnetwork/lnd config.go `LetsEncryptListen: defaultLetsEncryptListen` (":80"), tls_manager.go
  // `http.Server{Addr: t.cfg.LetsEncryptListen}`: the ACME challenge responder, not the program's port.
  it('negative: an ACME challenge listener\'s field (LetsEncryptListen ":80"): no --port Check', async () => {
    const r = await gen(tree(euterpe, {
      'src/config/config.go': euterpeConfig(':80').replace(/Listen(?=[ :])/g, 'LetsEncryptListen'),
      'src/webserver/webserver.go': euterpe['src/webserver/webserver.go']!.replace('srv.cfg.Listen', 'srv.cfg.LetsEncryptListen'),
    }));
    assert.ok(!r.warnings.some((x) => x.includes('--port 80')), r.warnings.join('\n'));
  });

  it('negative: a constant that is no address (a socket path): nothing about a port', async () => {
    const r = await gen(tree(euterpe, { 'src/config/config.go': euterpeConfig('/run/euterpe.sock') }));
    assert.ok(!r.warnings.some((x) => x.includes('--port') || x.startsWith('By default that listener binds')), r.warnings.join('\n'));
  });
});

// theupdateframework/notary at 177297005ef8a19ae1923a05dcd0b944b800f413 (Apache-2.0): go.mod (3,016
// bytes) `module github.com/theupdateframework/notary`, go 1.12; cmd/notary-server/main.go (2,960 bytes)
// :35-37 `func setupFlags(flagStorage *cmdFlags) { flag.StringVar(&flagStorage.configFile, "config", "",
// "Path to configuration file")`, :68-71 `parseServerConfig(flagStorage.configFile, …)` then
// `logrus.Fatal(err.Error())` ("Could not read config at :"); server.Dockerfile (878 bytes) :29-30
// `ENTRYPOINT [ "notary-server" ]`, `CMD [ "-config=fixtures/server-config-local.json" ]`;
// server.minimal.Dockerfile (1,562 bytes) :41-42 `ENTRYPOINT [ "/usr/bin/notary-server" ]`, `CMD [
// "-config=/var/lib/notary/fixtures/server-config-local.json" ]`.
const notaryMain = (def: string) => `package main\n\nimport (\n\t"flag"\n\t"fmt"\n\t"os"\n)\n\ntype cmdFlags struct {\n\tdebug      bool\n\tconfigFile string\n}\n\nfunc setupFlags(flagStorage *cmdFlags) {\n\tflag.StringVar(&flagStorage.configFile, "config", ${def}, "Path to configuration file")\n\tflag.BoolVar(&flagStorage.debug, "debug", false, "Enable the debugging server on localhost:8080")\n}\n\nfunc main() {\n\tflagStorage := cmdFlags{}\n\tsetupFlags(&flagStorage)\n\tflag.Parse()\n\tif err := parseServerConfig(flagStorage.configFile); err != nil {\n\t\tfmt.Println(err)\n\t\tos.Exit(1)\n\t}\n}\n\nfunc parseServerConfig(file string) error {\n\t_, err := os.ReadFile(file)\n\treturn err\n}\n`;
const notary: Record<string, string | null> = {
  'go.mod': 'module github.com/theupdateframework/notary\n\ngo 1.12\n',
  'cmd/notary-server/main.go': notaryMain('""'),
  'cmd/notary/main.go': 'package main\n\nfunc main() {}\n',
  'server.Dockerfile': 'FROM golang:1.14.1-alpine\nENV NOTARYPKG github.com/theupdateframework/notary\nCOPY . /go/src/${NOTARYPKG}\nWORKDIR /go/src/${NOTARYPKG}\nEXPOSE 4443\nRUN go install -tags pkcs11 ${NOTARYPKG}/cmd/notary-server\nENTRYPOINT [ "notary-server" ]\nCMD [ "-config=fixtures/server-config-local.json" ]\n',
  'server.minimal.Dockerfile': 'FROM golang:1.14.1-alpine AS build-env\nENV NOTARYPKG github.com/theupdateframework/notary\nCOPY . /go/src/${NOTARYPKG}\nWORKDIR /go/src/${NOTARYPKG}\nRUN go install -tags pkcs11 ${NOTARYPKG}/cmd/notary-server\n\nFROM busybox:latest\nCOPY --from=build-env /go/bin/notary-server /usr/bin/notary-server\nCOPY --from=build-env /go/src/github.com/theupdateframework/notary/fixtures /var/lib/notary/fixtures\nWORKDIR /var/lib/notary\nUSER notary\nENTRYPOINT [ "/usr/bin/notary-server" ]\nCMD [ "-config=/var/lib/notary/fixtures/server-config-local.json" ]\n',
};

describe('7. notary-server: the -config every project image passes, whose default is empty', () => {
  it('a Check names -config, both Dockerfiles, where the flag is defined, and the CMD to pass', async () => {
    const r = await gen(tree(notary, {}), { package: './cmd/notary-server' });
    const w = r.warnings.find((x) => x.startsWith('Every Dockerfile of the project that starts notary-server passes -config ('));
    assert.ok(w, r.warnings.join('\n'));
    assert.ok(w.includes('server.Dockerfile:7 ENTRYPOINT ["notary-server"]') && w.includes('server.minimal.Dockerfile:12 ENTRYPOINT ["/usr/bin/notary-server"]') && w.includes('whose default is empty (cmd/notary-server/main.go:15)') && w.includes('CMD ["-config=/app/server-config-local.json"]'), w);
  });

  // 0xsequence/bundler: cmd/bundler-node/main.go:40 `rootCmd.PersistentFlags().StringVar(&configFile,
  // "config", "", …)` (pflag), Dockerfile:30,33 `ENTRYPOINT ["./bundler-node"]`, `CMD ["--config", "./bundler-node.conf"]`.
  it('a flag given with two dashes (pflag) is named and passed so', async () => {
    const r = await gen(tree(notary, {
      'cmd/notary-server/main.go': notaryMain('""').replace('flag.StringVar(&flagStorage.configFile, "config", ""', 'flag.CommandLine.StringVar(&flagStorage.configFile, "config", ""'),
      'server.Dockerfile': notary['server.Dockerfile']!.replace('CMD [ "-config=fixtures/server-config-local.json" ]', 'CMD [ "--config", "./server-config-local.json" ]'),
      'server.minimal.Dockerfile': null,
    }), { package: './cmd/notary-server' });
    const w = r.warnings.find((x) => x.startsWith('Every Dockerfile of the project that starts notary-server passes --config ('));
    assert.ok(w && w.includes('CMD ["--config=/app/server-config-local.json"]'), r.warnings.join('\n'));
  });

  it('negative: a default of its own, or one Dockerfile that passes no -config: no Check', async () => {
    for (const files of [{ 'cmd/notary-server/main.go': notaryMain('"server-config.json"') } as Record<string, string | null>, { 'server.minimal.Dockerfile': notary['server.minimal.Dockerfile']!.replace('CMD [ "-config=/var/lib/notary/fixtures/server-config-local.json" ]\n', '') }]) {
      const r = await gen(tree(notary, files), { package: './cmd/notary-server' });
      assert.ok(!r.warnings.some((x) => x.startsWith('Every Dockerfile of the project')), r.warnings.join('\n'));
    }
  });
});
