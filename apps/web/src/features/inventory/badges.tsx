import type { DossierStatus } from '@khien/contracts';
import { Badge, Tooltip, type BadgeProps } from '@mantine/core';
import type { Criticality, ImportStatus, RequirementStatus } from '../../lib/enums';
import { CRITICALITY_COLORS, DOSSIER_COLORS, IMPORT_STATUS_COLORS, MARK_COLORS, REQUIREMENT_COLORS, levelColor } from './inventory-colors';
import { useInventoryLabels } from './inventory-labels';

type Size = BadgeProps['size'];
const noShrink = { flexShrink: 0, width: 'max-content', maxWidth: 'none' } as const;

export function LevelBadge({ level, size = 'sm' }: { level: number | null; size?: Size }) {
  const labels = useInventoryLabels();
  return (
    <Badge
      color={levelColor(level)}
      variant={level === null ? 'outline' : 'filled'}
      size={size}
      style={noShrink}
      data-testid="level-badge"
      data-level={level ?? 'none'}
    >
      {labels.level(level)}
    </Badge>
  );
}

export function DossierBadge({ status, size = 'sm' }: { status: DossierStatus; size?: Size }) {
  const labels = useInventoryLabels();
  return (
    <Badge color={DOSSIER_COLORS[status]} variant="light" size={size} style={noShrink} data-testid="dossier-status" data-status={status}>
      {labels.dossier(status)}
    </Badge>
  );
}

export function RequirementBadge({ status }: { status: RequirementStatus }) {
  const labels = useInventoryLabels();
  return (
    <Badge color={REQUIREMENT_COLORS[status]} variant="light" size="sm" style={noShrink}>
      {labels.requirement(status)}
    </Badge>
  );
}

export function CriticalityBadge({ criticality }: { criticality: Criticality }) {
  const labels = useInventoryLabels();
  return (
    <Badge color={CRITICALITY_COLORS[criticality]} variant="light" size="sm" style={noShrink}>
      {labels.criticality(criticality)}
    </Badge>
  );
}

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const labels = useInventoryLabels();
  return (
    <Badge color={IMPORT_STATUS_COLORS[status]} variant="light" size="sm" style={noShrink} data-testid="import-status" data-status={status}>
      {labels.importStatus(status)}
    </Badge>
  );
}

/** A clause's verification mark (V / R / ?) as a small badge that explains itself on hover and focus. */
export function MarkBadge({ mark }: { mark: string }) {
  const labels = useInventoryLabels();
  const color = MARK_COLORS[mark as keyof typeof MARK_COLORS] ?? 'gray';
  return (
    <Tooltip label={labels.mark(mark)} withArrow multiline maw={260} events={{ hover: true, focus: true, touch: true }}>
      <Badge
        color={color}
        variant="outline"
        size="xs"
        radius="sm"
        style={noShrink}
        tabIndex={0}
        aria-label={labels.mark(mark)}
        data-testid="mark-badge"
        data-mark={mark}
      >
        {mark}
      </Badge>
    </Tooltip>
  );
}
