import { Anchor, Badge, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import type { RollupBy } from '../../lib/enums';
import { formatDate, formatDateTime } from '../../lib/format-date';
import { AttachmentList } from './attachment-list';
import { CascadePanel } from './cascade-panel';
import { DirectiveActions } from './directive-actions';
import { DirectiveAssignments } from './directive-assignments';
import { DirectiveDocument } from './directive-document';
import { DirectiveParent } from './directive-parent';
import { directiveKeys, directivesApi } from './directives-api';
import { MutationError } from './mutation-error';
import { NotAcknowledgedList } from './not-acknowledged-list';
import { ProgressLegend, RecipientProgress } from './recipient-progress';
import { RollupPanel } from './rollup-panel';
import { DirectiveStatusBadge } from './status-badges';

/** /directives/:id: the dispatch as written, what may be done with it, and (once issued) its progress. */
export function DirectivePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [by, setBy] = useState<RollupBy>('commune');
  const [uploadError, setUploadError] = useState<unknown>(null);
  const detail = useQuery({ queryKey: directiveKeys.detail(id), queryFn: () => directivesApi.get(id) });

  const back = (
    <Anchor component={Link} to="/directives" size="sm">
      ‹ {t('directives.backToList')}
    </Anchor>
  );
  if (detail.isPending) return <Loader aria-label={t('common.loading')} />;
  if (detail.isError) {
    return (
      <Stack>
        <ErrorAlert error={detail.error} />
        {back}
      </Stack>
    );
  }
  const d = detail.data;
  const issued = d.status !== 'draft';

  return (
    <div data-testid="directive-page" data-directive-id={d.id}>
      {back}
      <PageHeader
        title={d.subject}
        description={
          <Group gap={6} component="span" wrap="wrap">
            <DirectiveStatusBadge status={d.status} size="md" />
            <Text span size="sm">
              {[d.number ? t('directives.doc.number', { number: d.number }) : null, d.issuerOrgName, formatDate(d.issuedOn)].filter(Boolean).join(' · ')}
            </Text>
            {d.dueAt && (
              <Text span size="sm" fw={600}>
                {t('directives.doc.due', { date: formatDate(d.dueAt) })}
              </Text>
            )}
          </Group>
        }
        actions={<DirectiveActions directive={d} onUploadError={setUploadError} />}
      />
      <Stack>
        <MutationError error={uploadError} />
        <DirectiveParent directive={d} />
        {issued && d.counts.recipients > 0 && (
          <Paper withBorder p="sm">
            <Group gap="lg" wrap="wrap">
              <Stack gap={4}>
                <RecipientProgress counts={d.counts} />
                <ProgressLegend />
              </Stack>
              {d.counts.overdue > 0 && (
                <Badge color="red" variant="filled">
                  {t('directives.overdueCount', { n: d.counts.overdue })}
                </Badge>
              )}
            </Group>
          </Paper>
        )}
        <Paper withBorder p={{ base: 'sm', sm: 'xl' }} maw={920}>
          <DirectiveDocument directive={d} />
        </Paper>
        <Paper withBorder p="md" maw={920}>
          <Title order={5} mb="xs">
            {t('directives.attachments', { n: d.attachments.length })}
          </Title>
          {d.attachments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('directives.noAttachments')}
            </Text>
          ) : (
            <AttachmentList files={d.attachments} testId="directive-attachments" />
          )}
        </Paper>
        {issued && (
          <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
            <Tabs defaultValue={d.canEdit ? 'progress' : 'assignments'} keepMounted={false}>
              <Tabs.List>
                {d.canEdit && <Tabs.Tab value="progress">{t('directives.tabs.progress')}</Tabs.Tab>}
                {d.canEdit && <Tabs.Tab value="notAcknowledged">{t('directives.tabs.notAcknowledged')}</Tabs.Tab>}
                {d.canEdit && (
                  <Tabs.Tab value="cascade" data-testid="tab-cascade">
                    {t('directives.tabs.cascade')}
                  </Tabs.Tab>
                )}
                <Tabs.Tab value="assignments">{d.canEdit ? t('directives.tabs.assignments') : t('directives.tabs.mine')}</Tabs.Tab>
              </Tabs.List>
              {d.canEdit && (
                <Tabs.Panel value="progress" pt="md">
                  <RollupPanel directiveId={d.id} recipients={d.counts.recipients} by={by} onByChange={setBy} />
                </Tabs.Panel>
              )}
              {d.canEdit && (
                <Tabs.Panel value="notAcknowledged" pt="md">
                  <NotAcknowledgedList directiveId={d.id} by={by} />
                </Tabs.Panel>
              )}
              {d.canEdit && (
                <Tabs.Panel value="cascade" pt="md">
                  <CascadePanel directiveId={d.id} />
                </Tabs.Panel>
              )}
              <Tabs.Panel value="assignments" pt="md">
                <DirectiveAssignments directiveId={d.id} />
              </Tabs.Panel>
            </Tabs>
          </Paper>
        )}
        <Text size="xs" c="dimmed">
          {t('directives.createdAt', { at: formatDateTime(d.createdAt) })}
        </Text>
      </Stack>
    </div>
  );
}
