import type { ErrorCode } from '@khien/contracts';

export const API_BASE = '/api/v1';

/** Codes the client itself produces when no server answer could be read. */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE';

export interface FieldError {
  path: string;
  message: string;
}

/** One error type for every failed call: the server's `{ error: { code, message, details, requestId } }`. */
export type ReasonParams = Record<string, string | number | boolean | null>;

/** Only scalar values reach the translation: anything else in a server's params is dropped, not printed as [object Object]. */
function reasonParamsOf(value: unknown): ReasonParams {
  const out: ReasonParams = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly details: unknown;
  readonly requestId: string | null;
  /** A domain reason (`dossier_out_of_order`) shown as errors.reason.<reason> with params; null for errors without one. */
  readonly reason: string | null;
  readonly params: ReasonParams;

  constructor(init: {
    status: number;
    code: ErrorCode | ClientErrorCode;
    message: string;
    details?: unknown;
    requestId?: string | null;
    reason?: string | null;
    params?: ReasonParams;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId ?? null;
    this.reason = init.reason ?? null;
    this.params = init.params ?? {};
  }

  /** VALIDATION_FAILED details as a map from field path ("contacts.0.phone") to message. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    if (this.code !== 'VALIDATION_FAILED' || !Array.isArray(this.details)) return out;
    for (const item of this.details as unknown[]) {
      if (item && typeof item === 'object' && 'path' in item && 'message' in item) {
        const { path, message } = item as { path: unknown; message: unknown };
        const key = Array.isArray(path) ? path.join('.') : String(path);
        if (!(key in out)) out[key] = String(message);
      }
    }
    return out;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

// The CSRF token lives in memory only; the auth context sets it from Me.csrfToken.
let csrfToken: string | null = null;
let language = 'vi';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(lng: string): void {
  language = lng;
}

/** Codes that mean "your session is not (fully) signed in"; the auth context listens for them. */
const SESSION_CODES: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'MFA_REQUIRED', 'PASSWORD_CHANGE_REQUIRED']);
type SessionListener = (error: ApiError) => void;
const sessionListeners = new Set<SessionListener>();

export function onSessionError(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function toApiError(status: number, payload: unknown, fallbackMessage: string): ApiError {
  if (payload && typeof payload === 'object' && 'error' in payload) {
    const err = (payload as { error: unknown }).error;
    if (err && typeof err === 'object' && 'code' in err) {
      const e = err as { code: string; message?: unknown; details?: unknown; requestId?: unknown; reason?: unknown; params?: unknown };
      return new ApiError({
        status,
        code: e.code as ErrorCode,
        message: typeof e.message === 'string' ? e.message : fallbackMessage,
        details: e.details,
        requestId: typeof e.requestId === 'string' ? e.requestId : null,
        reason: typeof e.reason === 'string' && /^[a-z][a-z0-9_]*$/.test(e.reason) ? e.reason : null,
        params: reasonParamsOf(e.params),
      });
    }
  }
  return new ApiError({ status, code: status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE', message: fallbackMessage });
}

function notifySession(error: ApiError, path: string): void {
  // Sign-in calls answer these codes as part of their normal flow; only other calls signal a lost session.
  if (path.startsWith('/auth/login') || path === '/auth/me') return;
  if (SESSION_CODES.has(error.code)) for (const l of sessionListeners) l(error);
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK', message: String(cause) });
  }
  return readResponse<T>(response.status, response.statusText, () => response.text(), path);
}

async function readResponse<T>(status: number, statusText: string, text: () => Promise<string>, path: string): Promise<T> {
  const raw = await text();
  let payload: unknown = undefined;
  if (raw) {
    try {
      payload = JSON.parse(raw);
    } catch {
      payload = undefined;
    }
  }
  if (status >= 200 && status < 300) {
    if (raw && payload === undefined) {
      throw new ApiError({ status, code: 'BAD_RESPONSE', message: 'Response is not JSON' });
    }
    return payload as T;
  }
  const error = toApiError(status, payload, statusText || `HTTP ${status}`);
  notifySession(error, path);
  throw error;
}

export interface UploadOptions {
  query?: Query;
  signal?: AbortSignal;
  /** Fraction 0..1 of the request body sent so far. */
  onProgress?: (fraction: number) => void;
}

/**
 * multipart/form-data upload through XMLHttpRequest, because fetch cannot report upload progress
 * and long imports must show it.
 */
function upload<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path, options.query));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', language);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable) options.onProgress?.(ev.loaded / ev.total);
    };
    xhr.onload = () => {
      readResponse<T>(xhr.status, xhr.statusText, () => Promise.resolve(xhr.responseText), path).then(resolve, reject);
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK', message: 'Network error' }));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, { body: body ?? {}, query }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown, query?: Query) => request<T>('PUT', path, { body, query }),
  del: <T>(path: string) => request<T>('DELETE', path),
  upload,
};
