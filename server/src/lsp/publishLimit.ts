/**
 * How many diagnostics of a file are published, and which.
 *
 * VS Code shows at most 1,000 diagnostics of one collection per file. Above that its extension
 * host keeps the errors, then the warnings, information and hints, each in the order given, up
 * to 1,000, and drops the rest behind one "Not showing N further errors and warnings." marker
 * (`ExtHostDiagnostics._maxDiagnosticsPerFile`). Sending the others anyway cost every keystroke
 * their conversion, their JSON, the pipe and the client's parse of them: the 14,000-line file of
 * bench/typing.bench.mjs has 3,503 findings, 1.7 MB of JSON per publish, of which an editor
 * showed 1,000. The server makes the same choice before converting, for any client, and its
 * own marker says how many findings it left out and where the first of them is.
 */

/** VS Code's limit per file, the marker included (a 1,001st diagnostic would be dropped again). */
export const PUBLISHED_LIMIT = 1000;

/**
 * The items to publish, in their order: all of them when they fit in `limit`; otherwise
 * `limit - 1` chosen as VS Code chooses (lower rank first: 0 error .. 3 hint, in order within a
 * rank), leaving room for the marker. `firstOmitted` is the first item left out, in order.
 */
export function selectForPublishing<T>(items: readonly T[], rank: (item: T) => number, limit = PUBLISHED_LIMIT): { kept: T[]; omitted: number; firstOmitted?: T } {
  if (items.length <= limit) return { kept: items.slice(), omitted: 0 };
  const room = limit - 1;
  // Per rank, how many fit: every item of the ranks before the cut, the first few of the cut's.
  const counts = [0, 0, 0, 0];
  for (const item of items) counts[clampRank(rank(item))]++;
  const allowed = [0, 0, 0, 0];
  let left = room;
  for (let r = 0; r < 4; r++) {
    allowed[r] = Math.min(counts[r], left);
    left -= allowed[r];
  }
  const kept: T[] = [];
  let firstOmitted: T | undefined;
  for (const item of items) {
    const r = clampRank(rank(item));
    if (allowed[r] > 0) {
      allowed[r]--;
      kept.push(item);
    } else {
      firstOmitted ??= item;
    }
  }
  return { kept, omitted: items.length - kept.length, firstOmitted };
}

/** Unknown severities count as hints, as VS Code files them last. */
const clampRank = (r: number) => (r >= 0 && r <= 3 ? r : 3);

export function omittedMessage(omitted: number): string {
  return `Not showing ${omitted} further finding${omitted === 1 ? '' : 's'} here: editors show at most ${PUBLISHED_LIMIT} per file (errors first). \`go-dockerfile lint\` lists them all; fix-all fixes them all.`;
}
