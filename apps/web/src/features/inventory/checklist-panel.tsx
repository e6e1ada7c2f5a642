import type { Checklist } from '@khien/contracts';
import { Accordion, Alert, Badge, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { checklistProgress } from './checklist-model';
import { ChecklistRow } from './checklist-row';
import { inventoryKeys, useChecklist, useRefreshInventory, type ChecklistItem } from './inventory-api';
import { useInventoryLabels } from './inventory-labels';

/**
 * The level's requirements, grouped as in the pack, each with its status, note and evidence. `frozen`:
 * the dossier was submitted (or approved), so the checklist stays as it was sent — the server's work
 * item is the reviewer's until it is returned or the level changes.
 */
export function ChecklistPanel({ systemId, hasLevel, canWrite, frozen }: { systemId: string; hasLevel: boolean; canWrite: boolean; frozen: boolean }) {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const queryClient = useQueryClient();
  const refresh = useRefreshInventory();
  const checklist = useChecklist(systemId, hasLevel);

  if (!hasLevel) return <Empty title={t('inventory.checklist.noLevel')} description={t('inventory.checklist.noLevelHint')} />;
  if (checklist.isPending) return <Loader aria-label={t('common.loading')} />;
  if (checklist.isError) return <ErrorAlert error={checklist.error} />;
  const data = checklist.data;
  const all = data.groups.flatMap((g) => g.items);
  const progress = checklistProgress(all);

  /** Put the saved item in place at once, then let the counters on the page catch up. */
  const onSaved = (item: ChecklistItem) => {
    queryClient.setQueryData<Checklist>(inventoryKeys.checklist(systemId), (prev) =>
      prev ? { ...prev, groups: prev.groups.map((g) => ({ ...g, items: g.items.map((i) => (i.id === item.id ? item : i)) })) } : prev,
    );
    void refresh();
  };

  return (
    <Stack data-testid="checklist-panel" data-frozen={frozen ? 'true' : 'false'}>
      {frozen && canWrite && (
        <Alert color="blue" variant="light" data-testid="checklist-frozen">
          {t('inventory.checklist.frozen')}
        </Alert>
      )}
      <Stack gap={4}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={500}>
            {t('inventory.checklist.progress', { done: progress.met + progress.notApplicable, total: progress.total })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('inventory.checklist.packLevel', {
              pack: labels.pack({ title: data.packTitle, version: data.packVersion }, data.packId),
              level: labels.level(data.level),
            })}
          </Text>
        </Group>
        <Progress.Root size="lg" aria-label={t('inventory.checklist.progressLabel')} data-testid="checklist-progress" data-percent={progress.percent}>
          <Progress.Section value={progress.total ? (progress.met / progress.total) * 100 : 0} color="green" />
          <Progress.Section value={progress.total ? (progress.notApplicable / progress.total) * 100 : 0} color="indigo" />
          <Progress.Section value={progress.total ? (progress.inProgress / progress.total) * 100 : 0} color="yellow" />
        </Progress.Root>
        <Group gap="xs">
          <Badge color="green" variant="light" size="sm">
            {labels.requirement('met')}: {progress.met}
          </Badge>
          <Badge color="yellow" variant="light" size="sm">
            {labels.requirement('in_progress')}: {progress.inProgress}
          </Badge>
          <Badge color="indigo" variant="light" size="sm">
            {labels.requirement('not_applicable')}: {progress.notApplicable}
          </Badge>
          <Badge color="gray" variant="light" size="sm">
            {labels.requirement('not_started')}: {progress.notStarted}
          </Badge>
        </Group>
      </Stack>
      <Accordion
        // a new level or pack brings a new checklist: open its first group again
        key={`${data.packId}|${data.packVersion}|${data.level}`}
        multiple
        defaultValue={data.groups.slice(0, 1).map((g) => g.id)}
        variant="separated"
      >
        {data.groups.map((g) => {
          const gp = checklistProgress(g.items);
          return (
            <Accordion.Item key={g.id} value={g.id} data-testid={`req-group-${g.id}`}>
              <Accordion.Control>
                <Group justify="space-between" wrap="nowrap" gap="xs" pr="xs">
                  <Text size="sm" fw={600}>
                    {g.code ? `${g.code}. ` : ''}
                    {labels.text(g.title)}
                  </Text>
                  <Badge variant="light" color={gp.percent === 100 ? 'teal' : 'gray'} size="sm" style={{ flexShrink: 0 }}>
                    {gp.met + gp.notApplicable}/{gp.total}
                  </Badge>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap={0}>
                  {g.items.map((item) => (
                    <ChecklistRow key={`${item.id}|${item.updatedAt ?? ''}`} systemId={systemId} item={item} canWrite={canWrite && !frozen} onSaved={onSaved} />
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    </Stack>
  );
}
