import type { ExpressionErrorKind, ExpressionProblem } from '@suilian/contracts';

/**
 * A formula that cannot be read or evaluated. `position` is the 0-based offset of the character the
 * problem starts at, so the console can put a caret under it; the message begins with it.
 */
export class ExpressionError extends Error {
  override name = 'ExpressionError';

  constructor(
    readonly kind: ExpressionErrorKind,
    readonly position: number,
    detail: string,
  ) {
    super(`at ${position}: ${detail}`);
  }

  /** The shape the API returns in error details. */
  toProblem(): ExpressionProblem {
    return { kind: this.kind, position: this.position, message: this.message };
  }
}
