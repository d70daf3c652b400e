/**
 * The messages between the layer panel's host and its webview; the layer model is the server's
 * (server/src/protocol.ts). Shared by both sides; no runtime code.
 */
import type { LayerModel, LayerStage, LayerStep, Measurement } from '../../../server/src/protocol';

export type { LayerModel, Measurement };
/** A stage and a step as the panel shows them (the server's types, from the protocol module). */
export type StageRow = LayerStage;
export type LayerRow = LayerStep;

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

