/** What the CLI does to the outside world, so tests can run it in-process. */
export const EXIT = { ok: 0, noArticle: 1, usage: 2, internal: 3 } as const;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Rejects (with a Node-style error) when the file cannot be read. */
  readFile(path: string): Promise<Uint8Array>;
  readStdin(): Promise<Uint8Array>;
  /** Relative paths are resolved against it. */
  cwd: string;
  /** The batch progress line is drawn only on a terminal. */
  stderrIsTTY?: boolean;
}
