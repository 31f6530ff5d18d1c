/**
 * Everything a command may touch outside the core: streams, environment, terminal facts.
 * Tests build an in-memory Io and run commands in-process; bin/ passes `processIo()`.
 */
export interface OutStream {
  /** Bytes only for a binary report (xlsx) on a redirected stdout. */
  write(chunk: string | Uint8Array): void;
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

export function processIo(): Io {
  ignoreBrokenPipe(process.stdout);
  ignoreBrokenPipe(process.stderr);
  return {
    stdout: {
      write: (chunk) => void process.stdout.write(chunk),
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
