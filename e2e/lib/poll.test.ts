import { describe, expect, it } from 'vitest';
import { poll } from './poll.js';

describe('poll', () => {
  it('returns the first truthy value, treating a throwing check as "not yet"', async () => {
    let calls = 0;
    const value = await poll(
      () => {
        calls++;
        if (calls === 1) throw new Error('context was destroyed');
        return calls < 3 ? undefined : { tabId: 7 };
      },
      { message: 'never', interval: 1 },
    );
    expect(value).toEqual({ tabId: 7 });
    expect(calls).toBe(3);
  });

  it('times out with the message, the time waited and the last value or error', async () => {
    await expect(
      poll(() => false, { message: 'the reader did not open', timeout: 30, interval: 5 }),
    ).rejects.toThrow(/^the reader did not open \(waited 30 ms; last value: false\)$/);
    await expect(
      poll(
        () => {
          throw new Error('no such page');
        },
        { message: 'the page did not load', timeout: 30, interval: 5 },
      ),
    ).rejects.toThrow('the page did not load (waited 30 ms; last error: no such page)');
  });
});
