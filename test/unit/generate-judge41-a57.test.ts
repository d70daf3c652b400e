/**
 * Generator defects of judging round 41 (judge G, G2/G10/G11), session 57, on skeletons of the
 * real repositories (repository, commit and licence with each), with the variants that keep the
 * old behaviour:
 *
 * - G11: a listen address given as the default of a pflag/cobra StringArray or StringSlice flag
 *   (`StringArrayP("web.listen-address", "l", []string{":9882"}, …)`) is a listen address: EXPOSE
 *   it (the judge's image had no EXPOSE 9882 and a Why saying no listen address was found);
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge41-a57');

// containers/prometheus-podman-exporter at f1d9353cc8df307f85723e515a17c56df2c80176 (Apache-2.0):
// go.mod (9,647 bytes) `module github.com/containers/prometheus-podman-exporter`, `go 1.23.3`;
// main.go (113 bytes) calls cmd.Execute(); cmd/root.go (3,395 bytes):18-22 `var ( buildVersion
// string; buildRevision string; buildBranch string )`, :79 `rootCmd.Flags().StringArrayP(
// "web.listen-address", "l", []string{":9882"}, "Addresses on which to expose metrics and web
// interface.")`; Containerfile (348 bytes):10 `EXPOSE 9882`.
const rootGo = (listen: string) => `package cmd

import (
\t"fmt"
\t"log"
\t"os"

\t"github.com/prometheus/common/version"
\t"github.com/spf13/cobra"
)

var (
\tbuildVersion  string
\tbuildRevision string
\tbuildBranch   string
)

var rootCmd = &cobra.Command{
\tUse:   "prometheus-podman-exporter",
\tShort: "prometheus-podman-exporter",
}

func Execute() {
\tif err := rootCmd.Execute(); err != nil {
\t\tlog.Print(err.Error())
\t\tos.Exit(1)
\t}
}

func init() {
\trootCmd.Flags().BoolP("debug", "d", false,
\t\t"Set log level to debug.")
\t${listen}
\trootCmd.Flags().StringP("web.telemetry-path", "p", "/metrics",
\t\t"Path under which to expose metrics.")
\t_ = fmt.Sprint(version.Version, buildVersion, buildRevision, buildBranch)
}
`;
const podmanExporter = (listen = 'rootCmd.Flags().StringArrayP("web.listen-address", "l", []string{":9882"},\n\t\t"Addresses on which to expose metrics and web interface.")'): Record<string, string | null> => ({
  'go.mod': 'module github.com/containers/prometheus-podman-exporter\n\ngo 1.23.3\n\nrequire (\n\tgithub.com/prometheus/common v0.63.0\n\tgithub.com/spf13/cobra v1.9.1\n)\n',
  'main.go': 'package main\n\nimport (\n\t"github.com/containers/prometheus-podman-exporter/cmd"\n)\n\nfunc main() {\n\tcmd.Execute()\n}\n',
  'cmd/root.go': rootGo(listen),
});

describe('judge 41 G11: a listen address in the default of a string-array or string-slice flag', () => {
  it('prometheus-podman-exporter cmd/root.go:79 StringArrayP(…, []string{":9882"}, …): EXPOSE 9882', async () => {
    const r = await gen(tree(podmanExporter(), {}));
    assert.match(r.dockerfile, /^EXPOSE 9882$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('EXPOSE 9882: the program listens on flag -web.listen-address default ":9882" in cmd/root.go')), r.reasons.join('\n'));
    assert.ok(!r.reasons.some((x) => x.startsWith('No EXPOSE')), r.reasons.join('\n'));
  });

  it('StringSliceVar with two addresses: both are listened on', async () => {
    const r = await gen(tree(podmanExporter('var listen []string\n\trootCmd.Flags().StringSliceVar(&listen, "listen-address", []string{":8080", ":9090"}, "Addresses to listen on.")'), {}));
    assert.match(r.dockerfile, /^EXPOSE 8080 9090$/m, r.dockerfile);
  });

  it('negative: an empty or nil default, a variable, a flag named for the servers it connects to: no EXPOSE', async () => {
    for (const listen of [
      'rootCmd.Flags().StringArrayP("web.listen-address", "l", []string{}, "Addresses on which to expose metrics.")',
      'rootCmd.Flags().StringSliceP("web.listen-address", "l", nil, "Addresses on which to expose metrics.")',
      'rootCmd.Flags().StringArrayP("web.listen-address", "l", defaults, "Addresses on which to expose metrics.")',
      'rootCmd.Flags().StringSliceP("peers", "", []string{":9882"}, "Peers to connect to.")',
    ]) {
      const r = await gen(tree(podmanExporter(listen), {}));
      assert.doesNotMatch(r.dockerfile, /^EXPOSE/m, `${listen}\n${r.dockerfile}`);
    }
  });

  it('kingpin: Flag("web.listen-address", …).Default(":9100", ":9101").Strings(): both; without .Strings() the first only', async () => {
    const main = (tail: string) => `package main\n\nimport (\n\t"net/http"\n\n\t"github.com/alecthomas/kingpin/v2"\n)\n\nfunc main() {\n\taddrs := kingpin.Flag("web.listen-address", "Addresses on which to expose metrics.").Default(":9100", ":9101")${tail}\n\tkingpin.Parse()\n\t_ = addrs\n\t_ = http.ListenAndServe\n}\n`;
    const strings = await gen(tree({ 'go.mod': 'module example.com/exp\n\ngo 1.23\n', 'main.go': main('.Strings()') }, {}));
    assert.match(strings.dockerfile, /^EXPOSE 9100 9101$/m, strings.dockerfile);
    const one = await gen(tree({ 'go.mod': 'module example.com/exp\n\ngo 1.23\n', 'main.go': main('.String()') }, {}));
    assert.match(one.dockerfile, /^EXPOSE 9100$/m, one.dockerfile);
  });
});
