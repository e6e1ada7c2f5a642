import type { IncidentDetail } from '@khien/contracts';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../lib/format-date';
import { OrgPicker, type PickedOrg } from '../orgs';
import { incidentsApi } from './incidents-api';

/** The response team: orgs outside the owner's tree invited to see and work the case. */
export function TeamSection({ incident, onDone }: { incident: IncidentDetail; onDone: (next: IncidentDetail) => void }) {
  const { t } = useTranslation();
  const [org, setOrg] = useState<PickedOrg | null>(null);
  const [comment, setComment] = useState('');
  const invite = useMutation({
    mutationFn: () => incidentsApi.invite(incident.id, { orgId: org?.id ?? '', ...(comment.trim() ? { comment: comment.trim() } : {}) }),
    onSuccess: (next) => {
      setOrg(null);
      setComment('');
      onDone(next);
    },
  });
  return (
    <Stack gap="sm" data-testid="team-section">
      {incident.team.length === 0 ? (
        <Empty title={t('incidents.team.empty')} />
      ) : (
        incident.team.map((m) => (
          <Group key={m.orgId} justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {m.orgName}
            </Text>
            <Text size="xs" c="dimmed">
              {t('incidents.team.invitedAt', { at: formatDateTime(m.invitedAt) })}
            </Text>
          </Group>
        ))
      )}
      {incident.actions.includes('invite') && (
        <Stack gap="xs">
          <OrgPicker
            label={t('incidents.team.invite')}
            description={t('incidents.team.inviteHint')}
            value={org}
            onChange={setOrg}
            excludeIds={[incident.orgId, ...incident.team.map((m) => m.orgId)]}
            testId="team-org"
          />
          <Textarea
            label={t('incidents.ask.commentLabel')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <ErrorAlert error={invite.error} />
          <Button style={{ alignSelf: 'flex-start' }} disabled={!org} loading={invite.isPending} onClick={() => invite.mutate()} data-testid="team-invite">
            {t('incidents.team.inviteButton')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
