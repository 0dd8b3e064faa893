import { describe, expect, it } from 'vitest';
import { hoursText, parseHours } from './hours';

describe('parseHours', () => {
  it('reads one window a line, with short day names and one-digit hours', () => {
    expect(parseHours('monday 09:00-12:00\ntue 9:30 - 17:00\n\nnonsense')).toEqual([
      { day: 'monday', start: '09:00', end: '12:00' },
      { day: 'tuesday', start: '09:30', end: '17:00' },
    ]);
  });

  it('round-trips through its text', () => {
    const windows = [{ day: 'friday', start: '13:00', end: '15:00' }];
    expect(parseHours(hoursText(windows))).toEqual(windows);
  });
});
