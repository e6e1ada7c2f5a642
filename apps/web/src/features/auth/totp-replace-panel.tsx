import { Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { authApi } from './auth-api';
import { RecoveryCodes } from './recovery-codes';
import { TotpQrStep } from './totp-qr-step';
import { TotpCodeInput } from './totp-code-input';

/**
 * A new phone: the second factor replaced from a signed-in session. The server asks for the
 * password and a code from the current factor first, so an unlocked screen left behind is not
 * enough to take the account over.
 */
export function TotpReplacePanel() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const start = useMutation({ mutationFn: () => authApi.startEnrolment({ currentPassword: password, code: code.replace(/\s/g, '') }) });
  const confirm = useMutation({ mutationFn: (c: string) => authApi.confirmEnrolment(c) });
  const reset = () => {
    setOpen(false);
    setPassword('');
    setCode('');
    start.reset();
    confirm.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate();
  };

  return (
    <Paper withBorder p="md" maw={480} data-testid="totp-replace">
      <Stack>
        <Title order={4}>{t('auth.replaceTotp.title')}</Title>
        {!open && (
          <>
            <Text size="sm">{t('auth.replaceTotp.hint')}</Text>
            <Button variant="default" onClick={() => setOpen(true)}>
              {t('auth.replaceTotp.button')}
            </Button>
          </>
        )}
        {open && !start.data && (
          <form onSubmit={submit} noValidate>
            <Stack>
              <PasswordInput
                label={t('auth.changePassword.current')}
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <TotpCodeInput label={t('auth.replaceTotp.currentCode')} value={code} onChange={setCode} />
              <ErrorAlert error={start.error} />
              <Button type="submit" loading={start.isPending} disabled={!password || !/^\d{6}$/.test(code.replace(/\s/g, ''))}>
                {t('auth.replaceTotp.continue')}
              </Button>
              <Button variant="subtle" onClick={reset}>
                {t('common.cancel')}
              </Button>
            </Stack>
          </form>
        )}
        {start.data && !confirm.data && (
          <TotpQrStep enrolment={start.data} onConfirm={(c) => confirm.mutate(c)} pending={confirm.isPending} error={confirm.error} />
        )}
        {confirm.data && (
          <RecoveryCodes
            codes={confirm.data.recoveryCodes}
            onContinue={() => {
              reset();
              notifications.show({ color: 'teal', message: t('auth.replaceTotp.done') });
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}
