import { Paper, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth-context';
import { PageHeader } from '../../components/page-header';
import { PasswordForm } from './password-form';
import { TotpReplacePanel } from './totp-replace-panel';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { applyLoginResult, me } = useAuth();
  return (
    <>
      <PageHeader title={t('auth.changePassword.title')} />
      <Stack>
        <Paper withBorder p="md" maw={480}>
          <PasswordForm
            onChanged={(result) => {
              applyLoginResult(result);
              notifications.show({ color: 'teal', message: t('auth.changePassword.done') });
            }}
          />
        </Paper>
        {me?.totpEnabled && <TotpReplacePanel />}
      </Stack>
    </>
  );
}
