/**
 * Days the Crown equated with the algemeen erkende feestdagen (Algemene termijnenwet art. 3
 * lid 3), one decree about every three years, published in the Staatscourant. Data, not rules:
 * when a new decree appears, add it here with the years it covers.
 */
export interface EquatingDecree {
  /** The decree's title, as published. */
  title: string;
  /** The calendar years the decree was made for (first and last). */
  years: readonly [number, number];
  /** The days it equates with a holiday, YYYY-MM-DD. */
  days: readonly string[];
}

export const EQUATING_DECREES: readonly EquatingDecree[] = [
  {
    title: 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag',
    years: [2023, 2025],
    days: ['2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30'],
  },
  {
    title: 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag',
    years: [2026, 2028],
    days: ['2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26'],
  },
];
