import { Anchor, Button, Center, Loader } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth-context';
import { ErrorAlert } from '../../components/error-alert';
import { authApi } from './auth-api';
import { AuthCard } from './auth-card';
import { RecoveryCodes } from './recovery-codes';
import { TotpQrStep } from './totp-qr-step';

export function TotpEnrolPage() {
  const { t } = useTranslation();
  const { refresh, signOut } = useAuth();
  const started = useRef(false);

  const start = useMutation({ mutationFn: () => authApi.startEnrolment() });
  const confirm = useMutation({ mutationFn: (c: string) => authApi.confirmEnrolment(c) });
  const finish = useMutation({ mutationFn: refresh });

  // One enrolment per visit: a second start would replace the secret the QR code shows.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start.mutate();
  }, [start]);

  if (confirm.data) {
    return (
      <AuthCard title={t('auth.recovery.title')} testId="totp-enrol-page">
        <RecoveryCodes codes={confirm.data.recoveryCodes} onContinue={() => finish.mutate()} continuing={finish.isPending} />
        <ErrorAlert error={finish.error} />
      </AuthCard>
    );
  }

  const enrolment = start.data;
  return (
    <AuthCard title={t('auth.enrol.title')} description={t('auth.enrol.hint')} testId="totp-enrol-page">
      {start.isPending && (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      <ErrorAlert error={start.error} />
      {start.isError && (
        <Button variant="light" onClick={() => start.mutate()}>
          {t('common.retry')}
        </Button>
      )}
      {enrolment && <TotpQrStep enrolment={enrolment} onConfirm={(c) => confirm.mutate(c)} pending={confirm.isPending} error={confirm.error} />}
      <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => void signOut()}>
        {t('auth.backToSignIn')}
      </Anchor>
    </AuthCard>
  );
}
