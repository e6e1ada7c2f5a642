import { Group, Loader, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../lib/format-date';
import { LevelBadge } from './badges';
import { useClassifications } from './inventory-api';
import { useInventoryLabels } from './inventory-labels';

/** Every classification with the pack (and version) it used, newest first. */
export function ClassificationHistory({ systemId }: { systemId: string }) {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const history = useClassifications(systemId);
  if (history.isPending) return <Loader aria-label={t('common.loading')} />;
  if (history.isError) return <ErrorAlert error={history.error} />;
  const items = [...history.data].sort((a, b) => (b.classifiedAt ?? '').localeCompare(a.classifiedAt ?? ''));
  if (items.length === 0) return <Empty title={t('inventory.history.empty')} />;
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="classification-history">
      {items.map((c, i) => (
        <Timeline.Item key={c.id ?? i} title={formatDateTime(c.classifiedAt)}>
          <Stack gap={4}>
            <Group gap="xs">
              <LevelBadge level={c.level} />
              <Text size="xs" c="dimmed">
                {t('inventory.history.pack', { pack: labels.pack({ title: c.packTitle, version: c.packVersion }, c.packId) })}
              </Text>
            </Group>
            {c.level !== c.proposedLevel && (
              <Text size="xs">{t('inventory.history.raised', { from: c.proposedLevel, to: c.level, note: c.levelNote ?? '' })}</Text>
            )}
            {c.classifiedBy && (
              <Text size="xs" c="dimmed">
                {t('inventory.history.by', { who: c.classifiedBy })}
              </Text>
            )}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
