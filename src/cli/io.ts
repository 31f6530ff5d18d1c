/**
 * Everything a command may touch outside the core: streams, environment, terminal facts.
 * Tests build an in-memory Io and run commands in-process; bin/ passes `processIo()`.
 */
export interface OutStream {
  /** Bytes only for a binary report (xlsx) on a redirected stdout. */
  write(chunk: string | Uint8Array): void;
  /**
   * Resolves once what was written has gone to the reader (a pipe's reader can be slower
   * than a report is made): a report written in pieces waits for it between pieces, so
   * they do not pile up in memory. Absent: nothing to wait for.
   */
  drained?(): Promise<void>;
  readonly isTTY: boolean;
  readonly columns?: number;
}

export interface Io {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly stdinIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative paths given by the user resolve against this. */
  readonly cwd: string;
}

/** A reader that goes away (`pointsmith run … | head`) is not an error: stop quietly. */
function ignoreBrokenPipe(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

/** The stream's buffer has emptied, or the stream is gone (a reader that went away: nothing more will drain). */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  if (!stream.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

export function processIo(): Io {
  ignoreBrokenPipe(process.stdout);
  ignoreBrokenPipe(process.stderr);
  return {
    stdout: {
      write: (chunk) => void process.stdout.write(chunk),
      drained: () => drained(process.stdout),
      isTTY: process.stdout.isTTY === true,
      columns: process.stdout.columns,
    },
    stderr: {
      write: (chunk) => void process.stderr.write(chunk),
      isTTY: process.stderr.isTTY === true,
      columns: process.stderr.columns,
    },
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** An Io that records what is written, for tests and for library callers. */
export interface MemoryIo extends Io {
  readonly out: () => string;
  readonly err: () => string;
}

/** Recorded as text: bytes (a binary report) as UTF-8, which is lossy; tests of bytes run the real binary. */
function text(chunk: string | Uint8Array): string {
  return typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
}

export function memoryIo(options: { env?: Record<string, string | undefined>; cwd?: string; tty?: boolean } = {}): MemoryIo {
  let out = '';
  let err = '';
  const tty = options.tty ?? false;
  return {
    stdout: { write: (c) => void (out += text(c)), isTTY: tty, columns: 100 },
    stderr: { write: (c) => void (err += text(c)), isTTY: tty, columns: 100 },
    stdinIsTTY: tty,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    out: () => out,
    err: () => err,
  };
}
