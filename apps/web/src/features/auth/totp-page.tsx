import { Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth-context';
import { ErrorAlert } from '../../components/error-alert';
import { authApi } from './auth-api';
import { AuthCard } from './auth-card';
import { TotpCodeInput } from './totp-code-input';

export function TotpPage() {
  const { t } = useTranslation();
  const { applyLoginResult, signOut } = useAuth();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  const verify = useMutation({
    mutationFn: () => authApi.verifyTotp(useRecovery ? { recoveryCode: recoveryCode.trim() } : { code: code.replace(/\s/g, '') }),
    // The guard moves on to the next step (or the app) once the state changes.
    onSuccess: applyLoginResult,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!useRecovery && !/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      setLocalError(t('auth.totp.codeFormat'));
      return;
    }
    if (useRecovery && recoveryCode.trim().length < 8) {
      setLocalError(t('auth.totp.recoveryFormat'));
      return;
    }
    setLocalError(null);
    verify.mutate();
  };

  return (
    <AuthCard title={t('auth.totp.title')} description={useRecovery ? t('auth.totp.recoveryHint') : t('auth.totp.hint')} testId="totp-page">
      <form onSubmit={submit} noValidate>
        <Stack>
          {useRecovery ? (
            <TextInput
              key="recovery"
              label={t('auth.totp.recoveryCode')}
              autoComplete="off"
              value={recoveryCode}
              onChange={(e) => setRecoveryCode(e.currentTarget.value)}
              error={localError}
              autoFocus
            />
          ) : (
            <TotpCodeInput key="code" label={t('auth.totp.code')} value={code} onChange={setCode} error={localError} autoFocus />
          )}
          <ErrorAlert error={verify.error} />
          <Button type="submit" loading={verify.isPending} fullWidth>
            {t('auth.totp.submit')}
          </Button>
          <Group justify="space-between">
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setUseRecovery((v) => !v);
                setLocalError(null);
                verify.reset();
              }}
            >
              {useRecovery ? t('auth.totp.useApp') : t('auth.totp.useRecovery')}
            </Anchor>
            <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => void signOut()}>
              {t('auth.backToSignIn')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthCard>
  );
}
