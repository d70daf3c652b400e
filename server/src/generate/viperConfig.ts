/**
 * A configuration file the program finds through viper's search (`SetConfigName("config")` with
 * `AddConfigPath(".")`, `AddConfigPath("/etc/hysteria/")`) and stops without: a
 * `ReadInConfig()` whose error makes it exit, with no test for viper's ConfigFileNotFoundError
 * (apernet/hysteria cb70589 app/cmd/root.go:127-134 searches ., $HOME/.hysteria and /etc/hysteria/
 * unless --config names the file; app/cmd/client.go:840-841 `if err := v.ReadInConfig(); err !=
 * nil { logger.Fatal("failed to read client config", …) }`). The image holds no such file, so the
 * container stops at start until one is mounted: the Check says where.
 *
 * Plain text over comment-blanked sources, like the rest of the generator's readings.
 */
import { stripGoComments } from '../workspace/goText';
import { closingBrace } from './goSource';

interface Source { dir: string; files: readonly { file: string; text: string }[] }

export interface ViperSearch {
  /** SetConfigName's argument (`config`). */
  name: string;
  /** SetConfigType's argument when the file sets one (`yaml`), else null. */
  type: string | null;
  /** The folders, as written (`.`, `$HOME/.hysteria`, `/etc/hysteria/`). */
  folders: string[];
  /** `app/cmd/root.go:130`: where the search is set. */
  at: string;
  /** `app/cmd/client.go:840`: the ReadInConfig that stops. */
  stops: string;
  /** The flag whose value goes to SetConfigFile in the same file (`config`), else null. */
  flag: string | null;
}

const STOP = /\b(?:Fatal(?:f|ln)?|Exit(?:f)?|panic)\s*\(/;

const line = (text: string, at: number) => text.slice(0, at).split('\n').length;

/**
 * The one viper search of the program's packages (null when none, or several files set one, or a
 * file sets a literal config file or path of its own: SetConfigFile("…")), with the
 * ReadInConfig that stops the program when it finds nothing.
 */
export function viperSearch(pkgs: readonly Source[]): ViperSearch | null {
  const files = pkgs.flatMap((p) => p.files.filter((f) => !f.file.endsWith('_test.go')).map((f) => ({ path: p.dir === '' ? f.file : `${p.dir}/${f.file}`, text: stripGoComments(f.text) })));
  const setters = files.filter((f) => /\.SetConfigName\(\s*"/.test(f.text));
  if (setters.length !== 1 || files.some((f) => /\.SetConfigFile\(\s*"/.test(f.text))) return null;
  const f = setters[0];
  const names = [...f.text.matchAll(/\.SetConfigName\(\s*"([A-Za-z0-9_.-]+)"\s*\)/g)];
  if (names.length !== 1) return null;
  const folders = [...f.text.matchAll(/\.AddConfigPath\(\s*"([^"\n]+)"\s*\)/g)].map((m) => m[1]);
  // Every folder literal: one computed elsewhere (a path the program builds) is not named here.
  if (folders.length === 0 || /\.AddConfigPath\(\s*[^"\s)]/.test(f.text)) return null;
  let stops: string | null = null;
  for (const g of files) {
    for (const m of g.text.matchAll(/\bif\s+err\s*:?=\s*[A-Za-z_][A-Za-z0-9_.]*\.ReadInConfig\(\)\s*;\s*err\s*!=\s*nil\s*\{/g)) {
      const open = m.index! + m[0].length - 1;
      const body = g.text.slice(open + 1, closingBrace(g.text, open));
      // The program tolerates a missing file there: no stop to report.
      if (/ConfigFileNotFoundError|IsNotExist/.test(body)) return null;
      if (STOP.test(body) && !/\breturn\b/.test(body)) stops ??= `${g.path}:${line(g.text, m.index!)}`;
    }
  }
  if (stops === null) return null;
  const type = /\.SetConfigType\(\s*"([a-z]+)"\s*\)/.exec(f.text)?.[1] ?? null;
  // The flag that names the file instead (`StringVarP(&cfgFile, "config", "c", "", …)`, then `SetConfigFile(cfgFile)`).
  const fileVar = /\.SetConfigFile\(\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\)/.exec(f.text)?.[1];
  const flag = fileVar === undefined ? null : files.map((g) => new RegExp(`\\.StringVarP?\\(\\s*&${fileVar.replace(/\./g, '\\.')}\\s*,\\s*"([a-z][a-z0-9-]*)"`).exec(g.text)?.[1]).find((x) => x !== undefined) ?? null;
  return { name: names[0][1], type, folders, at: `${f.path}:${line(f.text, names[0].index!)}`, stops, flag };
}
