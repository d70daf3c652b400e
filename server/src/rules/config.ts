import type { Severity } from './types';

export type RuleSetting = Severity | 'off';

/** `{ "GD110": "off", "GD304": "warning" }` from the goDockerfile.rules setting or .go-dockerfile.json. */
export type RulesConfig = Record<string, RuleSetting>;

const VALID = new Set<RuleSetting>(['error', 'warning', 'information', 'hint', 'off']);

/** Keeps the valid entries of an untrusted value (settings and files can hold anything). */
export function sanitizeRulesConfig(value: unknown): RulesConfig {
  const out: RulesConfig = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const code = k.toUpperCase();
    const setting = typeof v === 'string' ? (v.toLowerCase() === 'info' ? 'information' : v.toLowerCase()) : '';
    if (/^GD\d{3}$/.test(code) && VALID.has(setting as RuleSetting)) out[code] = setting as RuleSetting;
  }
  return out;
}
