import '@mantine/dates/styles.css';
import 'dayjs/locale/vi';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { parseDayMonthYear } from '../lib/format-date';

import type { DateFieldProps } from './date-field';

/** DateField's calendar: @mantine/dates and dayjs, in the chunk date-field.tsx loads when a form shows one. */
export function DateFieldInput({ label, value, onChange, error }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  return (
    <DateInput
      label={label}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      valueFormat="DD/MM/YYYY"
      dateParser={parseDayMonthYear}
      placeholder={t('common.datePlaceholder')}
      locale={i18n.language}
      firstDayOfWeek={1}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clearDate') }}
      nextLabel={t('common.calendar.next')}
      previousLabel={t('common.calendar.previous')}
      ariaLabels={{
        nextMonth: t('common.calendar.nextMonth'),
        previousMonth: t('common.calendar.previousMonth'),
        nextYear: t('common.calendar.nextYear'),
        previousYear: t('common.calendar.previousYear'),
        nextDecade: t('common.calendar.nextDecade'),
        previousDecade: t('common.calendar.previousDecade'),
        monthLevelControl: t('common.calendar.monthLevel'),
        yearLevelControl: t('common.calendar.yearLevel'),
      }}
      error={error}
      popoverProps={{ withinPortal: true }}
    />
  );
}
