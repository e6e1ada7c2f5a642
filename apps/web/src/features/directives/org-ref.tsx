import { Pill } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OrgPicker, type PickedOrg } from '../orgs';
import { directiveKeys, directivesApi } from './directives-api';
import type { OrgRef } from './editor-model';

/** The display name of an org a rule names by id: known already, or looked up once and cached. */
export function useOrgRefName(ref: OrgRef | null): string | null {
  const lookup = useQuery({
    queryKey: directiveKeys.org(ref?.id ?? ''),
    queryFn: () => directivesApi.org(ref?.id ?? ''),
    enabled: ref !== null && ref.name === null,
    staleTime: 5 * 60_000,
  });
  if (!ref) return null;
  return ref.name ?? lookup.data?.name ?? null;
}

export function OrgRefPill({ org, onRemove, disabled }: { org: OrgRef; onRemove: () => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const name = useOrgRefName(org) ?? t('common.loading');
  return (
    <Pill
      withRemoveButton={!disabled}
      onRemove={onRemove}
      removeButtonProps={{ 'aria-label': t('directives.rule.removeOrg', { name }) }}
      data-testid="rule-org"
    >
      {name}
    </Pill>
  );
}

interface OrgRefPickerProps {
  label: string;
  value: OrgRef | null;
  onChange: (org: PickedOrg | null) => void;
  description?: string;
  error?: string;
  required?: boolean;
  testId?: string;
}

/** OrgPicker for an OrgRef whose name may still be loading; remounts once the name is known. */
export function OrgRefPicker({ value, ...rest }: OrgRefPickerProps) {
  const name = useOrgRefName(value);
  const picked = value ? { id: value.id, name: name ?? '' } : null;
  return <OrgPicker key={`${value?.id ?? ''}|${name ?? ''}`} value={picked} {...rest} />;
}
