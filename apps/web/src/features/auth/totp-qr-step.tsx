import { Button, Center, Code, Image, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import type { TotpEnrolment } from './auth-api';
import { TotpCodeInput } from './totp-code-input';

/** Splits the base32 secret into groups of four so it can be typed into an app by hand. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/** The QR code and secret of a new factor, and the first code from it; shared by first enrolment and replacement. */
export function TotpQrStep({
  enrolment,
  onConfirm,
  pending,
  error,
}: {
  enrolment: TotpEnrolment;
  onConfirm: (code: string) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(clean)) {
      setLocalError(t('auth.totp.codeFormat'));
      return;
    }
    setLocalError(null);
    onConfirm(clean);
  };
  return (
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
        <TotpCodeInput label={t('auth.totp.code')} value={code} onChange={setCode} error={localError} />
        <ErrorAlert error={error} />
        <Button type="submit" loading={pending} fullWidth>
          {t('auth.totp.submit')}
        </Button>
      </Stack>
    </form>
  );
}
