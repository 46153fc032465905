/** Reports progress as often as work likes, writes at most once per `intervalMs`, in order. */
export function throttledProgress(
  write: (done: number, total: number) => Promise<void>,
  options: { intervalMs: number; now: () => number; onError: (error: unknown) => void },
) {
  let lastWrite = Number.NEGATIVE_INFINITY;
  let chain: Promise<void> = Promise.resolve();
  let latest: { done: number; total: number } | null = null;
  return {
    report(done: number, total: number): void {
      latest = { done, total };
      const now = options.now();
      if (now - lastWrite < options.intervalMs) return;
      lastWrite = now;
      chain = chain.then(() => write(done, total)).catch(options.onError);
    },
    /** The last reported values, and a promise that settles when every queued write has. */
    async settle(): Promise<{ done: number; total: number } | null> {
      await chain;
      return latest;
    },
  };
}
