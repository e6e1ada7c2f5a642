import { Alert, Button, Card, Group, List, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { currentLanguage } from '../../i18n';
import { SeverityBadge } from './alert-badges';
import { useAlertLabels } from './alert-labels';
import { ALERT_FORMATS, type AlertFormat } from './alert-model';
import { alertsApi } from './alerts-api';
import { parseSample } from './rules-model';

/**
 * Paste an alert as a sender would post it and see where each alert in it would go and why,
 * through the rules as saved now. Nothing is stored.
 */
export function RoutingTest({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const labels = useAlertLabels();
  const [format, setFormat] = useState<AlertFormat | 'auto'>('auto');
  const [text, setText] = useState('');
  const [badJson, setBadJson] = useState(false);
  const test = useMutation({ mutationFn: (sample: unknown) => alertsApi.testRules(orgId, format, sample) });
  const run = () => {
    const parsed = parseSample(text);
    setBadJson(!parsed.ok);
    if (parsed.ok) test.mutate(parsed.value);
  };
  const lang = currentLanguage();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="routing-test">
      <Stack gap="xs">
        <Title order={5}>{t('alerts.test.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('alerts.test.hint')}
        </Text>
        <Select
          label={t('alerts.test.format')}
          value={format}
          onChange={(v) => v && setFormat(v as AlertFormat | 'auto')}
          data={(['auto', ...ALERT_FORMATS] as const).map((f) => ({ value: f, label: labels.format(f) }))}
          allowDeselect={false}
          maw={320}
        />
        <Textarea
          label={t('alerts.test.sample')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={5}
          maxRows={16}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
          error={badJson ? t('alerts.test.badJson') : undefined}
          data-testid="routing-sample"
        />
        <Group>
          <Button onClick={run} loading={test.isPending} disabled={!text.trim()} data-testid="routing-run">
            {t('alerts.test.run')}
          </Button>
        </Group>
        <ErrorAlert error={test.error} />
        {test.data && (
          <Stack gap="xs" data-testid="routing-result">
            {test.data.alerts.length === 0 && <Text size="sm">{t('alerts.test.noAlerts')}</Text>}
            {test.data.alerts.map((a, i) => (
              <Card key={i} withBorder padding="xs" radius="md">
                <Group gap={6}>
                  <SeverityBadge severity={a.severity} size="xs" />
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} translate="no">
                    {a.title}
                  </Text>
                </Group>
                <Text size="sm" mt={4}>
                  {a.orgName ? t('alerts.test.goesTo', { org: a.orgName }) : t('alerts.test.nowhere')}
                </Text>
                <List size="xs" spacing={0} mt={2}>
                  {a.route.map((r, j) => (
                    <List.Item key={j}>{labels.route(r)}</List.Item>
                  ))}
                </List>
              </Card>
            ))}
            {test.data.problems.length > 0 && (
              <Alert color="orange" variant="light" title={t('alerts.test.problems', { n: test.data.problems.length })}>
                <List size="xs" spacing={2}>
                  {test.data.problems.map((p, i) => (
                    <List.Item key={i}>
                      {p.index !== null ? t('alerts.test.problemAt', { n: p.index + 1 }) : ''}
                      {p.message[lang]}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
