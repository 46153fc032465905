import type { FastifyBaseLogger } from 'fastify';

type Bindings = Record<string, unknown>;
type LogFn = (...args: unknown[]) => void;

/**
 * A request's logger that makes its pino child (bindings, level, chindings string) only when the
 * request logs something. With access logging off most requests never log, and the child was a
 * few per cent of a cached Handle resolution's CPU (issue #13 item 5).
 */
class LazyRequestLogger {
  #child: FastifyBaseLogger | undefined;
  readonly #parent: FastifyBaseLogger;
  readonly #bindings: Bindings;
  readonly #options: object;

  constructor(parent: FastifyBaseLogger, bindings: Bindings, options: object) {
    this.#parent = parent;
    this.#bindings = bindings;
    this.#options = options;
  }

  get #log(): FastifyBaseLogger {
    if (this.#child === undefined) this.#child = this.#parent.child(this.#bindings, this.#options);
    return this.#child;
  }

  get level(): string {
    return this.#child?.level ?? this.#parent.level;
  }
  set level(level: string) {
    this.#log.level = level;
  }
  fatal(...args: unknown[]) {
    (this.#log.fatal as LogFn)(...args);
  }
  error(...args: unknown[]) {
    (this.#log.error as LogFn)(...args);
  }
  warn(...args: unknown[]) {
    (this.#log.warn as LogFn)(...args);
  }
  info(...args: unknown[]) {
    (this.#log.info as LogFn)(...args);
  }
  debug(...args: unknown[]) {
    (this.#log.debug as LogFn)(...args);
  }
  trace(...args: unknown[]) {
    (this.#log.trace as LogFn)(...args);
  }
  silent(...args: unknown[]) {
    (this.#log.silent as LogFn)(...args);
  }
  child(bindings: Bindings, options?: object): FastifyBaseLogger {
    return this.#log.child(bindings, options);
  }
  isLevelEnabled(level: string): boolean {
    const log = (this.#child ?? this.#parent) as FastifyBaseLogger & { isLevelEnabled?(level: string): boolean };
    return log.isLevelEnabled?.(level) ?? true;
  }
}

/** Fastify's `childLoggerFactory`: a lazy child per request (see LazyRequestLogger). */
export function lazyChildLogger(logger: FastifyBaseLogger, bindings: Bindings, options: object): FastifyBaseLogger {
  return new LazyRequestLogger(logger, bindings, options) as unknown as FastifyBaseLogger;
}
