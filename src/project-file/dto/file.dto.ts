import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsObject, IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCalendarDay } from '../../common/dates.dto';
import {
  ADVICE_WEIGHTS,
  CHALLENGE_CONCLUSIONS,
  CHALLENGE_CRITERIA,
  type ChallengeConclusion,
  type ChallengeCriterion,
  type GoverningBody,
  COMMITMENT_DOCUMENTS,
  CRITERIA,
  GATED_EVENTS,
  type GatedEventType,
  RAAD_INFORMATION_KINDS,
  type RaadInformationKind,
  GOALS,
  GOVERNING_BODIES,
  INFLUENCE_ASPECTS,
  INSPRAAK_FORMS,
  LEVELS,
  PHASES,
  REACTION_CHANNELS,
  type ReactionChannel,
  QUICK_SCAN_ITEMS,
  SCAN_ROLES,
  SCORES,
  STAKEHOLDER_DOMAINS,
  STAKEHOLDER_KINDS,
  type AdviceWeight,
  type CommitmentDocument,
  type Criterion,
  type Goal,
  type InfluenceAspect,
  type InspraakForm,
  type Level,
  type Phase,
  type QuickScanItem,
  type ScanRole,
  type Score,
  type StakeholderDomain,
  type StakeholderKind,
} from '../../../machines/participation-project';
import { RecordOf } from './record-of';

const Text = (max = 5000) => [IsString(), IsNotEmpty(), MaxLength(max)];
function Apply(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}

class ScanParticipantDto {
  @ApiProperty({ enum: SCAN_ROLES }) @IsIn(SCAN_ROLES) role!: ScanRole;
  @ApiProperty({ example: 'J. Jansen' }) @Apply(...Text(200)) name!: string;
}

class ScannedInspraakDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() legallyRequired?: boolean;
  @ApiPropertyOptional({ enum: INSPRAAK_FORMS, description: '§1.4: a–d when not legally required, e–f when it is' }) @IsOptional() @IsIn(INSPRAAK_FORMS) form?: InspraakForm;
}

