/** The few icons the UI needs, inline so no icon font or extra package is required. */
export interface IconProps {
  size?: number;
}

/** The shared frame: 24-unit stroke icons in the current text colour, hidden from screen readers. */
export function Svg({ size = 16, children }: IconProps & { children: React.ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function CopyIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="9" y="9" width="12" height="12" rx="2" />
      <path d="M5 15V5a2 2 0 0 1 2-2h10" />
    </Svg>
  );
}

export function CheckIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M5 12l5 5L20 7" />
    </Svg>
  );
}

export function ChevronIcon({ open, size }: IconProps & { open: boolean }) {
  return (
    <span style={{ display: 'inline-flex', transition: 'transform 150ms', transform: open ? 'rotate(90deg)' : 'none' }}>
      <Svg size={size}>
        <path d="M9 6l6 6-6 6" />
      </Svg>
    </span>
  );
}
