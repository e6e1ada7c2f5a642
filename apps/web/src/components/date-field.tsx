import { TextInput } from '@mantine/core';
import { lazy, Suspense } from 'react';

export interface DateFieldProps {
  label: string;
  /** YYYY-MM-DD or '' */
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

// @mantine/dates and dayjs (15 KB gzipped): fetched with the first form that shows a date
const DateFieldInput = lazy(() => import('./date-field-input').then((m) => ({ default: m.DateFieldInput })));

/**
 * A calendar day typed or picked as dd/MM/yyyy whatever the browser's locale
 * (a native date input would show mm/dd/yyyy in an English browser). Until the calendar's
 * chunk is here, the same field, greyed out.
 */
export function DateField(props: DateFieldProps) {
  const shown = props.value ? props.value.split('-').reverse().join('/') : '';
  return (
    <Suspense fallback={<TextInput label={props.label} value={shown} error={props.error} disabled readOnly />}>
      <DateFieldInput {...props} />
    </Suspense>
  );
}
