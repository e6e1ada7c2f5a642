import type { RoutingRule } from '@khien/contracts';
import { Alert, Button, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { ResponsiveModal } from '../../components/responsive-modal';
import { OrgPicker } from '../orgs';
import { useAlertLabels } from './alert-labels';
import { ALERT_FORMATS, ALERT_SEVERITIES } from './alert-model';
import { alertsApi } from './alerts-api';
import { TEXT_MATCH_FIELDS, emptyRuleForm, ruleBody, ruleFormErrors, ruleFormOf, type RuleForm } from './rules-model';

/** Create or edit one routing rule: what it matches, and where it sends (or what severity it sets). */
export function RuleDialog({
  orgId,
  rule,
  nextPosition,
  onClose,
  onSaved,
}: {
  orgId: string;
  rule: RoutingRule | null;
  nextPosition: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const labels = useAlertLabels();
  const [form, setForm] = useState<RuleForm>(() => (rule ? ruleFormOf(rule) : emptyRuleForm()));
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      if (!rule) return alertsApi.createRule(ruleBody(form, orgId, nextPosition));
      // a rule stays with its org: the patch has no orgId
      const { orgId: _orgId, ...patch } = ruleBody(form, rule.orgId);
      return alertsApi.updateRule(rule.id, { ...patch, version: rule.version });
    },
    onSuccess: onSaved,
  });
  const errors = ruleFormErrors(form);
  const submit = () => {
    setTried(true);
    if (errors.length === 0) save.mutate();
  };
  const severityData = ALERT_SEVERITIES.map((s) => ({ value: s, label: labels.severity(s) }));
  return (
    <ResponsiveModal opened onClose={onClose} title={rule ? t('alerts.rules.edit') : t('alerts.rules.add')}>
      <Stack>
        <TextInput
          label={t('alerts.rules.name')}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          maxLength={200}
          withAsterisk
          error={tried && errors.includes('name_required') ? t('common.required') : undefined}
          data-testid="rule-name"
        />
        <Switch label={t('alerts.rules.enabled')} checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.currentTarget.checked })} />
        <Text fw={600} size="sm">
          {t('alerts.rules.when')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Select
            label={t('alerts.rules.match.format')}
            value={form.format}
            onChange={(v) => setForm({ ...form, format: (v as RuleForm['format']) ?? null })}
            data={ALERT_FORMATS.map((f) => ({ value: f, label: labels.format(f) }))}
            placeholder={t('alerts.rules.anyFormat')}
            clearable
          />
          <Select
            label={t('alerts.rules.match.severityAtLeast')}
            value={form.severityAtLeast}
            onChange={(v) => setForm({ ...form, severityAtLeast: (v as RuleForm['severityAtLeast']) ?? null })}
            data={severityData}
            placeholder={t('alerts.rules.anySeverity')}
            clearable
          />
          {TEXT_MATCH_FIELDS.map((k) => (
            <TextInput
              key={k}
              label={t(`alerts.rules.match.${k}`)}
              description={t(`alerts.rules.hint.${k}`)}
              value={form.text[k]}
              onChange={(e) => setForm({ ...form, text: { ...form.text, [k]: e.currentTarget.value } })}
              maxLength={k === 'labelValue' ? 500 : k === 'ipCidr' ? 64 : 200}
              error={k === 'labelKey' && tried && errors.includes('label_key_required') ? t('alerts.rules.labelKeyRequired') : undefined}
              data-testid={`rule-${k}`}
            />
          ))}
        </SimpleGrid>
        <Text fw={600} size="sm">
          {t('alerts.rules.then')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <OrgPicker label={t('alerts.rules.routeTo')} value={form.routeTo} onChange={(o) => setForm({ ...form, routeTo: o })} testId="rule-route-to" />
          <Select
            label={t('alerts.rules.setSeverity')}
            value={form.setSeverity}
            onChange={(v) => setForm({ ...form, setSeverity: (v as RuleForm['setSeverity']) ?? null })}
            data={severityData}
            placeholder={t('alerts.rules.keepSeverity')}
            clearable
          />
        </SimpleGrid>
        {tried && errors.includes('condition_required') && (
          <Alert color="red" variant="light" p="xs">
            <Text size="sm">{t('alerts.rules.conditionRequired')}</Text>
          </Alert>
        )}
        {tried && errors.includes('route_or_severity_required') && (
          <Alert color="red" variant="light" p="xs">
            <Text size="sm">{t('alerts.rules.routeOrSeverity')}</Text>
          </Alert>
        )}
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="rule-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </ResponsiveModal>
  );
}
