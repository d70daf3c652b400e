import { createHash } from 'node:crypto';

/** The hash a measurement records of the Dockerfile text it built. */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
