/**
 * A word `name=value` is an assignment only when the name is a shell name (an identifier):
 * bash runs `--port=8080` as a command, while tree-sitter-bash reads it as an assignment
 * (dockerfile/shell.ts validName). A shell-form CMD of flags under an exec-form ENTRYPOINT is
 * such a word (GD217, kubernetes-csi/csi-driver-iscsi's pattern).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseShell } from '../../server/src/dockerfile/shell';
import { ready } from './helpers';

before(() => ready);

const argv = (script: string) => parseShell(script).commands.map((c) => c.argv.map((w) => w.value));
const names = (script: string) => parseShell(script).assignments.map((a) => a.name);

describe('shell assignments and commands', () => {
  it('a flag with `=` alone is a command of one word, and a simple script', () => {
    assert.deepEqual(argv('--port=8080'), [['--port=8080']]);
    assert.deepEqual(names('--port=8080'), []);
    assert.equal(parseShell('--port=8080').simple, true);
    assert.deepEqual(argv('--config=/etc/app.yaml --port 8080'), [['--config=/etc/app.yaml', '--port', '8080']]);
  });

  it('identifiers stay assignments, alone and before a command', () => {
    assert.deepEqual(names('GOFLAGS=-mod=vendor'), ['GOFLAGS']);
    assert.deepEqual(argv('GOFLAGS=-mod=vendor'), []);
    assert.deepEqual(names('_x1=2; export _x1'), ['_x1']);
    const [c] = parseShell('CGO_ENABLED=0 go build -o /app .').commands;
    assert.deepEqual(c.env.map((a) => a.name), ['CGO_ENABLED']);
    assert.deepEqual(c.argv.map((w) => w.value), ['go', 'build', '-o', '/app', '.']);
  });
});
