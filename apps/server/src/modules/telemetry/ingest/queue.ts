import type { Point, RejectionTally } from '../point.repo.js';

export interface IngestQueueOptions {
  /** Most points waiting or being written at once; beyond it publishers wait (MQTT) or are refused (HTTP). */
  capacity: number;
  /** Most points per write. */
  batchSize: number;
  /** How long a partial batch waits for company before it is written. */
  flushMs: number;
  /** Writes one batch durably (resolves after COMMIT). */
  write(points: readonly Point[], rejections: readonly RejectionTally[]): Promise<void>;
  onError(error: unknown): void;
}

interface Entry {
  points: readonly Point[];
  done: (error?: unknown) => void;
}

/**
 * The bounded ingest queue (issue #14 item 2): messages are grouped into batches, one write at a
 * time, and each message's promise settles only once its batch is durable — so a QoS 1 PUBACK sent
 * after it means the points are stored (at-least-once). The queue never holds more than
 * `capacity` points: `push` waits for room (the broker then stops reading that client's socket,
 * TCP pushes back), `offer` refuses at once (HTTP answers 503).
 */
export function createIngestQueue(options: IngestQueueOptions) {
  const entries: Entry[] = [];
  let queued = 0;
  let inFlight = 0;
  let writing = false;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const waiting: Array<() => void> = [];
  let tallies = new Map<string, RejectionTally>();

  const hasRoom = (n: number) => queued + inFlight + n <= options.capacity || (queued + inFlight === 0 && n > 0);

  function enqueue(points: readonly Point[]): Promise<void> {
    if (closed) return Promise.reject(new Error('ingest queue closed'));
    return new Promise<void>((resolve, reject) => {
      entries.push({ points, done: (error) => (error ? reject(error) : resolve()) });
      queued += points.length;
      schedule();
    });
  }

  function schedule() {
    if (writing || closed) return;
    if (queued >= options.batchSize) {
      clearTimeout(timer);
      timer = undefined;
      void flush();
    } else if (!timer && (queued > 0 || tallies.size > 0)) {
      timer = setTimeout(() => {
        timer = undefined;
        void flush();
      }, options.flushMs);
    }
  }

  async function flush() {
    if (writing) return;
    writing = true;
    const batch: Entry[] = [];
    let size = 0;
    while (entries.length > 0 && (size === 0 || size + (entries[0]?.points.length ?? 0) <= options.batchSize)) {
      const entry = entries.shift() as Entry;
      batch.push(entry);
      size += entry.points.length;
    }
    queued -= size;
    inFlight = size;
    const counted = [...tallies.values()];
    tallies = new Map();
    let failure: unknown;
    try {
      await options.write(
        batch.flatMap((e) => e.points),
        counted,
      );
    } catch (error) {
      failure = error;
      options.onError(error);
    }
    inFlight = 0;
    writing = false;
    for (const entry of batch) entry.done(failure);
    while (waiting.length > 0 && hasRoom(1)) waiting.shift()?.();
    schedule();
  }

  return {
    /** Queues the points, waiting for room first; resolves once they are durable. */
    async push(points: readonly Point[]): Promise<void> {
      if (closed) throw new Error('ingest queue closed');
      while (!hasRoom(points.length)) await new Promise<void>((wake) => waiting.push(wake));
      return enqueue(points);
    },

    /** Queues the points when there is room (resolves once durable); `null` when the queue is full. */
    offer(points: readonly Point[]): Promise<void> | null {
      if (closed || !hasRoom(points.length)) return null;
      return enqueue(points);
    },

    /** Counts one piece of bad input; written with the next batch. */
    reject(deviceId: string, reason: string, detail: string | null, at: Date) {
      const key = `${deviceId}\u0000${reason}`;
      const seen = tallies.get(key);
      if (seen) {
        seen.count += 1;
        seen.lastAt = at;
        seen.lastDetail = detail;
      } else tallies.set(key, { deviceId, reason, count: 1, lastAt: at, lastDetail: detail });
      schedule();
    },

    /** Points waiting or being written. */
    get depth() {
      return queued + inFlight;
    },

    /** Writes what is queued, then refuses more. */
    async close() {
      clearTimeout(timer);
      while (writing || entries.length > 0 || tallies.size > 0) {
        if (!writing) await flush();
        else await new Promise((r) => setTimeout(r, 5));
      }
      closed = true;
      for (const wake of waiting.splice(0)) wake();
    },
  };
}

export type IngestQueue = ReturnType<typeof createIngestQueue>;
