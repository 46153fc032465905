import type { ExpressionErrorKind, ExpressionProblem, ReasonParams, RefusalReason } from '@suilian/contracts';

/**
 * A formula that cannot be read or evaluated. `position` is the 0-based offset of the character the
 * problem starts at, so the console can put a caret under it; the message begins with it. `code`
 * and `params` name the problem for the console (`formula.<code>`, else `formula.<kind>`), with the
 * 1-based position added, so it is worded in the user's language (#12 item 3).
 */
export class ExpressionError extends Error {
  override name = 'ExpressionError';

  constructor(
    readonly kind: ExpressionErrorKind,
    readonly position: number,
    detail: string,
    private readonly code?: string,
    private readonly params: ReasonParams = {},
  ) {
    super(`at ${position}: ${detail}`);
  }

  /** The problem as a reason code with parameters, for the console's wording. */
  get reason(): RefusalReason {
    return { code: `formula.${this.code ?? this.kind}`, params: { position: this.position + 1, ...this.params } };
  }

  /** The shape the API returns in error details. */
  toProblem(): ExpressionProblem {
    return { kind: this.kind, position: this.position, message: this.message, reason: this.reason };
  }
}
