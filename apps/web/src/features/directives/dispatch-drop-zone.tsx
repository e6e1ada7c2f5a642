import { Button, CloseButton, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UploadIcon } from './directive-icons';

export const DISPATCH_ACCEPT =
  '.txt,.docx,.pdf,.png,.jpg,.jpeg,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,image/png,image/jpeg';
/** .txt and .docx, parsed on the spot. */
export const DISPATCH_MAX_BYTES = 10 * 1024 * 1024;
/** PDFs and photos, read by a background job (the server's DOCUMENT_LIMITS.maxBytes). */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

/** A PDF or a photo: read page by page in the background (OCR for scans), not parsed on the spot. */
export function isDocumentFile(file: File): boolean {
  return /\.(pdf|png|jpe?g)$/i.test(file.name);
}

/** Why a file cannot be sent for parsing, or null if it can. */
export function dispatchFileProblem(file: File): 'type' | 'size' | 'empty' | null {
  if (!/\.(txt|docx|pdf|png|jpe?g)$/i.test(file.name)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > (isDocumentFile(file) ? DOCUMENT_MAX_BYTES : DISPATCH_MAX_BYTES)) return 'size';
  return null;
}

/** The size limit that applies to this file, in MB, for the message. */
export function fileLimitMb(file: File): number {
  return (isDocumentFile(file) ? DOCUMENT_MAX_BYTES : DISPATCH_MAX_BYTES) / 1024 / 1024;
}

interface DispatchDropZoneProps {
  file: File | null;
  onChange: (file: File | null) => void;
  error?: string;
}

/** Drop a .txt/.docx/.pdf or a photo here or pick it; keyboard users use the button. */
export function DispatchDropZone({ file, onChange, error }: DispatchDropZoneProps) {
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
      data-testid="dispatch-drop-zone"
    >
      <Stack gap="xs" align="center">
        <UploadIcon size={28} />
        {file ? (
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }} data-testid="dispatch-file-name">
              {file.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t('directives.import.fileSize', { kb: Math.max(1, Math.round(file.size / 1024)) })}
            </Text>
            <CloseButton size="sm" onClick={() => onChange(null)} aria-label={t('directives.import.clearFile')} />
          </Group>
        ) : (
          <Text size="sm" c="dimmed" ta="center">
            {t('directives.import.dropHint')}
          </Text>
        )}
        <FileButton onChange={onChange} accept={DISPATCH_ACCEPT}>
          {(props) => (
            <Button variant="default" size="sm" {...props}>
              {file ? t('directives.import.otherFile') : t('directives.import.pickFile')}
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
