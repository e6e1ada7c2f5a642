import type { Directive } from '@khien/contracts';
import { Alert, Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format-date';

/** "27/02/2026" from an ISO date (YYYY-MM-DD), without a time zone shift. */
function dmy(isoDate: string | null): string {
  const m = isoDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/**
 * A relay names what it passes on: "Triển khai từ Công văn số 907/CAT-PA05 ngày 27/02/2026 của Công
 * an tỉnh". Its writers (the org that received the parent, and those above it) see the parent and
 * their assignment, so they get links; the relay's own recipients may see neither, so they get the words.
 */
export function DirectiveParent({ directive: d }: { directive: Directive }) {
  const { t } = useTranslation();
  const p = d.parent;
  if (!p) return null;
  const doc = [
    p.number ? t('directives.parent.doc', { number: p.number }) : t('directives.parent.docUnnumbered'),
    p.issuedOn ? t('directives.parent.dated', { date: dmy(p.issuedOn) }) : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <Alert color="blue" variant="light" p="sm" data-testid="directive-parent">
      <Text size="sm">
        {t('directives.parent.from', { doc, issuer: p.issuerOrgName })}
        {p.dueAt ? ` · ${t('directives.parent.due', { date: formatDate(p.dueAt) })}` : ''}
      </Text>
      {d.canEdit && (
        <Group gap="md" mt={4}>
          <Anchor component={Link} to={`/directives/${p.directiveId}`} size="sm" data-testid="parent-directive-link">
            {t('directives.parent.openParent')}
          </Anchor>
          <Anchor component={Link} to={`/assignments/${p.assignmentId}`} size="sm" data-testid="parent-assignment-link">
            {t('directives.parent.openAssignment')}
          </Anchor>
        </Group>
      )}
    </Alert>
  );
}
