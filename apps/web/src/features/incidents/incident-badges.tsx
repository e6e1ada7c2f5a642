import type { IncidentSeverity, IncidentStatus } from '@khien/contracts';
import { Badge, Text, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useIncidentLabels } from './incident-labels';
import { REPORT_STATUS_COLORS, SEVERITY_COLORS, STATUS_COLORS, countdownWords, type ReportStatus } from './incident-model';

type Size = BadgeProps['size'];
const BADGE_STYLE = { flexShrink: 0, width: 'max-content', maxWidth: '100%' } as const;

/** Colour and word together: a colour alone says nothing to a colour-blind officer or a screen reader. */
export function SeverityBadge({ severity, size = 'sm' }: { severity: IncidentSeverity; size?: Size }) {
  const labels = useIncidentLabels();
  return (
    <Badge color={SEVERITY_COLORS[severity]} variant="filled" size={size} data-testid="incident-severity" data-severity={severity} style={BADGE_STYLE}>
      {labels.severity(severity)}
    </Badge>
  );
}

export function StatusBadge({ status, size = 'sm' }: { status: IncidentStatus; size?: Size }) {
  const labels = useIncidentLabels();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size={size} data-testid="incident-status" data-status={status} style={BADGE_STYLE}>
      {labels.status(status)}
    </Badge>
  );
}

export function ReportStatusBadge({ status, size = 'sm' }: { status: ReportStatus; size?: Size }) {
  const labels = useIncidentLabels();
  return (
    <Badge color={REPORT_STATUS_COLORS[status]} variant="light" size={size} data-testid="report-status" data-status={status} style={BADGE_STYLE}>
      {labels.reportStatus(status)}
    </Badge>
  );
}

/** The flags that change what the case owes: serious (24 h / 72 h), personal data (72 h notice), a red "quá hạn". */
export function FlagBadges({
  serious,
  personalData,
  breached,
  team,
  size = 'sm',
}: {
  serious?: boolean;
  personalData?: boolean;
  breached?: boolean;
  team?: boolean;
  size?: Size;
}) {
  const { t } = useTranslation();
  return (
    <>
      {breached && (
        <Badge color="red" variant="filled" size={size} style={BADGE_STYLE} data-testid="incident-breached">
          {t('incidents.badges.breached')}
        </Badge>
      )}
      {serious && (
        <Badge color="red" variant="outline" size={size} style={BADGE_STYLE} data-testid="incident-serious">
          {t('incidents.badges.serious')}
        </Badge>
      )}
      {personalData && (
        <Badge color="grape" variant="outline" size={size} style={BADGE_STYLE} data-testid="incident-personal-data">
          {t('incidents.badges.personalData')}
        </Badge>
      )}
      {team && (
        <Badge color="cyan" variant="outline" size={size} style={BADGE_STYLE} data-testid="incident-team-access">
          {t('incidents.badges.team')}
        </Badge>
      )}
    </>
  );
}

/** Time left before a report is due, red once past; nothing without a deadline or once the report is in. */
export function DueCountdown({
  dueAt,
  done,
  overdue,
  now,
  size = 'sm',
}: {
  dueAt: string | null;
  done?: boolean;
  overdue?: boolean;
  now: number;
  size?: string;
}) {
  const labels = useIncidentLabels();
  if (done) return null;
  const words = countdownWords(dueAt, now);
  if (!words) return null;
  const late = Boolean(overdue) || words.overdue;
  return (
    <Text span size={size} c={late ? 'red.7' : 'orange.8'} fw={700} data-testid="incident-countdown" data-overdue={late}>
      {labels.say(words)}
    </Text>
  );
}
