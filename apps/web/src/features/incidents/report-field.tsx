import { NumberInput, Select, Switch, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTimeField } from './datetime-field';
import type { FormField, InputValue, Lang } from './report-model';

const LEVELS = ['1', '2', '3', '4', '5'];

/** One field of a statutory form, drawn from its input kind; `error` marks a required field still empty. */
export function ReportField({
  field,
  lang,
  value,
  onChange,
  error,
  readOnly,
}: {
  field: FormField;
  lang: Lang;
  value: InputValue | undefined;
  onChange: (v: InputValue) => void;
  error?: string | null;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const label = field.label[lang] || field.label.vi;
  const common = {
    label,
    withAsterisk: field.required,
    error: error ?? undefined,
    readOnly,
    'data-testid': `field-${field.key}`,
    'data-missing': Boolean(error),
  };
  const text = typeof value === 'string' ? value : '';
  switch (field.input) {
    case 'boolean':
      return (
        <Switch
          label={label}
          checked={value === true}
          onChange={(e) => !readOnly && onChange(e.currentTarget.checked)}
          disabled={readOnly}
          error={error ?? undefined}
          data-testid={`field-${field.key}`}
        />
      );
    case 'datetime':
      return (
        <DateTimeField
          label={label}
          required={field.required}
          value={typeof value === 'object' ? value : { date: '', time: '' }}
          onChange={(v) => !readOnly && onChange(v)}
          error={error}
          testId={`field-${field.key}`}
        />
      );
    case 'level':
      return (
        <Select
          {...common}
          data={LEVELS.map((l) => ({ value: l, label: t('incidents.report.level', { level: l }) }))}
          value={text || null}
          onChange={(v) => onChange(v ?? '')}
          clearable={!readOnly}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          value={text}
          onChange={(v) => onChange(String(v))}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator="."
          decimalSeparator=","
        />
      );
    case 'text':
      return (
        <Textarea
          {...common}
          translate="no"
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={14}
          maxLength={10_000}
        />
      );
    default:
      return <TextInput {...common} translate="no" value={text} onChange={(e) => onChange(e.currentTarget.value)} maxLength={500} />;
  }
}
