import { Box, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OrgPicker } from '../orgs';
import { useOrgName } from './inventory-api';

/** Writes some filters into the address bar (replacing the entry), leaving the others alone. */
export function useFilterParams(): [URLSearchParams, (patch: Record<string, string | number | null | undefined>) => void] {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (patch: Record<string, string | number | null | undefined>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [params, update];
}

interface UnderPickerProps {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  label?: string;
  testId?: string;
}

/** "Within this org and everything under it"; the id may come from a link, so its name is looked up. */
export function UnderPicker({ value, onChange, label, testId }: UnderPickerProps) {
  const { t } = useTranslation();
  const name = useOrgName(value ?? null);
  const picked = value ? { id: value, name: name.data ?? '…' } : null;
  return (
    <Box style={{ flex: '1 1 14rem', maxWidth: '22rem' }}>
      <OrgPicker
        key={`${value ?? ''}|${name.data ?? ''}`}
        label={label ?? t('inventory.filters.under')}
        placeholder={t('inventory.filters.anyOrg')}
        value={picked}
        onChange={(org) => onChange(org?.id)}
        testId={testId ?? 'filter-under'}
      />
    </Box>
  );
}

interface SearchFieldProps {
  value: string | undefined;
  onChange: (q: string | undefined) => void;
  label: string;
  placeholder?: string;
  testId?: string;
}

/** A search box that types freely and tells the page (and the address bar) after a short pause. */
export function SearchField({ value, onChange, label, placeholder, testId }: SearchFieldProps) {
  const [text, setText] = useState(value ?? '');
  const emit = useDebouncedCallback((v: string) => onChange(v.trim() || undefined), 300);
  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        emit(e.currentTarget.value);
      }}
      style={{ flex: '1 1 14rem' }}
      data-testid={testId}
    />
  );
}
