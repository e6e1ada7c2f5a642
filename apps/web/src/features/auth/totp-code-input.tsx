import { TextInput } from '@mantine/core';

/** The six digits from an authenticator app: a numeric keyboard on a phone, the code offered by the OS. */
export function TotpCodeInput({
  label,
  value,
  onChange,
  error,
  autoFocus,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  autoFocus?: boolean;
}) {
  return (
    <TextInput
      label={label}
      inputMode="numeric"
      autoComplete="one-time-code"
      // room for a space typed between the two groups of three
      maxLength={7}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      autoFocus={autoFocus}
    />
  );
}
