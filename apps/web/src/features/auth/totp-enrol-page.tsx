import { Anchor, Button, Center, Code, Image, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth-context';
import { ErrorAlert } from '../../components/error-alert';
import { authApi } from './auth-api';
import { AuthCard } from './auth-card';
import { RecoveryCodes } from './recovery-codes';

/** Splits the base32 secret into groups of four so it can be typed into an app by hand. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

export function TotpEnrolPage() {
  const { t } = useTranslation();
  const { refresh, signOut } = useAuth();
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const started = useRef(false);

  const start = useMutation({ mutationFn: authApi.startEnrolment });
  const confirm = useMutation({ mutationFn: (c: string) => authApi.confirmEnrolment(c) });
  const finish = useMutation({ mutationFn: refresh });

  // One enrolment per visit: a second start would replace the secret the QR code shows.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start.mutate();
  }, [start]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(clean)) {
      setLocalError(t('auth.totp.codeFormat'));
      return;
    }
    setLocalError(null);
    confirm.mutate(clean);
  };

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
      {enrolment && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('auth.enrol.step1')}</Text>
            <Center>
              <Image src={enrolment.qrDataUrl} alt={t('auth.enrol.qrAlt')} w={200} h={200} fit="contain" data-testid="totp-qr" />
            </Center>
            <Text size="sm">{t('auth.enrol.manual')}</Text>
            <Code block data-testid="totp-secret" data-secret={enrolment.secret} style={{ wordBreak: 'break-all' }}>
              {groupSecret(enrolment.secret)}
            </Code>
            <Text size="sm">{t('auth.enrol.step2')}</Text>
            <TextInput
              label={t('auth.totp.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={localError}
            />
            <ErrorAlert error={confirm.error} />
            <Button type="submit" loading={confirm.isPending} fullWidth>
              {t('auth.totp.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => void signOut()}>
        {t('auth.backToSignIn')}
      </Anchor>
    </AuthCard>
  );
}
