import type { Mail } from '../../../platform/mail';
import { formatUkDay } from '../../../../domain/calendar/london';
import { isoWeekLabel, type IsoWeek, type ReminderKind, type WeeklySummary } from '../../../../domain/requests/notices';
import { REQUEST_TYPES, REQUEST_TYPE_SHORT, STATUSES, type Status } from '../../../../domain/requests/workflow';
import type { OpenRequestRow } from './notices.repository';

// The words of the requests' e-mails: the owner's reminder and breach notice, the coordinators' week.

export function reminderMail({ request: r, kind, publicUrl }: { request: OpenRequestRow; kind: ReminderKind; publicUrl: string }): Omit<Mail, 'to'> {
  const due = formatUkDay(r.due_on!);
  const what = REQUEST_TYPES[r.type];
  return {
    subject: kind === 'breached' ? `Overdue: ${r.reference} was due on ${due}` : `Due soon: ${r.reference} is due on ${due}`,
    text: [
      kind === 'breached'
        ? `${r.reference} (${what}) was due on ${due} and is still open: the statutory or council deadline has passed.`
        : `${r.reference} (${what}) is due on ${due}, five working days from now or fewer.`,
      '',
      `Status: ${STATUSES[r.status as Status] ?? r.status}`,
      `Received: ${formatUkDay(r.received_on)}`,
      `Summary: ${r.summary}`,
      '',
      `${publicUrl}/requests/${r.id}`,
      '',
      `You receive this because you own this request in Vigil. It is sent once for this due date.`,
    ].join('\n'),
  };
}

export function weeklyMail({ summary: s, week, today, publicUrl }: { summary: WeeklySummary; week: IsoWeek; today: string; publicUrl: string }): Omit<Mail, 'to'> {
  return {
    subject: `Requests this week (${isoWeekLabel(week)}): ${s.open} open, ${s.overdue} overdue, ${s.dueNext7Days} due in the next 7 days`,
    text: [
      `Information requests as at ${formatUkDay(today)}:`,
      '',
      `Open: ${s.open}`,
      ...s.byType.map((t) => `  ${REQUEST_TYPE_SHORT[t.type]}: ${t.open}`),
      `Overdue: ${s.overdue}`,
      `Due in the next 7 days: ${s.dueNext7Days}`,
      `Clock stopped (awaiting identity, clarification or a fee): ${s.paused}`,
      '',
      `${publicUrl}/requests`,
      '',
      'You receive this because you are a CCTV coordinator in Vigil. It is sent once a week, on Monday morning.',
    ].join('\n'),
  };
}
