import type { AlertDetail } from '@khien/contracts';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { ResponsiveModal } from '../../components/responsive-modal';
import { useAlertLabels } from './alert-labels';
import { actionStyle, isConflict, orderActions, type AlertAction } from './alert-model';
import { alertsApi } from './alerts-api';

/** A note needs its text; resolving and reopening take an optional one; acknowledging is one tap. */
const ASKS_COMMENT: ReadonlySet<AlertAction> = new Set(['note', 'resolve', 'reopen']);

/**
 * The moves this person may make now (the server's `actions`), each sent with the version read:
 * when someone else acted first (409 CONFLICT) the alert is read again and the person is told.
 */
export function AlertActions({ alert, onDone, onConflict }: { alert: AlertDetail; onDone: (next: AlertDetail) => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const labels = useAlertLabels();
  const [asking, setAsking] = useState<AlertAction | null>(null);
  const [comment, setComment] = useState('');
  const act = useMutation({
    mutationFn: ({ action, text }: { action: AlertAction; text?: string }) => alertsApi.act(alert.id, action, alert.version, text),
    onSuccess: (next) => {
      setAsking(null);
      setComment('');
      onDone(next);
    },
    onError: (error) => {
      if (!isConflict(error)) return;
      setAsking(null);
      onConflict();
    },
  });
  const actions = orderActions(alert.actions.filter((a): a is AlertAction => a !== 'promote'));
  if (actions.length === 0) return null;
  const open = (action: AlertAction) => {
    act.reset();
    if (ASKS_COMMENT.has(action)) setAsking(action);
    else act.mutate({ action });
  };
  const shownError = act.error && !isConflict(act.error) && !asking ? act.error : null;

  return (
    <Stack gap="xs">
      <Group gap="xs" data-testid="alert-actions">
        {actions.map((a) => {
          const style = actionStyle(a);
          return (
            <Button
              key={a}
              color={style.color}
              variant={style.variant}
              onClick={() => open(a)}
              loading={act.isPending && act.variables?.action === a}
              data-testid={`action-${a}`}
            >
              {labels.action(a)}
            </Button>
          );
        })}
      </Group>
      <ErrorAlert error={shownError} />
      <ResponsiveModal opened={asking !== null} onClose={() => setAsking(null)} title={asking ? t(`alerts.ask.${asking}.title`) : ''} size="md">
        <Stack>
          <Textarea
            label={asking === 'note' ? t('alerts.ask.noteLabel') : t('alerts.ask.commentLabel')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={2000}
            withAsterisk={asking === 'note'}
            data-autofocus
            data-testid="action-comment"
          />
          <ErrorAlert error={act.error && !isConflict(act.error) ? act.error : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={asking === 'note' && comment.trim() === ''}
              loading={act.isPending}
              onClick={() => asking && act.mutate({ action: asking, text: comment.trim() || undefined })}
              data-testid="action-confirm"
            >
              {asking ? labels.action(asking) : ''}
            </Button>
          </Group>
        </Stack>
      </ResponsiveModal>
    </Stack>
  );
}

export function ConflictNotice({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      title={t('alerts.conflict.title')}
      withCloseButton
      onClose={onClose}
      closeButtonLabel={t('common.close')}
      data-testid="conflict-alert"
    >
      <Text size="sm">{t('alerts.conflict.body')}</Text>
    </Alert>
  );
}
