/** SARIF 2.1.0 for code-scanning tools: one run, the rule catalogue as tool.driver.rules. */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ruleDocUrl } from '../driver/ruleDocs';
import { sarifLevel, sarifRule } from '../rules/catalogue';
import { RULES } from '../rules/registry';
import type { JsonFinding } from './jsonFinding';

export function toSarif(findings: JsonFinding[], version: string, cwd = process.cwd()): object {
  const ruleIndex = new Map(RULES.map((r, i) => [r.code, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'go-dockerfile',
          version,
          informationUri: 'https://github.com/go-dockerfile/go-dockerfile',
          rules: RULES.map((r) => sarifRule(r, ruleDocUrl(r.code, false))),
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd + path.sep).href } },
      results: findings.map((f) => ({
        ruleId: f.code,
        ruleIndex: ruleIndex.get(f.code),
        level: sarifLevel(f.severity),
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: relativeUri(f.file, cwd),
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        }],
      })),
    }],
  };
}

function relativeUri(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  return { uri: pathToFileURL(abs).href };
}
