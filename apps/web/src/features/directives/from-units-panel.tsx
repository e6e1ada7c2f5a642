import type { FromUnitsTask } from '@khien/contracts';
import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { assignmentKeys, assignmentsApi, type AssignmentTask } from './directives-api';
import { ANSWER_PARTS, FromUnitsTaskCard } from './from-units-task';

interface FromUnitsPanelProps {
  assignmentId: string;
  tasks: readonly AssignmentTask[];
  /** the report is still the officer's to edit: offer the fill buttons */
  canFill: boolean;
  /** Fill the page's drafts (one task, or every one when `only` is absent); answers how many changed. */
  onFill: (fromUnits: readonly FromUnitsTask[], only?: string) => number;
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Group gap="sm" aria-label={t('directives.fromUnits.legendLabel')} data-testid="from-units-legend">
      {ANSWER_PARTS.map(([k, color]) => (
        <Group key={k} gap={4} wrap="nowrap">
          <span
            aria-hidden
            style={{ width: 10, height: 10, borderRadius: 2, background: `var(--mantine-color-${color}-${color === 'gray' ? 4 : 'filled'})` }}
          />
          <Text size="xs">{t(`directives.fromUnits.legend.${k}`)}</Text>
        </Group>
      ))}
    </Group>
  );
}

/**
 * "Tổng hợp từ đơn vị trực thuộc": per received task, what the units it was relayed to answered,
 * and buttons that fill the officer's report from it — into the page's edits, saved with the save bar.
 */
export function FromUnitsPanel({ assignmentId, tasks, canFill, onFill }: FromUnitsPanelProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState<number | null>(null);
  const query = useQuery({ queryKey: assignmentKeys.fromUnits(assignmentId), queryFn: () => assignmentsApi.fromUnits(assignmentId) });
  const fill = (only?: string) => {
    if (query.data) setNote(onFill(query.data.tasks, only));
  };
  const byTask = new Map(query.data?.tasks.map((x) => [x.taskId, x]) ?? []);
  const units = query.data?.relays.reduce((n, r) => n + r.units, 0) ?? 0;

  return (
    <Paper withBorder p="sm" radius="md" data-testid="from-units-panel">
      <Stack gap="sm">
        <Title order={4}>{t('directives.fromUnits.title')}</Title>
        {query.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : query.isError ? (
          <ErrorAlert error={query.error} />
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('directives.fromUnits.relayedTo', { n: units })} {canFill ? t('directives.fromUnits.hint') : ''}
            </Text>
            <Legend />
            {canFill && (
              <Button variant="light" onClick={() => fill()} data-testid="fill-all" styles={{ label: { whiteSpace: 'normal' } }} h="auto" mih={36} py={6}>
                {t('directives.fromUnits.fillAll')}
              </Button>
            )}
            {note !== null && (
              <Text size="sm" c={note > 0 ? 'teal.8' : 'dimmed'} role="status" data-testid="fill-note">
                {note > 0 ? t('directives.fromUnits.filled', { n: note }) : t('directives.fromUnits.nothingToFill')}
              </Text>
            )}
            {tasks.map((task, i) => {
              const f = byTask.get(task.taskId);
              return f ? (
                <FromUnitsTaskCard key={task.id} task={f} position={i + 1} text={task.text} canFill={canFill} onFill={() => fill(task.taskId)} />
              ) : null;
            })}
          </>
        )}
      </Stack>
    </Paper>
  );
}
