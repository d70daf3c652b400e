import { gd104 } from './gd104-sources-before-modules';
import { gd201 } from './gd201-toolchain-in-final-image';
import { gd204 } from './gd204-final-user-root';
import { gd206 } from './gd206-shell-form-without-shell';
import { gd301 } from './gd301-apk-without-no-cache';
import type { Rule } from './types';

/** Every rule, in catalogue order. */
export const RULES: readonly Rule[] = [gd104, gd201, gd204, gd206, gd301];

export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.code, r]));
