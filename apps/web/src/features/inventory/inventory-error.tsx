import { Alert, Button, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client';
import { useErrorText, useReasonText } from '../../components/error-alert';

/** Codes whose server sentence names the cause (a bad range, a lower level, a wrong step). */
const TELLING_CODES: ReadonlySet<string> = new Set([
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'IMPORT_FAILED',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'ARCHIVE_TOO_LARGE',
  'ARCHIVE_REFUSED',
  'FORBIDDEN',
]);
const MAX_FIELD_ERRORS = 5;

/**
 * A failed change: the generic sentence, the server's own when it explains more, the fields it named,
 * and for a stale version (409) "someone else changed this" with a reload button.
 */
export function InventoryError({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const reasonText = useReasonText();
  if (!error) return null;
  // a translated reason already says what the server's (English) sentence says
  const reason = reasonText(error);
  const requestId = isApiError(error) ? error.requestId : null;
  if (isApiError(error) && error.code === 'CONFLICT') {
    return (
      <Alert color="orange" variant="light" role="alert" title={t('inventory.conflict.title')} data-testid="conflict-alert">
        <Text size="sm">{t('inventory.conflict.body')}</Text>
        {reason && (
          <Text size="xs" c="dimmed" mt={4}>
            {reason}
          </Text>
        )}
        {onReload && (
          <Button size="xs" mt="xs" variant="light" color="orange" onClick={onReload}>
            {t('inventory.conflict.reload')}
          </Button>
        )}
      </Alert>
    );
  }
  const detail = !reason && isApiError(error) && TELLING_CODES.has(error.code) && error.message ? error.message : null;
  const fields = isApiError(error) ? Object.entries(error.fieldErrors()) : [];
  return (
    <Alert color="red" variant="light" role="alert" data-testid="error-alert">
      <Text size="sm">{errorText(error)}</Text>
      {detail && (
        <Text size="sm" mt={4} data-testid="error-detail">
          {detail}
        </Text>
      )}
      {fields.length > 0 && (
        <List size="xs" mt={4}>
          {fields.slice(0, MAX_FIELD_ERRORS).map(([path, message]) => (
            <List.Item key={path}>
              {path}: {message}
            </List.Item>
          ))}
        </List>
      )}
      {requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('errors.requestId', { id: requestId })}
        </Text>
      )}
    </Alert>
  );
}
