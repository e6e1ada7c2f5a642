import type { LoginResult } from '@khien/contracts';
import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { STEP_PATHS, useAuth } from '../../lib/auth-context';
import { FullPageLoader } from '../../components/full-page-loader';
import { safeNext } from '../../lib/safe-next';
import { ErrorAlert } from '../../components/error-alert';
import { PasswordField } from '../../components/password-field';
import { authApi } from './auth-api';
import { AuthCard } from './auth-card';

export function SignInPage() {
  const { t } = useTranslation();
  const { state, applyLoginResult } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);

  const login = useMutation({
    mutationFn: () => authApi.login(email.trim(), password),
    onSuccess: (result: LoginResult) => {
      applyLoginResult(result);
      // The step pages carry ?next= along so the person lands where they were going.
      const carry = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
      void navigate(result.step === 'done' ? next : `${STEP_PATHS[result.step]}${carry}`, { replace: true });
    },
  });

  if (state.status === 'loading') return <FullPageLoader />;
  if (state.status === 'signed_in' && !login.isPending) return <Navigate to={next} replace />;

  const emailError = touched && !/^\S+@\S+$/.test(email.trim()) ? t('auth.emailInvalid') : null;
  const passwordError = touched && !password ? t('auth.passwordRequired') : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!/^\S+@\S+$/.test(email.trim()) || !password) return;
    login.mutate();
  };

  return (
    <AuthCard title={t('auth.signInTitle')} description={t('auth.signInHint')} testId="sign-in-page">
      <form onSubmit={submit} noValidate>
        <Stack>
          {state.status === 'signed_out' && state.reason === 'expired' && (
            <Alert color="yellow" variant="light">
              {t('auth.sessionExpired')}
            </Alert>
          )}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={emailError}
            autoFocus
          />
          <PasswordField
            label={t('auth.password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={passwordError}
          />
          <ErrorAlert error={login.error} />
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('auth.signIn')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
