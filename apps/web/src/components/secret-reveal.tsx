import { ActionIcon, Alert, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CheckIcon, CopyIcon } from './icons';

interface SecretRevealProps {
  /** Accessible name of the secret, e.g. "Mật khẩu tạm thời". */
  label: string;
  value: string;
  warning: string;
  testId?: string;
}

/** A secret the server returns exactly once: shown in full, with a copy button and a warning. */
export function SecretReveal({ label, value, warning, testId }: SecretRevealProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Alert color="orange" variant="light" title={t('common.shownOnce')}>
        <Text size="sm">{warning}</Text>
      </Alert>
      <Text size="sm" fw={500} id={`${testId ?? 'secret'}-label`}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code
          block
          aria-labelledby={`${testId ?? 'secret'}-label`}
          data-testid={testId}
          style={{ flex: 1, wordBreak: 'break-all', fontSize: '1rem', userSelect: 'all' }}
        >
          {value}
        </Code>
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
              <ActionIcon
                variant="light"
                size="lg"
                color={copied ? 'teal' : 'blue'}
                onClick={copy}
                aria-label={copied ? t('common.copied') : t('common.copyValue', { what: label })}
              >
                {copied ? <CheckIcon /> : <CopyIcon />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
