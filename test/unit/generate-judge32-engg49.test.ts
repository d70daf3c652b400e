/**
 * The generator on real repositories of round 32 (judges X and Y, generator sections): each case a
 * small skeleton of a real repository (the files that matter, with their sizes in the repository,
 * go.mod and the few relevant lines), with its repository, commit and licence above it, plus the
 * variants that keep the old behaviour where it is right.
 *
 * 3. (X) txn2/kubefwd: it edits /etc/hosts through txeh (facts/rootNeeds.ts HOSTS_FILE_EDITOR, the
 *    fact GD204 reads): USER 0:0, not 65532.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, genClean, tree } = generatorTrees('judge32-engg49');

const runtimeOf = (dockerfile: string): string => dockerfile.slice(dockerfile.lastIndexOf('\nFROM ') + 1);

// txn2/kubefwd at c64c46e (Apache-2.0): go.mod (5,779 bytes) `module github.com/txn2/kubefwd`,
// `go 1.26.0`, requires github.com/txn2/txeh v1.8.1; cmd/kubefwd/kubefwd.go (5,824 bytes) imports
// cmd/kubefwd/services (23,622 bytes), which imports pkg/fwdhost (2,302 bytes) and txeh
// (`txeh.NewHosts(&txeh.HostsConfig{…})` in setupHostsFile); pkg/utils/root.go checks `id -u`.
const kubefwd: Record<string, string | null> = {
  'go.mod': 'module github.com/txn2/kubefwd\n\ngo 1.26.0\n\nrequire github.com/txn2/txeh v1.8.1\n',
  'cmd/kubefwd/kubefwd.go': 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\n\t"github.com/txn2/kubefwd/cmd/kubefwd/services"\n)\n\nfunc main() {\n\tif err := services.Run(); err != nil {\n\t\tfmt.Println(err)\n\t\tos.Exit(1)\n\t}\n}\n',
  'cmd/kubefwd/services/services.go': 'package services\n\nimport (\n\t"github.com/txn2/kubefwd/pkg/fwdhost"\n\t"github.com/txn2/txeh"\n)\n\nfunc Run() error {\n\thostFile, err := txeh.NewHosts(&txeh.HostsConfig{})\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn fwdhost.BackupHostFile(hostFile)\n}\n',
  'pkg/fwdhost/fwdhost.go': 'package fwdhost\n\nimport (\n\t"github.com/txn2/txeh"\n)\n\nfunc BackupHostFile(h *txeh.Hosts) error { return nil }\n',
};

describe('3. kubefwd: a hosts-file editor runs as root', () => {
  it('USER 0:0 with the reason in the header (txeh), no non-root USER', async () => {
    const r = await genClean(tree(kubefwd, {}));
    const runtime = runtimeOf(r.dockerfile);
    assert.match(runtime, /\nUSER 0:0\n/, r.dockerfile);
    assert.doesNotMatch(runtime, /USER 65532/, r.dockerfile);
    assert.match(r.dockerfile, /# It runs as root: cmd\/kubefwd imports github\.com\/txn2\/txeh, which edits the hosts file/, r.dockerfile);
  });

  it('negative: without txeh, non-root as before', async () => {
    const r = await gen(tree(kubefwd, {
      'cmd/kubefwd/services/services.go': 'package services\n\nfunc Run() error { return nil }\n',
      'pkg/fwdhost/fwdhost.go': null,
    }));
    assert.match(runtimeOf(r.dockerfile), /\nUSER 65532:65532\n/, r.dockerfile);
  });
});
