import { formatDateTime } from '../../ui/format';
import { localInstant } from './model';

// stamp shows the report's local "YYYY-MM-DD HH:MM:SS" in the locale's
// order, without converting zones (it is already in the report's zone).
export function stamp(s: string, locale: string): string {
  const iso = localInstant(s);
  return iso ? formatDateTime(iso, 'UTC', locale) : s;
}
