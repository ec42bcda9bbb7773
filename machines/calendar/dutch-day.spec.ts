import { dutchClock, dutchDay, dutchMoment, isFutureDay, longDay, startOfDutchDay } from './dutch-day';

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

describe('days in words and the start of a Dutch day', () => {
  it('writes a day as Dutch and English readers expect', () => {
    expect(longDay('2026-04-28', 'nl')).toBe('dinsdag 28 april 2026');
    expect(longDay('2026-04-28', 'en')).toBe('Tuesday, 28 April 2026');
  });
  it('starts a day at midnight in Amsterdam, in winter and in summer time', () => {
    expect(startOfDutchDay('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDutchDay('2026-07-15')).toBe('2026-07-14T22:00:00.000Z');
    // The night the clocks go forward (29 March 2026) and back (25 October 2026).
    expect(startOfDutchDay('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDutchDay('2026-10-25')).toBe('2026-10-24T22:00:00.000Z');
    expect(dutchDay(new Date(startOfDutchDay('2026-10-25')))).toBe('2026-10-25');
  });
  it('reads a time typed on the Dutch clock as the moment it names, and shows a moment on that clock', () => {
    expect(dutchMoment('2026-01-15', '14:05')).toBe('2026-01-15T13:05:00.000Z');
    expect(dutchMoment('2026-07-15', '14:05')).toBe('2026-07-15T12:05:00.000Z');
    expect(dutchClock(new Date('2026-07-14T22:30:00Z'))).toEqual({ day: '2026-07-15', time: '00:30' });
    expect(dutchClock(new Date(dutchMoment('2026-01-15', '09:41')))).toEqual({ day: '2026-01-15', time: '09:41' });
  });
});
