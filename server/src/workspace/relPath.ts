/**
 * Context-relative paths as the workspace indexes keep them: '/'-separated, '' for the root.
 * String work only (no disk), shared by the file index, the package index and the loader.
 */
import { fileNameMatchesLinux } from './goImports';

/** Folders walked with `lstat` only, after the source tree (`docker build` may skip them whole). */
export const DEFERRED = new Set(['.git', 'node_modules', 'vendor']);

export function dirOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}
export function baseOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? rel : rel.slice(i + 1);
}
export function join(dir: string, name: string): string {
  return dir === '' ? name : dir + '/' + name;
}
export function topOf(rel: string): string {
  const i = rel.indexOf('/');
  return i < 0 ? rel : rel.slice(0, i);
}
export function isUnder(rel: string, dir: string): boolean {
  return dir === '' || rel === dir || (rel.length > dir.length && rel.startsWith(dir) && rel.charCodeAt(dir.length) === 0x2f);
}
/** Inside a deferred folder (.git, node_modules, vendor) at any depth. */
export function inDeferred(rel: string): boolean {
  for (const seg of rel.split('/')) if (DEFERRED.has(seg)) return true;
  return false;
}

/** Folders whose .go files the go tool reads: no testdata, vendor, node_modules, `.x` or `_x` segment. */
export function isGoSourceDir(relDir: string): boolean {
  if (relDir === '') return true;
  for (const seg of relDir.split('/')) {
    if (seg === 'testdata' || seg === 'vendor' || seg === 'node_modules' || seg.startsWith('.') || seg.startsWith('_')) return false;
  }
  return true;
}

/** A non-test .go file a linux build may compile (by name). */
export function isPackageGoFile(name: string): boolean {
  return name.endsWith('.go') && !name.endsWith('_test.go') && !name.startsWith('_') && !name.startsWith('.') && fileNameMatchesLinux(name);
}
