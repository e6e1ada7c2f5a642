import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { API_BASE } from '../../lib/api-client';
import { alertKeys } from './alerts-api';

/** How often the pages ask again while the stream is down (the stream itself says at once). */
export const POLL_MS = 30_000;
/** Several alerts in one burst (a sender's batch) refresh the queries once. */
const COALESCE_MS = 500;

export interface StreamMessage {
  id: string | null;
}

/** The `alert` event's data: `{"id":"…","orgId":"…","status":"…"}`; anything else refreshes the lists only. */
export function parseStreamData(data: unknown): StreamMessage {
  if (typeof data !== 'string') return { id: null };
  try {
    const parsed = JSON.parse(data) as { id?: unknown };
    return { id: typeof parsed.id === 'string' ? parsed.id : null };
  } catch {
    return { id: null };
  }
}

/**
 * Live updates: GET /alerts/stream (Server-Sent Events) tells of every alert that arrived or
 * changed in the caller's subtree; the queue, the board and the open alert are refetched. The
 * browser reconnects by itself; while it is not connected (or EventSource is missing, or the
 * server refused the stream) the answer is false and the pages poll every POLL_MS instead.
 */
export function useAlertStream(): boolean {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`${API_BASE}/alerts/stream`);
    const ids = new Set<string>();
    let timer: number | undefined;
    const flush = () => {
      timer = undefined;
      void queryClient.invalidateQueries({ queryKey: alertKeys.lists });
      void queryClient.invalidateQueries({ queryKey: alertKeys.boards });
      for (const id of ids) void queryClient.invalidateQueries({ queryKey: alertKeys.detail(id) });
      ids.clear();
    };
    const onAlert = (ev: MessageEvent) => {
      const { id } = parseStreamData(ev.data);
      if (id) ids.add(id);
      timer ??= window.setTimeout(flush, COALESCE_MS);
    };
    source.addEventListener('alert', onAlert);
    let opened = false;
    source.onopen = () => {
      // back after a break: what changed meanwhile was not told, so everything shown is asked again
      if (opened) timer ??= window.setTimeout(flush, COALESCE_MS);
      opened = true;
      setLive(true);
    };
    // CONNECTING: the browser retries by itself; CLOSED: it gave up (a refused answer). Poll either way.
    source.onerror = () => setLive(source.readyState === EventSource.OPEN);
    return () => {
      source.removeEventListener('alert', onAlert);
      source.close();
      if (timer !== undefined) window.clearTimeout(timer);
      setLive(false);
    };
  }, [queryClient]);
  return live;
}

/** refetchInterval for the pages that show alerts: none while the stream is up. */
export function pollWhenDown(live: boolean): number | false {
  return live ? false : POLL_MS;
}
