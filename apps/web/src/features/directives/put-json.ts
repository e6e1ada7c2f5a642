import { ApiError, buildUrl, type Query } from '../../app/api-client';
import { currentLanguage } from '../../i18n';

/**
 * PUT with JSON and the CSRF header. The shared api client (app/api-client.ts) has get/post/patch/del
 * but no put, and it lies outside this feature; this shim reads the server's one error body the same
 * way. When `api.put` exists, the two callers in directives-api.ts switch to it and this file goes.
 */
export async function putJson<T>(path: string, body: unknown, csrfToken: string, query?: Query): Promise<T> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method: 'PUT',
      headers: {
        accept: 'application/json',
        'accept-language': currentLanguage(),
        'content-type': 'application/json',
        'x-csrf-token': csrfToken,
      },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError({ status: 0, code: 'NETWORK', message: String(cause) });
  }
  const raw = await response.text();
  let payload: unknown = undefined;
  try {
    payload = raw ? JSON.parse(raw) : undefined;
  } catch {
    payload = undefined;
  }
  if (response.ok) {
    if (raw && payload === undefined) throw new ApiError({ status: response.status, code: 'BAD_RESPONSE', message: 'Response is not JSON' });
    return payload as T;
  }
  const error = payload && typeof payload === 'object' && 'error' in payload ? (payload as { error: unknown }).error : null;
  if (error && typeof error === 'object' && 'code' in error) {
    const e = error as { code: string; message?: unknown; details?: unknown; requestId?: unknown };
    throw new ApiError({
      status: response.status,
      code: e.code as ApiError['code'],
      message: typeof e.message === 'string' ? e.message : response.statusText,
      details: e.details,
      requestId: typeof e.requestId === 'string' ? e.requestId : null,
    });
  }
  throw new ApiError({
    status: response.status,
    code: response.status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE',
    message: response.statusText || `HTTP ${response.status}`,
  });
}
