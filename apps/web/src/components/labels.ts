import type { OrgKind, Permission, Role } from '@khien/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Translated names of the contract's enums; every value has a key (checked by i18n.test.ts). */
export function useLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      role: (role: Role) => t(`roles.${role}`),
      kind: (kind: OrgKind) => t(`orgKinds.${kind}`),
      permission: (permission: Permission) => t(`permissions.${permission}`),
    }),
    [t],
  );
}
