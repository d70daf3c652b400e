import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

/** Where the rule pages are published, for places with no local copy (SARIF, other machines). */
export const DOCS_BASE_URL = 'https://github.com/go-dockerfile/go-dockerfile/blob/main/docs/rules/';

let localDocs: string | null | undefined;

/** The docs/rules folder shipped beside dist/ (in the .vsix and the repository), if present. */
function localDocsDir(): string | null {
  if (localDocs === undefined) {
    const candidates = [path.resolve(__dirname, '../docs/rules'), path.resolve(__dirname, '../../../docs/rules')];
    localDocs = candidates.find((d) => fs.existsSync(path.join(d, 'README.md'))) ?? null;
  }
  return localDocs;
}

/** The page a diagnostic links to: the local copy when shipped, else the published one. */
export function ruleDocUrl(code: string, preferLocal = true): string {
  const dir = preferLocal ? localDocsDir() : null;
  return dir ? pathToFileURL(path.join(dir, `${code}.md`)).href : `${DOCS_BASE_URL}${code}.md`;
}
