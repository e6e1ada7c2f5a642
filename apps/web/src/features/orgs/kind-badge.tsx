import type { OrgKind } from '@khien/contracts';
import { Badge } from '@mantine/core';
import { useLabels } from '../../components/labels';

const KIND_COLORS: Partial<Record<OrgKind, string>> = {
  province: 'red',
  district: 'gray',
  commune: 'orange',
  ward: 'orange',
  special_zone: 'orange',
  police: 'blue',
  military_command: 'green',
  monitoring_centre: 'violet',
  incident_response_team: 'violet',
  telecom: 'cyan',
  school: 'teal',
};

export function KindBadge({ kind }: { kind: OrgKind }) {
  const labels = useLabels();
  return (
    <Badge variant="light" color={KIND_COLORS[kind] ?? 'gray'} size="sm" style={{ flexShrink: 0 }}>
      {labels.kind(kind)}
    </Badge>
  );
}
