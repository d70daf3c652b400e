/**
 * `.go-dockerfile.json`: the repository's rule settings, same shape as the
 * `goDockerfile.rules` setting (`{ "GD110": "off", "GD304": "warning" }`). The nearest one
 * at or above the Dockerfile's folder applies.
 */
import * as fs from 'fs';
import * as path from 'path';
import { sanitizeRulesConfig, type RulesConfig } from '../rules/config';
import { readRegularFile } from '../workspace/safeRead';

export const CONFIG_FILE = '.go-dockerfile.json';

export function findConfigFile(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const p = path.join(d, CONFIG_FILE);
    if (fs.existsSync(p)) return p;
    if (path.dirname(d) === d) return undefined;
  }
}

/** Reads a config file; a broken one yields no settings and a message, never an exception. */
export function readConfigFile(file: string): { rules: RulesConfig; error?: string } {
  try {
    const raw: unknown = JSON.parse(readRegularFile(file).replace(/^\uFEFF/, ''));
    // Also accept `{ "rules": { ... } }`, the way the setting is written in settings.json.
    const value = raw && typeof raw === 'object' && 'rules' in raw ? (raw as { rules: unknown }).rules : raw;
    return { rules: sanitizeRulesConfig(value) };
  } catch (e) {
    return { rules: {}, error: `${file}: ${(e as Error).message}` };
  }
}

/** The editor's setting wins over the repository file, code by code. */
export function mergeRulesConfig(fromFile: RulesConfig, fromSettings: RulesConfig): RulesConfig {
  return { ...fromFile, ...fromSettings };
}
