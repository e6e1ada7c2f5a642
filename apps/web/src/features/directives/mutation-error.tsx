import { Alert, Button, List, Text } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../lib/api-client';
import { reasonText } from '../../lib/error-reason';
import { formatDate } from '../../lib/format-date';
import { useErrorText } from '../../components/error-alert';

/** Codes whose server message says more than the generic translation (parser, rules, state changes). */
const TELLING_CODES: ReadonlySet<string> = new Set([
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'IMPORT_FAILED',
  'UNSUPPORTED_MEDIA_TYPE',
  'FORBIDDEN',
  'PAYLOAD_TOO_LARGE',
  'ARCHIVE_TOO_LARGE',
  'ARCHIVE_REFUSED',
]);
const MAX_FIELD_ERRORS = 5;
/** Reason params that are timestamps (a relay due after its parent's deadline): read as dates, not ISO strings. */
const DATE_PARAMS = ['parentDueAt'] as const;

/** errors.reason.<reason> like the shared useReasonText, with the directive reasons' timestamps as dates. */
export function useDirectiveReasonText(): (error: unknown) => string | null {
  const { i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error) || !error.reason) return null;
      const params = { ...error.params };
      for (const k of DATE_PARAMS) if (typeof params[k] === 'string') params[k] = formatDate(params[k]);
      const { status, code, message, details, requestId, reason } = error;
      return reasonText(i18n, new ApiError({ status, code, message, details, requestId, reason, params }));
    },
    [i18n],
  );
}

interface MutationErrorProps {
  error: unknown;
  /** Offered on 409 CONFLICT: reload the record someone else changed. */
  onReload?: () => void;
  /** Lead with the server's sentence (the parser's "not a dispatch") instead of the generic one. */
  serverFirst?: boolean;
}

/**
 * Like the shared ErrorAlert, plus the server's own sentence where it explains the cause (an empty or
 * binary file, "not a dispatch", a section without recipients) and, for a stale `version` (409),
 * "someone else changed this, reload" with a reload button.
 */
export function MutationError({ error, onReload, serverFirst }: MutationErrorProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const reasonOf = useDirectiveReasonText();
  if (!error) return null;
  // a translated reason already says what the server's (English) sentence says
  const reason = reasonOf(error);
  const requestId = isApiError(error) ? error.requestId : null;
  if (isApiError(error) && error.code === 'CONFLICT') {
    return (
      <Alert color="orange" variant="light" role="alert" title={t('directives.conflict.title')} data-testid="conflict-alert">
        <Text size="sm">{t('directives.conflict.body')}</Text>
        {(reason ?? error.message) && (
          <Text size="xs" c="dimmed" mt={4}>
            {reason ?? error.message}
          </Text>
        )}
        {onReload && (
          <Button size="xs" mt="xs" variant="light" color="orange" onClick={onReload}>
            {t('directives.conflict.reload')}
          </Button>
        )}
      </Alert>
    );
  }
  const detail = !reason && isApiError(error) && TELLING_CODES.has(error.code) && error.message ? error.message : null;
  // the field messages are the server's English; a translated reason already names the problem
  const fields = isApiError(error) && !reason ? Object.entries(error.fieldErrors()) : [];
  return (
    <Alert color="red" variant="light" role="alert" data-testid="error-alert">
      {!(serverFirst && detail) && <Text size="sm">{reason ?? errorText(error)}</Text>}
      {detail && (
        <Text size="sm" mt={serverFirst ? 0 : 4} data-testid="error-detail">
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
