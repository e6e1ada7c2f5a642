import type { Asset, DossierStatus } from '@khien/contracts';
import { Badge, Group, Text, Tooltip, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CheckIcon, Svg } from '../../components/icons';
import { formatDate, todayVn } from '../../lib/format-date';
import { hygieneItems, type HygieneCheck, type HygieneState } from './hygiene-model';
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

const HYGIENE_COLORS: Record<HygieneState, string> = { ok: 'teal', problem: 'red', unknown: 'gray', na: 'gray' };

/** The state's shape, so it reads without colour: a tick, a cross, a question mark. */
function HygieneIcon({ state }: { state: HygieneState }) {
  if (state === 'ok') return <CheckIcon size={12} />;
  if (state === 'problem')
    return (
      <Svg size={12}>
        <path d="M6 6l12 12M18 6L6 18" />
      </Svg>
    );
  return (
    <Svg size={12}>
      <path d="M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7M12 17h.01" />
    </Svg>
  );
}

/**
 * Anti-malware, firewall and patching at a glance, in words with an icon for the state (a tick, a
 * cross, a question mark) and an accessible name that says both; they wrap on a 375 px phone rather
 * than shrink to "A." and "F..". Not a computer: a dash.
 */
export function HygieneBadges({ a }: { a: Asset }) {
  const { t } = useTranslation();
  const items = hygieneItems(a, todayVn());
  if (items.length === 0)
    return (
      <Text size="xs" c="dimmed" aria-label={t('inventory.hygiene.notApplicable')}>
        —
      </Text>
    );
  const tri = (v: boolean | null) => (v === null ? t('inventory.hygiene.unknown') : v ? t('common.yes') : t('common.no'));
  const detail: Record<HygieneCheck, string> = {
    antivirus: `${a.avProduct ?? '—'} · ${t('inventory.fields.avLicensed')}: ${tri(a.avLicensed)}`,
    firewall: `${t('inventory.fields.firewallOn')}: ${tri(a.firewallOn)}`,
    patch: `${t('inventory.fields.lastPatchOn')}: ${a.lastPatchOn ? formatDate(a.lastPatchOn) : t('inventory.hygiene.unknown')}`,
  };
  return (
    <Group gap={4} wrap="wrap" data-testid="hygiene-badges">
      {items.map(({ check, state }) => {
        const name = `${t(`inventory.hygiene.label.${check}`)}: ${t(`inventory.hygiene.state.${state}`)}`;
        return (
          <Tooltip key={check} label={`${name} · ${detail[check]}`} multiline maw={280} events={{ hover: true, focus: true, touch: true }}>
            <Badge
              size="sm"
              color={HYGIENE_COLORS[state]}
              variant="light"
              tt="none"
              leftSection={<HygieneIcon state={state} />}
              tabIndex={0}
              role="img"
              aria-label={name}
              data-check={check}
              data-state={state}
              style={noShrink}
            >
              {t(`inventory.hygiene.label.${check}`)}
            </Badge>
          </Tooltip>
        );
      })}
    </Group>
  );
}
