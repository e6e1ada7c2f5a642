import { Alert, Text } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';
import { reasonText } from '../lib/error-reason';
import { ERROR_CODES } from '../lib/enums';
import { formatDateTime } from '../lib/format-date';

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** errors.reason.<reason> in the current language, or null (see lib/error-reason.ts). */
export function useReasonText(): (error: unknown) => string | null {
  const { i18n } = useTranslation();
  return useCallback((error: unknown) => reasonText(i18n, error), [i18n]);
}

/** Turns any thrown value into one sentence in the current language. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const reasonOf = useReasonText();
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error)) return t('errors.unexpected');
      if (error.code === 'NETWORK') return t('errors.client.NETWORK');
      if (error.code === 'BAD_RESPONSE') return t('errors.client.BAD_RESPONSE');
      // the lock's end as a local time says more than the reason's sentence
      if (error.code === 'ACCOUNT_LOCKED') {
        const until = (error.details as { lockedUntil?: unknown } | undefined)?.lockedUntil;
        if (typeof until === 'string') return t('errors.lockedUntil', { until: formatDateTime(until) });
      }
      const reason = reasonOf(error);
      if (reason) return reason;
      if (KNOWN_CODES.has(error.code)) return t(`errors.codes.${error.code}`);
      return error.message || t('errors.unexpected');
    },
    [t, reasonOf],
  );
}

/** Field path → message from a VALIDATION_FAILED error (empty for other errors). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return isApiError(error) ? error.fieldErrors() : {};
}

interface ErrorAlertProps {
  error: unknown;
  title?: string;
}

export function ErrorAlert({ error, title }: ErrorAlertProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const reasonOf = useReasonText();
  if (!error) return null;
  // the password policy's own sentence, unless a translated reason already said it
  const detail = isApiError(error) && error.code === 'WEAK_PASSWORD' && !reasonOf(error) ? error.message : null;
  const requestId = isApiError(error) ? error.requestId : null;
  return (
    <Alert color="red" variant="light" role="alert" title={title} data-testid="error-alert">
      <Text size="sm">{errorText(error)}</Text>
      {detail && (
        <Text size="sm" mt={4}>
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
