import * as fs from 'fs';
import * as path from 'path';

/** The nearest folder at or above `dir` holding go.mod or go.work (the default build context). */
export function nearestModuleRoot(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'go.mod')) || fs.existsSync(path.join(d, 'go.work'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}
