import { Anchor, Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { directivesApi, type DocumentImport, type ParsedDispatchDraft } from './directives-api';

type DocumentInfo = NonNullable<ParsedDispatchDraft['document']>;

/** How a page was read, as a badge: its own text, OCR with its confidence, or not read. */
function SourceBadge({ page }: { page: DocumentInfo['pages'][number] }) {
  const { t } = useTranslation();
  if (page.source === 'text')
    return (
      <Badge variant="light" color="teal">
        {t('directives.import.source.text')}
      </Badge>
    );
  if (page.source === 'none')
    return (
      <Badge variant="light" color="red">
        {t('directives.import.source.none')}
      </Badge>
    );
  const pct = Math.round(page.confidence ?? 0);
  return (
    <Badge variant="light" color={pct >= 85 ? 'blue' : 'orange'}>
      {t('directives.import.source.ocr', { pct })}
    </Badge>
  );
}

/**
 * The uploaded pages beside the draft, so the officer reads the original while correcting.
 * Beside the form on a wide screen (and kept in view while the form scrolls); under it on a phone.
 */
export function DocumentPages({ importId, document }: { importId: string; document: DocumentInfo }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 75em)') ?? false;
  return (
    <Stack
      gap="sm"
      data-testid="document-pages"
      style={
        wide ? { position: 'sticky', top: 'calc(var(--app-shell-header-offset, 56px) + 8px)', maxHeight: 'calc(100dvh - 96px)', overflowY: 'auto' } : undefined
      }
    >
      <Title order={4}>{t('directives.import.pagesTitle', { n: document.pages.length })}</Title>
      {document.meanConfidence !== null && (
        <Text size="sm" c="dimmed">
          {t('directives.import.meanConfidence', { pct: Math.round(document.meanConfidence) })}
        </Text>
      )}
      {document.pages.map((p) => {
        const src = directivesApi.importPageUrl(importId, p.page);
        return (
          <Paper key={p.page} withBorder p="xs">
            <Stack gap={6}>
              <Group justify="space-between" gap="xs">
                <Text size="sm" fw={600}>
                  {t('directives.import.pageN', { n: p.page })}
                </Text>
                <Group gap={4}>
                  <SourceBadge page={p} />
                  {p.stamp && (
                    <Badge variant="outline" color="red">
                      {t('directives.import.stamp')}
                    </Badge>
                  )}
                  {p.signature && (
                    <Badge variant="outline" color="indigo">
                      {t('directives.import.signature')}
                    </Badge>
                  )}
                </Group>
              </Group>
              {p.image ? (
                <Anchor href={src} target="_blank" rel="noopener" aria-label={t('directives.import.openPage', { n: p.page })}>
                  <img
                    src={src}
                    alt={t('directives.import.pageAlt', { n: p.page })}
                    width={p.width || undefined}
                    height={p.height || undefined}
                    loading="lazy"
                    style={{ display: 'block', width: '100%', height: 'auto', border: '1px solid var(--mantine-color-gray-3)' }}
                  />
                </Anchor>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('directives.import.noImage')}
                </Text>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** Pages read so far of a background import; the page polls and this redraws. */
export function ImportProgress({ job, filename }: { job: DocumentImport | undefined; filename: string }) {
  const { t } = useTranslation();
  const total = job?.pagesTotal ?? 0;
  const done = job?.pagesDone ?? 0;
  const waiting = !job || job.status === 'queued';
  return (
    <Stack gap={4} role="status" aria-live="polite" data-testid="import-progress">
      <Progress value={total > 0 ? (100 * done) / total : 0} striped animated aria-label={t('directives.import.readingProgress')} />
      <Text size="sm">{waiting ? t('directives.import.queued', { name: filename }) : t('directives.import.reading', { done, total, name: filename })}</Text>
      <Text size="xs" c="dimmed">
        {t('directives.import.readingHint')}
      </Text>
    </Stack>
  );
}
