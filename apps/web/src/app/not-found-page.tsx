import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty } from '../components/empty-state';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="center">
      <Empty title={t('errors.notFoundTitle')} description={t('errors.notFoundPage')} />
      <Button component={Link} to="/" variant="light">
        {t('common.backHome')}
      </Button>
    </Stack>
  );
}
