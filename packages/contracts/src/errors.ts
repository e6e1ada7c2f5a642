import { z } from 'zod';

/** Every error code the API can return; the server maps each one to one HTTP status. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'MFA_REQUIRED',
  'PASSWORD_CHANGE_REQUIRED',
  'FORBIDDEN',
  'CSRF_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE_NAME',
  'ORG_CYCLE',
  'ORG_HAS_CHILDREN',
  'ORG_HAS_DATA',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'WEAK_PASSWORD',
  'INVALID_TOTP',
  'PAYLOAD_TOO_LARGE',
  'ARCHIVE_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'IMPORT_FAILED',
  'ARCHIVE_REFUSED',
  'ALERT_REJECTED',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    /** a domain reason the web translates (errors.reason.<reason> with params), e.g. work.transition_not_allowed */
    reason: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    details: z.unknown().optional(),
    requestId: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
