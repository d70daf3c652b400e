import { insert } from '../edits/edits';
import { scriptSpan, toDoc } from '../dockerfile/model';
import { mounts } from '../dockerfile/mounts';
import type { Rule, RuleFinding } from './types';

export const gd301: Rule = {
  code: 'GD301',
  name: 'apk-without-no-cache',
  summary: '`apk add` without `--no-cache`',
  severity: 'information',
  needsWorkspace: false,
  peers: ['DL3019'],
  fix: 'safe',
  facts: [],
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const instr of ctx.model.instructions) {
      if (instr.keyword !== 'RUN' || !instr.script) continue;
      if (mounts(instr).some((m) => m.target?.includes('/var/cache/apk'))) continue;
      const cmds = instr.script.parsed.commands;
      const cleans = cmds.some((c) => c.argv[0]?.value === 'rm' && c.argv.some((w) => w.value.startsWith('/var/cache/apk')));
      if (cleans) continue;
      for (const c of cmds) {
        if (c.argv[0]?.value !== 'apk') continue;
        const addIndex = c.argv.findIndex((w, i) => i > 0 && w.value === 'add');
        if (addIndex < 0 || c.argv.some((w) => w.value === '--no-cache')) continue;
        const add = c.argv[addIndex];
        out.push({
          message: '`apk add` without `--no-cache` leaves the package index (~2-3 MB) in this layer.',
          span: scriptSpan(instr.script, c.start, c.end),
          fix: { title: 'Add --no-cache to apk add', edits: [insert(toDoc(instr.script, add.end - 1) + 1, ' --no-cache')], safe: true },
        });
      }
    }
    return out;
  },
};
