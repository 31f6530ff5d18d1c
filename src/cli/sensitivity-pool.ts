/**
 * Runs the replays of `sensitivity` (tornado or sweep): in this thread, plus worker
 * threads when there are many over a large history. Workers get the store's columns as
 * shared memory (copied once per store, never per worker) and every variant's changes up
 * front; every thread then claims the next variant from one shared counter (Atomics), so
 * a worker never waits for this thread to hand it work while this thread replays, and a
 * slow variant never leaves another thread idle. Results come back in plan order,
 * identical whatever the thread count.
 */
import type { PeopleHistory } from '../engine/people/replay-sellers.js';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DiagnosticError } from '../diagnostics/diagnostic.js';
import { isUnknownMetric, resolveMetric, type Metric } from '../analysis/metrics.js';
import { replayVariant, type SetList } from '../analysis/sensitivity.js';
import { createReplayArena } from '../engine/ledger-arrays.js';
import type { EventStore, PartnerTable } from '../history/event-store.js';
import type { Program } from '../program/program.js';
import type { PreparedHistory } from '../engine/prepare.js';

export interface ReplayJob {
  readonly program: Program;
  readonly file: string;
  readonly store: EventStore;
  readonly partners: PartnerTable | undefined;
  /** The store and partners prepared for this thread's replays (workers prepare their own). */
  readonly history: PreparedHistory;
  /** The person views for a seller programme (workers build their own). */
  readonly people: PeopleHistory;
  readonly metrics: readonly string[];
  readonly variants: readonly SetList[];
}

/** What a worker is started with: the job, and the shared counter of the next variant to claim. */
export interface WorkerSetup {
  readonly program: Program;
  readonly file: string;
  readonly store: EventStore;
  readonly partners: PartnerTable | undefined;
  readonly metrics: readonly string[];
  readonly variants: readonly SetList[];
  /** [0]: the next variant's index (Atomics.add claims it); at or past the end, no more work. */
  readonly queue: Int32Array;
}

export type WorkerReply =
  | { readonly index: number; readonly values: (number | null)[] }
  | { readonly index: number; readonly diagnostics: readonly Diagnostic[] }
  | { readonly index: number; readonly failure: string };

/** Below this many events × variants, starting workers and copying the store costs more than it saves. */
const WORKER_THRESHOLD = 4_000_000;

