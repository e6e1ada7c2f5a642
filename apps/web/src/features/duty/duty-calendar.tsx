import { Badge, Box, Button, Group, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../lib/format-date';
import { useNow } from '../../lib/use-now';
import { dutyApi, dutyKeys } from './duty-api';
import { addDays, layoutDays, personColors, vnDay, vnTime, weekRange, weekStart, type CalendarDay, type DaySegment } from './duty-model';

function Segment({ seg, color }: { seg: DaySegment; color: string }) {
  const { t } = useTranslation();
  const s = seg.shift;
  return (
    <Box
      p={6}
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)`, background: `var(--mantine-color-${color}-0)`, borderRadius: 4, minWidth: 0 }}
      data-testid="calendar-shift"
      data-user={s.userId}
    >
      <Text size="xs" c="dimmed">
        {seg.fromBefore ? '…' : ''}
        {vnTime(seg.start)}–{seg.goesOn ? '24:00…' : vnTime(seg.end)}
      </Text>
      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {s.userName}
      </Text>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {s.rotationName}
      </Text>
      {s.overridden && (
        <Badge size="xs" color="orange" variant="light" title={t('duty.calendar.instead', { name: s.originalUserName })}>
          {t('duty.now.overridden')}
        </Badge>
      )}
    </Box>
  );
}

// a holiday's name is what the mark is for: it wraps in a narrow day column rather than end in "…"
const MARK = { size: 'xs', tt: 'none', maw: '100%', h: 'auto', py: 2, styles: { label: { whiteSpace: 'normal', overflow: 'visible' } } } as const;

function DayMarks({ day }: { day: CalendarDay }) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <>
      {day.holidays.map((h) => (
        <Badge
          key={h.date + h.kind}
          size="xs"
          color={h.kind === 'tet' ? 'red' : 'pink'}
          variant="filled"
          maw="100%"
          data-testid="calendar-holiday"
          data-kind={h.kind}
        >
          {h.name[lang]}
        </Badge>
      ))}
      {day.alertPeriods.map((p) => (
        <Badge key={p.start} {...MARK} color="yellow" variant="light" title={p.label} data-testid="calendar-alert-period">
          {p.label}
        </Badge>
      ))}
    </>
  );
}

function DayBox({ day, colors, compact }: { day: CalendarDay; colors: Map<string, string>; compact: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p="xs"
      radius="md"
      style={{ borderColor: day.isToday ? 'var(--mantine-color-blue-5)' : undefined, minWidth: 0 }}
      data-testid={`calendar-day-${day.date}`}
    >
      <Stack gap={4}>
        <Group gap={4} justify="space-between" wrap="wrap">
          <Text size="sm" fw={700}>
            {t(`duty.weekdays.${day.weekday}`)} {compact ? formatDate(day.date).slice(0, 5) : formatDate(day.date)}
          </Text>
          {day.isToday && (
            <Badge size="xs" variant="light">
              {t('duty.calendar.today')}
            </Badge>
          )}
        </Group>
        <DayMarks day={day} />
        {day.segments.length === 0 ? (
          <Text size="xs" c="red.7">
            {t('duty.calendar.noShift')}
          </Text>
        ) : (
          day.segments.map((seg) => <Segment key={`${seg.shift.rotationId}-${seg.shift.index}`} seg={seg} color={colors.get(seg.shift.userId) ?? 'gray'} />)
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The roster week by week: one day under the other on a phone, seven columns on a desk; each
 * person in their own colour; holidays, Tết and heightened-alert periods marked on their days.
 */
export function DutyCalendar({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const wide = useMediaQuery('(min-width: 75em)') ?? false;
  const [monday, setMonday] = useState(() => weekStart(vnDay(Date.now())));
  const range = weekRange(monday);
  const calendar = useQuery({
    queryKey: dutyKeys.calendar(orgId, range.from, range.to),
    queryFn: ({ signal }) => dutyApi.calendar(orgId, range.from, range.to, signal),
    placeholderData: keepPreviousData,
  });
  // the coverage answer carries the week's holidays and alert periods
  const marks = useQuery({
    queryKey: ['duty', 'marks', orgId, range.from],
    queryFn: ({ signal }) => dutyApi.coverage(orgId, range.from, range.to, signal),
    placeholderData: keepPreviousData,
  });
  const data = calendar.data;
  const days = data ? layoutDays(data.shifts, monday, 7, marks.data ?? null, now) : [];
  const colors = data ? personColors(data.rotations, data.shifts) : new Map<string, string>();
  return (
    <Stack gap="sm" data-testid="duty-calendar">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text fw={600} size="sm">
          {t('duty.calendar.week', { from: formatDate(monday), to: formatDate(addDays(monday, 6)) })}
        </Text>
        <Group gap={4}>
          <Button size="compact-sm" variant="default" onClick={() => setMonday(addDays(monday, -7))} data-testid="calendar-prev">
            ‹ {t('duty.calendar.prev')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setMonday(weekStart(vnDay(Date.now())))}>
            {t('duty.calendar.thisWeek')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setMonday(addDays(monday, 7))} data-testid="calendar-next">
            {t('duty.calendar.next')} ›
          </Button>
        </Group>
      </Group>
      {calendar.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : !data ? (
        <ErrorAlert error={calendar.error} />
      ) : (
        <SimpleGrid cols={wide ? 7 : 1} spacing="xs" aria-busy={calendar.isFetching}>
          {days.map((d) => (
            <DayBox key={d.date} day={d} colors={colors} compact={wide} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
