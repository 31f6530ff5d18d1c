/**
 * Worker thread of `sensitivity`: receives the design, the store (its columns in shared
 * memory), the metric names and every variant once, then claims variants from the shared
 * counter until none is left, posting each one's metric values back as it goes.
 */
import { PeopleHistory } from '../engine/people/replay-sellers.js';
import { parentPort, workerData } from 'node:worker_threads';
import { DiagnosticError } from '../diagnostics/diagnostic.js';
import { replayVariant } from '../analysis/sensitivity.js';
import { createReplayArena } from '../engine/ledger-arrays.js';
import { prepareHistory } from '../engine/prepare.js';
import { claim, resolveMetrics, type WorkerReply, type WorkerSetup } from './sensitivity-pool.js';

const setup = workerData as WorkerSetup;
const metrics = resolveMetrics(setup.program, setup.metrics);
// One set of ledger arrays for every variant this worker replays.
const arena = createReplayArena();
// The store's columns are shared memory: preparing them here reads them in place.
const history = prepareHistory(setup.store, setup.partners);
const people = new PeopleHistory(setup.store, setup.partners);

// Synchronous on purpose: the worker has nothing else to listen to, and a claim never
// waits on the main thread's event loop (which is busy replaying its own share).
for (let index = claim(setup.queue); index < setup.variants.length; index = claim(setup.queue)) {
  let reply: WorkerReply;
  try {
    reply = { index, values: replayVariant(setup.program, setup.file, setup.variants[index] ?? [], history, metrics, arena, people) };
  } catch (error) {
    reply =
      error instanceof DiagnosticError
        ? { index, diagnostics: error.diagnostics }
        : { index, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
}
