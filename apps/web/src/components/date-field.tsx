import '@mantine/dates/styles.css';
import 'dayjs/locale/vi';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

/** "31/12/2025" or "2025-12-31" → "2025-12-31"; anything else → null (the field keeps the old value). */
export function parseDayMonthYear(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

interface DateFieldProps {
  label: string;
  /** YYYY-MM-DD or '' */
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/**
 * A calendar day typed or picked as dd/MM/yyyy whatever the browser's locale
 * (a native date input would show mm/dd/yyyy in an English browser).
 */
export function DateField({ label, value, onChange, error }: DateFieldProps) {
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
      clearButtonProps={{ 'aria-label': t('common.clearDate', { field: label }) }}
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
