import { alertsText } from './clientColumns';

describe('alertsText', () => {
  const none = { outOfBandTargets: 0, harvestOpportunities: 0, estimatedSaving: 0, currency: 'USD', unavailable: null };

  it('says there is nothing to look at', () => {
    expect(alertsText(none)).toBe('No alerts');
  });

  it('counts drifting targets and harvests with their saving', () => {
    const text = alertsText({ ...none, outOfBandTargets: 2, harvestOpportunities: 1, estimatedSaving: 406.8 });
    expect(text).toMatch(/^2 targets out of band · 1 harvest \(saves .*406\.80\)$/);
  });

  it('says why alerts are missing instead of showing none', () => {
    const text = alertsText({ outOfBandTargets: null, harvestOpportunities: null, estimatedSaving: null, currency: null, unavailable: 'NOPRICE has no close on or before 2026-11-23.' });
    expect(text).toBe('Not available: NOPRICE has no close on or before 2026-11-23.');
  });
});
