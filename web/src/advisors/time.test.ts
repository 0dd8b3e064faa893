import { describe, expect, it } from 'vitest';
import { clockTime, stars } from './time';

describe('clockTime', () => {
  // New York is UTC−5 before the second Sunday of March 2027 (14 March) and UTC−4 after; London is UTC+0 until 28 March.
  it('shows one instant on each side of a daylight-saving change in the zone it is asked for', () => {
    // Punctuation between the parts differs between ICU versions: the date and the hour are what matter.
    expect(clockTime('2027-03-08T14:00:00Z', 'America/New_York', 'en-GB')).toMatch(/8 Mar 2027.*09:00/);
    expect(clockTime('2027-03-15T13:00:00Z', 'America/New_York', 'en-GB')).toMatch(/15 Mar 2027.*09:00/);
    expect(clockTime('2027-03-15T13:00:00Z', 'Europe/London', 'en-GB')).toMatch(/15 Mar 2027.*13:00/);
  });
});

describe('stars', () => {
  it('rounds and clamps to five', () => {
    expect(stars(4)).toBe('★★★★☆');
    expect(stars(4.6)).toBe('★★★★★');
    expect(stars(9)).toBe('★★★★★');
  });
});
