import type { Role } from '@khien/contracts';
import { ActionIcon, Button, Card, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../components/labels';
import { ROLES } from '../../lib/enums';
import { OrgPicker } from '../orgs';
import { alertsApi } from './alerts-api';
import {
  MAX_MINUTES,
  MAX_STEPS,
  MAX_TARGETS,
  TARGET_ORGS,
  TARGET_WHO,
  addStep,
  addTarget,
  moveStep,
  removeStep,
  removeTarget,
  updateStep,
  updateTarget,
  type ChainProblem,
  type ChainStep,
  type ChainTarget,
} from './chain-model';

/** The fixed orgs' names: a policy stores only their ids. */
function useOrgNames(chain: readonly ChainStep[]): Map<string, string> {
  const ids = [...new Set(chain.flatMap((s) => s.targets.flatMap((t) => (t.orgId ? [t.orgId] : []))))];
  const results = useQueries({ queries: ids.map((id) => ({ queryKey: ['orgs', 'detail', id], queryFn: () => alertsApi.orgName(id), staleTime: 300_000 })) });
  const names = new Map<string, string>();
  results.forEach((r, i) => r.data && names.set(ids[i]!, r.data.name));
  return names;
}

function TargetRow({
  target,
  names,
  problems,
  canRemove,
  onChange,
  onRemove,
}: {
  target: ChainTarget;
  names: Map<string, string>;
  problems: ChainProblem[];
  canRemove: boolean;
  onChange: (patch: Partial<ChainTarget>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const has = (code: ChainProblem['code']) => problems.some((p) => p.code === code);
  return (
    <Stack gap={6} p="xs" style={{ border: '1px dashed var(--mantine-color-gray-4)', borderRadius: 8 }} data-testid="chain-target">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        <Select
          label={t('alerts.chain.who')}
          value={target.who}
          onChange={(v) => v && onChange({ who: v as ChainTarget['who'] })}
          data={TARGET_WHO.map((w) => ({ value: w, label: t(`alerts.chain.whoValues.${w}`) }))}
          allowDeselect={false}
        />
        <Select
          label={t('alerts.chain.org')}
          value={target.org}
          onChange={(v) => v && onChange({ org: v as ChainTarget['org'] })}
          data={TARGET_ORGS.map((o) => ({ value: o, label: t(`alerts.chain.orgValues.${o}`) }))}
          allowDeselect={false}
        />
      </SimpleGrid>
      {target.org === 'org' && (
        <OrgPicker
          label={t('alerts.chain.fixedOrg')}
          value={target.orgId ? { id: target.orgId, name: names.get(target.orgId) ?? t('common.loading') } : null}
          onChange={(o) => onChange({ orgId: o?.id })}
          error={has('org_required') ? t('alerts.chain.orgRequired') : null}
          required
        />
      )}
      {target.who === 'roles' && (
        <MultiSelect
          label={t('alerts.chain.roles')}
          value={target.roles ?? []}
          onChange={(v) => onChange({ roles: v as Role[] })}
          data={ROLES.map((r) => ({ value: r, label: labels.role(r) }))}
          error={has('roles_required') ? t('alerts.chain.rolesRequired') : undefined}
          withAsterisk
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {canRemove && (
        <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove} style={{ alignSelf: 'flex-start' }}>
          {t('alerts.chain.removeTarget')}
        </Button>
      )}
    </Stack>
  );
}

/**
 * The escalation chain: step 1 is told as soon as the alert arrives; each later step N minutes after
 * the acknowledgement deadline if nobody has acknowledged. Each step tells one to five targets.
 */
export function ChainEditor({ chain, problems, onChange }: { chain: ChainStep[]; problems: ChainProblem[]; onChange: (chain: ChainStep[]) => void }) {
  const { t } = useTranslation();
  const names = useOrgNames(chain);
  return (
    <Stack gap="sm" data-testid="chain-editor">
      {chain.map((step, i) => {
        const stepProblems = problems.filter((p) => p.step === i);
        const minutesError = stepProblems.find((p) => p.target === null);
        return (
          <Card key={i} withBorder padding="sm" radius="md" data-testid={`chain-step-${i}`}>
            <Group justify="space-between" wrap="nowrap" gap="xs" mb="xs">
              <Text fw={600} size="sm">
                {t('alerts.chain.step', { n: i + 1 })}
              </Text>
              <Group gap={2} wrap="nowrap">
                <ActionIcon
                  variant="default"
                  disabled={i === 0}
                  onClick={() => onChange(moveStep(chain, i, -1))}
                  aria-label={t('alerts.chain.up', { n: i + 1 })}
                >
                  ↑
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  disabled={i === chain.length - 1}
                  onClick={() => onChange(moveStep(chain, i, 1))}
                  aria-label={t('alerts.chain.down', { n: i + 1 })}
                >
                  ↓
                </ActionIcon>
              </Group>
            </Group>
            <Stack gap="xs">
              {i === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('alerts.chain.atOnce')}
                </Text>
              ) : (
                <NumberInput
                  label={t('alerts.chain.afterMinutes')}
                  description={t('alerts.chain.afterMinutesHint')}
                  value={step.afterMinutes}
                  onChange={(v) => onChange(updateStep(chain, i, { afterMinutes: typeof v === 'number' ? v : 0 }))}
                  min={0}
                  max={MAX_MINUTES}
                  allowDecimal={false}
                  error={minutesError ? t(`alerts.chain.problem.${minutesError.code}`) : undefined}
                  maw={260}
                />
              )}
              <TextInput
                label={t('alerts.chain.label')}
                placeholder={t('alerts.chain.labelHint')}
                value={step.label}
                onChange={(e) => onChange(updateStep(chain, i, { label: e.currentTarget.value }))}
                maxLength={200}
              />
              {step.targets.map((target, j) => (
                <TargetRow
                  key={j}
                  target={target}
                  names={names}
                  problems={stepProblems.filter((p) => p.target === j)}
                  canRemove={step.targets.length > 1}
                  onChange={(patch) => onChange(updateTarget(chain, i, j, patch))}
                  onRemove={() => onChange(removeTarget(chain, i, j))}
                />
              ))}
              <Group gap="xs">
                <Button size="compact-sm" variant="light" disabled={step.targets.length >= MAX_TARGETS} onClick={() => onChange(addTarget(chain, i))}>
                  {t('alerts.chain.addTarget')}
                </Button>
                {chain.length > 1 && (
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => onChange(removeStep(chain, i))}>
                    {t('alerts.chain.removeStep')}
                  </Button>
                )}
              </Group>
            </Stack>
          </Card>
        );
      })}
      <Button
        variant="default"
        disabled={chain.length >= MAX_STEPS}
        onClick={() => onChange(addStep(chain))}
        style={{ alignSelf: 'flex-start' }}
        data-testid="chain-add-step"
      >
        {t('alerts.chain.addStep')}
      </Button>
    </Stack>
  );
}
