import type { AssetKind, DossierStatus, SystemCategory } from '@khien/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criticality, HygieneFilter, ImportFormat, ImportKind, ImportStatus, RequirementStatus } from '../../lib/enums';
import { localized } from './wizard-model';

/**
 * Translated names of the inventory enums; every value has a key (checked by inventory-labels.test.ts).
 * Fields the contract keeps as open strings (hosting, user and data kinds, import phase) show unknown
 * values as sent rather than a raw key.
 */
export function useInventoryLabels() {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const open = (prefix: string, value: string) => (i18n.exists(`${prefix}.${value}`) ? t(`${prefix}.${value}`) : value);
    return {
      category: (c: SystemCategory) => t(`inventory.enums.category.${c}`),
      userKind: (k: string) => open('inventory.enums.userKind', k),
      dataKind: (k: string) => open('inventory.enums.dataKind', k),
      hosting: (h: string) => open('inventory.enums.hosting', h),
      dossier: (s: DossierStatus) => t(`inventory.enums.dossier.${s}`),
      requirement: (s: RequirementStatus) => t(`inventory.enums.requirement.${s}`),
      assetKind: (k: AssetKind) => t(`inventory.enums.assetKind.${k}`),
      assetSource: (s: string) => open('inventory.enums.assetSource', s),
      criticality: (c: Criticality) => t(`inventory.enums.criticality.${c}`),
      hygiene: (h: HygieneFilter) => t(`inventory.enums.hygiene.${h}`),
      importKind: (k: ImportKind) => t(`inventory.enums.importKind.${k}`),
      importFormat: (f: ImportFormat) => t(`inventory.enums.importFormat.${f}`),
      importStatus: (s: ImportStatus) => t(`inventory.enums.importStatus.${s}`),
      phase: (p: string) => open('inventory.enums.phase', p),
      mark: (m: string) => open('inventory.enums.mark', m),
      level: (level: number | null) => (level === null ? t('inventory.level.none') : t('inventory.level.n', { n: level })),
      /** pack text ({vi, en}) in the current language */
      text: (x: { vi: string; en: string }) => localized(x, i18n.language),
      /** a regulation pack as people know it, by title (and version); its id only when the pack is not installed */
      pack: (p: { title: { vi: string; en: string } | null; version?: string | null } | null, id: string | null) =>
        p?.title ? `${localized(p.title, i18n.language)}${p.version ? ` (${p.version})` : ''}` : (id ?? ''),
    };
  }, [t, i18n]);
}
