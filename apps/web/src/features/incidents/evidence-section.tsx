import type { IncidentDetail } from '@khien/contracts';
import { Anchor, Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { formatSize } from '../../components/file-list';
import { formatDateTime } from '../../lib/format-date';
import { MAX_EVIDENCE_BYTES, isTooLarge } from './incident-model';
import { incidentLinks, incidentsApi } from './incidents-api';

/** Files kept with the case (logs, screenshots, samples): one at a time, 20 MB at most, downloaded with the session. */
export function EvidenceSection({ incident, onDone }: { incident: IncidentDetail; onDone: (next: IncidentDetail) => void }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState(0);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => incidentsApi.uploadEvidence(incident.id, file, { onProgress: setProgress }),
    onSuccess: onDone,
    onSettled: () => setProgress(0),
  });
  const pick = (file: File | null) => {
    if (!file) return;
    upload.reset();
    // refused whole by the server past 20 MB (413): said before the upload rather than after it
    if (file.size > MAX_EVIDENCE_BYTES) return setTooBig(file.name);
    setTooBig(null);
    upload.mutate(file);
  };
  return (
    <Stack gap="sm" data-testid="evidence-section">
      {incident.evidence.length === 0 ? (
        <Empty title={t('incidents.evidence.empty')} />
      ) : (
        <Stack gap={6} data-testid="evidence-list">
          {incident.evidence.map((e) => (
            <Stack key={e.id} gap={0}>
              <Anchor href={incidentLinks.evidence(incident.id, e.id)} download={e.name} size="sm" style={{ wordBreak: 'break-all' }} translate="no">
                {e.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatSize(e.size)} · {formatDateTime(e.addedAt)} · {e.addedByName}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
      {incident.actions.includes('evidence') && (
        <Stack gap="xs">
          <Group gap="xs">
            <FileButton onChange={pick}>
              {(props) => (
                <Button {...props} variant="default" loading={upload.isPending} data-testid="evidence-upload">
                  {t('incidents.evidence.upload')}
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed">
              {t('incidents.evidence.limit')}
            </Text>
          </Group>
          {upload.isPending && progress > 0 && <Progress value={progress * 100} aria-label={t('incidents.evidence.uploading')} />}
          {(tooBig || isTooLarge(upload.error)) && (
            <Text size="sm" c="red.7" role="alert">
              {t('incidents.evidence.tooLarge')}
            </Text>
          )}
          {!isTooLarge(upload.error) && <ErrorAlert error={upload.error} />}
        </Stack>
      )}
    </Stack>
  );
}
