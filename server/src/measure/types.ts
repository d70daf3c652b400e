/**
 * A real build's measurement of a Dockerfile: which builder ran which command, and per step
 * whether it ran or came from the cache and the bytes of the layer it made. Plain JSON: the
 * CLI prints it, the VS Code client keeps the last one per Dockerfile and sends it to the
 * server (`goDockerfile/measurement`), which shows it beside the estimates.
 */
export type BuilderName = 'docker' | 'podman' | 'buildah';

export interface MeasuredStep {
  /** Stage index in the Dockerfile (0-based) and step number (FROM = 1), as the builder printed them. */
  stage: number;
  step: number;
  /** The instruction as the builder printed it. */
  instruction: string;
  /** The step ran (false: the builder took it from its cache). */
  ran: boolean;
  /** Bytes of the layer it made (uncompressed, as the builder stores it); 0 for a metadata step; null when not known. */
  bytes: number | null;
}

export interface Measurement {
  /** Absolute path of the Dockerfile built. */
  dockerfile: string;
  /** sha256 (hex) of the Dockerfile text that was built: a different text makes the measurement stale. */
  textHash: string;
  builder: BuilderName;
  /** The command that ran (argv, program first). */
  command: string[];
  target: string | null;
  /** ISO time the build finished. */
  at: string;
  steps: MeasuredStep[];
  /** The final image: the sum of its layers (base image included), and their count. */
  finalBytes: number | null;
  finalLayers: number | null;
}
