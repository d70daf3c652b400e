/**
 * Writes what the rule declarations generate: the README's rule table, the tables of
 * docs/rules/README.md, each page's header, and the `goDockerfile.rules` schema in package.json.
 * `npm run docs:rules` writes them; test/unit/rule-docs.test.ts fails when one is stale.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { docsTable, readmeTable, settingsSchema, withHeader } from '../server/src/rules/catalogue';
import { RULES } from '../server/src/rules/registry';

/** Replaces the markdown table that starts with `headerLine` (up to the next blank line). */
function replaceTable(text: string, headerLine: RegExp, table: string, from = 0): string {
  const m = headerLine.exec(text.slice(from));
  if (!m) throw new Error(`no table matching ${headerLine}`);
  const start = from + m.index;
  const blank = text.indexOf('\n\n', start);
  const end = blank < 0 ? text.length : blank;
  return text.slice(0, start) + table + text.slice(end);
}

/** Every generated file: repository-relative path -> the text it must have. */
export function generatedFiles(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

  out.set('README.md', replaceTable(read('README.md'), /^\| Code \| Rule \|.*$/m, readmeTable(RULES)));

  let docs = read('docs/rules/README.md');
  for (const prefix of ['GD1', 'GD2', 'GD3']) {
    const section = docs.search(new RegExp(`^## ${prefix}xx`, 'm'));
    if (section < 0) throw new Error(`docs/rules/README.md: no "## ${prefix}xx" section`);
    docs = replaceTable(docs, /^\| Code \| Name \|.*$/m, docsTable(RULES, prefix), section);
  }
  out.set('docs/rules/README.md', docs);

  for (const r of RULES) {
    const rel = `docs/rules/${r.code}.md`;
    out.set(rel, withHeader(read(rel), r));
  }

  const pkg = JSON.parse(read('package.json'));
  pkg.contributes.configuration.properties['goDockerfile.rules'] = settingsSchema(RULES);
  out.set('package.json', JSON.stringify(pkg, null, 2) + '\n');
  return out;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  for (const [rel, text] of generatedFiles(root)) {
    const abs = path.join(root, rel);
    if (fs.readFileSync(abs, 'utf8') !== text) {
      fs.writeFileSync(abs, text);
      console.log(`wrote ${rel}`);
    }
  }
}
