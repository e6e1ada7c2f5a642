import { Button, CloseButton, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_ACCEPT } from './import-model';

interface Props {
  file: File | null;
  onChange: (file: File | null) => void;
  error?: string;
}

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Drop a file here or pick it with the button (keyboard and phone users). */
export function ImportDropZone({ file, onChange, error }: Props) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped) onChange(dropped);
  };
  return (
    <Paper
      withBorder
      p="md"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: error ? 'var(--mantine-color-red-6)' : over ? 'var(--mantine-color-blue-6)' : undefined,
        background: over ? 'var(--mantine-color-blue-0)' : undefined,
      }}
      data-testid="import-drop-zone"
    >
      <Stack gap="xs" align="center">
        {file ? (
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }} data-testid="import-file-name">
              {file.name}
            </Text>
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              {sizeText(file.size)}
            </Text>
            <CloseButton size="sm" onClick={() => onChange(null)} aria-label={t('inventory.import.clearFile')} />
          </Group>
        ) : (
          <Text size="sm" c="dimmed" ta="center">
            {t('inventory.import.dropHint')}
          </Text>
        )}
        <FileButton onChange={onChange} accept={IMPORT_ACCEPT}>
          {(props) => (
            <Button variant="default" size="sm" {...props} data-testid="import-pick">
              {file ? t('inventory.import.otherFile') : t('inventory.import.pickFile')}
            </Button>
          )}
        </FileButton>
        {error && (
          <Text size="sm" c="red.7" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
