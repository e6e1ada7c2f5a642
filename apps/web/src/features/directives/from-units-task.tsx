import type { FromUnitsTask } from '@khien/contracts';
import { Anchor, Badge, Box, Button, Collapse, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChevronIcon } from '../../components/icons';
import { ClampedText } from '../../components/clamped-text';
import { AttachmentList } from './attachment-list';
import { TASK_STATUS_BADGE, useDirectiveLabels } from './directive-labels';

/** The four counts of the units' answers, in the colours the legend names. */
export const ANSWER_PARTS = [
  ['done', 'green'],
  ['notDone', 'red'],
  ['notApplicable', 'indigo'],
  ['open', 'gray'],
] as const;

interface FromUnitsTaskCardProps {
  task: FromUnitsTask;
  position: number;
  text: string;
  /** the officer may still edit the report: offer the fill */
  canFill: boolean;
  onFill: () => void;
}

/** One received task: how its units answered, each unit's answer on demand, and "fill my report from it". */
export function FromUnitsTaskCard({ task, position, text, canFill, onFill }: FromUnitsTaskCardProps) {
  const { t } = useTranslation();
  const labels = useDirectiveLabels();
  const [open, setOpen] = useState(false);
  const n = task.units;
  const words = ANSWER_PARTS.filter(([k]) => task[k] > 0).map(([k]) => t(`directives.fromUnits.count.${k}`, { n: task[k] }));

  return (
    <Paper withBorder p="sm" radius="md" data-testid={`from-units-task-${position}`} data-task-id={task.taskId}>
      <Stack gap={6}>
        <ClampedText size="sm" text={`${position}. ${text}`} />
        {n === 0 ? (
          <Text size="sm" c="dimmed">
            {t('directives.fromUnits.noUnits')}
          </Text>
        ) : (
          <>
            <Progress.Root size="md" aria-label={words.join(', ')}>
              {ANSWER_PARTS.map(([k, color]) => (
                <Progress.Section key={k} value={(task[k] / n) * 100} color={color === 'gray' ? 'gray.4' : color} />
              ))}
            </Progress.Root>
            <Text size="sm" data-testid="from-units-counts">
              {t('directives.fromUnits.ofUnits', { n })}: {words.join(' · ')}
            </Text>
            <Group gap="xs" justify="space-between">
              <Button
                variant="subtle"
                size="compact-sm"
                px={0}
                onClick={() => setOpen((o) => !o)}
                aria-expanded={open}
                leftSection={<ChevronIcon open={open} />}
              >
                {open ? t('directives.fromUnits.hideUnits') : t('directives.fromUnits.showUnits', { n: task.answers.length })}
              </Button>
              {canFill && (
                <Button size="compact-sm" variant="light" onClick={onFill} data-testid="fill-task">
                  {t('directives.fromUnits.fill')}
                </Button>
              )}
            </Group>
            <Collapse expanded={open} data-testid="unit-answers">
              <Stack gap={6}>
                {task.answers.map((a) => (
                  <Box key={a.assignmentId} pl="xs" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }} data-testid="unit-answer">
                    <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                      <Anchor component={Link} to={`/assignments/${a.assignmentId}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {a.orgName}
                      </Anchor>
                      <Badge color={TASK_STATUS_BADGE[a.status]} variant="light" size="sm" style={{ flexShrink: 0 }}>
                        {labels.taskStatus(a.status)}
                      </Badge>
                    </Group>
                    {a.report.trim() ? (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                        {a.report}
                      </Text>
                    ) : (
                      !a.reason && (
                        <Text size="xs" c="dimmed">
                          {t('directives.fromUnits.noReport')}
                        </Text>
                      )
                    )}
                    {a.reason && (
                      <Text size="sm" c="red.8" style={{ overflowWrap: 'anywhere' }}>
                        {t('directives.fromUnits.reason', { reason: a.reason })}
                      </Text>
                    )}
                    <AttachmentList files={a.evidence} />
                  </Box>
                ))}
              </Stack>
            </Collapse>
          </>
        )}
      </Stack>
    </Paper>
  );
}
