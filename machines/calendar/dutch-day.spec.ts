import { dutchDay, isFutureDay } from './dutch-day';

describe('the Dutch calendar day', () => {
  it('is already tomorrow in Amsterdam while UTC is still today, in summer and in winter', () => {
    expect(dutchDay(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01'); // 00:30 CEST
    expect(dutchDay(new Date('2026-12-31T23:15:00Z'))).toBe('2027-01-01'); // 00:15 CET
    expect(dutchDay(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30'); // 23:59:59 CEST
  });

  it('lets a decision dated today pass just after midnight, and refuses tomorrow', () => {
    const justAfterMidnight = new Date('2026-03-11T23:30:00Z'); // 00:30 on 12 March in Amsterdam
    expect(isFutureDay('2026-03-12', justAfterMidnight)).toBe(false);
    expect(isFutureDay('2026-03-13', justAfterMidnight)).toBe(true);
  });
});
