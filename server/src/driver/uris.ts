/**
 * Document URIs come from the client and may be anything (`file://host/x`, `untitled:`, `git:`,
 * a number). Only a local `file:` URI names a file the server may read; every other document gets
 * the workspace-free rules. Never throws.
 */
import { fileURLToPath } from 'url';

/** The local path of a `file:` URI, or undefined (another scheme, a remote host, not a string, malformed). */
export function localPath(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    // Throws for `file://host/…` (a UNC path elsewhere) and for encoded slashes.
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
