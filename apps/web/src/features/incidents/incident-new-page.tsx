import type { IncidentCategory, IncidentSeverity } from '@khien/contracts';
import { Anchor, Button, Group, List, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert, fieldErrorsOf } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useMe } from '../../lib/auth-context';
import { OrgPicker, type PickedOrg } from '../orgs';
import { DateTimeField, type DateTime } from './datetime-field';
import { useIncidentLabels } from './incident-labels';
import { CATEGORIES, SEVERITIES, hasReason, joinVn, parseIndicatorLines, refusedIndicators, splitVn } from './incident-model';
import { incidentKeys, incidentsApi } from './incidents-api';
import { SystemsPicker } from './systems-picker';

interface Form {
  org: PickedOrg | null;
  title: string;
  description: string;
  severity: IncidentSeverity | null;
  category: IncidentCategory | null;
  detected: DateTime;
  /** null: left to the server, which proposes it from the severity and the systems' level */
  serious: boolean | null;
  personalData: boolean;
  nationalSecurity: boolean;
  systemIds: string[];
  indicators: string;
}

function Flag({ label, hint, checked, onChange, testId }: { label: string; hint: string; checked: boolean; onChange: (v: boolean) => void; testId: string }) {
  return <Switch label={label} description={hint} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} data-testid={testId} />;
}

/** The user's own org, named: the picker shows a name, and Me carries only the id. */
function useHomeOrg(): PickedOrg | null {
  const me = useMe();
  const fromGrant = me.grants.find((g) => g.orgId === me.homeOrgId && g.orgName);
  const named = useQuery({
    queryKey: ['orgs', 'name', me.homeOrgId],
    queryFn: ({ signal }) => incidentsApi.orgName(me.homeOrgId ?? '', signal),
    enabled: Boolean(me.homeOrgId) && !fromGrant,
  });
  if (!me.homeOrgId) return null;
  if (fromGrant?.orgName) return { id: me.homeOrgId, name: fromGrant.orgName };
  return named.data ? { id: named.data.id, name: named.data.name } : null;
}

