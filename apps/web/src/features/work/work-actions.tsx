import type { WorkItem } from '@khien/contracts';
import { Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResponsiveModal } from '../../components/responsive-modal';
import { workApi } from './work-api';
import { WorkError } from './work-error';
import { useWorkLabels } from './work-labels';
import { actionNeedsReason, actionStyle, checksBlockingSubmit, orderActions, type WorkAction } from './work-model';

interface WorkActionsProps {
  item: WorkItem;
  /** checks with edits not saved yet: a submit would leave them out */
  unsaved: number;
  onDone: (next: WorkItem) => void;
  onReload: () => void;
}

/**
 * The moves the server offers now (`item.actions`). Those that need a reason ask for it first; a
 * submit is confirmed, listing the checks neither done nor set aside and any unsaved edits.
 */
export function WorkActions({ item, unsaved, onDone, onReload }: WorkActionsProps) {
  const { t } = useTranslation();
  const labels = useWorkLabels();
  const [asking, setAsking] = useState<WorkAction | null>(null);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const act = useMutation({
    mutationFn: ({ action, reason }: { action: WorkAction; reason: string | null }) => workApi.act(item.id, action, item.version, reason),
    onSuccess: (next) => {
      setAsking(null);
      onDone(next);
    },
  });
  const actions = orderActions(item.actions);
  if (actions.length === 0) return null;

  const open = (action: WorkAction) => {
    act.reset();
    setReason('');
    setTouched(false);
    if (actionNeedsReason(action) || action === 'submit') setAsking(action);
    else act.mutate({ action, reason: null });
  };
  const needsReason = asking !== null && actionNeedsReason(asking);
  const reasonMissing = needsReason && reason.trim() === '';
  const undone = asking === 'submit' ? checksBlockingSubmit(item.checks) : [];

  return (
    <Stack gap="xs" data-testid="work-actions">
      <Group gap="xs" grow preventGrowOverflow={false} wrap="wrap">
        {actions.map((a) => {
          const style = actionStyle(a);
          return (
            <Button
              key={a}
              color={style.color}
              variant={style.variant}
              size="md"
              miw={140}
              onClick={() => open(a)}
              loading={act.isPending && act.variables?.action === a && asking === null}
              data-testid={`action-${a}`}
            >
              {labels.action(a)}
            </Button>
          );
        })}
      </Group>
      {asking === null && <WorkError error={act.error} onReload={onReload} />}
      <ResponsiveModal opened={asking !== null} onClose={() => setAsking(null)} title={asking ? t(`work.confirm.${asking}.title`) : ''} size="md">
        {asking && (
          <Stack>
            {asking === 'submit' && (
              <>
                {undone.length === 0 ? (
                  <Text size="sm">{t('work.confirm.submit.allSettled')}</Text>
                ) : (
                  <>
                    <Text size="sm">{t('work.confirm.submit.undone', { n: undone.length })}</Text>
                    <List size="sm" spacing={2} data-testid="undone-checks">
                      {undone.slice(0, 20).map((c) => (
                        <List.Item key={c.key}>
                          {c.code ? `${c.code} ` : ''}
                          {c.text} — {labels.checkStatus(item.kind, c.status)}
                        </List.Item>
                      ))}
                    </List>
                    {undone.length > 20 && (
                      <Text size="xs" c="dimmed">
                        {t('work.confirm.submit.more', { n: undone.length - 20 })}
                      </Text>
                    )}
                  </>
                )}
                {unsaved > 0 && (
                  <Text size="sm" c="orange.8" fw={500}>
                    {t('work.confirm.submit.unsaved', { n: unsaved })}
                  </Text>
                )}
              </>
            )}
            {needsReason && (
              <>
                <Text size="sm">{t(`work.confirm.${asking}.body`)}</Text>
                <Textarea
                  label={t('work.confirm.reason')}
                  autosize
                  minRows={3}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  withAsterisk
                  error={touched && reasonMissing ? t('work.confirm.reasonRequired') : undefined}
                  maxLength={5000}
                  data-autofocus
                  data-testid="action-reason"
                />
              </>
            )}
            <WorkError error={act.error} onReload={onReload} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color={actionStyle(asking).color}
                loading={act.isPending}
                onClick={() => {
                  setTouched(true);
                  if (!reasonMissing) act.mutate({ action: asking, reason: needsReason ? reason.trim() : null });
                }}
                data-testid="confirm-action"
              >
                {labels.action(asking)}
              </Button>
            </Group>
          </Stack>
        )}
      </ResponsiveModal>
    </Stack>
  );
}
