import type { AggregateReport } from '../common/aggregate';
import { num } from './model';

// The API's hour view covers the whole period; an hour × weekday map needs
// the hours of each date, so the screen asks the hour view once per date
// and folds the answers by weekday. Rollups make each of those a small
// read; past MAX_DAYS the map is left out rather than fire more requests.
export const MAX_DAYS = 31;

function utc(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

// datesOf lists the local dates from..to, both included (YYYY-MM-DD).
export function datesOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = utc(from); t <= utc(to); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

// weekdayOf is 0 = Monday … 6 = Sunday, the order a supervisor's week reads in.
export function weekdayOf(date: string): number {
  return (new Date(utc(date)).getUTCDay() + 6) % 7;
}

// foldByWeekday adds each date's 24 hour rows into cells[weekday][hour].
export function foldByWeekday(days: { date: string; report: AggregateReport }[], metric = 'conversations'): number[][] {
  const cells = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const { date, report } of days) {
    const row = cells[weekdayOf(date)] as number[];
    report.rows.forEach((r, i) => {
      const h = Number.parseInt(String(r.key ?? r.label ?? i), 10);
      const hour = Number.isNaN(h) ? i : h;
      if (hour >= 0 && hour < 24) row[hour] = (row[hour] ?? 0) + num(r, metric);
    });
  }
  return cells;
}
