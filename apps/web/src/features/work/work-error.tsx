import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client';
import { useErrorText } from '../../components/error-alert';
import { useWorkLabels } from './work-labels';
import { WORK_STATUSES } from './work-model';

function currentStatus(details: unknown) {
  const s = (details as { status?: unknown } | null | undefined)?.status;
  return WORK_STATUSES.find((x) => x === s) ?? null;
}

/**
 * A failed move or report in words: a stale version or a move no longer allowed (409, with the status
 * the item is in now and a reload button), a file too large or of a refused type (413/415, with the
 * server's sentence), a domain reason the web translates (`errors.reason.<reason>`), else the shared words.
 */
export function WorkError({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const labels = useWorkLabels();
  if (!error) return null;
  const api = isApiError(error) ? error : null;
  const reasonKey = api?.reason ? `errors.reason.${api.reason}` : null;
  const reasonText = reasonKey && i18n.exists(reasonKey) ? t(reasonKey, api?.params) : null;
  const requestId = api?.requestId;

  if (api?.code === 'CONFLICT') {
    const status = currentStatus(api.details);
    return (
      <Alert color="orange" variant="light" role="alert" title={t('work.errors.conflictTitle')} data-testid="conflict-alert">
        <Text size="sm">{reasonText ?? (status ? t('work.errors.conflictStatus', { status: labels.status(status) }) : t('work.errors.conflictBody'))}</Text>
        {onReload && (
          <Button size="xs" mt="xs" variant="light" color="orange" onClick={onReload}>
            {t('work.errors.reload')}
          </Button>
        )}
      </Alert>
    );
  }
  const special =
    api?.status === 413 || api?.code === 'PAYLOAD_TOO_LARGE'
      ? t('work.evidence.tooLarge')
      : api?.status === 415 || api?.code === 'UNSUPPORTED_MEDIA_TYPE'
        ? t('work.evidence.badType')
        : null;
  // the server's own sentence says which limit or which field; shown under the translated one
  const detail = api && api.message && (special || api.code === 'BAD_REQUEST' || api.code === 'VALIDATION_FAILED') ? api.message : null;
  return (
    <Alert color="red" variant="light" role="alert" data-testid="error-alert">
      <Text size="sm">{reasonText ?? special ?? errorText(error)}</Text>
      {detail && detail !== (reasonText ?? special) && (
        <Text size="xs" mt={4} data-testid="error-detail">
          {detail}
        </Text>
      )}
      {requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('errors.requestId', { id: requestId })}
        </Text>
      )}
    </Alert>
  );
}
