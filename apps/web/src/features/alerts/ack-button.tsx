import type { AlertSummary } from '@khien/contracts';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../components/error-alert';
import { alertKeys, alertsApi } from './alerts-api';
import { isConflict } from './alert-model';

/**
 * "Xác nhận" on a card of the queue, without opening the alert: one tap on a phone at 3 a.m. The
 * version read with the list goes along; when someone else acted first the list is refreshed and
 * the officer is told so.
 */
export function AckButton({ alert }: { alert: Pick<AlertSummary, 'id' | 'version' | 'title'> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const ack = useMutation({
    mutationFn: () => alertsApi.act(alert.id, 'acknowledge', alert.version),
    onSuccess: (detail) => {
      queryClient.setQueryData(alertKeys.detail(alert.id), detail);
      notifications.show({ color: 'teal', message: t('alerts.queue.acknowledged') });
    },
    onError: (error) => {
      notifications.show(
        isConflict(error)
          ? { color: 'orange', title: t('alerts.conflict.title'), message: t('alerts.conflict.body') }
          : { color: 'red', message: errorText(error) },
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertKeys.lists }),
  });
  return (
    <Button
      size="sm"
      color="blue"
      onClick={() => ack.mutate()}
      loading={ack.isPending}
      // its name is "Xác nhận" and the alert's title, read from the title itself (shown as the sender wrote it)
      aria-labelledby={`ack-${alert.id} alert-title-${alert.id}`}
      data-testid={`ack-${alert.id}`}
    >
      <span id={`ack-${alert.id}`}>{t('alerts.actions.acknowledge')}</span>
    </Button>
  );
}
