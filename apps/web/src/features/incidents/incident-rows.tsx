import type { IncidentSummary } from '@khien/contracts';
import { Anchor, Card, Group, Paper, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ClampedText } from '../../components/clamped-text';
import { formatDateTime } from '../../lib/format-date';
import { DueCountdown, FlagBadges, SeverityBadge, StatusBadge } from './incident-badges';
import { useIncidentLabels } from './incident-labels';
import { SEVERITY_COLORS } from './incident-model';

function NextDue({ incident, now, size = 'sm' }: { incident: IncidentSummary; now: number; size?: string }) {
  const labels = useIncidentLabels();
  if (!incident.nextDueAt)
    return (
      <Text span size={size} c="dimmed">
        —
      </Text>
    );
  return (
    <Stack gap={0}>
      <Text span size="xs" c="dimmed">
        {incident.nextDueKind ? `${labels.reportKind(incident.nextDueKind)} · ` : ''}
        {formatDateTime(incident.nextDueAt)}
      </Text>
      <DueCountdown dueAt={incident.nextDueAt} overdue={incident.breached} now={now} size={size} />
    </Stack>
  );
}

const orgLine = (i: IncidentSummary) => [i.orgName, i.communeName ?? i.orgParentName].filter(Boolean).join(' · ');

/** The phone's list: one card per case, the severity down the left edge. */
export function IncidentCards({ items, now }: { items: readonly IncidentSummary[]; now: number }) {
  const labels = useIncidentLabels();
  return (
    <Stack gap="sm" data-testid="incident-cards">
      {items.map((i) => (
        <Card
          key={i.id}
          withBorder
          padding="sm"
          radius="md"
          data-testid={`incident-card-${i.id}`}
          data-breached={i.breached}
          style={{ borderLeft: `6px solid var(--mantine-color-${SEVERITY_COLORS[i.severity]}-6)`, minWidth: 0 }}
        >
          <Stack gap={6}>
            <Group justify="space-between" gap="xs">
              <Group gap={6}>
                <SeverityBadge severity={i.severity} />
                <FlagBadges breached={i.breached} serious={i.serious} personalData={i.personalData} />
              </Group>
              <StatusBadge status={i.status} />
            </Group>
            <Anchor component={Link} to={`/incidents/${i.id}`} c="inherit" underline="hover" translate="no">
              <Text size="xs" c="dimmed" ff="monospace">
                {i.code}
              </Text>
              <ClampedText size="sm" fw={600} text={i.title} focusable={false} />
            </Anchor>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {labels.category(i.category)} · {orgLine(i)}
            </Text>
            <NextDue incident={i} now={now} />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

/** The desk's list: a dense table, breaches first as the server sorts them. */
export function IncidentTable({ items, now }: { items: readonly IncidentSummary[]; now: number }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  return (
    <Paper withBorder p="xs">
      <ScrollArea type="auto">
        <Table verticalSpacing={4} fz="sm" miw={900} highlightOnHover data-testid="incident-table" aria-label={t('incidents.list.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('incidents.fields.code')}</Table.Th>
              <Table.Th>{t('incidents.fields.title')}</Table.Th>
              <Table.Th>{t('incidents.fields.severity')}</Table.Th>
              <Table.Th>{t('incidents.fields.status')}</Table.Th>
              <Table.Th>{t('incidents.fields.org')}</Table.Th>
              <Table.Th>{t('incidents.fields.detectedAt')}</Table.Th>
              <Table.Th>{t('incidents.fields.nextDue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.id} bg={i.breached ? 'red.0' : undefined} data-testid={`incident-row-${i.id}`} data-breached={i.breached}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component={Link} to={`/incidents/${i.id}`} size="sm" ff="monospace">
                    {i.code}
                  </Anchor>
                </Table.Td>
                <Table.Td maw={360}>
                  <div translate="no">
                    <ClampedText size="sm" text={i.title} />
                  </div>
                  <Group gap={4} mt={2}>
                    <Text span size="xs" c="dimmed">
                      {labels.category(i.category)}
                    </Text>
                    <FlagBadges breached={i.breached} serious={i.serious} personalData={i.personalData} size="xs" />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <SeverityBadge severity={i.severity} size="xs" />
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={i.status} size="xs" />
                </Table.Td>
                <Table.Td maw={220}>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {i.orgName}
                  </Text>
                  {(i.communeName ?? i.orgParentName) && (
                    <Text size="xs" c="dimmed">
                      {i.communeName ?? i.orgParentName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(i.detectedAt)}</Table.Td>
                <Table.Td>
                  <NextDue incident={i} now={now} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}
