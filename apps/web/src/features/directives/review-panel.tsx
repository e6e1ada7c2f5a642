import type { Assignment } from '@khien/contracts';
import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assignmentsApi } from './directives-api';
import { MutationError } from './mutation-error';

interface ReviewPanelProps {
  assignment: Assignment;
  onDone: (next: Assignment) => void;
  onReload: () => void;
}

/** The issuer's verdict on a submitted report: accept, or return with a comment saying what is missing. */
export function ReviewPanel({ assignment: a, onDone, onReload }: ReviewPanelProps) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [needComment, setNeedComment] = useState(false);
  const review = useMutation({
    mutationFn: (decision: 'accept' | 'return') => assignmentsApi.review(a.id, decision, comment.trim() || null, a.version),
    onSuccess: onDone,
  });
  const send = (decision: 'accept' | 'return') => {
    if (decision === 'return' && !comment.trim()) {
      setNeedComment(true);
      return;
    }
    review.mutate(decision);
  };
  return (
    <Paper withBorder p="md" radius="md" data-testid="review-panel" style={{ borderColor: 'var(--mantine-color-violet-4)' }}>
      <Stack gap="sm">
        <Title order={4}>{t('assignments.review.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('assignments.review.hint', { org: a.orgName })}
        </Text>
        <Textarea
          label={t('assignments.review.comment')}
          autosize
          minRows={2}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            setNeedComment(false);
          }}
          error={needComment ? t('assignments.review.commentRequired') : undefined}
          maxLength={5000}
        />
        <MutationError error={review.error} onReload={onReload} />
        <Group grow>
          <Button color="red" variant="light" size="md" onClick={() => send('return')} loading={review.isPending && review.variables === 'return'}>
            {t('assignments.review.return')}
          </Button>
          <Button color="teal" size="md" onClick={() => send('accept')} loading={review.isPending && review.variables === 'accept'}>
            {t('assignments.review.accept')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
