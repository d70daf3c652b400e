/** The hash a measurement records of the Dockerfile text it built. */
export function textHash(text: string): string {
  // Required here: `crypto` costs milliseconds of every CLI start, and only layers hashes.
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
