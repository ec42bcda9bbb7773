import { addDays } from '../interaction/legal-terms';

/**
 * The personal data the service keeps apart from the trail (AVG art. 5 lid 1 e), by kind, each with
 * a retention period after the project ended. The Selectielijst gemeenten en intergemeentelijke
 * organen 2020 values the case as a whole (zienswijzen share its result) and leaves weeding the
 * other documents, and when, to the municipality; the periods here are therefore the
 * municipality's to set, with the product's default of a year after the project ended.
 */
/** reaction-contact: the address and e-mail of a resident who reacted on the public page (issue 19). */
export const PERSONAL_DATA_KINDS = ['reaction-sender', 'reaction-contact', 'initiator'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** The product's default period, in days after the project ended. */
export const DEFAULT_RETENTION_DAYS = 365;

/** The environment variable that sets a kind's period: RETENTION_REACTION_SENDER_DAYS, RETENTION_INITIATOR_DAYS. */
export const retentionVariable = (kind: PersonalDataKind) => `RETENTION_${kind.toUpperCase().replace(/-/g, '_')}_DAYS`;

/** The first day an item of this kind may be erased: its period after the day the project ended; null while it runs. */
export function erasableFrom(endedOn: string | null, days: number): string | null {
  return endedOn === null ? null : addDays(endedOn, days);
}
