/**
 * Where the command reads and writes. Commands write only through this, never to `console`, so
 * tests can run `main()` in-process and look at both streams.
 */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  /** Bytes of standard input (`-` as a bundle). */
  stdin: AsyncIterable<Uint8Array | string>;
  isTTY: { stdin: boolean; stdout: boolean; stderr: boolean };
  /** Terminal width, when stdout is a terminal. */
  columns?: number;
  /** Environment (NO_COLOR). */
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C: bundles are closed (temp folders removed) before exiting. */
  signal?: AbortSignal;
}

export interface TextSink {
  write(text: string): unknown;
}

/** The real process streams. */
export function processIo(signal?: AbortSignal): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    isTTY: { stdin: Boolean(process.stdin.isTTY), stdout: Boolean(process.stdout.isTTY), stderr: Boolean(process.stderr.isTTY) },
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
    env: process.env,
    ...(signal ? { signal } : {}),
  };
}
