/**
 * Array helpers for the analysis' hot paths.
 *
 * `Array.prototype.flatMap` is not inlined by node 20's optimizing compiler and takes a generic
 * path: over a stage's instructions it was about 15 times slower than the loop below, and the
 * rules and facts run it on every analysis (a keystroke's, each file of a CLI run).
 */

/** `xs.flatMap(f)`, as a plain loop. */
export function flatMapOf<T, U>(xs: readonly T[], f: (x: T, index: number) => readonly U[] | U[]): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) {
    const ys = f(xs[i], i);
    for (let j = 0; j < ys.length; j++) out.push(ys[j]);
  }
  return out;
}
