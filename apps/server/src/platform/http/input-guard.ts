import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/**
 * One rule for every string that reaches a route, whatever its schema says: no NUL character
 * (PostgreSQL's text cannot hold one, so it would fail deep in a query as a 500) and no lone
 * UTF-16 surrogate (it cannot be encoded as UTF-8, so it would be stored as U+FFFD or refused
 * by the driver). Checked before validation, for the body, the query string and the path, and
 * for multipart fields and file names through `assertCleanText`.
 */
export type BadText = 'nul' | 'lone_surrogate';

export function badTextIn(value: string): BadText | null {
  if (value.includes('\u0000')) return 'nul';
  if (!value.isWellFormed()) return 'lone_surrogate';
  return null;
}

const PROBLEM: Record<BadText, string> = {
  nul: 'chứa ký tự NUL (\\u0000) / contains a NUL character',
  lone_surrogate: 'chứa ký tự Unicode không hợp lệ (nửa cặp thay thế) / contains an invalid Unicode character (lone surrogate)',
};

// deep enough for any body the API takes; deeper input is refused rather than walked
const MAX_DEPTH = 32;

/** The first string (or object key) in `value` that breaks the rule, with its path. */
export function findBadText(value: unknown, path: string, depth = 0): { path: string; problem: BadText } | null {
  if (typeof value === 'string') {
    const problem = badTextIn(value);
    return problem ? { path, problem } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_DEPTH) throw new AppError('VALIDATION_FAILED', `Dữ liệu lồng nhau quá sâu: ${path} / nested too deeply`, [{ path, message: 'too deep' }]);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findBadText(value[i], `${path}.${i}`, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  // Buffers (raw bodies) are checked by their own parsers
  if (Buffer.isBuffer(value)) return null;
  for (const [k, v] of Object.entries(value)) {
    const keyProblem = badTextIn(k);
    // the key itself is named with its bad characters shown as "?", so the path prints
    if (keyProblem) return { path: `${path}.${[...k].map((c) => (c === '\u0000' || !c.isWellFormed() ? '?' : c)).join('')}`, problem: keyProblem };
    const bad = findBadText(v, `${path}.${k}`, depth + 1);
    if (bad) return bad;
  }
  return null;
}

function refusal(bad: { path: string; problem: BadText }): AppError {
  return new AppError('VALIDATION_FAILED', `Dữ liệu không hợp lệ: ${bad.path} ${PROBLEM[bad.problem]}`, [
    { path: bad.path, message: bad.problem, code: bad.problem },
  ]);
}

/** For text that does not pass through the hook: multipart fields, uploaded file names. */
export function assertCleanText(value: string, path: string): string {
  const problem = badTextIn(value);
  if (problem) throw refusal({ path, problem });
  return value;
}

/**
 * The query string's parser keeps a percent-escape that is not UTF-8 (`%FF`, or `%ED%A0%80`, a
 * surrogate spelled in bytes) as the literal text "%FF": the search would quietly look for
 * something nobody typed. Such a query is refused, naming the parameter.
 */
function checkRawQuery(url: string): void {
  const at = url.indexOf('?');
  if (at < 0 || !url.includes('%', at)) return;
  for (const pair of url.slice(at + 1).split('&')) {
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    for (const piece of eq < 0 ? [pair] : [rawName, pair.slice(eq + 1)]) {
      try {
        decodeURIComponent(piece.replace(/\+/g, ' '));
      } catch {
        let name = rawName;
        try {
          name = decodeURIComponent(rawName);
        } catch {
          name = '?';
        }
        throw new AppError('VALIDATION_FAILED', `Dữ liệu không hợp lệ: querystring.${name} không phải UTF-8 hợp lệ / not valid UTF-8`, [
          { path: `querystring.${name}`, message: 'invalid_utf8', code: 'invalid_utf8' },
        ]);
      }
    }
  }
}

function check(req: FastifyRequest): void {
  checkRawQuery(req.url);
  const bad = findBadText(req.params, 'params') ?? findBadText(req.query, 'querystring') ?? (Buffer.isBuffer(req.body) ? null : findBadText(req.body, 'body'));
  if (bad) throw refusal(bad);
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The hook, and a JSON body parser that refuses bytes that are not UTF-8 instead of letting them
 * become U+FFFD: a stored name must be what was sent, or nothing.
 */
export function registerInputGuard(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: app.initialConfig.bodyLimit }, (req, raw, done) => {
    let text: string;
    try {
      text = fatalUtf8.decode(raw as Buffer);
    } catch {
      done(
        new AppError('VALIDATION_FAILED', 'Dữ liệu gửi lên không phải UTF-8 hợp lệ / the body is not valid UTF-8', [
          { path: 'body', message: 'invalid_utf8', code: 'invalid_utf8' },
        ]),
      );
      return;
    }
    // fastify's own parser: prototype-poisoning checks, empty-body errors
    void parseJson(req, text, done);
  });
  app.addHook('preValidation', (req, _reply, done) => {
    try {
      check(req);
      done();
    } catch (err) {
      done(err as Error);
    }
  });
}
