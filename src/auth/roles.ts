import type { GoverningBody } from '../../machines/participation-project';
import { ApiError } from '../common/api-error';

/** The roles within a municipality: each acts for its own tenant only. */
export const MUNICIPAL_ROLES = ['process-manager', 'college-secretary', 'council-clerk', 'communication-adviser', 'auditor', 'admin'] as const;
/** The platform's role (issue 21): manages the tenants, reads no municipality's projects. */
export const OPERATOR = 'operator' as const;
export const ROLES = [...MUNICIPAL_ROLES, OPERATOR] as const;
export type Role = (typeof ROLES)[number];

/** Any role within a municipality; never the operator. */
export const ANY_ROLE: readonly Role[] = MUNICIPAL_ROLES;

/** Only the college's secretary records college decisions; only the griffie records the raad's. */
export const RECORDER_OF: Record<GoverningBody, Role> = { college: 'college-secretary', raad: 'council-clerk' };

/** The body whose decisions this role's office records, or null for any other role. */
export const bodyRecordedBy = (role: Role): GoverningBody | null => (Object.keys(RECORDER_OF) as GoverningBody[]).find((body) => RECORDER_OF[body] === role) ?? null;

/** The actor acting as the office that records this body's decisions (the trail names that role), or 403. */
export function asRecorderOf(body: GoverningBody, actor: Actor): Actor {
  const recorder = RECORDER_OF[body];
  if (!actor.roles.includes(recorder)) throw new ApiError(403, 'wrong-role-for-body', `A decision of the ${body} can only be recorded by a ${recorder}.`);
  return { ...actor, role: recorder };
}

/** The offices that record the decisions of the college and the raad. */
export const DECISION_RECORDERS: readonly Role[] = Object.values(RECORDER_OF);

/** Who reads the chains, their roots and what personal data is kept: the auditor, and the administrator. */
export const AUDITORS: readonly Role[] = ['auditor', 'admin'];

/** Who writes the project's file and takes its steps: the process manager, and the administrator. */
export const WRITERS: readonly Role[] = ['process-manager', 'admin'];

/** Who keeps participants informed: records contacts and milestones (§2.4, no radio silence), and nothing else for the communication adviser. */
export const CONTACT_KEEPERS: readonly Role[] = [...WRITERS, 'communication-adviser'];

/** Who makes decisions and documents public (their bekendmaking, and active publication under the Woo): the process manager and the offices that keep the decisions. */
export const PUBLISHERS: readonly Role[] = [...WRITERS, ...DECISION_RECORDERS];

/** Who is acting, as it goes into every audit entry. */
export interface Actor {
  name: string;
  /** Who this is, as the identity provider names them (the token's `sub`): "mijn projecten" follows it, not the spelling of a name. */
  subject?: string;
  /** The role under which this request was allowed. */
  role: Role;
  roles: Role[];
}

/** The service itself, as the actor of what it does on its own (reminders, their skips); shown as "automatisch". */
export const SYSTEM_ACTOR: Actor = { name: 'interactiewijzer', role: 'admin', roles: ['admin'] };

/** Whether an entry's actor is the service itself. */
export const isSystemActor = (actor: { name: string; role: string }) => actor.name === SYSTEM_ACTOR.name && actor.role === SYSTEM_ACTOR.role;

/** The public zienswijze form (issue 19): a resident, unnamed in the trail, who reacted on the project's public page; shown as "online formulier". */
export const RESIDENT_FORM_ACTOR: Actor = { name: 'zienswijzeformulier', role: 'admin', roles: ['admin'] };

export const isResidentFormActor = (actor: { name: string; role: string }) => actor.name === RESIDENT_FORM_ACTOR.name && actor.role === RESIDENT_FORM_ACTOR.role;
