import type { ClockKind } from './clocks';

// Hand-worked deadlines, each with its working in the note: the table clocks.test.ts checks the
// code against, and `vigil deadline` can be checked against line by line. Worked from the rules
// (UK GDPR Art 12/12A and the ICO's method for SARs; FOI Act s.10 for FOI; the council's default
// policy for complaints and enquiries) and GOV.UK's bank holidays, not from the code's output.

export interface HandWorkedCase {
  kind: Extract<ClockKind, 'sar' | 'foi' | 'complaint' | 'enquiry'>;
  received: string;
  paused?: [string, string][];
  extended?: boolean;
  due: string;
  note: string;
}

export const HAND_WORKED: HandWorkedCase[] = [
  // SAR: one calendar month, the day of receipt being day one; E&W holidays only.
  { kind: 'sar', received: '2026-01-30', due: '2026-03-02', note: 'no 30 Feb: 28 Feb, a Saturday: Monday 2 Mar' },
  { kind: 'sar', received: '2026-01-31', due: '2026-03-02', note: 'the 31st into February: 28 Feb (Sat): Mon 2 Mar' },
  { kind: 'sar', received: '2025-12-25', due: '2026-01-26', note: 'received on Christmas Day: Sun 25 Jan: Mon 26 Jan' },
  { kind: 'sar', received: '2027-11-27', due: '2027-12-29', note: 'Mon 27 and Tue 28 Dec 2027 are substitute bank holidays' },
  { kind: 'sar', received: '2026-01-30', extended: true, due: '2026-04-30', note: 'three months from the same start: Thu 30 Apr' },
  { kind: 'sar', received: '2025-12-25', extended: true, due: '2026-03-25', note: 'three months: Wed 25 Mar' },
  { kind: 'sar', received: '2027-11-27', extended: true, due: '2028-02-28', note: 'Sun 27 Feb 2028: Mon 28 Feb' },
  { kind: 'sar', received: '2024-01-31', due: '2024-02-29', note: 'leap year: the month ends on Thu 29 Feb' },
  { kind: 'sar', received: '2024-01-30', due: '2024-02-29', note: 'leap year: no 30 Feb: Thu 29 Feb' },
  { kind: 'sar', received: '2023-01-29', due: '2023-02-28', note: 'not a leap year: no 29 Feb: Tue 28 Feb' },
  { kind: 'sar', received: '2028-01-31', due: '2028-02-29', note: 'leap year 2028: Tue 29 Feb' },
  { kind: 'sar', received: '2026-03-31', due: '2026-04-30', note: 'no 31 Apr: Thu 30 Apr' },
  { kind: 'sar', received: '2026-05-31', due: '2026-06-30', note: 'no 31 Jun: Tue 30 Jun' },
  { kind: 'sar', received: '2026-08-31', due: '2026-09-30', note: 'no 31 Sep: Wed 30 Sep' },
  { kind: 'sar', received: '2026-11-25', due: '2026-12-29', note: 'Fri 25 Dec holiday, weekend, Mon 28 Dec Boxing Day substitute' },
  { kind: 'sar', received: '2026-11-26', due: '2026-12-29', note: 'Sat 26 Dec, Sun 27, Mon 28 substitute: Tue 29' },
  { kind: 'sar', received: '2025-11-25', due: '2025-12-29', note: 'Thu 25 and Fri 26 Dec holidays, then the weekend' },
  { kind: 'sar', received: '2026-03-03', due: '2026-04-07', note: 'Good Friday 3 Apr, weekend, Easter Monday 6 Apr' },
  { kind: 'sar', received: '2027-02-26', due: '2027-03-30', note: 'Good Friday 26 Mar 2027, weekend, Easter Monday 29 Mar' },
  { kind: 'sar', received: '2023-04-08', due: '2023-05-09', note: 'Mon 8 May 2023, the Coronation bank holiday' },
  { kind: 'sar', received: '2022-05-03', due: '2022-06-06', note: 'Fri 3 Jun 2022, the Platinum Jubilee, then the weekend' },
  { kind: 'sar', received: '2022-08-19', due: '2022-09-20', note: 'Mon 19 Sep 2022, the Queen’s state funeral' },
  { kind: 'sar', received: '2020-04-08', due: '2020-05-11', note: 'Fri 8 May 2020, VE Day, then the weekend' },
  { kind: 'sar', received: '2018-11-25', due: '2018-12-27', note: 'Tue 25 and Wed 26 Dec 2018' },
  { kind: 'sar', received: '2026-12-02', due: '2027-01-04', note: 'Sat 2 Jan, Sun 3; Mon 4 Jan is a Scottish holiday only, so it is the due date' },
  { kind: 'sar', received: '2026-02-17', due: '2026-03-17', note: 'St Patrick’s Day is not an E&W holiday: Tue 17 Mar stands' },
  { kind: 'sar', received: '2026-03-02', paused: [['2026-03-10', '2026-03-20']], due: '2026-04-13', note: '2 Apr + 10 days stopped = Sun 12 Apr: Mon 13 Apr' },
  { kind: 'sar', received: '2026-12-01', paused: [['2026-12-10', '2027-01-05']], due: '2027-01-27', note: 'pause over Christmas: 1 Jan 2027 + 26 days = Wed 27 Jan' },
  { kind: 'sar', received: '2026-11-10', paused: [['2026-11-15', '2026-11-30']], due: '2026-12-29', note: '10 Dec + 15 = Fri 25 Dec: holidays and weekend to Tue 29 Dec' },
  { kind: 'sar', received: '2026-06-01', paused: [['2026-06-03', '2026-06-05'], ['2026-06-10', '2026-06-15']], due: '2026-07-08', note: 'two pauses, 2 + 5 days: 1 Jul + 7 = Wed 8 Jul' },
  { kind: 'sar', received: '2026-01-05', paused: [['2026-03-01', '2026-03-10']], due: '2026-02-05', note: 'a stop that begins after the due date (Thu 5 Feb) gives no time back' },
  { kind: 'sar', received: '2026-03-02', paused: [['2026-04-02', '2026-04-06']], due: '2026-04-07', note: 'stopped on the due day itself: 2 Apr + 4 = Easter Monday 6 Apr: Tue 7 Apr' },
  { kind: 'sar', received: '2026-01-05', paused: [['2026-01-06', '2026-01-16']], extended: true, due: '2026-04-15', note: 'extended and paused: 5 Apr + 10 = Wed 15 Apr' },
  // FOI: the twentieth working day after receipt; a bank holiday anywhere in the UK is not a working day.
  { kind: 'foi', received: '2025-12-15', due: '2026-01-16', note: 'Christmas, Boxing Day, 1 Jan and the Scottish 2 Jan' },
  { kind: 'foi', received: '2026-12-14', due: '2027-01-15', note: '25, 28 Dec, 1 Jan and Mon 4 Jan (Scottish substitute for 2 Jan)' },
  { kind: 'foi', received: '2026-03-16', due: '2026-04-16', note: 'St Patrick’s Day (NI), Good Friday, Easter Monday' },
  { kind: 'foi', received: '2025-12-15', extended: true, due: '2026-02-13', note: 'public-interest test: 40 working days' },
  { kind: 'foi', received: '2026-12-14', extended: true, due: '2027-02-12', note: 'public-interest test: 40 working days' },
  { kind: 'foi', received: '2026-03-16', extended: true, due: '2026-05-15', note: 'public-interest test: Early May bank holiday too' },
  { kind: 'foi', received: '2026-06-06', due: '2026-07-03', note: 'received on a Saturday: counting starts Mon 8 Jun' },
  { kind: 'foi', received: '2026-07-01', due: '2026-07-30', note: 'Mon 13 Jul, the Boyne substitute in NI' },
  { kind: 'foi', received: '2026-07-20', due: '2026-08-18', note: 'Mon 3 Aug, the Scottish summer bank holiday' },
  { kind: 'foi', received: '2026-11-16', due: '2026-12-15', note: 'Mon 30 Nov, St Andrew’s Day' },
  { kind: 'foi', received: '2026-03-27', due: '2026-04-28', note: 'Good Friday and Easter Monday' },
  { kind: 'foi', received: '2023-04-24', due: '2023-05-24', note: 'Early May bank holiday and the Coronation, Mon 8 May 2023' },
  { kind: 'foi', received: '2026-12-25', due: '2027-01-27', note: 'received on Christmas Day; 28 Dec, 1 Jan and Scottish 4 Jan' },
  { kind: 'foi', received: '2022-05-23', due: '2022-06-22', note: 'Thu 2 and Fri 3 Jun 2022, the Jubilee weekend' },
  { kind: 'foi', received: '2027-03-10', due: '2027-04-12', note: 'St Patrick’s Day (Wed), Good Friday, Easter Monday 2027' },
  { kind: 'foi', received: '2026-03-02', paused: [['2026-03-04', '2026-03-11']], due: '2026-04-09', note: 'fees notice 4 Mar, paid 11 Mar: 4–10 Mar do not count; then St Patrick’s, Easter' },
  // Complaints and members' enquiries: the council's default policy, E&W working days.
  { kind: 'complaint', received: '2026-12-21', due: '2027-01-07', note: 'stage 1, 10 working days; Mon 4 Jan 2027 is an E&W working day' },
  { kind: 'enquiry', received: '2026-03-13', due: '2026-03-27', note: '10 working days; St Patrick’s Day is a working day in E&W' },
];
