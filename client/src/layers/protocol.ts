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
  /** What the estimate rests on, or why there is none. */
  estimateBasis?: string;
  compressedBytes?: number | null;
  /** From the last real build. */
  measuredBytes?: number | null;
  measuredRan?: boolean | null;
  step?: number;
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
  finalImage: { layers: number; estimatedBytes: number | null; baseLayers?: number | null; totalLayers?: number | null; knownBytes?: number; measuredBytes?: number | null; baseCompressedBytes?: number | null };
  cacheEfficiency?: number | null;
  /** The last real build ("Measure"), when there is one. */
  measurement?: { builder: string; command: string; at: string; stale: boolean; ran: string[]; finalBytes: number | null } | null;
}

/** Whether the panel offers "Measure with a real build", and why not. */
export interface MeasureState {
  /** Offered: a trusted workspace with a builder on PATH. */
  available: boolean;
  /** Why it is not offered (Restricted Mode, no builder), or the builder that will run. */
  detail: string;
  /** A build is running. */
  running: boolean;
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
  | { type: 'model'; file: string; model: LayerModel; findings: Finding[]; whatIf: WhatIf | null; choices: WhatIf[]; measure: MeasureState }
  | { type: 'empty'; reason: string };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'reveal'; line: number }
  | { type: 'whatIf'; index: number }
  | { type: 'measure' };

/** A real build's measurement, as the CLI's `layers --measure --format measurement` prints it (server/src/measure/types.ts). */
export interface Measurement {
  dockerfile: string;
  textHash: string;
  builder: string;
  command: string[];
  target: string | null;
  at: string;
  steps: { stage: number; step: number; instruction: string; ran: boolean; bytes: number | null }[];
  finalBytes: number | null;
  finalLayers: number | null;
}
