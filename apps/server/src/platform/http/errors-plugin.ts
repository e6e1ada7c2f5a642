import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '@khien/contracts';
import { AppError } from '../errors.js';

function body(code: ErrorCode, message: string, requestId: string, details?: unknown, reason?: Pick<AppError, 'reason' | 'params'>): ErrorBody {
  return {
    error: {
      code,
      message,
      ...(reason?.reason ? { reason: reason.reason, params: reason.params ?? {} } : {}),
      ...(details === undefined ? {} : { details }),
      requestId,
    },
  };
}

/** One error body for everything, with the request id so a report can be traced in the logs. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      const wait = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (typeof wait === 'number') reply.header('retry-after', String(wait));
      return reply.status(err.status).send(body(err.code, err.message, req.id, err.details, err));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const details = err.validation.map((v) => ({
        path: [
          where,
          ...String(v.instancePath ?? '')
            .split('/')
            .filter(Boolean),
        ].join('.'),
        message: v.message ?? 'invalid',
      }));
      const first = details[0];
      return reply
        .status(400)
        .send(body('VALIDATION_FAILED', first ? `Dữ liệu không hợp lệ: ${first.path}: ${first.message}` : 'Dữ liệu không hợp lệ', req.id, details));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      return reply.status(500).send(body('INTERNAL', 'Lỗi máy chủ / internal error', req.id));
    }
    const status = err.statusCode ?? 500;
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
      return reply.status(413).send(body('PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên quá lớn / request body too large', req.id));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
      return reply.status(415).send(body('UNSUPPORTED_MEDIA_TYPE', 'Kiểu dữ liệu không được hỗ trợ / unsupported content type', req.id));
    }
    if (status === 429) {
      return reply.status(429).send(body('RATE_LIMITED', 'Quá nhiều yêu cầu, vui lòng thử lại sau / too many requests', req.id));
    }
    if (status >= 400 && status < 500) {
      // malformed JSON, empty body with a JSON content type, bad multipart…
      return reply.status(400).send(body('BAD_REQUEST', `Yêu cầu không hợp lệ / bad request: ${err.message}`, req.id));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', 'Lỗi máy chủ / internal error', req.id));
  });

  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send(body('NOT_FOUND', `Không có đường dẫn ${req.method} ${req.url.split('?')[0]} / no such route`, req.id));
  });
}
