import type { ReactNode } from 'react';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { buildUrl } from '../lib/api-client';

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Download links for stored files — attachments, evidence — through the one route (GET /files/:id, with the session cookie). */
export function FileList({ files, testId, icon }: { files: readonly { id: string; filename: string; size: number }[]; testId?: string; icon?: ReactNode }) {
  if (files.length === 0) return null;
  return (
    <Stack gap={4} data-testid={testId}>
      {files.map((f) => (
        <Group key={f.id} gap={6} wrap="nowrap">
          {icon}
          <Anchor href={buildUrl(`/files/${f.id}`)} download={f.filename} size="sm" style={{ wordBreak: 'break-all' }}>
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
