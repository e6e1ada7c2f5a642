import type { IncidentDetail } from '@khien/contracts';
import { Alert, Button, Group, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorAlert } from '../../components/error-alert';
import { ResponsiveModal } from '../../components/responsive-modal';
import { EditDialog } from './edit-dialog';
import { useIncidentLabels } from './incident-labels';
import { PATCH_STATUSES, barActions, isConflict, type IncidentAction, type PatchStatus } from './incident-model';
import { incidentsApi } from './incidents-api';
import { MergeDialog } from './merge-dialog';

type Asked = 'status' | 'note' | 'review_closure' | 'reopen';
const ASKED: ReadonlySet<IncidentAction> = new Set(['status', 'note', 'review_closure', 'reopen']);

interface Props {
  incident: IncidentDetail;
  onDone: (next: IncidentDetail) => void;
  onConflict: () => void;
}

/** One dialog for the moves that take words: a note, a status with its comment, a closure's review, a reopening's reason. */
function AskDialog({ incident, asked, onClose, onDone, onConflict }: Props & { asked: Asked | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<PatchStatus | null>(null);
  const [decision, setDecision] = useState<'accept' | 'return'>('accept');
  const act = useMutation({
    mutationFn: () => {
      const comment = text.trim();
      switch (asked) {
        case 'note':
          return incidentsApi.note(incident.id, comment);
        case 'status':
          return incidentsApi.patch(incident.id, { version: incident.version, status: status ?? undefined, ...(comment ? { comment } : {}) });
        case 'reopen':
          return incidentsApi.reopen(incident.id, comment, incident.version);
        default:
          return incidentsApi.reviewClosure(incident.id, { decision, version: incident.version, ...(comment ? { comment } : {}) });
      }
    },
    onSuccess: (next) => {
      setText('');
      setStatus(null);
      onClose();
      onDone(next);
    },
    onError: (error) => {
      if (!isConflict(error)) return;
      onClose();
      onConflict();
    },
  });
  const needsText = asked === 'note' || asked === 'reopen' || (asked === 'review_closure' && decision === 'return');
  const ready = (!needsText || text.trim() !== '') && (asked !== 'status' || status !== null);
  const statuses = PATCH_STATUSES.filter((s) => s !== incident.status);
  return (
    <ResponsiveModal opened={asked !== null} onClose={onClose} title={asked ? t(`incidents.ask.${asked}`) : ''} size="md">
      <Stack>
        {asked === 'status' && (
          <Select
            label={t('incidents.fields.status')}
            data={statuses.map((s) => ({ value: s, label: labels.status(s) }))}
            value={status}
            onChange={(v) => setStatus((v as PatchStatus | null) ?? null)}
            withAsterisk
            comboboxProps={{ withinPortal: true }}
            data-testid="status-input"
          />
        )}
        {asked === 'review_closure' && (
          <SegmentedControl
            value={decision}
            onChange={(v) => setDecision(v as 'accept' | 'return')}
            data={[
              { value: 'accept', label: t('incidents.review.accept') },
              { value: 'return', label: t('incidents.review.return') },
            ]}
            fullWidth
            data-testid="closure-decision"
          />
        )}
        <Textarea
          label={asked === 'note' ? t('incidents.ask.noteLabel') : asked === 'reopen' ? t('incidents.ask.reasonLabel') : t('incidents.ask.commentLabel')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={asked === 'note' ? 4000 : 2000}
          withAsterisk={needsText}
          data-autofocus
          data-testid="action-comment"
        />
        <ErrorAlert error={act.error && !isConflict(act.error) ? act.error : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!ready} loading={act.isPending} onClick={() => act.mutate()} data-testid="action-confirm">
            {asked === 'review_closure' ? t(`incidents.review.${decision}`) : asked ? labels.action(asked) : ''}
          </Button>
        </Group>
      </Stack>
    </ResponsiveModal>
  );
}

/** The moves this person may make now: the server's `actions` and nothing else. */
export function IncidentActions({ incident, onDone, onConflict }: Props) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const navigate = useNavigate();
  const [asked, setAsked] = useState<Asked | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'merge' | 'take_over' | null>(null);
  const [noClosure, setNoClosure] = useState(false);
  const takeOver = useMutation({
    mutationFn: () => incidentsApi.takeOver(incident.id, incident.version),
    onSuccess: (next) => {
      setDialog(null);
      onDone(next);
    },
    onError: (error) => {
      if (!isConflict(error)) return;
      setDialog(null);
      onConflict();
    },
  });
  const actions = barActions(incident.actions);
  if (actions.length === 0) return null;
  const open = (a: IncidentAction) => {
    if (ASKED.has(a)) setAsked(a as Asked);
    else if (a === 'close') {
      // closing is writing the closure report: its submission puts the case in review
      const closure = incident.reports.find((r) => r.kind === 'closure');
      if (closure) void navigate(`/incidents/${incident.id}/reports/${closure.id}`);
      else setNoClosure(true);
    } else if (a === 'edit' || a === 'merge' || a === 'take_over') setDialog(a);
  };
  return (
    <Stack gap="xs">
      <Group gap="xs" data-testid="incident-actions">
        {actions.map((a) => (
          <Button
            key={a}
            variant={a === 'close' || a === 'review_closure' || a === 'status' ? 'filled' : 'default'}
            color={a === 'close' ? 'teal' : undefined}
            onClick={() => open(a)}
            data-testid={`action-${a}`}
          >
            {labels.action(a)}
          </Button>
        ))}
      </Group>
      {noClosure && (
        <Alert color="orange" variant="light" withCloseButton onClose={() => setNoClosure(false)} closeButtonLabel={t('common.close')}>
          <Text size="sm">{t('incidents.ask.noClosureReport')}</Text>
        </Alert>
      )}
      <AskDialog incident={incident} asked={asked} onClose={() => setAsked(null)} onDone={onDone} onConflict={onConflict} />
      {dialog === 'edit' && <EditDialog incident={incident} onClose={() => setDialog(null)} onDone={onDone} onConflict={onConflict} />}
      {dialog === 'merge' && <MergeDialog incident={incident} onClose={() => setDialog(null)} onDone={onDone} />}
      <ConfirmDialog
        opened={dialog === 'take_over'}
        title={labels.action('take_over')}
        message={t('incidents.ask.takeOverBody', { org: incident.handlerOrgName })}
        confirmLabel={labels.action('take_over')}
        loading={takeOver.isPending}
        error={takeOver.error && !isConflict(takeOver.error) ? takeOver.error : null}
        onConfirm={() => takeOver.mutate()}
        onClose={() => setDialog(null)}
      />
    </Stack>
  );
}
