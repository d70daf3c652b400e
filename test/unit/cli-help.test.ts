// `--help`/`-h` on every subcommand, `help COMMAND`, `--version`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli as run } from './cliRun';
import { COMMANDS } from '../../server/src/cli/help';

describe('go-dockerfile help', () => {
  for (const command of COMMANDS) {
    it(`${command} --help and -h print the command's usage and options, exit 0`, async () => {
      for (const flag of ['--help', '-h']) {
        // Also after other arguments, even invalid ones: help wins over a usage error.
        for (const argv of [[command, flag], [command, 'Dockerfile', '--frobnicate', flag]]) {
          const r = await run(...argv);
          assert.equal(r.code, 0, `${argv.join(' ')}: ${r.err}`);
          assert.equal(r.err, '');
          assert.match(r.out, new RegExp(`^Usage: go-dockerfile ${command} `));
          assert.match(r.out, /\n {2}-h, --help /);
          assert.match(r.out, /Exit codes: 0 /);
        }
      }
      assert.equal((await run('help', command)).out, (await run(command, '--help')).out);
    });
  }

  it('every option a command accepts is described in its help', async () => {
    const lint = (await run('lint', '-h')).out;
    for (const f of ['text', 'json', 'sarif', 'github', 'gitlab']) assert.match(lint, new RegExp(`\\b${f}\\b`));
    for (const [command, options] of [
      ['lint', ['--context', '--format', '--fix', '--fail-on']],
      ['generate', ['--package', '--runtime', '--stamp-version', '--no-stamp-version', '--stdout', '--force', '--format']],
      ['layers', ['--context', '--changed', '--change', '--target', '--build-arg', '--format']],
    ] as const) {
      const help = (await run(command, '--help')).out;
      const described = help.split('Options:')[1] ?? '';
      for (const o of options) assert.match(described, new RegExp(`\\n {2}(?:\\S+, )?${o}\\b`), `${command} --help describes ${o}`);
    }
  });

  it('--help alone lists every command; --version prints the version', async () => {
    const help = await run('--help');
    assert.equal(help.code, 0);
    for (const c of COMMANDS) assert.match(help.out, new RegExp(`go-dockerfile ${c} `));
    const v = await run('--version');
    assert.equal(v.code, 0);
    assert.match(v.out, /^\d+\.\d+\.\d+/);
    assert.equal((await run('-V')).out, v.out);
  });

  it('an unknown command still exits 2 with the usage', async () => {
    const r = await run('frobnicate', '--help');
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown command "frobnicate"/);
  });
});
