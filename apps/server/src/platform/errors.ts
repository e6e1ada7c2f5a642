import type { ErrorCode } from '@khien/contracts';

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  MFA_REQUIRED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE_NAME: 409,
  ORG_CYCLE: 409,
  ORG_HAS_CHILDREN: 409,
  ORG_HAS_DATA: 409,
  WEAK_PASSWORD: 422,
  INVALID_TOTP: 401,
  IMPORT_FAILED: 422,
  // a zip refused by platform/archive: corrupt, encrypted, unsafe names, a bomb's ratio, too slow
  ARCHIVE_REFUSED: 422,
  ACCOUNT_LOCKED: 423,
  PAYLOAD_TOO_LARGE: 413,
  // a zip over one of its size or count limits (platform/archive/limits.ts)
  ARCHIVE_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // an alert body that is not one of the formats we take (the reason names the field)
  ALERT_REJECTED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** The one error type the product throws on purpose; anything else becomes a logged 500. */
export type ReasonParams = Record<string, string | number | boolean | null>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** A domain reason (`work.transition_not_allowed`, `dossier_out_of_order`…) the web translates with `params`. */
  readonly reason: string | undefined;
  readonly params: ReasonParams | undefined;
  constructor(code: ErrorCode, message: string, details?: unknown, reason?: { reason: string; params?: ReasonParams }) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.reason = reason?.reason;
    this.params = reason?.params;
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what = 'Không tìm thấy / not found'): AppError => new AppError('NOT_FOUND', what);

/**
 * An error a person reads: the web shows `errors.reason.<reason>` in the reader's language with
 * `params`; the message (English) is for API clients and logs.
 */
export function domainError(code: ErrorCode, reason: string, message: string, params: ReasonParams = {}, details?: unknown): AppError {
  return new AppError(code, message, details, { reason, params });
}
