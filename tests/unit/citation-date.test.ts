import { describe, expect, it } from 'vitest';
import { stockholmDate } from '../../site/src/lib/citation';

/** The reference: Intl for every instant, as stockholmDate worked before it remembered hours. */
const stockholm = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
const reference = (time: number) => {
  const parts = stockholm.formatToParts(new Date(time));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day') };
};

describe('the Stockholm date of a publication instant (citation/model.ts)', () => {
  it('gives the calendar date in Stockholm for every quarter hour of a year, across both daylight-saving changes', () => {
    const start = Date.UTC(2025, 11, 31, 0, 0);
    for (let time = start; time < start + 367 * 86_400_000; time += 15 * 60_000) {
      const iso = new Date(time).toISOString();
      expect(stockholmDate(iso), iso).toEqual(reference(time));
    }
  });

  it('turns over at midnight Stockholm time, not UTC, in winter and in summer', () => {
    expect(stockholmDate('2026-01-15T22:59:59.999Z')).toEqual({ year: 2026, month: 1, day: 15 });
    expect(stockholmDate('2026-01-15T23:00:00.000Z')).toEqual({ year: 2026, month: 1, day: 16 });
    expect(stockholmDate('2026-07-15T21:59:59Z')).toEqual({ year: 2026, month: 7, day: 15 });
    expect(stockholmDate('2026-07-15T22:00:00Z')).toEqual({ year: 2026, month: 7, day: 16 });
    expect(stockholmDate('2026-07-15T23:30:00+01:00')).toEqual({ year: 2026, month: 7, day: 16 });
  });

  it('hands out a date of its own each time', () => {
    const first = stockholmDate('2026-05-01T10:00:00Z');
    first.day = 99;
    expect(stockholmDate('2026-05-01T10:30:00Z').day).toBe(1);
  });
});
