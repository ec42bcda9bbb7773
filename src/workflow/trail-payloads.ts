import type { GuideRef, LapsedGreenLight, Level, Phase, ProjectEventType } from '../../machines/participation-project';

/**
 * The shape of the trail entries other capabilities read (the timeline's sentences, the
 * participation account, the Communicatie page, the export, the steps left): one definition,
 * written by the workflow engine and read through `payloadOf` (issue 20). An entry keeps what it
 * had when written; fields added later are optional.
 */
export interface GreenLightSummary {
  decisionId: string;
  gate: string;
  cycle: number;
  body: string;
  outcome: string;
  decidedOn: string;
  recordedOn?: string;
  reference: string;
  documentUrl: string | null;
  note: string | null;
  justification: string | null;
}

export interface TrailPayloads {
  'project-created': { title: string; origin: string; politicalSensitivity: string; state: string; silenceWindowDays: number; guide?: GuideRef };
  transition: { event: ProjectEventType; from: string; to: string; cycle: number; nextCycle?: number; greenLight?: GreenLightSummary; reason?: string; planVersion?: number; levels?: Partial<Record<Phase, Level>> };
  'submission-recorded': { event: ProjectEventType; from: string; to: string; cycle: number };
  'plan-saved': { version: number; levelChange?: { phases: string[]; from: Partial<Record<Phase, Level>> | null; to: Partial<Record<Phase, Level>>; reason: string } };
  'communication-recorded': { communicationId: string; occurredAt: string; channel: string; audience: string };
  'reminder-sent': { kind: string; dueAt: string; level: number; recipients: string[]; channels?: string[] };
  'guide-migrated': { from: GuideRef; to: GuideRef; decision: { body: string; decidedOn: string; reference: string }; stateBefore: string; stateAfter: string; lapsedGreenLights?: LapsedGreenLight[] };
}

/** An entry's payload in its shape, or null when the entry is of another type. */
export function payloadOf<T extends keyof TrailPayloads>(entry: { type: string; payload: unknown }, type: T): TrailPayloads[T] | null {
  return entry.type === type ? (entry.payload as TrailPayloads[T]) : null;
}
