import type { IncidentDetail } from '@khien/contracts';
import { ActionIcon, Badge, Button, Code, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldErrorsOf } from '../../components/error-alert';
import { Empty } from '../../components/empty-state';
import { useIncidentLabels } from './incident-labels';
import { parseIndicatorLines, refusedIndicators } from './incident-model';
import { incidentsApi } from './incidents-api';

/** Indicators of compromise: several added at once, one per line (the server classifies and refangs them). */
export function IndicatorsSection({ incident, onDone }: { incident: IncidentDetail; onDone: (next: IncidentDetail) => void }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const [text, setText] = useState('');
  const canEdit = incident.actions.includes('indicator');
  const lines = parseIndicatorLines(text);
  const add = useMutation({
    mutationFn: () => incidentsApi.addIndicators(incident.id, { indicators: lines.map((l) => ({ value: l.value })) }),
    onSuccess: (next) => {
      setText('');
      onDone(next);
    },
  });
  const remove = useMutation({ mutationFn: (indicatorId: string) => incidentsApi.removeIndicator(incident.id, indicatorId), onSuccess: onDone });
  const refused = refusedIndicators(fieldErrorsOf(add.error), lines);
  return (
    <Stack gap="sm" data-testid="indicators-section">
      {incident.indicators.length === 0 ? (
        <Empty title={t('incidents.indicators.empty')} />
      ) : (
        <Stack gap={4} data-testid="indicator-list">
          {incident.indicators.map((i) => (
            <Group key={i.id} gap="xs" wrap="nowrap" align="flex-start">
              <Badge variant="light" color="gray" size="sm" style={{ flexShrink: 0 }}>
                {labels.indicatorType(i.type)}
              </Badge>
              <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }} translate="no">
                  {i.value}
                </Code>
                {i.note && (
                  <Text size="xs" c="dimmed">
                    {i.note}
                  </Text>
                )}
              </Stack>
              {canEdit && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('incidents.indicators.remove', { value: i.value })}
                  loading={remove.isPending && remove.variables === i.id}
                  onClick={() => remove.mutate(i.id)}
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          ))}
          {incident.indicatorsTotal > incident.indicators.length && (
            <Text size="xs" c="dimmed">
              {t('incidents.indicators.shown', { shown: incident.indicators.length, total: incident.indicatorsTotal })}
            </Text>
          )}
        </Stack>
      )}
      <ErrorAlert error={remove.error} />
      {canEdit && (
        <Stack gap="xs">
          <Textarea
            label={t('incidents.indicators.add')}
            description={t('incidents.indicators.hint')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={2}
            maxRows={10}
            ff="monospace"
            data-testid="indicators-input"
          />
          {refused.length > 0 ? (
            <List size="sm" c="red.7" data-testid="refused-indicators">
              {refused.map((r) => (
                <List.Item key={r.line}>{t('incidents.indicators.refusedLine', { line: r.line, value: r.value, message: r.message })}</List.Item>
              ))}
            </List>
          ) : (
            <ErrorAlert error={add.error} />
          )}
          <Button
            style={{ alignSelf: 'flex-start' }}
            disabled={lines.length === 0}
            loading={add.isPending}
            onClick={() => add.mutate()}
            data-testid="indicators-add"
          >
            {t('incidents.indicators.addCount', { n: lines.length })}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
