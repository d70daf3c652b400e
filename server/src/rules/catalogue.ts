/**
 * Everything said about the rules outside their pages' bodies, derived from their declarations:
 * the README's rule table, docs/rules/README.md's tables, each page's header, the SARIF rule
 * metadata and the `goDockerfile.rules` settings schema. scripts/rule-docs.ts writes the files;
 * test/unit/rule-docs.test.ts fails when one is stale.
 */
import type { Rule, Severity } from './types';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export function severitiesOf(r: Rule): readonly Severity[] {
  return r.severities ?? [r.severity];
}

const byCode = (rules: readonly Rule[]) => [...rules].sort((a, b) => a.code.localeCompare(b.code));

const FIX_CELL: Record<Rule['fix'], string> = { safe: 'yes (fix-all)', unsafe: 'yes', command: 'yes + generator', none: 'none' };

/** The table in the top-level README (links relative to the repository root). */
export function readmeTable(rules: readonly Rule[]): string {
  const rows = byCode(rules).map((r) => `| [${r.code}](docs/rules/${r.code}.md) | ${r.name} | ${severitiesOf(r).join(' / ')} | ${r.needsWorkspace ? 'yes' : 'no'} | ${FIX_CELL[r.fix]} |`);
  return ['| Code | Rule | Severity | Workspace | Quick fix |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** One table of docs/rules/README.md: the rules whose code starts with `prefix` (GD1, GD2, GD3). */
export function docsTable(rules: readonly Rule[], prefix: string): string {
  const rows = byCode(rules).filter((r) => r.code.startsWith(prefix)).map((r) =>
    `| [${r.code}](${r.code}.md) | ${r.name} | ${r.summary} | ${severitiesOf(r).join(' / ')} | ${FIX_CELL[r.fix]} | ${r.needsWorkspace ? 'yes' : 'no'} |`);
  return ['| Code | Name | Finds | Severity | Fix | Workspace |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

export const HEADER_END = '<!-- The lines above are generated from the rule\'s declaration (npm run docs:rules). -->';

/** A page's title and header list, up to and including the HEADER_END marker. */
export function pageHeader(r: Rule): string {
  const note = (s: string | undefined) => (s ? ` ${s}` : '');
  const fix = r.fix === 'none' ? '**none**' : r.fix === 'safe' ? '**yes**, applied by fix-all when safe' : r.fix === 'command' ? '**yes**, and a command that generates a Dockerfile' : '**yes**, not applied by fix-all';
  const lines = [
    `# ${r.code} — ${r.name}`,
    '',
    `${r.summary}.`,
    '',
    `- Default severity: **${r.severity}**${note(r.docs?.severity)}`,
    `- Needs the Go workspace: **${r.needsWorkspace ? 'yes' : 'no'}**${note(r.docs?.workspace)}`,
    `- Quick fix: ${fix}${note(r.docs?.fix)}`,
  ];
  if (r.peers?.length) lines.push(`- Peer${r.peers.length > 1 ? 's' : ''}: ${r.docs?.peers ?? peersText(r.peers)}`);
  lines.push(HEADER_END);
  return lines.join('\n');
}

function peersText(peers: readonly string[]): string {
  const hadolint = peers.filter((p) => /^DL\d+$/.test(p));
  const buildkit = peers.filter((p) => !hadolint.includes(p));
  const part = (tool: string, codes: string[]) => (codes.length ? `${tool} ${codes.map((c) => `**${c}**`).join(', ')}` : null);
  return [part('BuildKit', buildkit), part('hadolint', hadolint)].filter(Boolean).join(', ');
}

/**
 * A page with its header regenerated: everything before the first `## ` section is replaced.
 * The body stays as written.
 */
export function withHeader(page: string, r: Rule): string {
  const eol = page.includes('\r\n') ? '\r\n' : '\n';
  const at = page.search(/^## /m);
  const body = at < 0 ? '' : page.slice(at);
  return pageHeader(r).replace(/\n/g, eol) + eol + eol + body;
}

/** `contributes.configuration.properties["goDockerfile.rules"]` of package.json. */
export function settingsSchema(rules: readonly Rule[]): object {
  const value = { type: 'string', enum: [...SEVERITIES, 'off'] };
  return {
    type: 'object',
    default: {},
    properties: Object.fromEntries(rules.map((r) => [r.code, { ...value, markdownDescription: `${r.name}: ${r.summary}. Default: \`${r.severity}\`.` }])),
    additionalProperties: value,
    markdownDescription: 'Per-rule severity or `off`, e.g. `{ "GD110": "off", "GD304": "warning" }`.',
  };
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function sarifLevel(s: Severity): 'error' | 'warning' | 'note' {
  return LEVEL[s];
}

/** A SARIF reportingDescriptor (tool.driver.rules[]) for a rule. */
export function sarifRule(r: Rule, helpUri: string): object {
  return {
    id: r.code,
    name: r.name,
    shortDescription: { text: r.summary },
    helpUri,
    help: { text: `${r.summary}. See ${helpUri}` },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { tags: ['dockerfile', 'go'], fix: r.fix, needsWorkspace: r.needsWorkspace, ...(r.peers?.length ? { peers: r.peers } : {}) },
  };
}
