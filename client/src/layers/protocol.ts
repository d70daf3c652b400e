/**
 * The layer model as the server sends it (`goDockerfile/layers`, DESIGN.md) and the messages
 * between the panel host and its webview. Shared by both sides; no runtime code.
 */
export interface LayerRow {
  line: number;
  instruction: string;
  createsLayer: boolean;
  kind: string;
  inputs?: string[];
  contextFiles?: number | null;
  contextBytes?: number | null;
  estimatedBytes?: number | null;
  rebuilt?: boolean;
  cacheMounts?: string[];
}

export interface StageRow {
  index: number;
  name: string | null;
  base: string;
  final: boolean;
  line: number;
  /** False for stages the final image does not need (BuildKit skips them). */
  reachesFinal?: boolean;
  layers: LayerRow[];
}

export interface LayerModel {
  stages: StageRow[];
  /** `layers`: the layers the Dockerfile adds; `totalLayers` with the base image's (null when unknown). */
  finalImage: { layers: number; estimatedBytes: number | null; baseLayers?: number | null; totalLayers?: number | null };
  cacheEfficiency?: number | null;
}

export interface Finding {
  line: number;
  code: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
}

/** What a "what if I change…" choice asks the server. */
export interface WhatIf {
  label: string;
  change?: string;
  changedFiles?: string[];
}

export type HostMessage =
  | { type: 'model'; file: string; model: LayerModel; findings: Finding[]; whatIf: WhatIf | null; choices: WhatIf[] }
  | { type: 'empty'; reason: string };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'reveal'; line: number }
  | { type: 'whatIf'; index: number };
