import type { OrgKind } from '@khien/contracts';
import { Select, type SelectProps } from '@mantine/core';
import { useLabels } from '../../components/labels';
import { ORG_KINDS } from '../../lib/enums';

type KindSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: OrgKind | null;
  onChange: (kind: OrgKind | null) => void;
};

export function KindSelect({ value, onChange, ...rest }: KindSelectProps) {
  const labels = useLabels();
  return (
    <Select
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      {...rest}
      data={ORG_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
      value={value}
      onChange={(v) => onChange((v as OrgKind | null) ?? null)}
    />
  );
}
