/**
 * The protocol between the client (client/src) and the server beyond LSP itself: method names,
 * parameters and results. Compiled into both sides (the client imports this file), so neither
 * mirrors the other by hand. Runtime: constants only; everything else is a type.
 */
import type { GenerateResult } from './generate/types';
import type { Severity } from './rules/types';

export type { LayerModel, LayerStep, LayerStage } from './layers/model';
export type { GenerateResult, GenerateTarget } from './generate/types';
export type { Measurement } from './measure/types';
import type { Measurement } from './measure/types';

/** Request: the LayerModel of a Dockerfile (the open document's text when open). */
export const LAYERS_REQUEST = 'goDockerfile/layers';
/** Request: the generated Dockerfile and .dockerignore for a folder (nothing is written). */
export const GENERATE_REQUEST = 'goDockerfile/generate';
/** Notification (client -> server): the last real build of a Dockerfile ("Measure"), kept by the client. */
export const MEASUREMENT_NOTIFICATION = 'goDockerfile/measurement';
/** Notification: a build context being read, or read. */
export const STATUS_NOTIFICATION = 'goDockerfile/status';
/** The client command GD201's quick fix runs (offered when the client lists it in initializationOptions.commands). */
export const GENERATE_COMMAND = 'goDockerfile.generate';

export interface LayersParams {
  /** The Dockerfile (a file: URI; an open document's current text is used). */
  uri: string;
  /**
   * Changed files: file: URIs, absolute paths, or paths relative to the editor workspace folder
   * holding the Dockerfile (as `asRelativePath` gives them), else to the build context root.
   */
  changedFiles?: string[];
  /** `go`, `gomod`, `dockerfile:LINE` (1-based), `dockerfile`, `arg:NAME`. */
  change?: string;
  target?: string;
  buildArgs?: Record<string, string>;
}

export interface MeasurementParams {
  /** The Dockerfile (a file: URI). */
  uri: string;
  /** null forgets the measurement. */
  measurement: Measurement | null;
}

export interface GenerateParams {
  /** The folder to generate for (the build context), a `file:` URI. */
  folderUri: string;
  package?: string;
  runtime?: string;
  stampVersion?: boolean;
  /** A port to EXPOSE, or null for none; absent: what the sources say. */
  port?: number | null;
}

export interface SelfCheckFinding {
  code: string;
  severity: Severity;
  message: string;
  /** 1-based line in the generated Dockerfile. */
  line: number;
}

export interface GenerateResponse extends GenerateResult {
  /** Absolute path of the folder. */
  folder: string;
  /** Files that already exist in the folder (the client must ask before replacing them). */
  existing: { dockerfile: boolean; dockerignore: boolean };
  /** Our own rules' findings on the generated Dockerfile with the generated .dockerignore (expected: none). */
  selfCheck: SelfCheckFinding[];
}

/** The `goDockerfile/status` notification's payload. */
export interface WorkspaceStatus {
  root: string;
  state: 'reading' | 'ready' | 'failed';
  packages?: number;
  files?: number;
  ms?: number;
  message?: string;
}
