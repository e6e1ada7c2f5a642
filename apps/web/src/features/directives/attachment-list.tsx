import { Anchor, Group, Stack, Text } from '@mantine/core';
import { PaperclipIcon } from './directive-icons';
import { directivesApi, type Attachment } from './directives-api';

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Download links for attachments or evidence (GET /files/:id, with the session cookie). */
export function AttachmentList({ files, testId }: { files: Attachment[]; testId?: string }) {
  if (files.length === 0) return null;
  return (
    <Stack gap={4} data-testid={testId}>
      {files.map((f) => (
        <Group key={f.id} gap={6} wrap="nowrap">
          <PaperclipIcon size={14} />
          <Anchor href={directivesApi.fileUrl(f.id)} download={f.filename} size="sm" style={{ wordBreak: 'break-all' }}>
            {f.filename}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {formatSize(f.size)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
