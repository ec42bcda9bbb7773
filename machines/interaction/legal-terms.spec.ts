import { EQUATING_DECREES } from './decreed-days';
import { addDays, inspectionTermEnd, isNonWorkingDay, nextWorkingDay, postalWeekEnd, inspectionTerm, reactionFault, reactionOnTime, termWarnings } from './legal-terms';

/** Laid open on the day that makes the nominal six-week term end on `lastDay`. */
const laidOpenFor = (lastDay: string) => addDays(lastDay, -41);

describe('the six-week inspection term (art. 3:16 Awb) and the Algemene termijnenwet', () => {
  it('runs six weeks from the day the draft is laid open, that day included', () => {
    // Thursday 5 March 2026 -> Wednesday 15 April 2026, a working day.
    expect(inspectionTermEnd('2026-03-05')).toEqual({ nominalEnd: '2026-04-15', endsOn: '2026-04-15', extended: false });
  });

  it.each([
    ['a Saturday', '2026-05-16', '2026-05-18'],
    ['a Sunday', '2026-05-17', '2026-05-18'],
    ['New Year’s Day (2031)', '2031-01-01', '2031-01-02'],
    ['Good Friday (2025), running over Easter to the Tuesday', '2025-04-18', '2025-04-22'],
    ['Easter Monday', '2026-04-06', '2026-04-07'],
    ['King’s Day on the 27th', '2026-04-27', '2026-04-28'],
    ['King’s Day on the 26th, when the 27th is a Sunday (2025)', '2025-04-26', '2025-04-28'],
    ['King’s Day on the 26th in 2031, a Saturday', '2031-04-26', '2031-04-28'],
    ['the 27th of April 2031, a Sunday and not King’s Day', '2031-04-27', '2031-04-28'],
    ['Liberation Day, 5 May, in a year that is not a lustrum (2026)', '2026-05-05', '2026-05-06'],
    ['Liberation Day 2031', '2031-05-05', '2031-05-06'],
    ['Ascension Day (2031), no decree known for that year yet', '2031-05-22', '2031-05-23'],
    ['Whit Monday', '2026-05-25', '2026-05-26'],
    ['Christmas Day, running over Boxing Day and the weekend (2026)', '2026-12-25', '2026-12-28'],
    ['Boxing Day (2025)', '2025-12-26', '2025-12-29'],
    ['Good Friday 2031', '2031-04-11', '2031-04-15'],
  ])('extends a term ending on %s to the next working day', (_name, lastDay, endsOn) => {
    expect(inspectionTermEnd(laidOpenFor(lastDay))).toEqual({ nominalEnd: lastDay, endsOn, extended: true });
  });

  it('does not extend on days the law does not name: Remembrance Day, Sinterklaas, New Year’s Eve', () => {
    for (const day of ['2026-05-04', '2025-12-05', '2025-12-31']) expect(isNonWorkingDay(day)).toBe(false);
  });

  it('leaves a working day as it is', () => {
    expect(nextWorkingDay('2026-04-28')).toBe('2026-04-28');
  });

  it.each(EQUATING_DECREES.flatMap((decree) => decree.days.map((day) => [day, decree.title])))('counts %s as a holiday, by the %s (Atw art. 3 lid 3)', (day) => {
    expect(isNonWorkingDay(day)).toBe(true);
  });

  it.each([
    ['Ascension 2026, then the decreed Friday and the weekend', '2026-04-03', '2026-05-14', '2026-05-18'],
    ['5 May 2027, Ascension, the decreed Friday and the weekend', '2027-03-25', '2027-05-05', '2027-05-10'],
    ['New Year 2026, the decreed 2 January and the weekend', '2025-11-21', '2026-01-01', '2026-01-05'],
    ['King’s Day 2028 and the decreed Friday', laidOpenFor('2028-04-27'), '2028-04-27', '2028-05-01'],
    ['Ascension 2028 and the decreed Friday', laidOpenFor('2028-05-25'), '2028-05-25', '2028-05-29'],
    ['Boxing Day 2024 on a Thursday and the decreed Friday', laidOpenFor('2024-12-26'), '2024-12-26', '2024-12-30'],
  ])('extends over %s', (_name, laidOpenOn, nominalEnd, endsOn) => {
    expect(inspectionTermEnd(laidOpenOn)).toEqual({ nominalEnd, endsOn, extended: true });
  });

  it('warns, in both languages, when a term ends in a year no known decree covers', () => {
    expect(termWarnings('2028-12-29')).toEqual([]);
    const [warning] = termWarnings('2029-02-12');
    expect(warning.code).toBe('term-beyond-known-decrees');
    expect(warning.message.nl).toMatch(/2029.*artikel 3 lid 3/);
    expect(warning.message.en).toMatch(/2029.*art\. 3\(3\)/);
  });
});

