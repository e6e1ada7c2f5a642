import type { OrgKind } from '@khien/contracts';
import { Badge, Loader, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { useLabels } from '../../components/labels';
import { ORG_KINDS, ROLLUP_BYS, type RollupBy } from '../../lib/enums';
import { useDirectiveLabels } from './directive-labels';
import { directiveKeys, directivesApi } from './directives-api';
import { RollupMatrix } from './rollup-matrix';
import { ChoiceControl } from '../../components/choice-control';
import { ClampedText } from '../../components/clamped-text';

/** by=kind labels its rows with the raw kind value. */
const KINDS: ReadonlySet<string> = new Set(ORG_KINDS);

export function useRollup(directiveId: string, by: RollupBy) {
  return useQuery({ queryKey: directiveKeys.rollup(directiveId, by), queryFn: () => directivesApi.rollup(directiveId, by) });
}

interface RollupPanelProps {
  directiveId: string;
  recipients: number;
  by: RollupBy;
  onByChange: (by: RollupBy) => void;
}

/** "Tiến độ": counts grouped by province / commune / kind / task, then the recipients × tasks matrix. */
export function RollupPanel({ directiveId, recipients, by, onByChange }: RollupPanelProps) {
  const { t } = useTranslation();
  const labels = useDirectiveLabels();
  const kindLabels = useLabels();
  const rollup = useRollup(directiveId, by);
  // by task the rows have no relay figures; by org groups, only when some recipient has units to relay to
  const relays = rollup.data?.rows.some((r) => (r.withUnits ?? 0) > 0) ?? false;
  return (
    <Stack>
      <ChoiceControl
        aria-label={t('directives.rollup.byLabel')}
        data={ROLLUP_BYS.map((b) => ({ value: b, label: labels.rollupBy(b) }))}
        value={by}
        onChange={(v) => onByChange(v as RollupBy)}
        style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
        data-testid="rollup-by"
      />
      {rollup.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : rollup.isError ? (
        <ErrorAlert error={rollup.error} />
      ) : rollup.data.rows.length === 0 ? (
        <Empty title={t('directives.rollup.empty')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={relays ? 890 : 760}>
            <Table striped verticalSpacing={4} fz="sm" data-testid="rollup-table" aria-label={t('directives.rollup.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{labels.rollupBy(by)}</Table.Th>
                  <Table.Th ta="right">{t('directives.rollup.recipients')}</Table.Th>
                  {relays && <Table.Th miw={130}>{t('directives.rollup.relayed')}</Table.Th>}
                  <Table.Th ta="right">{t('assignmentStatus.acknowledged')}</Table.Th>
                  <Table.Th ta="right">{t('assignmentStatus.submitted')}</Table.Th>
                  <Table.Th ta="right">{t('assignmentStatus.accepted')}</Table.Th>
                  <Table.Th ta="right">{t('directives.fields.overdue')}</Table.Th>
                  <Table.Th miw={160}>{t('directives.rollup.tasksDone')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rollup.data.rows.map((r) => {
                  const pct = r.tasksTotal > 0 ? Math.round((r.tasksDone / r.tasksTotal) * 100) : 0;
                  return (
                    <Table.Tr key={r.key ?? 'outside'}>
                      <Table.Td miw={160} maw={360}>
                        {r.key === null ? (
                          t(`directives.rollup.outside.${by}`)
                        ) : by === 'kind' && KINDS.has(r.label) ? (
                          kindLabels.kind(r.label as OrgKind)
                        ) : (
                          <ClampedText size="sm" text={r.label} />
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{r.recipients}</Table.Td>
                      {relays && (
                        <Table.Td data-testid="rollup-relayed">
                          {r.withUnits ? (
                            <>
                              <Text size="sm" c={(r.relayed ?? 0) < r.withUnits ? 'orange.8' : 'teal.8'} style={{ whiteSpace: 'nowrap' }}>
                                {t('directives.rollup.relayedOf', { relayed: r.relayed ?? 0, withUnits: r.withUnits })}
                              </Text>
                              {(r.units ?? 0) > 0 && (
                                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                                  {t('directives.rollup.units', { n: r.units ?? 0 })}
                                </Text>
                              )}
                            </>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                      )}
                      <Table.Td ta="right">{r.acknowledged}</Table.Td>
                      <Table.Td ta="right">{r.submitted}</Table.Td>
                      <Table.Td ta="right">{r.accepted}</Table.Td>
                      <Table.Td ta="right">
                        {r.overdue > 0 ? (
                          <Badge color="red" size="sm">
                            {r.overdue}
                          </Badge>
                        ) : (
                          0
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Progress
                          value={pct}
                          color="green"
                          size="sm"
                          aria-label={t('directives.rollup.tasksDoneOf', { done: r.tasksDone, total: r.tasksTotal })}
                        />
                        <Text size="xs" c="dimmed">
                          {t('directives.rollup.tasksDoneOf', { done: r.tasksDone, total: r.tasksTotal })}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <RollupMatrix matrix={rollup.data.matrix} recipients={recipients} />
        </>
      )}
    </Stack>
  );
}
