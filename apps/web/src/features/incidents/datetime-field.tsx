import { Group, Input, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/date-field';

export interface DateTime {
  /** YYYY-MM-DD or '' */
  date: string;
  /** HH:mm or '' */
  time: string;
}

/**
 * A moment in Vietnam's time: the day as dd/MM/yyyy (the shared date field) and the time as
 * HH:mm typed, side by side where they fit, one under the other on a phone.
 */
export function DateTimeField({
  label,
  value,
  onChange,
  error,
  required,
  description,
  testId,
}: {
  label: string;
  value: DateTime;
  onChange: (v: DateTime) => void;
  error?: string | null;
  required?: boolean;
  description?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Input.Wrapper label={label} withAsterisk={required} description={description} error={error ?? undefined} data-testid={testId}>
      <Group gap="xs" align="flex-start" wrap="wrap" mt={4}>
        <div style={{ flex: '1 1 10rem', minWidth: 0 }}>
          <DateField label={t('incidents.form.day')} value={value.date} onChange={(date) => onChange({ ...value, date })} />
        </div>
        <TextInput
          label={t('incidents.form.time')}
          value={value.time}
          onChange={(e) => onChange({ ...value, time: e.currentTarget.value })}
          placeholder={t('incidents.form.timeHint')}
          inputMode="numeric"
          maxLength={5}
          w={100}
          data-testid={testId ? `${testId}-time` : undefined}
        />
      </Group>
    </Input.Wrapper>
  );
}
