import type { DockerfileModel } from '../dockerfile/model';
import { instructionLineAt } from '../rules/analyze';
import type { Finding } from '../rules/types';
import { insertLinesBefore, replace, type Edit } from '../edits/edits';

const PRAGMA = /^(\s*)#\s*go-dockerfile\s+ignore\s*=\s*([A-Za-z0-9_,\s]*?)\s*$/i;

/** "Ignore GDxxx for this instruction": add the code to the pragma above it, or write one. */
export function ignoreForInstruction(model: DockerfileModel, finding: Finding): Edit | null {
  const line = instructionLineAt(model, finding.span.start);
  if (line === undefined) return null;
  if (line > 0) {
    const above = model.lines.lineText(line - 1);
    const m = PRAGMA.exec(above);
    if (m) {
      const codes = m[2].split(',').map((c) => c.trim()).filter(Boolean);
      if (codes.includes(finding.code)) return null;
      const start = model.lines.starts[line - 1];
      return replace(start, start + above.length, `${m[1]}# go-dockerfile ignore=${[...codes, finding.code].join(',')}`);
    }
  }
  const indent = /^[ \t]*/.exec(model.lines.lineText(line).replace(/^\uFEFF/, ''))?.[0] ?? '';
  return insertLinesBefore(model, line, [`${indent}# go-dockerfile ignore=${finding.code}`]);
}
