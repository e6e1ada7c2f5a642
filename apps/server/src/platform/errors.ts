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
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** The one error type the product throws on purpose; anything else becomes a logged 500. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what = 'Không tìm thấy / not found'): AppError => new AppError('NOT_FOUND', what);
