import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** the title is someone else's words (an alert as its sender wrote it): shown as written, never translated */
  asWritten?: boolean;
}

export function PageHeader({ title, description, actions, asWritten }: PageHeaderProps) {
  const { t } = useTranslation();
  useDocumentTitle(typeof title === 'string' ? `${title} · ${t('app.name')}` : t('app.name'));
  return (
    <Group justify="space-between" align="flex-start" mb="md" gap="sm">
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
        <Title order={2} style={{ overflowWrap: 'anywhere' }} translate={asWritten ? 'no' : undefined}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
