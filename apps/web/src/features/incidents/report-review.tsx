import type { IncidentDetail, IncidentReportDetail } from '@khien/contracts';
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { ResponsiveModal } from '../../components/responsive-modal';
import { incidentsApi } from './incidents-api';

type Decision = 'accept' | 'return';

/**
 * The reviewer's answer to a submitted report: accepted, or returned with what to fix. The closure
 * report is reviewed through the case (closure-review, with the case's version); the others through
 * the report (with the report's).
 */
export function ReportReview({ incident, report, onDone }: { incident: IncidentDetail; report: IncidentReportDetail; onDone: (next: IncidentDetail) => void }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [comment, setComment] = useState('');
  const review = useMutation({
    mutationFn: (d: Decision) => {
      const c = comment.trim() ? { comment: comment.trim() } : {};
      return report.kind === 'closure'
        ? incidentsApi.reviewClosure(incident.id, { decision: d, version: incident.version, ...c })
        : incidentsApi.reviewReport(incident.id, report.id, { decision: d, version: report.version, ...c });
    },
    onSuccess: (next) => {
      setDecision(null);
      setComment('');
      onDone(next);
    },
  });
  return (
    <>
      <Group gap="xs" data-testid="report-review">
        <Button color="teal" onClick={() => setDecision('accept')} data-testid="review-accept">
          {t('incidents.review.accept')}
        </Button>
        <Button color="orange" variant="light" onClick={() => setDecision('return')} data-testid="review-return">
          {t('incidents.review.return')}
        </Button>
      </Group>
      <ResponsiveModal opened={decision !== null} onClose={() => setDecision(null)} title={decision ? t(`incidents.review.${decision}Title`) : ''} size="md">
        <Stack>
          <Textarea
            label={decision === 'return' ? t('incidents.review.returnLabel') : t('incidents.ask.commentLabel')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={2000}
            withAsterisk={decision === 'return'}
            data-autofocus
            data-testid="review-comment"
          />
          <ErrorAlert error={review.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDecision(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={decision === 'return' && !comment.trim()}
              loading={review.isPending}
              onClick={() => decision && review.mutate(decision)}
              data-testid="review-confirm"
            >
              {decision ? t(`incidents.review.${decision}`) : ''}
            </Button>
          </Group>
        </Stack>
      </ResponsiveModal>
    </>
  );
}
