import type { IncidentDetail } from '@khien/contracts';
import { Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty } from '../../components/empty-state';
import { ErrorAlert, fieldErrorsOf } from '../../components/error-alert';
import { formatDateTime } from '../../lib/format-date';
import { OrgPicker, type PickedOrg } from '../orgs';
import { DateTimeField, type DateTime } from './datetime-field';
import { joinVn } from './incident-model';
import { incidentsApi } from './incidents-api';

const NO_TIME: DateTime = { date: '', time: '' };

/** Work owed by orgs for this case (each a work item, with its reminders); assigned within the caller's tree. */
export function TasksSection({ incident, onDone }: { incident: IncidentDetail; onDone: (next: IncidentDetail) => void }) {
  const { t } = useTranslation();
  const [org, setOrg] = useState<PickedOrg | null>(null);
  const [title, setTitle] = useState('');
  const [detail, setDetail] = useState('');
  const [due, setDue] = useState<DateTime>(NO_TIME);
  const dueAt = due.date ? joinVn(due.date, due.time || '17:00') : null;
  const assign = useMutation({
    mutationFn: () =>
      incidentsApi.assignTask(incident.id, { orgId: org?.id ?? '', title: title.trim(), ...(detail.trim() ? { detail: detail.trim() } : {}), dueAt }),
    onSuccess: (next) => {
      setTitle('');
      setDetail('');
      setDue(NO_TIME);
      onDone(next);
    },
  });
  const errors = fieldErrorsOf(assign.error);
  return (
    <Stack gap="sm" data-testid="tasks-section">
      {incident.tasks.length === 0 ? (
        <Empty title={t('incidents.tasks.empty')} />
      ) : (
        incident.tasks.map((task) => (
          <Card key={task.id} withBorder padding="xs" radius="md">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/work/${task.workItemId}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {task.title}
              </Anchor>
              <Badge variant="light" size="sm">
                {t(`incidents.tasks.status.${task.status}`, { defaultValue: t('incidents.tasks.status.other') })}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {task.orgName}
              {task.dueAt ? ` · ${t('incidents.tasks.due', { at: formatDateTime(task.dueAt) })}` : ''}
            </Text>
          </Card>
        ))
      )}
      {incident.actions.includes('task') && (
        <Card withBorder padding="sm" radius="md">
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('incidents.tasks.assign')}
            </Text>
            <OrgPicker label={t('incidents.tasks.org')} value={org} onChange={setOrg} required error={errors.orgId} testId="task-org" />
            <TextInput
              label={t('incidents.tasks.title')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              maxLength={500}
              withAsterisk
              error={errors.title}
            />
            <Textarea
              label={t('incidents.tasks.detail')}
              value={detail}
              onChange={(e) => setDetail(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={4000}
            />
            <DateTimeField label={t('incidents.tasks.dueAt')} description={t('incidents.tasks.dueHint')} value={due} onChange={setDue} error={errors.dueAt} />
            <ErrorAlert error={assign.error} />
            <Button
              style={{ alignSelf: 'flex-start' }}
              disabled={!org || !title.trim() || (Boolean(due.date || due.time) && !dueAt)}
              loading={assign.isPending}
              onClick={() => assign.mutate()}
              data-testid="task-assign"
            >
              {t('incidents.tasks.assignButton')}
            </Button>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
