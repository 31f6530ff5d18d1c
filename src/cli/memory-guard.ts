/**
 * `transition --max-memory <MB>` and the check it rests on: before the replay, the memory
 * the command will need is estimated from the partners and periods it is about to score,
 * and a run that would not fit stops with exit 2 and what to do, instead of dying
 * minutes later in V8's "heap out of memory" with a stack of C++ frames.
 *
 * Two limits: the whole process (`--max-memory`, megabytes of resident memory, when
 * given) and Node's JavaScript heap (`v8.getHeapStatistics().heap_size_limit`, always),
 * since the replay's arrays live outside the heap but the report model lives in it.
 *
 * The figures per partner were measured (bench/memory.js, lifecycle.yaml, 400,000
 * partners, 8 quarters): the lean ledger's partner × period arrays take about 130 bytes
 * a partner and period; the report model about 700 bytes a partner on the heap, and the
 * collector's slack while the report is written as much again. An estimate, on the safe
 * side, not a promise: the history already read is measured, not estimated.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { getHeapStatistics } from 'node:v8';
import { formatCount } from '../format/number.js';
import { UserError } from './errors.js';

/** The lean replay's partner × period arrays (tiers, points, costs...), per partner and period. */
const LEDGER_BYTES_PER_PARTNER_PERIOD = 136;
/** The report model on the heap, per partner (its row; at-risk partners' gaps and plans spread over everyone). */
const HEAP_BYTES_PER_PARTNER = 800;
/** Resident memory per partner beyond the ledger: the model, and the garbage of writing it before the collector runs. */
const RESIDENT_BYTES_PER_PARTNER = 1_300;

const MB = 1 << 20;

export interface MemoryUse {
  /** Resident memory and heap in use now, bytes (the history is read by then). */
  readonly rss: number;
  readonly heapUsed: number;
  /** V8's heap limit, bytes. */
  readonly heapLimit: number;
}

export interface MemoryNeed {
  readonly partners: number;
  readonly periods: number;
  /** `--max-memory`, megabytes; undefined when not given. */
  readonly maxMemory: number | undefined;
}

export function addMaxMemoryOption(command: Command): Command {
  return command.addOption(
    new Option('--max-memory <MB>', 'stop before the replay (exit 2) when the estimated peak memory exceeds this many megabytes').argParser(parseMaxMemory),
  );
}

/** `--max-memory 1500`: a whole number of megabytes, 1 or more. */
export function parseMaxMemory(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of megabytes, 1 or more (e.g. 1500)');
  return n;
}

/** The refusal, when the run would not fit; undefined when it would. */
export function memoryRefusal(need: MemoryNeed, now: MemoryUse): UserError | undefined {
  const who = `${formatCount(need.partners)} partners over ${formatCount(need.periods)} periods`;
  const narrow = 'or narrow the history to fewer partners (e.g. one region\'s or segment\'s history and partners file); --top only shortens the lists printed, every partner is still scored';
  const resident = now.rss + need.partners * (need.periods * LEDGER_BYTES_PER_PARTNER_PERIOD + RESIDENT_BYTES_PER_PARTNER);
  if (need.maxMemory !== undefined && resident > need.maxMemory * MB) {
    return new UserError(`transition needs about ${formatCount(Math.ceil(resident / MB))} MB for ${who}, more than --max-memory ${formatCount(need.maxMemory)} MB allows; nothing was replayed`, {
      hint: `raise --max-memory if the machine has the memory, ${narrow}`,
    });
  }
  const heap = now.heapUsed + need.partners * HEAP_BYTES_PER_PARTNER;
  if (heap > now.heapLimit) {
    const suggested = Math.ceil((heap * 1.5) / MB / 512) * 512;
    return new UserError(`transition needs about ${formatCount(Math.ceil(heap / MB))} MB of JavaScript heap for ${who}, more than Node's heap limit of ${formatCount(Math.floor(now.heapLimit / MB))} MB; nothing was replayed`, {
      hint: `raise the limit, e.g. NODE_OPTIONS=--max-old-space-size=${suggested} pointsmith transition …, ${narrow}`,
    });
  }
  return undefined;
}

/** Throws the refusal for this process now (its resident memory, heap and heap limit). */
export function assertMemoryFits(need: MemoryNeed): void {
  const usage = process.memoryUsage();
  const refusal = memoryRefusal(need, { rss: usage.rss, heapUsed: usage.heapUsed, heapLimit: getHeapStatistics().heap_size_limit });
  if (refusal !== undefined) throw refusal;
}
