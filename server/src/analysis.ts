/**
 * Text -> model -> findings, the one pipeline every consumer (LSP, CLI, fix-all) runs.
 */
import { parseDockerfile } from './dockerfile/parse';
import type { DockerfileModel } from './dockerfile/model';
import { initShellParser } from './dockerfile/shell';
import { analyze, type AnalyzeOptions } from './rules/analyze';
import type { Finding } from './rules/types';

export { initShellParser as initAnalysis };

export interface Analysis {
  model: DockerfileModel;
  findings: Finding[];
}

/** `previous`: the model of an earlier version of the same document, to parse only what changed. */
export function analyzeText(text: string, opts: AnalyzeOptions = {}, previous?: DockerfileModel): Analysis {
  const model = parseDockerfile(text, previous);
  return { model, findings: analyze(model, opts) };
}
