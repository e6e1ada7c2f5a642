import type { Assignment } from '@khien/contracts';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../lib/format-date';
import { assignmentRelay } from './cascade-model';
import { assignmentKeys, assignmentsApi, directiveKeys } from './directives-api';
import { MutationError } from './mutation-error';
import { DirectiveStatusBadge } from './status-badges';

interface RelaySectionProps {
  assignment: Assignment;
  onReload: () => void;
  now?: Date;
}

/**
 * "Triển khai đến đơn vị trực thuộc" on a received assignment: a pre-filled draft of the org's own
 * directive to its units, opened for editing at once; and the relays made so far, drafts included.
 */
export function RelaySection({ assignment: a, onReload, now = new Date() }: RelaySectionProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const relay = useMutation({
    mutationFn: () => assignmentsApi.relay(a.id),
    onSuccess: async (draft) => {
      queryClient.setQueryData(directiveKeys.detail(draft.id), draft);
      await queryClient.invalidateQueries({ queryKey: assignmentKeys.detail(a.id) });
      void navigate(`/directives/${draft.id}/edit`);
    },
  });
  if (!a.canRelay && a.relays.length === 0) return null;
  const { relayed, late } = assignmentRelay(a, now);

  return (
    <Paper withBorder p="sm" radius="md" data-testid="relay-section" style={late ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}>
      <Stack gap="xs">
        <Title order={5}>{t('directives.relay.title')}</Title>
        {a.relayDueAt && !relayed && (
          <Text size="sm" c={late ? 'red.7' : undefined} fw={late ? 700 : 500} data-testid="relay-due" data-overdue={late}>
            {t('directives.relay.due', { date: formatDate(a.relayDueAt) })}
            {late ? ` · ${t('directives.relay.overdue')}` : ''}
          </Text>
        )}
        {a.relays.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('directives.relay.none')}
          </Text>
        ) : (
          <Stack gap={6} data-testid="relay-list">
            <Text size="sm" fw={500}>
              {t('directives.relay.made', { n: a.relays.length })}
            </Text>
            {a.relays.map((r) => (
              <Group key={r.directiveId} gap="xs" wrap="nowrap" justify="space-between" data-testid="relay-item" data-status={r.status}>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={r.status === 'draft' ? `/directives/${r.directiveId}/edit` : `/directives/${r.directiveId}`} size="sm" fw={600}>
                    {r.number ? t('directives.doc.number', { number: r.number }) : t('directives.relay.draft')}
                  </Anchor>
                  <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                    {r.issuedAt ? `${t('directives.relay.issuedAt', { date: formatDate(r.issuedAt) })} · ` : ''}
                    {t('directives.doc.subject', { subject: r.subject })}
                  </Text>
                </Stack>
                <DirectiveStatusBadge status={r.status} />
              </Group>
            ))}
          </Stack>
        )}
        {a.canRelay && (
          <Stack gap={4}>
            <Button
              size="md"
              fullWidth
              variant={relayed ? 'default' : 'filled'}
              color={late ? 'red' : undefined}
              onClick={() => relay.mutate()}
              loading={relay.isPending}
              data-testid="relay-button"
              styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
              h="auto"
              mih={42}
              py={6}
            >
              {t('directives.relay.title')}
            </Button>
            <Text size="xs" c="dimmed" ta="center">
              {t('directives.relay.hint', { org: a.orgName })}
            </Text>
          </Stack>
        )}
        <MutationError error={relay.error} onReload={onReload} />
      </Stack>
    </Paper>
  );
}
