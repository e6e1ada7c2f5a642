export { SignInPage } from './sign-in-page';
export { TotpPage } from './totp-page';
export { TotpEnrolPage } from './totp-enrol-page';
export { ForcedPasswordPage } from './forced-password-page';
export { ChangePasswordPage } from './change-password-page';