describe('zienswijzen sent by post (art. 6:9 lid 2 with art. 3:16 lid 3 Awb)', () => {
  const endsOn = '2026-04-28';
  it.each([
    ['an e-mail received on the last day', { channel: 'email', receivedOn: '2026-04-28' }, true],
    ['an e-mail received the day after', { channel: 'email', receivedOn: '2026-04-29' }, false],
    ['a letter posted on the last day, received a week later', { channel: 'letter', postedOn: '2026-04-28', receivedOn: '2026-05-05' }, true],
    ['a letter posted on the last day, received eight days later', { channel: 'letter', postedOn: '2026-04-28', receivedOn: '2026-05-06' }, false],
    ['a letter posted the day after the term', { channel: 'letter', postedOn: '2026-04-29', receivedOn: '2026-04-30' }, false],
    ['a letter without a legible postmark, received after the term', { channel: 'letter', receivedOn: '2026-04-30' }, false],
    ['a web form after the term (no postal week)', { channel: 'web', postedOn: '2026-04-28', receivedOn: '2026-04-30' }, false],
  ] as const)('%s: on time %s', (_name, reaction, onTime) => {
    expect(reactionOnTime(reaction, endsOn)).toBe(onTime);
  });

  it('keeps the week after the term open for letters', () => {
    expect(postalWeekEnd('2026-04-28')).toBe('2026-05-05');
  });
});

describe('reactionFault', () => {
  it('allows a postmark only on a letter, not after its receipt, and asks a report of an oral zienswijze', () => {
    expect(reactionFault({ channel: 'letter', receivedOn: '2026-10-14', postedOn: '2026-10-12' })).toBeNull();
    expect(reactionFault({ channel: 'email', receivedOn: '2026-10-14', postedOn: '2026-10-12' })).toBe('postmark-without-letter');
    expect(reactionFault({ channel: 'letter', receivedOn: '2026-10-14', postedOn: '2026-10-15' })).toBe('posted-after-received');
    expect(reactionFault({ channel: 'oral', receivedOn: '2026-10-14' })).toBe('oral-report-missing');
    expect(reactionFault({ channel: 'oral', receivedOn: '2026-10-14', report: 'Zorgen over verkeer.' })).toBeNull();
  });
});

describe('inspectionTerm', () => {
  const rules = { inspraakTermDays: 28, inspraakPostalWeek: false, collegeProcedureMinTermDays: 14 };
  it('gives afdeling 3.4 Awb six weeks with the postal week, or the longer term a statute sets with its source', () => {
    expect(inspectionTerm('awb-3.4', {}, rules)).toEqual({ termDays: 42, procedureReference: null, termSource: null, postalWeek: true });
    expect(inspectionTerm('awb-3.4', { termDays: 56, termSource: ' Omgevingswet art. 16.x ' }, rules)).toMatchObject({ termDays: 56, termSource: 'Omgevingswet art. 16.x' });
    expect(inspectionTerm('awb-3.4', { termDays: 30, termSource: 'x' }, rules)).toMatchObject({ refused: 'term-too-short', minimumDays: 43 });
    expect(inspectionTerm('awb-3.4', { termDays: 56 }, rules)).toMatchObject({ refused: 'term-source-required' });
  });

  it('gives the inspraakverordening its own term, and a procedure the college set its term, at least the minimum', () => {
    expect(inspectionTerm('ordinance', {}, rules)).toEqual({ termDays: 28, procedureReference: null, termSource: null, postalWeek: false });
    expect(inspectionTerm('ordinance', { termDays: 10 }, rules)).toMatchObject({ refused: 'term-fixed' });
    expect(inspectionTerm('college-procedure', { termDays: 21, procedureReference: 'B&W 2026/9' }, rules)).toEqual({ termDays: 21, procedureReference: 'B&W 2026/9', termSource: null, postalWeek: false });
    expect(inspectionTerm('college-procedure', { termDays: 7, procedureReference: 'B&W 2026/9' }, rules)).toMatchObject({ refused: 'procedure-term-too-short', minimumDays: 14 });
    expect(inspectionTerm('college-procedure', {}, rules)).toMatchObject({ refused: 'procedure-term-required' });
  });
});
