import type { LoginResult } from '@khien/contracts';
import { api } from '../../lib/api-client';

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  /** PNG as a data: URL, allowed by the CSP's `img-src 'self' data:`. */
  qrDataUrl: string;
}

export const authApi = {
  login: (email: string, password: string) => api.post<LoginResult>('/auth/login', { email, password }),
  verifyTotp: (body: { code: string } | { recoveryCode: string }) => api.post<LoginResult>('/auth/totp', body),
  /** Replacing a factor one has needs the password and a current code; a first enrolment neither. */
  startEnrolment: (proof?: { currentPassword: string; code: string }) => api.post<TotpEnrolment>('/auth/totp/enrol/start', proof),
  confirmEnrolment: (code: string) => api.post<{ recoveryCodes: string[] }>('/auth/totp/enrol/confirm', { code }),
  changePassword: (currentPassword: string, newPassword: string) => api.post<LoginResult>('/auth/password', { currentPassword, newPassword }),
};
