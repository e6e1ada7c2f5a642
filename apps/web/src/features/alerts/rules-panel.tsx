import type { AlertSeverityValue, RoutingRule } from '@khien/contracts';
import { ActionIcon, Button, Card, Code, Group, Loader, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { useAlertLabels } from './alert-labels';
import { alertKeys, alertsApi, type RulePatch } from './alerts-api';
import { RoutingTest } from './routing-test';
import { RuleDialog } from './rule-dialog';
import { matchPairs, movePatches, orderRules } from './rules-model';

function RuleCard({
  rule,
  index,
  count,
  busy,
  onPatch,
  onEdit,
  onDelete,
  onMove,
}: {
  rule: RoutingRule;
  index: number;
  count: number;
  busy: boolean;
  onPatch: (patch: Omit<RulePatch, 'version'>) => void;
  onEdit: () => void;
  onDelete: () => void;
  onMove: (delta: -1 | 1) => void;
}) {
  const { t } = useTranslation();
  const labels = useAlertLabels();
  const pairs = matchPairs(rule.match);
  const value = (field: string, v: string) => (field === 'severityAtLeast' ? labels.severity(v as AlertSeverityValue) : v);
  return (
    <Card withBorder padding="sm" radius="md" data-testid={`rule-${rule.id}`} opacity={rule.enabled ? 1 : 0.7}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {index + 1}. {rule.name}
          </Text>
          <Text size="xs" c="dimmed" component="div" style={{ overflowWrap: 'anywhere' }}>
            {pairs.length === 0
              ? t('alerts.rules.matchesAll')
              : pairs.map((p, i) => (
                  <span key={p.field}>
                    {i > 0 && ' · '}
                    {t(`alerts.rules.match.${p.field}`)}: {p.field === 'severityAtLeast' ? value(p.field, p.value) : <Code fz="xs">{p.value}</Code>}
                  </span>
                ))}
          </Text>
          <Text size="xs">
            {[
              rule.action.routeToOrgId && t('alerts.rules.sendsTo', { org: rule.routeToOrgName ?? '—' }),
              rule.action.setSeverity && t('alerts.rules.sets', { severity: labels.severity(rule.action.setSeverity) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Switch
            size="sm"
            checked={rule.enabled}
            disabled={busy}
            onChange={(e) => onPatch({ enabled: e.currentTarget.checked })}
            aria-label={t('alerts.rules.enabledNamed', { name: rule.name })}
          />
          <Group gap={2} wrap="nowrap">
            <ActionIcon variant="default" disabled={busy || index === 0} onClick={() => onMove(-1)} aria-label={t('alerts.rules.up', { name: rule.name })}>
              ↑
            </ActionIcon>
            <ActionIcon
              variant="default"
              disabled={busy || index === count - 1}
              onClick={() => onMove(1)}
              aria-label={t('alerts.rules.down', { name: rule.name })}
            >
              ↓
            </ActionIcon>
          </Group>
        </Stack>
      </Group>
      <Group gap="xs" mt="xs">
        <Button size="compact-sm" variant="subtle" onClick={onEdit}>
          {t('common.edit')}
        </Button>
        <Button size="compact-sm" variant="subtle" color="red" onClick={onDelete}>
          {t('common.delete')}
        </Button>
      </Group>
    </Card>
  );
}

/** The routing rules, tried in order before the asset and IP lookup; and the box that tries a sample. */
export function RulesPanel({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: alertKeys.rules, queryFn: ({ signal }) => alertsApi.rules(signal) });
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RoutingRule | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: alertKeys.rules });
  const patch = useMutation({
    mutationFn: ({ rule, body }: { rule: RoutingRule; body: Omit<RulePatch, 'version'> }) => alertsApi.updateRule(rule.id, { ...body, version: rule.version }),
    onSettled: refresh,
  });
  // one after the other: each patch carries the version its rule had when the list was read
  const move = useMutation({
    mutationFn: async (patches: { rule: RoutingRule; position: number }[]) => {
      for (const p of patches) await alertsApi.updateRule(p.rule.id, { position: p.position, version: p.rule.version });
    },
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (rule: RoutingRule) => alertsApi.deleteRule(rule.id),
    onSuccess: () => setDeleting(null),
    onSettled: refresh,
  });
  // a commune's own rules are tried before the province's: each org's list is ordered on its own
  const ordered = orderRules((rules.data?.items ?? []).filter((r) => r.orgId === orgId));
  const nextPosition = ordered.length ? Math.max(...ordered.map((r) => r.position)) + 1 : 0;

  return (
    <Stack gap="md" data-testid="rules-panel">
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 16rem' }}>
          {t('alerts.rules.intro')}
        </Text>
        <Button onClick={() => setEditing('new')} data-testid="rule-add">
          {t('alerts.rules.add')}
        </Button>
      </Group>
      {rules.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : rules.isError ? (
        <ErrorAlert error={rules.error} />
      ) : ordered.length === 0 ? (
        <Empty title={t('alerts.rules.empty')} description={t('alerts.rules.emptyHint')} />
      ) : (
        <Stack gap="xs">
          {ordered.map((r, i) => (
            <RuleCard
              key={r.id}
              rule={r}
              index={i}
              count={ordered.length}
              busy={patch.isPending || move.isPending}
              onPatch={(body) => patch.mutate({ rule: r, body })}
              onEdit={() => setEditing(r)}
              onDelete={() => setDeleting(r)}
              onMove={(delta) => move.mutate(movePatches(ordered, i, delta))}
            />
          ))}
        </Stack>
      )}
      <ErrorAlert error={patch.error ?? move.error} />
      <RoutingTest orgId={orgId} />
      {editing && (
        <RuleDialog
          orgId={orgId}
          rule={editing === 'new' ? null : editing}
          nextPosition={nextPosition}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void refresh();
          }}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('alerts.rules.deleteTitle')}
        message={t('alerts.rules.deleteBody', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
