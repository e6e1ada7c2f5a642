import type { InventorySummary } from '@khien/contracts';
import { Anchor, Badge, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ASSET_KINDS, DOSSIER_STATUSES } from '../../lib/enums';
import { DOSSIER_COLORS, LEVEL_CHART_COLORS } from './inventory-colors';
import { toSearch } from './inventory-filters';
import { useInventoryLabels } from './inventory-labels';
import { LEVEL_KEYS } from './overview-model';

function CountLink({ to, n, label, color, testId }: { to: string; n: number; label: string; color?: string; testId?: string }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Group gap={6} wrap="nowrap">
        {color && (
          <span aria-hidden style={{ width: 10, height: 10, borderRadius: 2, background: `var(--mantine-color-${color.replace('.', '-')})`, flexShrink: 0 }} />
        )}
        <Text size="sm">{label}</Text>
      </Group>
      {n > 0 ? (
        <Anchor component={Link} to={to} size="sm" fw={600} data-testid={testId}>
          {n}
        </Anchor>
      ) : (
        <Text size="sm" c="dimmed" data-testid={testId}>
          0
        </Text>
      )}
    </Group>
  );
}

function Card({ title, total, children, testId }: { title: string; total?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={5}>{title}</Title>
        {total}
      </Group>
      <Stack gap={4}>{children}</Stack>
    </Paper>
  );
}

/** One org's inventory at a glance; every count links to the registry filtered to it. */
export function SummaryCards({ summary: s }: { summary: InventorySummary }) {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const under = s.orgId;
  const reqPct = s.systems.requirementsTotal ? Math.round((s.systems.requirementsMet / s.systems.requirementsTotal) * 100) : 0;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" data-testid="summary-cards">
      <Card
        title={t('inventory.summary.systemsByLevel')}
        testId="summary-levels"
        total={
          <Anchor component={Link} to={`/systems${toSearch({ under })}`} fw={700} data-testid="summary-systems-total" data-n={s.systems.total}>
            {s.systems.total}
          </Anchor>
        }
      >
        {LEVEL_KEYS.map((k) => (
          <CountLink
            key={k}
            to={`/systems${toSearch({ under, level: k })}`}
            n={s.systems.byLevel[k]}
            label={labels.level(k === 'none' ? null : Number(k))}
            color={LEVEL_CHART_COLORS[k]}
            testId={`summary-level-${k}`}
          />
        ))}
        {s.systems.reassessOverdue > 0 && (
          <Badge color="red" variant="light" mt={4}>
            {t('inventory.summary.reassessOverdue', { n: s.systems.reassessOverdue })}
          </Badge>
        )}
      </Card>
      <Card title={t('inventory.summary.dossiers')} testId="summary-dossiers">
        {DOSSIER_STATUSES.map((d) => (
          <CountLink
            key={d}
            to={`/systems${toSearch({ under, dossier: d })}`}
            n={s.systems.byDossier[d] ?? 0}
            label={labels.dossier(d)}
            color={`${DOSSIER_COLORS[d]}.6`}
            testId={`summary-dossier-${d}`}
          />
        ))}
        <Text size="xs" c="dimmed" mt={6}>
          {t('inventory.summary.requirements', { met: s.systems.requirementsMet, total: s.systems.requirementsTotal })}
        </Text>
        <Progress value={reqPct} size="sm" aria-label={t('inventory.summary.requirementsLabel')} />
      </Card>
      <Card
        title={t('inventory.summary.assetsByKind')}
        testId="summary-assets"
        total={
          <Anchor component={Link} to={`/assets${toSearch({ under })}`} fw={700} data-testid="summary-assets-total" data-n={s.assets.total}>
            {s.assets.total}
          </Anchor>
        }
      >
        {ASSET_KINDS.filter((k) => (s.assets.byKind[k] ?? 0) > 0).map((k) => (
          <CountLink key={k} to={`/assets${toSearch({ under, kind: k })}`} n={s.assets.byKind[k] ?? 0} label={labels.assetKind(k)} />
        ))}
        {s.assets.total === 0 && (
          <Text size="sm" c="dimmed">
            {t('inventory.summary.noAssets')}
          </Text>
        )}
        <Text size="xs" c="dimmed" mt={6}>
          {t('inventory.summary.software', { n: s.assets.software })}
        </Text>
      </Card>
      <Card title={t('inventory.summary.hygiene')} testId="summary-hygiene">
        <CountLink
          to={`/assets${toSearch({ under, hygiene: 'no_antivirus' })}`}
          n={s.assets.noAntivirus}
          label={labels.hygiene('no_antivirus')}
          color="red.6"
        />
        <CountLink
          to={`/assets${toSearch({ under, hygiene: 'firewall_off' })}`}
          n={s.assets.firewallOff}
          label={labels.hygiene('firewall_off')}
          color="red.6"
        />
        <CountLink
          to={`/assets${toSearch({ under, hygiene: 'unpatched_30d' })}`}
          n={s.assets.unpatched30d}
          label={labels.hygiene('unpatched_30d')}
          color="orange.6"
        />
        <Title order={6} mt="sm">
          {t('inventory.summary.ipSpace')}
        </Title>
        <CountLink to={`/ip-space${toSearch({ under })}`} n={s.ipRanges.total} label={t('inventory.summary.ipRanges')} testId="summary-ip-ranges" />
        <CountLink
          to={`/ip-space${toSearch({ under, overlapping: 'true' })}`}
          n={s.ipRanges.overlapping}
          label={t('inventory.summary.overlapping')}
          color={s.ipRanges.overlapping ? 'red.6' : undefined}
          testId="summary-ip-overlapping"
        />
      </Card>
    </SimpleGrid>
  );
}
