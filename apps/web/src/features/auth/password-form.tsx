import type { LoginResult } from '@khien/contracts';
import { Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldErrorsOf } from '../../components/error-alert';
import { PasswordField } from '../../components/password-field';
import { authApi } from './auth-api';

/** The server's rule (12+ characters, not a common password); checked here only for length. */
export const MIN_PASSWORD_LENGTH = 12;

interface PasswordFormProps {
  onChanged: (result: LoginResult) => void;
}

export function PasswordForm({ onChanged }: PasswordFormProps) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [touched, setTouched] = useState(false);

  const change = useMutation({
    mutationFn: () => authApi.changePassword(current, next),
    onSuccess: onChanged,
  });
  const server = fieldErrorsOf(change.error);

  const errors = {
    current: touched && !current ? t('auth.passwordRequired') : (server.currentPassword ?? null),
    next: touched && next.length < MIN_PASSWORD_LENGTH ? t('auth.changePassword.tooShort', { min: MIN_PASSWORD_LENGTH }) : (server.newPassword ?? null),
    repeat: touched && repeat !== next ? t('auth.changePassword.mismatch') : null,
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!current || next.length < MIN_PASSWORD_LENGTH || repeat !== next) return;
    change.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PasswordField
          label={t('auth.changePassword.current')}
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={errors.current}
        />
        <PasswordField
          label={t('auth.changePassword.new')}
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          error={errors.next}
          description={t('auth.changePassword.rule', { min: MIN_PASSWORD_LENGTH })}
        />
        <PasswordField
          label={t('auth.changePassword.repeat')}
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={errors.repeat}
        />
        <ErrorAlert error={change.error} />
        <Button type="submit" loading={change.isPending}>
          {t('auth.changePassword.submit')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('auth.changePassword.afterNote')}
        </Text>
      </Stack>
    </form>
  );
}