/** /incidents/new: report an incident from a phone, in the minutes after it is found. */
export function IncidentNewPage() {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const home = useHomeOrg();
  const [form, setForm] = useState<Form>(() => ({
    org: null,
    title: '',
    description: '',
    severity: null,
    category: null,
    detected: splitVn(Date.now()),
    serious: null,
    personalData: false,
    nationalSecurity: false,
    systemIds: [],
    indicators: '',
  }));
  const [touched, setTouched] = useState(false);
  // the user's org until another is picked (its name arrives after the first render)
  const org = form.org ?? home;
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const lines = parseIndicatorLines(form.indicators);
  const detectedAt = joinVn(form.detected.date, form.detected.time);
  const create = useMutation({
    mutationFn: () =>
      incidentsApi.create({
        orgId: org?.id ?? '',
        title: form.title.trim(),
        description: form.description.trim(),
        severity: form.severity ?? 'medium',
        category: form.category ?? 'other',
        detectedAt: detectedAt ?? '',
        ...(form.serious === null ? {} : { serious: form.serious }),
        personalData: form.personalData,
        nationalSecurity: form.nationalSecurity,
        systemIds: form.systemIds,
        indicators: lines.map((l) => ({ value: l.value })),
      }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: incidentKeys.all });
      void navigate(`/incidents/${created.id}`);
    },
  });
  const errors = fieldErrorsOf(create.error);
  const refused = refusedIndicators(errors, lines);
  const future = hasReason(create.error, 'detected_at_future');
  const need = (ok: boolean) => (touched && !ok ? t('common.required') : null);
  const valid = Boolean(org && form.title.trim() && form.description.trim() && form.severity && form.category && detectedAt);
  const submit = () => {
    setTouched(true);
    if (valid) create.mutate();
  };
  const detectedError = future
    ? t('incidents.form.detectedFuture')
    : touched && !detectedAt
      ? t('incidents.form.detectedInvalid')
      : (errors.detectedAt ?? null);

  return (
    <Stack gap="md" maw={760} data-testid="incident-new-page" style={{ minWidth: 0 }}>
      <Anchor component={Link} to="/incidents" size="sm">
        ‹ {t('incidents.list.title')}
      </Anchor>
      <PageHeader title={t('incidents.new.title')} description={t('incidents.new.description')} />
      <Paper withBorder p="sm" radius="md">
        <Stack gap="sm">
          <OrgPicker
            label={t('incidents.fields.org')}
            value={org}
            onChange={(o) => set({ org: o, systemIds: [] })}
            required
            clearable={false}
            error={need(Boolean(org)) ?? errors.orgId}
            testId="incident-org"
          />
          <TextInput
            label={t('incidents.fields.title')}
            value={form.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            maxLength={300}
            withAsterisk
            error={need(Boolean(form.title.trim())) ?? errors.title}
            data-testid="incident-title"
          />
          <Textarea
            label={t('incidents.fields.description')}
            description={t('incidents.new.descriptionHint')}
            value={form.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            autosize
            minRows={3}
            maxLength={10_000}
            withAsterisk
            error={need(Boolean(form.description.trim())) ?? errors.description}
            data-testid="incident-description"
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('incidents.fields.severity')}
              data={SEVERITIES.map((s) => ({ value: s, label: labels.severity(s) }))}
              value={form.severity}
              onChange={(v) => set({ severity: (v as IncidentSeverity | null) ?? null })}
              withAsterisk
              error={need(Boolean(form.severity))}
              comboboxProps={{ withinPortal: true }}
              data-testid="incident-severity-input"
            />
            <Select
              label={t('incidents.fields.category')}
              data={CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
              value={form.category}
              onChange={(v) => set({ category: (v as IncidentCategory | null) ?? null })}
              withAsterisk
              error={need(Boolean(form.category))}
              comboboxProps={{ withinPortal: true }}
              data-testid="incident-category-input"
            />
          </SimpleGrid>
          <DateTimeField
            label={t('incidents.fields.detectedAt')}
            value={form.detected}
            onChange={(detected) => set({ detected })}
            required
            error={detectedError}
            testId="incident-detected"
          />
        </Stack>
      </Paper>
      <Paper withBorder p="sm" radius="md">
        <Stack gap="sm">
          <Flag
            label={t('incidents.flags.serious')}
            hint={form.serious === null ? `${t('incidents.flags.seriousHint')} ${t('incidents.flags.seriousAuto')}` : t('incidents.flags.seriousHint')}
            checked={form.serious ?? false}
            onChange={(v) => set({ serious: v })}
            testId="flag-serious"
          />
          <Flag
            label={t('incidents.flags.personalData')}
            hint={t('incidents.flags.personalDataHint')}
            checked={form.personalData}
            onChange={(v) => set({ personalData: v })}
            testId="flag-personal-data"
          />
          <Flag
            label={t('incidents.flags.nationalSecurity')}
            hint={t('incidents.flags.nationalSecurityHint')}
            checked={form.nationalSecurity}
            onChange={(v) => set({ nationalSecurity: v })}
            testId="flag-national-security"
          />
        </Stack>
      </Paper>
      <Paper withBorder p="sm" radius="md">
        <Stack gap="sm">
          <SystemsPicker orgId={org?.id ?? null} value={form.systemIds} onChange={(systemIds) => set({ systemIds })} />
          <Textarea
            label={t('incidents.fields.indicators')}
            description={t('incidents.indicators.hint')}
            value={form.indicators}
            onChange={(e) => set({ indicators: e.currentTarget.value })}
            autosize
            minRows={3}
            maxRows={12}
            ff="monospace"
            data-testid="incident-indicators-input"
          />
          {refused.length > 0 && (
            <List size="sm" c="red.7" data-testid="refused-indicators">
              {refused.map((r) => (
                <List.Item key={r.line}>{t('incidents.indicators.refusedLine', { line: r.line, value: r.value, message: r.message })}</List.Item>
              ))}
            </List>
          )}
          {lines.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('incidents.indicators.count', { n: lines.length })}
            </Text>
          )}
        </Stack>
      </Paper>
      {!future && refused.length === 0 && <ErrorAlert error={create.error} />}
      <Group justify="flex-end">
        <Button component={Link} to="/incidents" variant="default">
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={submit} loading={create.isPending} data-testid="incident-submit">
          {t('incidents.new.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
