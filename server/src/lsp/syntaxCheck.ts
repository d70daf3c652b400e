/**
 * The library's syntax check in a worker thread (syntaxWorker.ts, bundled as
 * dist/syntax-worker.js). dockerfile-ast's parse is quadratic in stages × comments: at 14,000
 * lines the check takes 300-600 ms, and on the server's thread a keystroke arriving meanwhile
 * waited for it. The thread is started on the first check, not with the server.
 *
 * One check runs at a time. Each document has at most one request waiting behind it, the newest
 * (a newer one answers the one it replaces with `undefined`), so memory stays bounded by the
 * open documents while typing. A thread that fails to start, dies or runs past `timeoutMs` costs
 * that check (answered with no diagnostics, logged) and is started again on the next check;
 * after `maxDeaths` deaths in a row without an answer the check is off until the server restarts.
 */
import { Worker } from 'worker_threads';
import type { Diagnostic } from 'vscode-languageserver/node';

export interface SyntaxRequest {
  id: number;
  uri: string;
  version: number;
  text: string;
}

export type SyntaxReply = { id: number; uri: string; version: number } & ({ diagnostics: Diagnostic[] } | { error: string });

/** What the thread's console printed (its stdout is not the server's, the LSP stream). */
export interface SyntaxLog {
  log: string;
}

export interface SyntaxCheckLimits {
  /** A check running longer is given up and its thread terminated. */
  timeoutMs: number;
  /** Thread deaths in a row (no answer in between) after which no check runs again. */
  maxDeaths: number;
}

/**
 * A check of a text at the analysis limits (2 MB of the bench's Go build) takes ~7 s; a stage
 * with a comment every two lines is quadratic, ~4 s at 16,000 lines, past 30 s near 44,000.
 */
const DEFAULT_LIMITS: SyntaxCheckLimits = { timeoutMs: 30_000, maxDeaths: 3 };

interface Job {
  id: number;
  uri: string;
  version: number;
  text: string;
  resolve: (d: Diagnostic[] | undefined) => void;
}

interface Running {
  id: number;
  uri: string;
  version: number;
  length: number;
  /** Set once the thread runs: its start is not the check's time. */
  timer: NodeJS.Timeout | undefined;
  resolve: Job['resolve'];
  /** The document was closed meanwhile: its answer is dropped. */
  forgotten: boolean;
}

export class SyntaxChecker {
  private worker: Worker | undefined;
  /** The thread has started running its script. */
  private online = false;
  private running: Running | undefined;
  /** The newest request of each document not yet sent, in the order they came. */
  private readonly waiting = new Map<string, Job>();
  /** Per document, the length of a text whose check timed out. */
  private readonly slow = new Map<string, number>();
  private nextId = 1;
  private deaths = 0;
  private readonly limits: SyntaxCheckLimits;