/** The compiled worker, next to this file in dist/ (absent when running from the TypeScript sources). */
export function workerScript(): URL | undefined {
  const url = new URL('./sensitivity-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/** Fewer cores than this: `auto` stays in this thread. */
const MIN_CORES_FOR_WORKERS = 2;

/**
 * Worker threads beside this one. `auto`: one per further core (at most 3) when the job
 * is big enough, the worker script exists and there are at least 2 cores; a number forces
 * it (0 = this thread only).
 *
 * On 2 cores (80 replays of the 1M-row bench history, other work sharing the cores):
 * once workers claimed variants from a shared counter (before, a worker waited for this
 * thread to finish its own replay before it was sent the next variant, so it idled about
 * half the time) and each thread reused its ledger arrays, this thread plus one worker
 * took 7.5 s against 12.8 s for this thread alone; see docs/engine.md.
 */
export function workerCount(
  requested: number | 'auto',
  job: { readonly store: Pick<EventStore, 'size'>; readonly variants: readonly unknown[] },
  cores = availableParallelism(),
): number {
  if (requested !== 'auto') return requested;
  if (workerScript() === undefined || cores < MIN_CORES_FOR_WORKERS) return 0;
  if (job.variants.length < 4 || job.store.size * job.variants.length < WORKER_THRESHOLD) return 0;
  return Math.max(0, Math.min(cores - 1, 3, job.variants.length - 1));
}

export function resolveMetrics(program: Program, names: readonly string[]): Metric[] {
  return names.map((name) => {
    const m = resolveMetric(name, program);
    // The command resolved every name before planning; an unknown one here is a bug.
    if (isUnknownMetric(m)) throw new Error(m.message);
    return m;
  });
}

export async function runReplays(
  job: ReplayJob,
  options: { workers: number; onProgress?: (done: number) => void },
): Promise<(number | null)[][]> {
  const script = workerScript();
  // No variants (every matched weight is 0): nothing to start, and no last reply to wait for.
  if (options.workers <= 0 || script === undefined || job.variants.length === 0) return runInThread(job, options.onProgress);
  return runOnWorkers(job, script, options.workers, options.onProgress);
}

function runInThread(job: ReplayJob, onProgress?: (done: number) => void): (number | null)[][] {
  const metrics = resolveMetrics(job.program, job.metrics);
  const arena = createReplayArena();
  return job.variants.map((sets, i) => {
    let values: (number | null)[];
    try {
      values = replayVariant(job.program, job.file, sets, job.history, metrics, arena, job.people);
    } catch (error) {
      if (error instanceof DiagnosticError) throw withVariant(error.diagnostics, sets);
      throw error;
    }
    onProgress?.(i + 1);
    return values;
  });
}

/** A variant that makes the design invalid: say which changes did it. */
function withVariant(diagnostics: readonly Diagnostic[], sets: SetList): DiagnosticError {
  const changes = sets.map(([path, value]) => `${path}=${String(value)}`).join(', ');
  return new DiagnosticError(diagnostics.map((d) => ({ ...d, message: `${d.message} (with ${changes})` })));
}

/** Claims the next variant's index (≥ total: none left). */
export function claim(queue: Int32Array): number {
  return Atomics.add(queue, 0, 1);
}

type View = Uint8Array | Uint16Array | Uint32Array | Int16Array | Int32Array | Float64Array;

/** A copy of `a` in shared memory (a already shared: itself). */
function shared<T extends View>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  // The cast: every View's constructor takes a buffer; TypeScript types `constructor` as Function.
  const Ctor = a.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Ctor(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}

/**
 * The store with its columns in shared memory: posting it to a worker then copies only
 * the value lists, not ~55 MB of columns (the copy cost this thread ~150 ms and each
 * worker as much again before its first replay, on the 1M-row bench history).
 */
export function sharedStore(store: EventStore): EventStore {
  const dimensions = Object.fromEntries(Object.entries(store.dimensions).map(([name, d]) => [name, { values: d.values, codes: shared(d.codes) }]));
  return {
    ...store,
    partnerStart: shared(store.partnerStart),
    partner: shared(store.partner),
    day: shared(store.day),
    activity: shared(store.activity),
    quantity: shared(store.quantity),
    amount: shared(store.amount),
    row: shared(store.row),
    dimensions,
    ...(store.line !== undefined ? { line: shared(store.line) } : {}),
  };
}

/**
 * `count` workers plus this thread, all claiming variants from one shared counter. This
 * thread is already warm (it replayed the base design), while a new worker starts with
 * cold code, so it keeps working too instead of waiting.
 */
async function runOnWorkers(job: ReplayJob, script: URL, count: number, onProgress?: (done: number) => void): Promise<(number | null)[][]> {
  const total = job.variants.length;
  const results: ((number | null)[] | undefined)[] = new Array(total).fill(undefined);
  const queue = new Int32Array(new SharedArrayBuffer(4));
  const setup: WorkerSetup = {
    program: job.program,
    file: job.file,
    store: sharedStore(job.store),
    partners: job.partners,
    metrics: job.metrics,
    variants: job.variants,
    queue,
  };
  const metrics = resolveMetrics(job.program, job.metrics);
  const arena = createReplayArena();
  let done = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = false;
      const fail = (error: Error): void => {
        if (finished) return;
        finished = true;
        // No thread claims another variant.
        Atomics.store(queue, 0, total);
        reject(error);
      };
      const record = (index: number, values: (number | null)[]): void => {
        results[index] = values;
        done++;
        onProgress?.(done);
        if (done === total && !finished) {
          finished = true;
          resolve();
        }
      };
      for (let w = 0; w < Math.min(count, total); w++) {
        const worker = new Worker(script, { workerData: setup });
        workers.push(worker);
        worker.on('message', (reply: WorkerReply) => {
          if ('diagnostics' in reply) return fail(withVariant(reply.diagnostics, job.variants[reply.index] ?? []));
          if ('failure' in reply) return fail(new Error(reply.failure));
          record(reply.index, reply.values);
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (!finished && code !== 0) fail(new Error(`a sensitivity worker stopped with code ${code}`));
        });
      }
      // This thread's share: one variant at a time, letting worker replies in between.
      const work = (): void => {
        if (finished) return;
        const index = claim(queue);
        if (index >= total) return;
        const sets = job.variants[index] ?? [];
        try {
          record(index, replayVariant(job.program, job.file, sets, job.history, metrics, arena, job.people));
        } catch (error) {
          fail(error instanceof DiagnosticError ? withVariant(error.diagnostics, sets) : error instanceof Error ? error : new Error(String(error)));
          return;
        }
        setImmediate(work);
      };
      setImmediate(work);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.map((r) => r ?? []);
}
