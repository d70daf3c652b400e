import { codes } from '../../helpers';

/** Helpers of the rules.test.ts suites, shared with the one-rule files in test/unit/rules/. */
export const has = (text: string, code: string, opts = {}) => codes(text, opts).includes(code);
