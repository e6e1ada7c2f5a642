import { Alert, Button, Center, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** Last resort when a page throws while rendering: a readable message instead of a blank screen. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Center mih="60vh" p="md">
      <Stack maw={480}>
        <Alert color="red" title={t('errors.crashTitle')} role="alert">
          <Text size="sm">{t('errors.crash')}</Text>
          {error instanceof Error && (
            <Text size="xs" c="dimmed" mt={4}>
              {error.message}
            </Text>
          )}
        </Alert>
        <Button onClick={() => window.location.assign('/')}>{t('common.backHome')}</Button>
      </Stack>
    </Center>
  );
}