export class QuickScanDto {
  @ApiPropertyOptional({ example: 'Herinrichting Marktplein' }) @IsOptional() @Apply(...Text(200)) subject?: string;
  @ApiPropertyOptional({ type: [ScanParticipantDto], description: 'Who took part (§2.1)' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ScanParticipantDto)
  participants?: ScanParticipantDto[];
  @ApiPropertyOptional({ description: `Each of ${QUICK_SCAN_ITEMS.join(', ')} scored ${SCORES.join(' | ')}`, example: { roomForInfluence: 'fairly', willingness: 'much' } })
  @IsOptional() @RecordOf(QUICK_SCAN_ITEMS, SCORES)
  scores?: Partial<Record<QuickScanItem, Score>>;
  @ApiPropertyOptional({ description: `The four aspects of room for influence (${INFLUENCE_ASPECTS.join(', ')}), each scored`, example: { political: 'fairly', legal: 'a-little', policy: 'fairly', societal: 'much' } })
  @IsOptional() @RecordOf(INFLUENCE_ASPECTS, SCORES)
  influenceAspects?: Partial<Record<InfluenceAspect, Score>>;
  @ApiPropertyOptional({ enum: CRITERIA, isArray: true, description: 'Green-light criteria that apply (§1.7 a–f)' }) @IsOptional() @IsIn(CRITERIA, { each: true }) greenLights?: Criterion[];
  @ApiPropertyOptional({ enum: CRITERIA, isArray: true, description: 'Red-light criteria that apply (§1.7 a–f)' }) @IsOptional() @IsIn(CRITERIA, { each: true }) redLights?: Criterion[];
  @ApiPropertyOptional({ type: ScannedInspraakDto, description: 'Whether the law requires inspraak (needed for a complete scan) and the form (§1.4; needed to decide non-interactive, else the plan may choose it)' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ScannedInspraakDto)
  inspraak?: ScannedInspraakDto;
  @ApiPropertyOptional({ enum: ['inform', 'none'], description: 'Decided non-interactive (§1.1): does the municipality still inform (inform) or not (none)? At none no silence is counted.' })
  @IsOptional() @IsIn(['inform', 'none'])
  levelWithoutInteraction?: 'inform' | 'none';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) notes?: string;
}

class ProcessAgreementDto {
  @ApiProperty({ example: 'Dorpsraad' }) @Apply(...Text(200)) party!: string;
  @ApiProperty({ example: 'Elke maand een overleg; verslag binnen een week' }) @Apply(...Text()) agreement!: string;
}

export class CommitmentDto {
  @ApiPropertyOptional({ enum: COMMITMENT_DOCUMENTS, description: 'Where the approach is laid down (§2.2)' }) @IsOptional() @IsIn(COMMITMENT_DOCUMENTS) laidDownIn?: CommitmentDocument;
  @ApiPropertyOptional({ example: 'B&W-besluit 2026/123' }) @IsOptional() @Apply(...Text(200)) reference?: string;
  @ApiPropertyOptional({ type: [ProcessAgreementDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ProcessAgreementDto) processAgreements?: ProcessAgreementDto[];
}

class GoalVerdictDto {
  @ApiProperty({ example: 'support-for-process', description: 'A goal of the plan: its key, or the text of an own goal' }) @Apply(...Text(500)) goal!: string;
  @ApiProperty() @IsBoolean() achieved!: boolean;
  @ApiPropertyOptional() @IsOptional() @Apply(...Text()) explanation?: string;
}

/** §2.4: the evaluation of the cycle. */
export class EvaluationDto {
  @ApiPropertyOptional({ type: [GoalVerdictDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => GoalVerdictDto) goals?: GoalVerdictDto[];
  @ApiPropertyOptional({ description: 'How the participants judged the process' }) @IsOptional() @Apply(...Text(10000)) participantsJudgement?: string;
  @ApiPropertyOptional() @IsOptional() @Apply(...Text(10000)) lessons?: string;
}

class TargetGroupDto {
  @ApiPropertyOptional({ description: 'The stakeholder group this target group is' }) @IsOptional() @IsUUID() stakeholderId?: string;
  @ApiProperty() @Apply(...Text(200)) name!: string;
  @ApiProperty({ description: 'Why this group' }) @Apply(...Text()) why!: string;
}
class GoalsDto {
  @ApiPropertyOptional({ enum: GOALS, isArray: true }) @IsOptional() @IsIn(GOALS, { each: true }) standard?: Goal[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) @IsNotEmpty({ each: true }) own?: string[];
}
class ScopeDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) inScope?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) outOfScope?: string;
  @ApiPropertyOptional({ description: 'How input on subjects outside the scope is handled' }) @IsOptional() @IsString() @MaxLength(5000) offTopicHandling?: string;
}
class ThreatDto {
  @ApiProperty() @Apply(...Text()) threat!: string;
  @ApiProperty() @IsString() @MaxLength(5000) mitigation!: string;
}
class OpportunitiesAndThreatsDto {
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) @IsNotEmpty({ each: true }) opportunities?: string[];
  @ApiPropertyOptional({ type: [ThreatDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ThreatDto) threats?: ThreatDto[];
}
class ApproachDto {
  @ApiPropertyOptional({ type: [String], example: ['bewonersavond', 'enquête'] }) @IsOptional() @IsArray() @IsString({ each: true }) @IsNotEmpty({ each: true }) workForms?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) planning?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) tasks?: string;
  @ApiPropertyOptional({ description: 'How results are fed back to participants' }) @IsOptional() @IsString() @MaxLength(5000) feedback?: string;
}
class TimelineItemDto {
  @ApiProperty() @Apply(...Text(200)) title!: string;
  @ApiProperty({ example: '2026-06-01' }) @IsCalendarDay() date!: string;
}
class ProcessDto {
  @ApiPropertyOptional({ type: [TimelineItemDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => TimelineItemDto) timeline?: TimelineItemDto[];
  @ApiPropertyOptional({ description: 'How decisions are taken along the way' }) @IsOptional() @IsString() @MaxLength(5000) decisionMaking?: string;
  @ApiPropertyOptional({ description: 'Which body gives the green light per gate; overrides the default from political sensitivity once the plan is adopted', example: { DECISION_TAKEN: 'raad' } })
  @IsOptional() @RecordOf(GATED_EVENTS, GOVERNING_BODIES)
  gateBodies?: Record<string, 'college' | 'raad'>;
  @ApiPropertyOptional({ description: '§2.4: per gate, inform the raad before the green light (before), or instead of a decision (instead)', example: { DECISION_TAKEN: 'before' } })
  @IsOptional() @RecordOf(GATED_EVENTS, ['before', 'instead'])
  raadInforming?: Record<string, 'before' | 'instead'>;
}
class FrameDto {
  @ApiProperty() @Apply(...Text()) description!: string;
  @ApiProperty({ enum: ['hard', 'soft'] }) @IsIn(['hard', 'soft']) kind!: 'hard' | 'soft';
}
class InspraakDto {
  @ApiProperty() @IsBoolean() legallyRequired!: boolean;
  @ApiProperty({ enum: INSPRAAK_FORMS, description: '§1.4: a–d when not legally required, e–f when it is' }) @IsIn(INSPRAAK_FORMS) form!: InspraakForm;
}

export class PlanDto {
  @ApiPropertyOptional({ type: [TargetGroupDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => TargetGroupDto) targetGroups?: TargetGroupDto[];
  @ApiPropertyOptional({ type: GoalsDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => GoalsDto) goals?: GoalsDto;
  @ApiPropertyOptional({ description: `The interaction level per phase (${PHASES.join(', ')}): ${LEVELS.join(' | ')}`, example: { preparation: 'co-decide', decisionMaking: 'inform', execution: 'co-decide', evaluation: 'advise-late' } })
  @IsOptional() @RecordOf(PHASES, LEVELS)
  levels?: Partial<Record<Phase, Level>>;
  @ApiPropertyOptional({ type: ScopeDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => ScopeDto) scope?: ScopeDto;
  @ApiPropertyOptional({ type: OpportunitiesAndThreatsDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => OpportunitiesAndThreatsDto) opportunitiesAndThreats?: OpportunitiesAndThreatsDto;
  @ApiPropertyOptional({ type: ApproachDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => ApproachDto) approach?: ApproachDto;
  @ApiPropertyOptional({ type: ProcessDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => ProcessDto) process?: ProcessDto;
  @ApiPropertyOptional({ enum: ADVICE_WEIGHTS, description: 'How the participants’ advice weighs (§2.4)' }) @IsOptional() @IsIn(ADVICE_WEIGHTS) adviceWeight?: AdviceWeight;
  @ApiPropertyOptional({ type: [FrameDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => FrameDto) frames?: FrameDto[];
  @ApiPropertyOptional({ type: InspraakDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => InspraakDto) inspraak?: InspraakDto;
  @ApiPropertyOptional({ description: 'Required when an adopted plan changes the level of a phase' }) @IsOptional() @IsString() @MaxLength(5000) changeReason?: string;
}

export class StakeholderDto {
  @ApiProperty({ example: 'Omwonenden Marktplein' }) @Apply(...Text(200)) name!: string;
  @ApiProperty({ enum: STAKEHOLDER_DOMAINS }) @IsIn(STAKEHOLDER_DOMAINS) domain!: StakeholderDomain;
  @ApiProperty({ enum: STAKEHOLDER_KINDS }) @IsIn(STAKEHOLDER_KINDS) kind!: StakeholderKind;
  @ApiPropertyOptional({ description: 'The kind in your own words, for kind "other"' }) @IsOptional() @Apply(...Text(200)) ownKind?: string;
  @ApiProperty({ description: 'How this group is approached' }) @Apply(...Text()) approach!: string;
}

export class InspectionDto {
  @ApiProperty({ example: '2026-03-05', description: 'The day the draft is laid open (the notice’s publication date)' }) @IsCalendarDay() laidOpenOn!: string;
  @ApiProperty({ example: 'Gemeenteblad 2026, 45678' }) @Apply(...Text(500)) publishedIn!: string;
  @ApiPropertyOptional({ example: 28, description: 'Form f: the term in days of the procedure the college set (at least COLLEGE_PROCEDURE_MIN_TERM_DAYS). Forms c and e: a term longer than six weeks that a statute or ordinance sets, with termSource' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(366)
  termDays?: number;
  @ApiPropertyOptional({ example: 'Collegebesluit 2026/88', description: 'Form f only: the collegebesluit that set the procedure' }) @IsOptional() @Apply(...Text(200)) procedureReference?: string;
  @ApiPropertyOptional({ example: 'Inspraakverordening 2024, artikel 5', description: 'Forms c and e: the statute or ordinance that sets the longer term (art. 3:16 lid 1 Awb)' }) @IsOptional() @Apply(...Text(200)) termSource?: string;
}

export class ReactionDto {
  @ApiProperty({ example: '2026-03-20' }) @IsCalendarDay() receivedOn!: string;
  @ApiPropertyOptional({ enum: REACTION_CHANNELS, default: 'email', description: 'How it came in; a letter may carry its postmark (postedOn), an oral one needs its report' })
  @IsOptional()
  @IsIn(REACTION_CHANNELS)
  channel?: ReactionChannel;
  @ApiPropertyOptional({ example: '2026-04-28', description: 'letter only: the postmark. Posted within the term, a letter counts when received within a week after it (art. 6:9 lid 2 Awb).' })
  @IsOptional()
  @IsCalendarDay()
  postedOn?: string;
  @ApiPropertyOptional({ description: 'oral only (art. 3:15 lid 2 Awb): the short report of what was said' }) @IsOptional() @Apply(...Text(10000)) report?: string;
  @ApiProperty({ example: 'Vereniging Oud-Elst' }) @Apply(...Text(200)) sender!: string;
  @ApiPropertyOptional({ default: false, description: 'An organisation is named in the public nota van beantwoording; a private person is only numbered (AVG)' }) @IsOptional() @IsBoolean() senderIsOrganisation?: boolean;
  @ApiProperty() @Apply(...Text()) summary!: string;
}

/** A zienswijze a resident gives on the project's public page during its terinzagelegging (issue 19). */
export class ResidentReactionDto {
  @Apply(...Text(200)) name!: string;
  @Apply(...Text(300)) address!: string;
  @IsOptional() @IsEmail() @MaxLength(200) email?: string;
  @Apply(...Text(10000)) text!: string;
}

export class AnswerDto {
  @ApiProperty() @Apply(...Text()) answer!: string;
  @ApiProperty({ example: '2026-04-20' }) @IsCalendarDay() answeredOn!: string;
  @ApiPropertyOptional({ default: false, description: 'Whether the answer changed the draft decision' }) @IsOptional() @IsBoolean() changedDraft?: boolean;
}



export class ChallengeCriterionDto {
  @ApiProperty({ enum: CHALLENGE_CRITERIA }) @IsIn(CHALLENGE_CRITERIA) criterion!: ChallengeCriterion;
  @ApiProperty({ description: 'Whether the challenge meets it' }) @IsBoolean() met!: boolean;
  @ApiPropertyOptional() @IsOptional() @Apply(...Text()) explanation?: string;
}

export class ChallengeAssessmentDto {
  @ApiProperty({ example: '2026-11-20', description: 'The day the body decided' }) @IsCalendarDay() assessedOn!: string;
  @ApiProperty({ enum: GOVERNING_BODIES, description: 'The body whose decision it is; its office records it (college-secretary or council-clerk)' }) @IsIn(GOVERNING_BODIES) body!: GoverningBody;
  @ApiProperty({ example: 'B&W 2026/431', description: 'The decision’s number' }) @Apply(...Text(200)) reference!: string;
  @ApiProperty({ enum: CHALLENGE_CONCLUSIONS, description: 'Whether the challenge is honoured: the residents may take the task over; not honoured ends the challenge' }) @IsIn(CHALLENGE_CONCLUSIONS) conclusion!: ChallengeConclusion;
  @ApiProperty({ type: [ChallengeCriterionDto], description: 'The municipality’s criteria, each judged' })
  @IsArray()
  @ArrayNotEmpty()
  @ValidateNested({ each: true })
  @Type(() => ChallengeCriterionDto)
  criteria!: ChallengeCriterionDto[];
  @ApiProperty({ description: 'The reasons, as the decision states them' }) @Apply(...Text()) reasons!: string;
}

export class ChallengerNoticeDto {
  @ApiProperty({ example: '2026-11-24', description: 'The day the assessment with its reasons went to the challenger (Awb art. 3:41, 3:46)' }) @IsCalendarDay() sentOn!: string;
}

export class ChallengeAgreementDto {
  @ApiProperty({ example: '2026-12-01', description: 'The day the agreement was concluded, not before the challenge was honoured' }) @IsCalendarDay() concludedOn!: string;
  @ApiProperty({ example: 'OVK 2026/17' }) @Apply(...Text(200)) reference!: string;
  @ApiProperty({ example: 'Beheer en onderhoud van het buurthuis De Linde' }) @Apply(...Text(2000)) task!: string;
  @ApiProperty({ example: '2027-01-01', description: 'The term of the agreement: its first day' }) @IsCalendarDay() startsOn!: string;
  @ApiProperty({ example: '2028-12-31', description: 'Its last day, after startsOn; a milestone a month ahead asks for the evaluation' }) @IsCalendarDay() endsOn!: string;
}

export class ApplicantAccountDto {
  @ApiPropertyOptional({ description: 'Omgevingsregeling art. 7.4: whether participation took place' }) @IsOptional() @IsBoolean() tookPlace?: boolean;
  @ApiPropertyOptional({ description: 'How participation was organised, and with whom' }) @IsOptional() @Apply(...Text()) how?: string;
  @ApiPropertyOptional({ description: 'What it yielded, and what the applicant did with it' }) @IsOptional() @Apply(...Text()) results?: string;
  @ApiPropertyOptional({ example: '2026-12-01', description: 'An account that came in after the application: the day it came in (default today); the decision term was suspended until then (Awb art. 4:15 lid 1 onder a)' }) @IsOptional() @IsCalendarDay() receivedOn?: string;
}

export class RaadInformationDto {
  @ApiProperty({ enum: GATED_EVENTS, description: 'The step the raad was informed about' }) @IsIn(GATED_EVENTS) gate!: GatedEventType;
  @ApiProperty({ enum: RAAD_INFORMATION_KINDS }) @IsIn(RAAD_INFORMATION_KINDS) kind!: RaadInformationKind;
  @ApiProperty({ example: '2026-11-12', description: 'The day of the letter or the meeting' }) @IsCalendarDay() date!: string;
  @ApiProperty({ example: 'RIB 2026-041' }) @Apply(...Text(200)) reference!: string;
  @ApiPropertyOptional() @IsOptional() @Apply(...Text()) summary?: string;
}

export class InspectionWithdrawalDto {
  @ApiProperty({ example: 'De kennisgeving stond niet in het Gemeenteblad', description: 'Why the kennisgeving was faulty; kept in the file and the trail' }) @Apply(...Text(2000)) reason!: string;
}

export class InitiatorDto {
  @ApiProperty({ example: 'Stichting Buurthuis De Linde, p/a J. de Boer', description: 'The initiator, applicant or challengers, as they sign' }) @Apply(...Text(200)) name!: string;
  @ApiPropertyOptional({ example: 'bestuur@buurthuisdelinde.nl' }) @IsOptional() @IsEmail() @MaxLength(200) email?: string;
}
