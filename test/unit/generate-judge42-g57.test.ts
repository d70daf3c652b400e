/**
 * Generator defects of judging round 42 (judge G, every generated Dockerfile built with buildah
 * and run), session 57: each case a small skeleton of a real repository (the files that matter,
 * with their sizes in the repository, go.mod and the relevant lines), with its repository, commit
 * and licence above it, plus the variants that keep the old behaviour where it is right.
 *
 * 1. openshift/telemeter: a listen flag defaulting to loopback is moved to all interfaces in the
 *    ENTRYPOINT, after the binary, not in the CMD (G9: `docker run IMAGE --from … --to …`
 *    replaced the CMD's --listen), also beside a listener on all interfaces (G3:
 *    telemeter-server's --listen-internal "localhost:9004", health and metrics).
 * 2. openshift/prom-label-proxy, openshift/kube-rbac-proxy: listen-address flags without a default
 *    are named in a Check, not "found no listen address or port flag" (G5).
 * 3. openshift/image-registry: a literal in a function only tests call (test.go's newTestRegistry)
 *    is no default of the program's listener (G6).
 * 4. openshift/prom-label-proxy: a URL flag the program parses and stops on unless it has an http
 *    or https scheme is required too; one Check names both required flags (G1).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge42-g57');

// openshift/telemeter at 85dc6ed715081f77aecd0296c8daaa9f684e0d98 (Apache-2.0): go.mod `module
// github.com/openshift/telemeter`, `go 1.23.0`; five main packages under cmd/ (authorization-server,
// rhelemeter-server, telemeter-benchmark, telemeter-client, telemeter-server).
// cmd/telemeter-server/main.go (23,513 bytes):94 `var listen, listenInternal string`, :101 and :105
// `net.Listen("tcp", listen)`, `net.Listen("tcp", listenInternal)`, :114-115 the two flags;
// cmd/telemeter-client/main.go (12,819 bytes):33-34 `opt := &Options{Listen: "localhost:9002", …}`,
// :49 `cmd.Flags().StringVar(&opt.Listen, "listen", opt.Listen, …)`, :348 `net.Listen("tcp",
// o.Listen)`; :154 returns an error without --from (the required flags a docker run passes).
const telemeter: Record<string, string | null> = {
  'go.mod': 'module github.com/openshift/telemeter\n\ngo 1.23.0\n',
  'cmd/telemeter-server/main.go': [
    'package main',
    '',
    'import (',
    '\t"net"',
    '',
    '\t"github.com/spf13/cobra"',
    ')',
    '',
    'func main() {',
    '\tvar listen, listenInternal string',
    '\tcmd := &cobra.Command{',
    '\t\tShort: "Aggregate federated metrics pushes",',
    '\t\tRunE: func(cmd *cobra.Command, args []string) error {',
    '\t\t\tlistener, err := net.Listen("tcp", listen)',
    '\t\t\tif err != nil {',
    '\t\t\t\treturn err',
    '\t\t\t}',
    '\t\t\tinternalListener, err := net.Listen("tcp", listenInternal)',
    '\t\t\tif err != nil {',
    '\t\t\t\treturn err',
    '\t\t\t}',
    '\t\t\treturn run(listener, internalListener)',
    '\t\t},',
    '\t}',
    '',
    '\tcmd.Flags().StringVar(&listen, "listen", "0.0.0.0:9003", "A host:port to listen on for upload traffic.")',
    '\tcmd.Flags().StringVar(&listenInternal, "listen-internal", "localhost:9004", "A host:port to listen on for health and metrics.")',
    '\t_ = cmd.Execute()',
    '}',
    '',
    'func run(a, b net.Listener) error { return nil }',
    '',
  ].join('\n'),
  'cmd/telemeter-client/main.go': [
    'package main',
    '',
    'import (',
    '\t"fmt"',
    '\t"net"',
    '',
    '\t"github.com/spf13/cobra"',
    ')',
    '',
    'type Options struct {',
    '\tListen string',
    '\tFrom   string',
    '}',
    '',
    'func main() {',
    '\topt := &Options{',
    '\t\tListen: "localhost:9002",',
    '\t}',
    '\tcmd := &cobra.Command{',
    '\t\tShort: "Federate Prometheus via push",',
    '\t\tRunE: func(cmd *cobra.Command, args []string) error {',
    '\t\t\treturn opt.Run()',
    '\t\t},',
    '\t}',
    '',
    '\tcmd.Flags().StringVar(&opt.Listen, "listen", opt.Listen, "A host:port to listen on for health and metrics.")',
    '\tcmd.Flags().StringVar(&opt.From, "from", opt.From, "The Prometheus server to federate from.")',
    '\t_ = cmd.Execute()',
    '}',
    '',
    'func (o *Options) Run() error {',
    '\tif len(o.From) == 0 {',
    '\t\treturn fmt.Errorf("you must specify a Prometheus server to federate from (e.g. http://localhost:9090)")',
    '\t}',
    '\tl, err := net.Listen("tcp", o.Listen)',
    '\tif err != nil {',
    '\t\treturn err',
    '\t}',
    '\treturn l.Close()',
    '}',
    '',
  ].join('\n'),
};

describe('judge 42 G3, G9: a listen flag on loopback goes in the ENTRYPOINT', () => {
  it('telemeter-client (cmd/telemeter-client/main.go:34,49): ENTRYPOINT [bin, "--listen", ":9002"], no CMD', async () => {
    const r = await gen(tree(telemeter, {}), { package: './cmd/telemeter-client' });
    assert.match(r.dockerfile, /^ENTRYPOINT \["\/usr\/local\/bin\/telemeter-client", "--listen", ":9002"\]$/m, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /^CMD /m, r.dockerfile);
    assert.match(r.dockerfile, /^EXPOSE 9002$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('ENTRYPOINT passes --listen :9002 and EXPOSE 9002: ') && x.includes('arguments given at docker run replace the CMD')), r.reasons.join('\n'));
    assert.ok(!r.reasons.some((x) => x.startsWith('CMD passes')), r.reasons.join('\n'));
  });

  it('telemeter-server (cmd/telemeter-server/main.go:114-115): --listen-internal "localhost:9004" beside --listen "0.0.0.0:9003": EXPOSE 9003 9004, ENTRYPOINT passes --listen-internal :9004', async () => {
    const r = await gen(tree(telemeter, {}), { package: './cmd/telemeter-server' });
    assert.match(r.dockerfile, /^EXPOSE 9003 9004$/m, r.dockerfile);
    assert.match(r.dockerfile, /^ENTRYPOINT \["\/usr\/local\/bin\/telemeter-server", "--listen-internal", ":9004"\]$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('ENTRYPOINT passes --listen-internal :9004 and EXPOSE 9004: flag -listen-internal default "localhost:9004" (cmd/telemeter-server/main.go) listens on localhost:9004 only')), r.reasons.join('\n'));
    assert.ok(!r.warnings.some((x) => x.includes('unreachable')), r.warnings.join('\n'));
  });

  it('negative: --listen-internal on all interfaces gives its EXPOSE and no argument; a number (--listen-backlog 128) is no address', async () => {
    const dir = tree(telemeter, {
      'cmd/telemeter-server/main.go': telemeter['cmd/telemeter-server/main.go']!
        .replace('"localhost:9004"', '":9004"')
        .replace('\t_ = cmd.Execute()', '\tvar backlog int\n\tcmd.Flags().IntVar(&backlog, "listen-backlog", 128, "The listen backlog.")\n\t_ = cmd.Execute()'),
    });
    const r = await gen(dir, { package: './cmd/telemeter-server' });
    assert.match(r.dockerfile, /^EXPOSE 9003 9004$/m, r.dockerfile);
    assert.match(r.dockerfile, /^ENTRYPOINT \["\/usr\/local\/bin\/telemeter-server"\]$/m, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /\b128\b/, r.dockerfile);
  });

  it('negative: a kingpin flag (which refuses a repeated flag) stays in the CMD', async () => {
    const dir = tree({
      'go.mod': 'module example.com/exporter\n\ngo 1.23.0\n',
      'main.go': 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/alecthomas/kingpin/v2"\n)\n\nfunc main() {\n\taddr := kingpin.Flag("web.listen-address", "Address to listen on.").Default("127.0.0.1:9100").String()\n\tkingpin.Parse()\n\t_ = http.ListenAndServe(*addr, nil)\n}\n',
    }, {});
    const r = await gen(dir);
    assert.match(r.dockerfile, /^ENTRYPOINT \["\/usr\/local\/bin\/exporter"\]$/m, r.dockerfile);
    assert.match(r.dockerfile, /^CMD \["--web\.listen-address", ":9100"\]$/m, r.dockerfile);
  });
});

// openshift/prom-label-proxy at c4c99a3071808f466ee6c3d7b7fa87108b457feb (Apache-2.0): go.mod
// `module github.com/prometheus-community/prom-label-proxy`, `go 1.23.0`; main.go (10,360 bytes):78-79
// `flagset.StringVar(&insecureListenAddress, "insecure-listen-address", "", "The address the
// prom-label-proxy HTTP server should listen on.")`, `internal-listen-address` likewise; :82
// `upstream`, :83 `label`, both ""; :101-102 `if label == "" { log.Fatalf("-label flag cannot be
// empty") }`; :117-124 url.Parse(upstream) and the scheme test; :198 `net.Listen("tcp",
// insecureListenAddress)`. Run without -upstream: `Invalid scheme for upstream URL ""` (judge 42 G).
const promLabelProxyMain = [
  'package main',
  '',
  'import (',
  '\t"flag"',
  '\t"log"',
  '\t"net"',
  '\t"net/url"',
  '\t"os"',
  ')',
  '',
  'func main() {',
  '\tvar (',
  '\t\tinsecureListenAddress string',
  '\t\tinternalListenAddress string',
  '\t\tupstream              string',
  '\t\tlabel                 string',
  '\t)',
  '',
  '\tflagset := flag.NewFlagSet(os.Args[0], flag.ExitOnError)',
  '\tflagset.StringVar(&insecureListenAddress, "insecure-listen-address", "", "The address the prom-label-proxy HTTP server should listen on.")',
  '\tflagset.StringVar(&internalListenAddress, "internal-listen-address", "", "The address the internal prom-label-proxy HTTP server should listen on to expose metrics about itself.")',
  '\tflagset.StringVar(&upstream, "upstream", "", "The upstream URL to proxy to.")',
  '\tflagset.StringVar(&label, "label", "", "The label name to enforce in all proxied PromQL queries.")',
  '',
  '\tflagset.Parse(os.Args[1:])',
  '\tif label == "" {',
  '\t\tlog.Fatalf("-label flag cannot be empty")',
  '\t}',
  '',
  '\tupstreamURL, err := url.Parse(upstream)',
  '\tif err != nil {',
  '\t\tlog.Fatalf("Failed to build parse upstream URL: %v", err)',
  '\t}',
  '',
  '\tif upstreamURL.Scheme != "http" && upstreamURL.Scheme != "https" {',
  '\t\tlog.Fatalf("Invalid scheme for upstream URL %q, only \'http\' and \'https\' are supported", upstream)',
  '\t}',
  '',
  '\tl, err := net.Listen("tcp", insecureListenAddress)',
  '\tif err != nil {',
  '\t\tlog.Fatalf("Failed to listen on insecure address: %v", err)',
  '\t}',
  '\t_ = l',
  '\tif internalListenAddress != "" {',
  '\t\t_, _ = net.Listen("tcp", internalListenAddress)',
  '\t}',
  '}',
  '',
].join('\n');
const promLabelProxy: Record<string, string | null> = {
  'go.mod': 'module github.com/prometheus-community/prom-label-proxy\n\ngo 1.23.0\n',
  'main.go': promLabelProxyMain,
};

// openshift/kube-rbac-proxy at b9134351be37c43408334047d8eb85d0ac01fe4e (Apache-2.0): go.mod
// `module github.com/brancz/kube-rbac-proxy`, `go 1.23.6`; cmd/kube-rbac-proxy/main.go;
// cmd/kube-rbac-proxy/app/options/options.go (8,310 bytes):91-92 `flagset.StringVar(&o.InsecureListenAddress,
// "insecure-listen-address", "", "[DEPRECATED] The address the kube-rbac-proxy HTTP server should
// listen on.")`, `secure-listen-address` "" ("… HTTPs server should listen on."); the listen calls
// in cmd/kube-rbac-proxy/app/kube-rbac-proxy.go:398,472 `net.Listen("tcp", cfg.secureListenAddress)`.
const kubeRbacProxy: Record<string, string | null> = {
  'go.mod': 'module github.com/brancz/kube-rbac-proxy\n\ngo 1.23.6\n',
  'cmd/kube-rbac-proxy/main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/brancz/kube-rbac-proxy/cmd/kube-rbac-proxy/app"\n)\n\nfunc main() {\n\tif err := app.NewKubeRBACProxyCommand().Execute(); err != nil {\n\t\tos.Exit(1)\n\t}\n}\n',
  'cmd/kube-rbac-proxy/app/kube-rbac-proxy.go': 'package app\n\nimport (\n\t"net"\n\n\t"github.com/spf13/cobra"\n\n\t"github.com/brancz/kube-rbac-proxy/cmd/kube-rbac-proxy/app/options"\n)\n\nfunc NewKubeRBACProxyCommand() *cobra.Command {\n\to := options.NewProxyRunOptions()\n\tcmd := &cobra.Command{\n\t\tUse: "kube-rbac-proxy",\n\t\tRunE: func(cmd *cobra.Command, args []string) error {\n\t\t\treturn Run(o)\n\t\t},\n\t}\n\to.Flags(cmd.Flags())\n\treturn cmd\n}\n\nfunc Run(o *options.ProxyRunOptions) error {\n\tif o.SecureListenAddress != "" {\n\t\t_, err := net.Listen("tcp", o.SecureListenAddress)\n\t\treturn err\n\t}\n\t_, err := net.Listen("tcp", o.InsecureListenAddress)\n\treturn err\n}\n',
  'cmd/kube-rbac-proxy/app/options/options.go': 'package options\n\nimport (\n\t"github.com/spf13/pflag"\n)\n\ntype ProxyRunOptions struct {\n\tInsecureListenAddress string\n\tSecureListenAddress   string\n\tUpstream              string\n}\n\nfunc NewProxyRunOptions() *ProxyRunOptions {\n\treturn &ProxyRunOptions{}\n}\n\nfunc (o *ProxyRunOptions) Flags(flagset *pflag.FlagSet) {\n\tflagset.StringVar(&o.InsecureListenAddress, "insecure-listen-address", "", "[DEPRECATED] The address the kube-rbac-proxy HTTP server should listen on.")\n\tflagset.StringVar(&o.SecureListenAddress, "secure-listen-address", "", "The address the kube-rbac-proxy HTTPs server should listen on.")\n\tflagset.StringVar(&o.Upstream, "upstream", "", "The upstream URL to proxy to once requests have successfully been authenticated and authorized.")\n}\n',
};

describe('judge 42 G5: a listen-address flag without a default is named, not "found no listen address"', () => {
  it('prom-label-proxy (main.go:78): a Check names --insecure-listen-address', async () => {
    const r = await gen(tree(promLabelProxy, {}));
    assert.doesNotMatch(r.dockerfile, /^EXPOSE /m, r.dockerfile);
    assert.ok(!r.reasons.some((x) => x.includes('found no listen address or port flag')), r.reasons.join('\n'));
    // --internal-listen-address is tested against "" (`if internalListenAddress != ""`, the optional
    // metrics listener): a test that may lead to a default of the program's, so it is not named.
    assert.ok(r.warnings.some((x) => x.startsWith("No EXPOSE: the program's listen address flag --insecure-listen-address (main.go:20) has no default")), r.warnings.join('\n'));
  });

  it('kube-rbac-proxy (options.go:91-92): the Check names --secure-listen-address, not the deprecated one', async () => {
    const r = await gen(tree(kubeRbacProxy, {}), { package: './cmd/kube-rbac-proxy' });
    const w = r.warnings.find((x) => x.startsWith('No EXPOSE: '));
    assert.ok(w !== undefined && w.includes('flag --secure-listen-address (cmd/kube-rbac-proxy/app/options/options.go:19) has no default') && !w.includes('--insecure-listen-address'), r.warnings.join('\n'));
  });

  it('negative: a listen flag the program fills when empty, or one with a default, gives no such Check', async () => {
    const filled = await gen(tree(promLabelProxy, { 'main.go': promLabelProxyMain.replace('\tflagset.Parse(os.Args[1:])', '\tflagset.Parse(os.Args[1:])\n\tif insecureListenAddress == "" {\n\t\tinsecureListenAddress = os.Getenv("LISTEN")\n\t}\n\tinternalListenAddress = insecureListenAddress') }));
    assert.ok(!filled.warnings.some((x) => x.startsWith("No EXPOSE: the program's listen address")), filled.warnings.join('\n'));
    const defaulted = await gen(tree(promLabelProxy, { 'main.go': promLabelProxyMain.replace('"insecure-listen-address", ""', '"insecure-listen-address", ":8080"') }));
    assert.match(defaulted.dockerfile, /^EXPOSE 8080$/m, defaulted.dockerfile);
    assert.ok(!defaulted.warnings.some((x) => x.startsWith("No EXPOSE: the program's listen address")), defaulted.warnings.join('\n'));
  });
});

describe('judge 42 G1: a URL flag the program stops without is required too', () => {
  it('prom-label-proxy (main.go:101, :117-124): one Check names --label and --upstream', async () => {
    const r = await gen(tree(promLabelProxy, {}));
    const w = r.warnings.find((x) => x.startsWith('The program stops at start without '));
    assert.equal(w, 'The program stops at start without --label and --upstream: main.go:26 checks that --label is set ("-label flag cannot be empty"); main.go:35 parses --upstream as a URL and stops unless its scheme is http or https ("Invalid scheme for upstream URL %q, only \'http\' and \'https\' are supported"); the flags have no default, and the image sets no CMD and passes none. Add them to the CMD (CMD ["--label", "<value>", "--upstream", "<value>"]) or pass them in docker run.', r.warnings.join('\n'));
  });

  it('negative: an upstream the program fills when empty, or a scheme test with another condition, leaves --label alone in the Check', async () => {
    const filled = await gen(tree(promLabelProxy, { 'main.go': promLabelProxyMain.replace('\tupstreamURL, err := url.Parse(upstream)', '\tif upstream == "" {\n\t\tupstream = "http://127.0.0.1:9090"\n\t}\n\tupstreamURL, err := url.Parse(upstream)') }));
    const other = await gen(tree(promLabelProxy, { 'main.go': promLabelProxyMain.replace('if upstreamURL.Scheme != "http" && upstreamURL.Scheme != "https" {', 'if upstreamURL.Scheme != "http" && upstreamURL.Scheme != "https" && upstreamURL.Opaque != "" {') }));
    for (const r of [filled, other]) {
      assert.ok(r.warnings.some((x) => x.startsWith('The program stops at start without --label: main.go:26 checks that it is set')), r.warnings.join('\n'));
      assert.ok(!r.warnings.some((x) => x.includes('--upstream')), r.warnings.join('\n'));
    }
  });
});

// openshift/image-registry at 21af80e2a0484a5ac9daf660afd88d36d43f354d (Apache-2.0): go.mod `module
// github.com/openshift/image-registry`, `go 1.22.0`; cmd/dockerregistry/main.go (2,654 bytes) calls
// dockerregistry.Execute; pkg/cmd/dockerregistry/dockerregistry.go (13,582 bytes):274-275 `return
// &http.Server{Addr: dockerConfig.HTTP.Addr, …}` (the configuration file's http.addr);
// pkg/dockerregistry/server/test.go (2,842 bytes):37 `func newTestRegistry(` (called only from
// repository_test.go and catalog_test.go), :44-46 `Server: &configuration.Server{Addr: "localhost:5000"}`.
// The generated Checks took that literal for the listener's default: "binds localhost" (judge 42 G G6).
const imageRegistry: Record<string, string | null> = {
  'go.mod': 'module github.com/openshift/image-registry\n\ngo 1.22.0\n',
  'cmd/dockerregistry/main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/openshift/image-registry/pkg/cmd/dockerregistry"\n)\n\nfunc main() {\n\tf, _ := os.Open(os.Getenv("REGISTRY_CONFIGURATION_PATH"))\n\tdockerregistry.Execute(f)\n}\n',
  'pkg/cmd/dockerregistry/dockerregistry.go': 'package dockerregistry\n\nimport (\n\t"io"\n\t"net/http"\n\n\t"github.com/distribution/distribution/v3/configuration"\n\n\t"github.com/openshift/image-registry/pkg/dockerregistry/server"\n)\n\nfunc Execute(configFile io.Reader) {\n\tdockerConfig, _ := configuration.Parse(configFile)\n\tsrv := NewServer(dockerConfig)\n\t_ = srv.ListenAndServe()\n}\n\nfunc NewServer(dockerConfig *configuration.Configuration) *http.Server {\n\thandler := server.NewApp(dockerConfig)\n\treturn &http.Server{\n\t\tAddr:    dockerConfig.HTTP.Addr,\n\t\tHandler: handler,\n\t}\n}\n',
  'pkg/dockerregistry/server/app.go': 'package server\n\nimport (\n\t"net/http"\n\n\t"github.com/distribution/distribution/v3/configuration"\n)\n\nfunc NewApp(c *configuration.Configuration) http.Handler {\n\treturn http.NotFoundHandler()\n}\n',
  'pkg/dockerregistry/server/test.go': 'package server\n\nimport (\n\t"github.com/openshift/image-registry/pkg/dockerregistry/server/configuration"\n)\n\nfunc newTestRegistry() error {\n\tcfg := &configuration.Configuration{\n\t\tServer: &configuration.Server{\n\t\t\tAddr: "localhost:5000",\n\t\t},\n\t}\n\treturn configuration.InitExtraConfig(cfg)\n}\n',
  'pkg/dockerregistry/server/configuration/configuration.go': 'package configuration\n\ntype Server struct {\n\tAddr string\n}\n\ntype Configuration struct {\n\tServer *Server\n}\n\nfunc InitExtraConfig(c *Configuration) error { return nil }\n',
};

describe('judge 42 G6: a literal only tests reach is no default of the listener', () => {
  it('image-registry (pkg/dockerregistry/server/test.go:46): no "binds localhost" Check; the configuration decides', async () => {
    const r = await gen(tree(imageRegistry, {}), { package: './cmd/dockerregistry' });
    assert.ok(!r.warnings.some((x) => x.includes('localhost:5000') || x.includes('test.go')), r.warnings.join('\n'));
    assert.ok(r.warnings.some((x) => x.startsWith('No EXPOSE: the program listens on an address its configuration holds (http.Server{Addr: dockerConfig.HTTP.Addr} in pkg/cmd/dockerregistry/dockerregistry.go), and go-dockerfile found no default for it in the sources')), r.warnings.join('\n'));
    assert.doesNotMatch(r.dockerfile, /^EXPOSE /m, r.dockerfile);
  });

  it('negative: the same literal in a function the program calls still gives the configured-port Checks', async () => {
    const dir = tree(imageRegistry, {
      'pkg/dockerregistry/server/app.go': imageRegistry['pkg/dockerregistry/server/app.go']!.replace('\treturn http.NotFoundHandler()', '\t_ = newTestRegistry()\n\treturn http.NotFoundHandler()'),
    });
    const r = await gen(dir, { package: './cmd/dockerregistry' });
    assert.ok(r.warnings.some((x) => x.startsWith('No EXPOSE: the program listens on a port its configuration sets: ') && x.includes('Pass --port 5000')), r.warnings.join('\n'));
    assert.ok(r.warnings.some((x) => x.startsWith('By default that listener binds localhost')), r.warnings.join('\n'));
  });
});
