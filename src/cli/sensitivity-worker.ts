/**
 * Worker thread of `sensitivity`: receives the design, the store and the metric names
 * once, then replays each variant it is sent and posts the metric values back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DiagnosticError } from '../diagnostics/diagnostic.js';
import { replayVariant } from '../analysis/sensitivity.js';
import { createReplayArena } from '../engine/ledger-arrays.js';
import { resolveMetrics, type WorkerReply, type WorkerRequest, type WorkerSetup } from './sensitivity-pool.js';

const setup = workerData as WorkerSetup;
const metrics = resolveMetrics(setup.program, setup.metrics);
// One set of ledger arrays for every variant this worker replays.
const arena = createReplayArena();

parentPort?.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { index: request.index, values: replayVariant(setup.program, setup.file, request.sets, setup.store, setup.partners, metrics, arena) };
  } catch (error) {
    reply =
      error instanceof DiagnosticError
        ? { index: request.index, diagnostics: error.diagnostics }
        : { index: request.index, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
