/**
 * The one wait of the e2e harnesses: calls `fn` until it returns a truthy value, and returns that
 * value. Each check is a plain function call on the test side (a page `evaluate` of a function,
 * a message to the extension), so nothing compiles a string inside the page: puppeteer's
 * `waitForFunction` builds its predicate with `Function()`, which an extension page's CSP refuses
 * (seen on Firefox ESR 140 as "call to Function() blocked by CSP"). A check that throws (the
 * page is still navigating, the context was replaced) counts as "not yet"; its error is kept for
 * the timeout message.
 */
export interface PollOptions {
  /** What was awaited, worded so that a timeout explains itself ("the reader did not open"). */
  message: string;
  /** Milliseconds before giving up; 10 s by default. */
  timeout?: number;
  /** Milliseconds between two checks; 100 by default. */
  interval?: number;
}

export async function poll<T>(
  fn: () => T | Promise<T>,
  { message, timeout = 10_000, interval = 100 }: PollOptions,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let last: string = 'never checked';
  for (;;) {
    try {
      const value = await fn();
      if (value) return value as NonNullable<T>;
      last = `last value: ${JSON.stringify(value)}`;
    } catch (err) {
      last = `last error: ${err instanceof Error ? err.message : String(err)}`;
    }
    if (Date.now() >= deadline) throw new Error(`${message} (waited ${timeout} ms; ${last})`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
