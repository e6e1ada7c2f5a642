import { EmptyState } from '@mantine/core';

interface EmptyProps {
  title: string;
  description?: string;
}

/** "Nothing here" for lists and tables, always with translated text. */
export function Empty({ title, description }: EmptyProps) {
  return <EmptyState size="sm" title={title} description={description} py="lg" data-testid="empty-state" />;
}
