/**
 * Concurrency for the tier: one limiter, sized to the core count, shared by every terraform and
 * synth process. Work is started freely (Promise.all over stacks and scenarios) and the limiter
 * keeps at most `limit` processes running, so a task waiting for another task's result never holds
 * a slot that a runnable process could use.
 */

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimiter(limit: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= Math.max(1, limit)) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
