import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth-context';
import { AuthCard } from './auth-card';
import { PasswordForm } from './password-form';

/** First sign-in with a temporary password, or a password an administrator reset. */
export function ForcedPasswordPage() {
  const { t } = useTranslation();
  const { applyLoginResult, signOut } = useAuth();
  return (
    <AuthCard title={t('auth.changePassword.forcedTitle')} description={t('auth.changePassword.forcedHint')} testId="forced-password-page">
      <PasswordForm onChanged={applyLoginResult} />
      <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => void signOut()}>
        {t('auth.backToSignIn')}
      </Anchor>
    </AuthCard>
  );
}
