import type { Permission } from '@khien/contracts';
import type { Actor } from '../policy.js';
import type { AuditContext } from '../audit/audit.js';

export interface RequestSession {
  id: string;
  userId: string;
  csrfToken: string;
  mfaPassed: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * 'public': no sign-in; 'partial': a session half-way through sign-in is enough
     * (TOTP step, enrolment, forced password change); 'none': outside the session and API
     * token system altogether (a Prometheus scraper's bearer is not an API token); default:
     * fully signed in.
     */
    auth?: 'public' | 'partial' | 'none';
    /** The permission the route needs somewhere in the caller's grants; the service checks the record's subtree. */
    permission?: Permission;
    /** an API token's actor may be a few seconds old (modules/auth authenticate.ts): alert intake only */
    tokenCache?: boolean;
    /** Routes for people only, never for API tokens (sessions, TOTP, tokens themselves). */
    sessionOnly?: boolean;
    /** false only for sign-in, which starts a session and so has no token to check yet. */
    csrf?: boolean;
  }
  interface FastifyInstance {
    routeTable: { method: string; url: string; config: FastifyContextConfig }[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: RequestSession | null;
    /** Set when a session exists but sign-in is not finished: why it is not. */
    pendingStep: 'MFA_REQUIRED' | 'PASSWORD_CHANGE_REQUIRED' | null;
    pendingTotpEnabled: boolean;
    audit: AuditContext;
  }
}

export {};
