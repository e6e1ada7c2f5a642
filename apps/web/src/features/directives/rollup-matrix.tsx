import type { Rollup, TaskStatus } from '@khien/contracts';
import { Anchor, Box, Group, List, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TASK_STATUSES } from '../../lib/enums';
import { TASK_STATUS_COLORS, useDirectiveLabels } from './directive-labels';

const SYMBOL: Record<TaskStatus, string> = { done: '✓', in_progress: '…', not_started: '', not_applicable: '–', not_done: '✗', risk_accepted: '!' };
const CELL = 30;
const BORDER = '1px solid var(--mantine-color-gray-3)';

function Swatch({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Box w={14} h={14} style={{ background: color, border: BORDER, borderRadius: 2 }} />
      <Text size="xs">{label}</Text>
    </Group>
  );
}

/** Recipients × tasks, one coloured cell each; the org column stays put while the table scrolls. */
export function RollupMatrix({ matrix, recipients }: { matrix: Rollup['matrix']; recipients: number }) {
  const { t } = useTranslation();
  const labels = useDirectiveLabels();
  const sticky = { position: 'sticky', background: 'var(--mantine-color-body)' } as const;
  return (
    <Box>
      <Group gap="md" mb="xs">
        {TASK_STATUSES.map((s) => (
          <Swatch key={s} color={TASK_STATUS_COLORS[s]} label={labels.taskStatus(s)} />
        ))}
        <Swatch color="#fff" label={t('directives.rollup.missing')} />
      </Group>
      <Box
        data-testid="rollup-matrix"
        role="region"
        aria-label={t('directives.rollup.matrixLabel')}
        tabIndex={0}
        style={{ overflow: 'auto', maxHeight: '70vh', border: BORDER, borderRadius: 4 }}
      >
        <table style={{ borderCollapse: 'separate', borderSpacing: 0, fontSize: 'var(--mantine-font-size-xs)' }}>
          <thead>
            <tr>
              <th
                style={{
                  ...sticky,
                  left: 0,
                  top: 0,
                  zIndex: 3,
                  textAlign: 'left',
                  padding: '4px 8px',
                  borderBottom: BORDER,
                  borderRight: BORDER,
                  minWidth: 180,
                }}
              >
                {t('directives.rollup.org')}
              </th>
              {matrix.tasks.map((task, i) => (
                <th
                  key={task.id}
                  title={task.label}
                  scope="col"
                  style={{ ...sticky, top: 0, zIndex: 2, width: CELL, minWidth: CELL, borderBottom: BORDER, padding: '4px 0' }}
                >
                  {i + 1}
                  <VisuallyHidden>{task.label}</VisuallyHidden>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.assignmentId} data-testid="rollup-matrix-row">
                <th
                  scope="row"
                  style={{
                    ...sticky,
                    left: 0,
                    zIndex: 1,
                    textAlign: 'left',
                    fontWeight: 400,
                    padding: '2px 8px',
                    borderRight: BORDER,
                    borderBottom: BORDER,
                    maxWidth: 260,
                  }}
                >
                  <Anchor component={Link} to={`/assignments/${row.assignmentId}`} size="xs" lineClamp={1} title={row.orgName}>
                    {row.orgName}
                  </Anchor>
                </th>
                {row.cells.map((cell, i) => (
                  <td
                    key={i}
                    data-status={cell ?? 'none'}
                    title={`${matrix.tasks[i]?.label ?? ''} — ${cell ? labels.taskStatus(cell) : t('directives.rollup.missing')}`}
                    style={{
                      background: cell ? TASK_STATUS_COLORS[cell] : '#fff',
                      borderBottom: BORDER,
                      borderRight: '1px solid #fff',
                      textAlign: 'center',
                      height: 24,
                    }}
                  >
                    <span aria-hidden="true">{cell ? SYMBOL[cell] : ''}</span>
                    <VisuallyHidden>{cell ? labels.taskStatus(cell) : t('directives.rollup.missing')}</VisuallyHidden>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Box>
      {matrix.rows.length < recipients && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('directives.rollup.capped', { shown: matrix.rows.length, total: recipients })}
        </Text>
      )}
      <List type="ordered" size="xs" mt="sm" spacing={2} c="dimmed">
        {matrix.tasks.map((task) => (
          <List.Item key={task.id}>{task.label.replace(/^\s*\d+[.)]\s*/, '')}</List.Item>
        ))}
      </List>
    </Box>
  );
}
