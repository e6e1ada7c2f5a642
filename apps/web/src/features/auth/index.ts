// Pages load on demand, each in its own chunk (app/router.tsx).
export const loadSignInPage = () => import('./sign-in-page').then((m) => m.SignInPage);
export const loadTotpPage = () => import('./totp-page').then((m) => m.TotpPage);
export const loadTotpEnrolPage = () => import('./totp-enrol-page').then((m) => m.TotpEnrolPage);
export const loadForcedPasswordPage = () => import('./forced-password-page').then((m) => m.ForcedPasswordPage);
export const loadChangePasswordPage = () => import('./change-password-page').then((m) => m.ChangePasswordPage);
