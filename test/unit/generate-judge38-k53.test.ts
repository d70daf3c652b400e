/**
 * The generator on real repositories of round 38 (judges G, X and Y; engineer k53). Each case is a
 * small skeleton of the real repository (the files that matter, with their sizes in the
 * repository, go.mod and the import blocks), with its repository, commit and licence above it,
 * plus variants that keep the old behaviour where it is right.
 *
 * 1. A cobra command executed through k8s.io/component-base/cli (`os.Exit(cli.Run(app.NewMigratorCommand(ctx)))`)
 *    is the program's root command: one with RunE and no subcommands is no "CLI with subcommands"
 *    (kubernetes-sigs/kube-storage-version-migrator cmd/migrator, judge 38 G G7).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge38-k53');

// kubernetes-sigs/kube-storage-version-migrator at 5c8923c5ff96ceb4435f66b986b5aec2dd0cbc22
// (Apache-2.0): go.mod (3,240 bytes) `module sigs.k8s.io/kube-storage-version-migrator`, go 1.20;
// cmd/migrator/migrator.go (296 bytes) line 15 `os.Exit(cli.Run(app.NewMigratorCommand(ctx)))`;
// cmd/migrator/app/migrator.go (2,399 bytes) lines 32-37 the one cobra command, Use
// "kube-storage-migrator", with RunE and no AddCommand; line 50 `http.ListenAndServe(":2112", nil)`.
const migratorApp = (extra: string) => `package app\n\nimport (\n\t"context"\n\t"net/http"\n\n\t"github.com/spf13/cobra"\n)\n\nfunc NewMigratorCommand(ctx context.Context) *cobra.Command {\n\tc := &cobra.Command{\n\t\tUse:  "kube-storage-migrator",\n\t\tLong: \`The Kubernetes storage migrator migrates resources based on the StorageVersionMigrations APIs.\`,\n\t\tRunE: func(cmd *cobra.Command, args []string) error {\n\t\t\treturn run(cmd.Context())\n\t\t},\n\t}\n${extra}\tc.SetContext(ctx)\n\treturn c\n}\n\nfunc run(ctx context.Context) error {\n\tgo func() { http.ListenAndServe(":2112", nil) }()\n\t<-ctx.Done()\n\treturn nil\n}\n`;
const migrator: Record<string, string | null> = {
  'go.mod': 'module sigs.k8s.io/kube-storage-version-migrator\n\ngo 1.20\n\nrequire (\n\tgithub.com/spf13/cobra v1.6.0\n\tk8s.io/component-base v0.27.4\n)\n',
  'go.sum': 'github.com/spf13/cobra v1.6.0 h1:x=\ngithub.com/spf13/cobra v1.6.0/go.mod h1:y=\nk8s.io/component-base v0.27.4 h1:x=\nk8s.io/component-base v0.27.4/go.mod h1:y=\n',
  'cmd/migrator/migrator.go': 'package main\n\nimport (\n\t"context"\n\t"os"\n\t"os/signal"\n\n\t"k8s.io/component-base/cli"\n\t"sigs.k8s.io/kube-storage-version-migrator/cmd/migrator/app"\n)\n\nfunc main() {\n\tctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)\n\tdefer stop()\n\tos.Exit(cli.Run(app.NewMigratorCommand(ctx)))\n}\n',
  'cmd/migrator/app/migrator.go': migratorApp(''),
};

describe('1. kube-storage-version-migrator: the command cli.Run executes is the root', () => {
  it('one cobra command with RunE: no Check asking for a subcommand, no CMD', async () => {
    const r = await gen(tree(migrator, {}));
    assert.ok(!r.warnings.some((w) => w.includes('CLI with subcommands')), r.warnings.join('\n'));
    assert.doesNotMatch(r.dockerfile, /\nCMD /, r.dockerfile);
    assert.match(r.dockerfile, /\nEXPOSE 2112\n/, r.dockerfile);
  });

  it('the same through a variable (`cmd := app.NewMigratorCommand(ctx)`, `code := cli.Run(cmd)`)', async () => {
    const r = await gen(tree(migrator, {
      'cmd/migrator/migrator.go': 'package main\n\nimport (\n\t"context"\n\t"os"\n\n\t"k8s.io/component-base/cli"\n\t"sigs.k8s.io/kube-storage-version-migrator/cmd/migrator/app"\n)\n\nfunc main() {\n\tctx := context.Background()\n\tcmd := app.NewMigratorCommand(ctx)\n\tcode := cli.Run(cmd)\n\tos.Exit(code)\n}\n',
    }));
    assert.ok(!r.warnings.some((w) => w.includes('CLI with subcommands')), r.warnings.join('\n'));
  });

  it('negative: a root without RunE that has subcommands keeps the Check, naming only them', async () => {
    const r = await gen(tree(migrator, {
      'cmd/migrator/app/migrator.go': migratorApp('\tc.AddCommand(&cobra.Command{Use: "migrate", RunE: func(cmd *cobra.Command, args []string) error { return nil }})\n\tc.AddCommand(&cobra.Command{Use: "check", RunE: func(cmd *cobra.Command, args []string) error { return nil }})\n').replace(/\t\tRunE: func\(cmd \*cobra\.Command, args \[\]string\) error \{\n\t\t\treturn run\(cmd\.Context\(\)\)\n\t\t\},\n/, ''),
    }));
    assert.ok(r.warnings.some((w) => w.startsWith('The program is a CLI with subcommands (migrate, check) and none')), r.warnings.join('\n'));
  });

  // karmada-io/karmada (Apache-2.0): cmd/karmadactl/karmadactl.go `cli.RunNoErrOutput(cmd)`;
  // pkg/karmadactl/karmadactl.go:73-79 the root `RunE: runHelp`, :187-189 `func runHelp(cmd
  // *cobra.Command, _ []string) error { return cmd.Help() }`: a root that only prints its help runs nothing.
  it('negative: a root whose RunE only prints the help (karmadactl\'s runHelp, cli.RunNoErrOutput) keeps the Check', async () => {
    const r = await gen(tree(migrator, {
      'cmd/migrator/migrator.go': migrator['cmd/migrator/migrator.go']!.replace('os.Exit(cli.Run(app.NewMigratorCommand(ctx)))', 'if err := cli.RunNoErrOutput(app.NewMigratorCommand(ctx)); err != nil {\n\t\tos.Exit(1)\n\t}'),
      'cmd/migrator/app/migrator.go': migratorApp('\tc.AddCommand(&cobra.Command{Use: "migrate", RunE: func(cmd *cobra.Command, args []string) error { return nil }})\n').replace('return run(cmd.Context())', 'return cmd.Help()'),
    }));
    assert.ok(r.warnings.some((w) => w.startsWith('The program is a CLI with subcommands (migrate) and none')), r.warnings.join('\n'));
  });
});