  constructor(private readonly file: string, private readonly log: (m: string) => void, limits: Partial<SyntaxCheckLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /**
   * The library's diagnostics of this version of the document: no diagnostics when the check
   * failed or was given up (logged), undefined when a newer request of the document replaced
   * this one or the document was forgotten.
   */
  check(uri: string, version: number, text: string): Promise<Diagnostic[] | undefined> {
    if (this.deaths >= this.limits.maxDeaths) return Promise.resolve([]);
    // A text that timed out is not checked again at every pause (each a thread busy for
    // timeoutMs): only once it is a quarter shorter.
    const slow = this.slow.get(uri);
    if (slow !== undefined && text.length > slow * 0.75) return Promise.resolve([]);
    this.slow.delete(uri);
    return new Promise((resolve) => {
      this.waiting.get(uri)?.resolve(undefined);
      this.waiting.delete(uri);
      this.waiting.set(uri, { id: this.nextId++, uri, version, text, resolve });
      this.next();
    });
  }

  /** The document was closed: nothing of it is checked or answered any more. */
  forget(uri: string): void {
    this.waiting.get(uri)?.resolve(undefined);
    this.waiting.delete(uri);
    this.slow.delete(uri);
    if (this.running?.uri === uri) this.running.forgotten = true;
  }

  /** Ends the thread; every check still open is answered with undefined. */
  dispose(): void {
    for (const job of this.waiting.values()) job.resolve(undefined);
    this.waiting.clear();
    const running = this.running;
    this.running = undefined;
    if (running) {
      clearTimeout(running.timer);
      running.resolve(undefined);
    }
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }

  /** Sends the oldest waiting request, when nothing runs. */
  private next(): void {
    if (this.running) return;
    const job = this.waiting.values().next().value;
    if (!job) return;
    this.waiting.delete(job.uri);
    let worker: Worker;
    try {
      worker = this.worker ?? this.start();
    } catch (e) {
      this.log(`the syntax check thread could not start: ${e instanceof Error ? e.stack : String(e)}`);
      this.deaths++;
      job.resolve([]);
      return this.deaths >= this.limits.maxDeaths ? this.stop() : this.next();
    }
    // A check holds the process like any request in flight (at most timeoutMs); an idle thread never does.
    worker.ref();
    this.running = { id: job.id, uri: job.uri, version: job.version, length: job.text.length, timer: undefined, resolve: job.resolve, forgotten: false };
    if (this.online) this.startTimer();
    worker.postMessage({ id: job.id, uri: job.uri, version: job.version, text: job.text } satisfies SyntaxRequest);
  }

  private startTimer(): void {
    if (this.running) this.running.timer = setTimeout(() => this.timedOut(), this.limits.timeoutMs);
  }

  private start(): Worker {
    // Its own heap, bounded (a check of the largest text analysed needs about 120 MB): a runaway
    // check ends the thread, not the server. A young generation of 8 MB instead of V8's 48: the
    // thread then sits ~25 MB lower after checks of 1,400 lines, for ~10% longer checks.
    // `stdout: true`: the thread's stdout is not piped into the server's, the LSP stream (its
    // console comes as SyntaxLog messages instead; a listener here would keep the process alive).
    const w = new Worker(this.file, { stdout: true, resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 8 } });
    w.on('message', (r: SyntaxReply | SyntaxLog) => ('log' in r ? this.log(`syntax check thread: ${r.log}`) : this.answered(w, r)));
    w.on('online', () => {
      if (w !== this.worker) return;
      this.online = true;
      this.startTimer();
    });
    w.on('error', (e) => this.log(`the syntax check thread failed: ${e instanceof Error ? e.stack : String(e)}`));
    w.on('exit', (code) => this.ended(w, code));
    this.worker = w;
    this.online = false;
    return w;
  }

  private answered(w: Worker, r: SyntaxReply): void {
    const job = this.running;
    if (w !== this.worker || !job || job.id !== r.id) return;
    clearTimeout(job.timer);
    this.running = undefined;
    this.deaths = 0;
    w.unref();
    if ('error' in r) this.log(`syntax check of ${r.uri} failed: ${r.error}`);
    job.resolve(job.forgotten ? undefined : 'error' in r ? [] : r.diagnostics);
    this.next();
  }

  private ended(w: Worker, code: number): void {
    // A thread given up on (timedOut, dispose) is no longer this.worker.
    if (w !== this.worker) return;
    this.worker = undefined;
    const job = this.running;
    this.running = undefined;
    if (!job) {
      this.log(`the syntax check thread ended (exit code ${code}); it starts again with the next check`);
      return this.next();
    }
    clearTimeout(job.timer);
    this.deaths++;
    this.log(`the syntax check thread ended (exit code ${code}) while checking ${job.uri} (version ${job.version}); no syntax diagnostics for it`);
    job.resolve(job.forgotten ? undefined : []);
    if (this.deaths >= this.limits.maxDeaths) return this.stop();
    this.next();
  }

  private timedOut(): void {
    const job = this.running;
    const w = this.worker;
    if (!job || !w) return;
    this.running = undefined;
    this.worker = undefined;
    void w.terminate();
    this.slow.set(job.uri, job.length);
    this.log(`syntax check of ${job.uri} (version ${job.version}) given up after ${this.limits.timeoutMs} ms; checked again once the text is a quarter shorter`);
    job.resolve(job.forgotten ? undefined : []);
    this.next();
  }

  /** Too many deaths in a row: what waits is answered with nothing, and no check runs again. */
  private stop(): void {
    this.log(`the syntax check thread ended ${this.deaths} times in a row: no syntax checks until the server restarts`);
    for (const job of this.waiting.values()) job.resolve([]);
    this.waiting.clear();
  }
}
