import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PagerProps {
  total: number;
  limit: number;
  offset: number;
  onOffsetChange: (offset: number) => void;
}

export function Pager({ total, limit, offset, onOffsetChange }: PagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  return (
    <Group justify="space-between" mt="sm" gap="xs">
      <Text size="sm" c="dimmed">
        {t('common.totalCount', { total })}
      </Text>
      {pages > 1 && (
        <Pagination
          size="sm"
          total={pages}
          value={page}
          onChange={(p) => onOffsetChange((p - 1) * limit)}
          getControlProps={(control) => ({ 'aria-label': t(`common.pager.${control}`) })}
          getItemProps={(p) => ({ 'aria-label': t('common.pager.page', { page: p }) })}
        />
      )}
    </Group>
  );
}
