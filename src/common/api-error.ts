import type { Blocker } from '../../machines/participation-project';

/**
 * An error a client can act on: an HTTP status, a stable machine-readable code
 * and one human sentence, plus details where they help (blockers, field errors).
 */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  static notFound(what: string, id: string): ApiError {
    return new ApiError(404, `${what}-not-found`, `No ${what} with id ${id}.`);
  }
}

export interface BlockerView {
  code: string;
  message: string;
  messageNl: string;
  /** The parts or fields still missing, where the blocker is about an incomplete document. */
  missing?: string[];
  /** The day of the decision the blocker is about (a rejection, a deferral). */
  on?: string;
  /** That decision's reason. */
  reason?: string;
}

export const toBlockerView = (blocker: Blocker): BlockerView => ({ code: blocker.code, message: blocker.message.en, messageNl: blocker.message.nl, ...(blocker.missing && { missing: blocker.missing }), ...(blocker.on && { on: blocker.on }), ...(blocker.reason && { reason: blocker.reason }) });
