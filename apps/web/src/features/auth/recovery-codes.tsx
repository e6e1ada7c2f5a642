import { Alert, Button, CopyButton, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface RecoveryCodesProps {
  codes: string[];
  onContinue: () => void;
  continuing?: boolean;
}

function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/** The recovery codes exist only in this response: show them once, offer copy and download. */
export function RecoveryCodes({ codes, onContinue, continuing }: RecoveryCodesProps) {
  const { t } = useTranslation();
  const text = `${t('auth.recovery.fileHeader')}\n\n${codes.join('\n')}\n`;
  return (
    <Stack data-testid="recovery-codes">
      <Alert color="orange" variant="light" title={t('common.shownOnce')}>
        <Text size="sm">{t('auth.recovery.warning')}</Text>
      </Alert>
      <Paper withBorder p="sm">
        <List type="ordered" spacing={4} aria-label={t('auth.recovery.listLabel')} styles={{ item: { fontFamily: 'var(--mantine-font-family-monospace)' } }}>
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
      </Paper>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        <CopyButton value={codes.join('\n')} timeout={2000}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy} color={copied ? 'teal' : undefined}>
              {copied ? t('common.copied') : t('auth.recovery.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="light" onClick={() => download('khien-recovery-codes.txt', text)}>
          {t('auth.recovery.download')}
        </Button>
      </SimpleGrid>
      <Button onClick={onContinue} loading={continuing}>
        {t('auth.recovery.continue')}
      </Button>
    </Stack>
  );
}
