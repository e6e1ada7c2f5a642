import type { LoginResult, Me, Permission } from '@khien/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { adoptAccountLanguage } from '../i18n';
import { type ApiError, api, isApiError, onSessionError, setCsrfToken } from './api-client';

export type PendingStep = Exclude<LoginResult['step'], 'done'>;

export type AuthState =
  | { status: 'loading' }
  | { status: 'signed_out'; reason?: 'expired' }
  | { status: 'pending'; step: PendingStep; me: Me | null }
  | { status: 'signed_in'; me: Me };

/** Where each half-way sign-in step is completed. */
export const STEP_PATHS: Record<PendingStep, string> = {
  totp_required: '/sign-in/totp',
  totp_enrolment_required: '/sign-in/totp-enrol',
  password_change_required: '/sign-in/password',
};

const PENDING_KEY = 'khien.pendingSignIn';
const PENDING_STEPS: readonly PendingStep[] = ['totp_required', 'totp_enrolment_required', 'password_change_required'];

interface PendingMemo {
  step: PendingStep;
  csrfToken: string;
}

/**
 * GET /auth/me answers 403 (without a Me) while sign-in is half-way, so a reload in the middle of the
 * TOTP step would lose the CSRF token. Keep it for this tab only, until sign-in completes.
 */
function rememberPending(memo: PendingMemo | null): void {
  try {
    if (memo) window.sessionStorage.setItem(PENDING_KEY, JSON.stringify(memo));
    else window.sessionStorage.removeItem(PENDING_KEY);
  } catch {
    // Storage may be disabled; the person then signs in again after a reload.
  }
}

function recallPending(): PendingMemo | null {
  try {
    const raw = window.sessionStorage.getItem(PENDING_KEY);
    if (!raw) return null;
    const memo = JSON.parse(raw) as Partial<PendingMemo>;
    if (memo.step && PENDING_STEPS.includes(memo.step) && typeof memo.csrfToken === 'string') {
      return { step: memo.step, csrfToken: memo.csrfToken };
    }
  } catch {
    // fall through
  }
  return null;
}

function isPendingStep(value: unknown): value is PendingStep {
  return typeof value === 'string' && (PENDING_STEPS as readonly string[]).includes(value);
}

/** Reads the step (and a fresh CSRF token, if the server includes one) out of a 403 half-way error. */
function pendingFromError(error: ApiError): { step: PendingStep; me: Me | null; csrfToken: string | null } {
  const details = (error.details ?? {}) as { step?: unknown; csrfToken?: unknown; me?: unknown };
  const me = details.me && typeof details.me === 'object' ? (details.me as Me) : null;
  const memo = recallPending();
  let step: PendingStep;
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') step = 'password_change_required';
  else if (isPendingStep(details.step)) step = details.step;
  else if (me) step = me.totpEnabled ? 'totp_required' : 'totp_enrolment_required';
  else if (memo && memo.step !== 'password_change_required') step = memo.step;
  else step = 'totp_required';
  const csrfToken = typeof details.csrfToken === 'string' ? details.csrfToken : (me?.csrfToken ?? memo?.csrfToken ?? null);
  return { step, me, csrfToken };
}

type SessionOutcome = { kind: 'done'; me: Me } | { kind: 'pending'; step: PendingStep; me: Me | null; csrfToken: string | null } | { kind: 'signed_out' };

/** Asks the server where this browser's session stands; no React state involved. */
async function fetchSession(): Promise<SessionOutcome> {
  try {
    const me = await api.get<Me>('/auth/me');
    if (me.mustChangePassword) return { kind: 'pending', step: 'password_change_required', me, csrfToken: me.csrfToken };
    return { kind: 'done', me };
  } catch (error) {
    if (isApiError(error) && (error.code === 'MFA_REQUIRED' || error.code === 'PASSWORD_CHANGE_REQUIRED')) {
      return { kind: 'pending', ...pendingFromError(error) };
    }
    if (isApiError(error) && error.status === 401) return { kind: 'signed_out' };
    throw error;
  }
}

interface AuthContextValue {
  state: AuthState;
  /** The signed-in user, or null. */
  me: Me | null;
  can: (permission: Permission) => boolean;
  applyLoginResult: (result: LoginResult) => void;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const enterPending = useCallback((step: PendingStep, me: Me | null, csrfToken: string | null) => {
    if (csrfToken) {
      setCsrfToken(csrfToken);
      rememberPending({ step, csrfToken });
    }
    setState({ status: 'pending', step, me });
  }, []);

  const applyLoginResult = useCallback(
    (result: LoginResult) => {
      setCsrfToken(result.me.csrfToken);
      if (result.step === 'done') {
        rememberPending(null);
        // Nothing cached under a previous identity may leak into this one.
        queryClient.clear();
        adoptAccountLanguage(result.me.locale);
        setState({ status: 'signed_in', me: result.me });
      } else {
        enterPending(result.step, result.me, result.me.csrfToken);
      }
    },
    [enterPending, queryClient],
  );

  const applyOutcome = useCallback(
    (outcome: SessionOutcome) => {
      switch (outcome.kind) {
        case 'done':
          applyLoginResult({ step: 'done', me: outcome.me });
          break;
        case 'pending':
          enterPending(outcome.step, outcome.me, outcome.csrfToken);
          break;
        case 'signed_out':
          setCsrfToken(null);
          rememberPending(null);
          setState({ status: 'signed_out' });
          break;
      }
    },
    [applyLoginResult, enterPending],
  );

  const refresh = useCallback(() => fetchSession().then(applyOutcome), [applyOutcome]);

  useEffect(() => {
    fetchSession().then(applyOutcome, () => setState({ status: 'signed_out' }));
  }, [applyOutcome]);

  useEffect(
    () =>
      onSessionError((error) => {
        if (error.code === 'UNAUTHENTICATED') {
          setCsrfToken(null);
          queryClient.clear();
          setState({ status: 'signed_out', reason: 'expired' });
        } else {
          const pending = pendingFromError(error);
          enterPending(pending.step, pending.me, pending.csrfToken);
        }
      }),
    [enterPending, queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } catch {
      // Signed out locally either way; the server session expires on its own.
    }
    setCsrfToken(null);
    rememberPending(null);
    queryClient.clear();
    setState({ status: 'signed_out' });
  }, [queryClient]);

  const value = useMemo<AuthContextValue>(() => {
    const me = state.status === 'signed_in' ? state.me : null;
    const permissions = new Set(me?.permissions ?? []);
    return {
      state,
      me,
      can: (p) => permissions.has(p),
      applyLoginResult,
      refresh,
      signOut,
    };
  }, [state, applyLoginResult, refresh, signOut]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}

/** The signed-in user; only for pages behind the sign-in guard. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe used outside the signed-in area');
  return me;
}
