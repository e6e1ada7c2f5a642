import type { OrgKind, RecipientRule } from '@khien/contracts';
import { Anchor, Collapse, Group, List, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../components/labels';
import { ORG_KINDS } from '../../lib/enums';
import { directiveKeys, directivesApi } from './directives-api';
import { MutationError } from './mutation-error';

const KINDS: ReadonlySet<string> = new Set(ORG_KINDS);

interface RecipientsPreviewProps {
  /** Preview needs a saved draft: the server resolves the rule against the tree. */
  directiveId: string | undefined;
  rule: RecipientRule | null;
}

/** "Sẽ gửi tới N đơn vị" for a rule as it stands in the editor, refreshed as it changes. */
export function RecipientsPreview({ directiveId, rule }: RecipientsPreviewProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [open, setOpen] = useState(false);
  const [ruleKey] = useDebouncedValue(JSON.stringify(rule), 400);
  const preview = useQuery({
    queryKey: directiveKeys.preview(directiveId ?? '', ruleKey),
    queryFn: () => directivesApi.previewRecipients(directiveId ?? '', JSON.parse(ruleKey) as RecipientRule | null),
    enabled: directiveId !== undefined && rule !== null,
    placeholderData: keepPreviousData,
  });

  if (!directiveId) {
    return (
      <Text size="xs" c="dimmed">
        {t('directives.preview.saveFirst')}
      </Text>
    );
  }
  if (!rule) return null;
  if (preview.isPending) return <Loader size="xs" aria-label={t('common.loading')} />;
  if (preview.isError) return <MutationError error={preview.error} />;
  const { items, total } = preview.data;
  const kindLabel = (kind: string) => (KINDS.has(kind) ? labels.kind(kind as OrgKind) : kind);
  return (
    <div>
      <Group gap="xs">
        <Text size="sm" fw={500} data-testid="recipients-preview-count" data-count={total}>
          {t('directives.preview.count', { n: total })}
        </Text>
        {preview.isFetching && <Loader size="xs" aria-label={t('common.loading')} />}
        {total > 0 && (
          <Anchor component="button" type="button" size="sm" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? t('directives.preview.hide') : t('directives.preview.show')}
          </Anchor>
        )}
      </Group>
      <Collapse expanded={open}>
        <List size="sm" mt={4} spacing={2} style={{ maxHeight: 280, overflowY: 'auto' }}>
          {items.map((o) => (
            <List.Item key={o.id}>
              {o.name}
              <Text span size="xs" c="dimmed">
                {' '}
                · {kindLabel(o.kind)}
                {o.parentName ? ` · ${o.parentName}` : ''}
              </Text>
            </List.Item>
          ))}
        </List>
        {items.length < total && (
          <Text size="xs" c="dimmed">
            {t('directives.preview.more', { n: total - items.length })}
          </Text>
        )}
      </Collapse>
    </div>
  );
}
