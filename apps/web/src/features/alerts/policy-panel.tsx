import type { AlertPolicy } from '@khien/contracts';
import { Alert, Button, Group, Loader, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { useAlertLabels } from './alert-labels';
import { ALERT_SEVERITIES, isConflict } from './alert-model';
import { alertKeys, alertsApi } from './alerts-api';
import { ChainEditor } from './chain-editor';
import { MAX_MINUTES, chainProblems, perSeverityProblems, policyBody, policyFormOf, type PerSeverity, type PolicyForm } from './chain-model';

function MinutesGrid({
  title,
  hint,
  values,
  invalid,
  onChange,
}: {
  title: string;
  hint: string;
  values: PerSeverity;
  invalid: (keyof PerSeverity)[];
  onChange: (v: PerSeverity) => void;
}) {
  const { t } = useTranslation();
  const labels = useAlertLabels();
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
        {ALERT_SEVERITIES.map((s) => (
          <NumberInput
            key={s}
            label={labels.severity(s)}
            value={values[s]}
            onChange={(v) => onChange({ ...values, [s]: typeof v === 'number' ? v : 0 })}
            min={0}
            max={MAX_MINUTES}
            allowDecimal={false}
            suffix={` ${t('alerts.policy.minutes')}`}
            error={invalid.includes(s) ? t('alerts.policy.minutesRange', { max: MAX_MINUTES }) : undefined}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function PolicyEditor({ orgId, policy }: { orgId: string; policy: AlertPolicy }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<PolicyForm>(() => policyFormOf(policy));
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () => alertsApi.savePolicy(orgId, policyBody(form, policy.version)),
    onSuccess: (saved) => {
      queryClient.setQueryData(alertKeys.policy(orgId), saved);
      notifications.show({ color: 'teal', message: t('alerts.policy.saved') });
    },
    onError: (error) => {
      if (isConflict(error)) void queryClient.invalidateQueries({ queryKey: alertKeys.policy(orgId) });
    },
  });
  const problems = chainProblems(form.chain);
  const badAck = perSeverityProblems(form.ackMinutes);
  const badReraise = perSeverityProblems(form.reraiseMinutes);
  const submit = () => {
    setTried(true);
    if (problems.length === 0 && badAck.length === 0 && badReraise.length === 0) save.mutate();
  };
  return (
    <Stack gap="md">
      <MinutesGrid
        title={t('alerts.policy.ack')}
        hint={t('alerts.policy.ackHint')}
        values={form.ackMinutes}
        invalid={tried ? badAck : []}
        onChange={(ackMinutes) => setForm({ ...form, ackMinutes })}
      />
      <MinutesGrid
        title={t('alerts.policy.reraise')}
        hint={t('alerts.policy.reraiseHint')}
        values={form.reraiseMinutes}
        invalid={tried ? badReraise : []}
        onChange={(reraiseMinutes) => setForm({ ...form, reraiseMinutes })}
      />
      <Stack gap={4}>
        <Title order={5}>{t('alerts.policy.chain')}</Title>
        <Text size="xs" c="dimmed">
          {t('alerts.policy.chainHint')}
        </Text>
      </Stack>
      <ChainEditor chain={form.chain} problems={tried ? problems : []} onChange={(chain) => setForm({ ...form, chain })} />
      {save.error && isConflict(save.error) ? (
        <Alert color="orange" variant="light" title={t('alerts.conflict.title')}>
          <Text size="sm">{t('alerts.policy.conflict')}</Text>
        </Alert>
      ) : (
        <ErrorAlert error={save.error} />
      )}
      <Group>
        <Button onClick={submit} loading={save.isPending} data-testid="policy-save">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** One org's escalation policy (the province's by default; a commune may have its own). */
export function PolicyPanel({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const policy = useQuery({ queryKey: alertKeys.policy(orgId), queryFn: ({ signal }) => alertsApi.policy(orgId, signal) });
  if (policy.isPending) return <Loader aria-label={t('common.loading')} />;
  if (policy.isError) return <ErrorAlert error={policy.error} />;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="policy-panel">
      {/* a new form for every org and every saved version: the fields start from what the server holds */}
      <PolicyEditor key={`${orgId}-${policy.data.version}`} orgId={orgId} policy={policy.data} />
    </Paper>
  );
}
