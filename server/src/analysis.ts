/**
 * Text -> model -> findings, the one pipeline every consumer (LSP, CLI, fix-all) runs.
 */
import { parseDockerfile } from './dockerfile/parse';
import type { DockerfileModel } from './dockerfile/model';
import { initShellParser } from './dockerfile/shell';
import { analyzeReusing, type AnalyzeOptions } from './rules/analyze';
import { settleFixes, type StageFindings } from './rules/stageReuse';
import type { Finding } from './rules/types';

export { initShellParser as initAnalysis };

export interface Analysis {
  model: DockerfileModel;
  findings: Finding[];
  /** What stage-scoped rules found per stage, for the analysis of the next version. */
  stageFindings?: StageFindings;
}

/**
 * `previous`: the model of an earlier version of the same document, to parse only what changed;
 * `previousFindings`: that version's analysis's stageFindings (analysed with the same options),
 * to run stage-scoped rules only for the stages that changed.
 */
export function analyzeText(text: string, opts: AnalyzeOptions = {}, previous?: DockerfileModel, previousFindings?: StageFindings): Analysis {
  // Their fixes are built from `previous`, whose instructions the parse moves into the new model.
  if (previousFindings) settleFixes(previousFindings);
  const model = parseDockerfile(text, previous);
  const { findings, stageFindings } = analyzeReusing(model, opts, previousFindings);
  return { model, findings, stageFindings };
}
