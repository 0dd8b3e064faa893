import { describe, expect, it } from 'vitest';
import { formatConfidence } from './queries';

describe('formatConfidence', () => {
  it('shows whole percent, rounded down so a suggestion below the 80 % threshold never reads as 80 %', () => {
    expect(formatConfidence(0.799)).toBe('79 %');
    expect(formatConfidence(0.8)).toBe('80 %');
    expect(formatConfidence(0.0612)).toBe('6 %');
  });

  it('keeps values within 0-100 %', () => {
    expect(formatConfidence(1)).toBe('100 %');
    expect(formatConfidence(1.2)).toBe('100 %');
    expect(formatConfidence(-0.1)).toBe('0 %');
  });
});
