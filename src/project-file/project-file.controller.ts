import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags, ApiNoContentResponse } from '@nestjs/swagger';
import type { ApplicantParticipationAccount, ChallengeAssessment, Commitment, Evaluation, Plan, QuickScan } from '../../machines/participation-project';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import { ANY_ROLE, asRecorderOf, DECISION_RECORDERS, WRITERS, type Actor } from '../auth/roles';
import { FileWorkflow } from '../workflow/file-workflow.service';
import { AnswerDto, ApplicantAccountDto, ChallengeAgreementDto, ChallengeAssessmentDto, ChallengerNoticeDto, InitiatorDto, RaadInformationDto, CommitmentDto, EvaluationDto, InspectionDto, InspectionWithdrawalDto, PlanDto, QuickScanDto, ReactionDto, StakeholderDto } from './dto/file.dto';
import { ProjectFileService } from './project-file.service';
import { Answers, RAAD_INFORMATION, RAAD_INFORMATION_SAVED, APPLICANT_ACCOUNT_DOCUMENT, APPLICANT_ACCOUNT_SAVED, CHALLENGE_AGREEMENT_DOCUMENT, CHALLENGE_AGREEMENT_SAVED, CHALLENGE_ASSESSMENT, CHALLENGE_ASSESSMENT_DOCUMENT, CHALLENGE_ASSESSMENT_SAVED, INITIATOR, INITIATOR_RECORD, COMMITMENT_DOCUMENT, COMMITMENT_SAVED, EVALUATION_DOCUMENT, EVALUATION_SAVED, Creates, INSPECTION, INSPECTION_WITH_REACTIONS, PLAN_DOCUMENT, PLAN_SAVED, PLAN_VERSIONS, QUICK_SCAN_ASSESSMENT, QUICK_SCAN_DOCUMENT, REACTION, STAKEHOLDER, WITHDRAWN_INSPECTION, listOf } from '../common/response-schemas';

/** The offices that record the bodies' decisions. */

@ApiTags('project file')
@ApiBearerAuth()
@Controller('projects/:id')
export class ProjectFileController {
  constructor(
    private readonly workflow: FileWorkflow,
    private readonly file: ProjectFileService,
  ) {}

  @Put('quick-scan')
  @AllowRoles(...WRITERS)
  @ApiOperation({ summary: 'Record the quick scan (§2.1); answers its explained advice: interactive, doubtful or not-interactive' })
  @ApiResponse({ status: 409, description: 'initiative-not-submitted, project-ended' })
  @Answers(QUICK_SCAN_ASSESSMENT, 'The assessment: complete, missing items, the advice and its reasons')
  saveQuickScan(@Param('id') id: string, @Body() body: QuickScanDto, @CurrentActor() actor: Actor) {
    return this.workflow.saveQuickScan(id, body as QuickScan, actor);
  }

  @Get('quick-scan')
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'The latest quick scan and its advice' })
  @Answers(QUICK_SCAN_DOCUMENT)
  quickScan(@Param('id') id: string) {
    return this.file.quickScan(id);
  }

  @Put('commitment')
  @AllowRoles(...WRITERS)
  @ApiOperation({ summary: 'Record the formal commitment (§2.2): where the approach is laid down, and the process agreements' })
  @Answers(COMMITMENT_SAVED)
  saveCommitment(@Param('id') id: string, @Body() body: CommitmentDto, @CurrentActor() actor: Actor) {
    return this.workflow.saveCommitment(id, body as Commitment, actor);
  }

  @Get('commitment')
  @AllowRoles(...ANY_ROLE)
  @Answers(COMMITMENT_DOCUMENT)
  commitment(@Param('id') id: string) {
    return this.file.commitment(id);
  }

  @Put('evaluation')
  @AllowRoles(...WRITERS)
  @ApiOperation({ summary: 'Record the evaluation of the current cycle (§2.4): per goal of the plan achieved or not, and how participants judged the process; CLOSE needs it complete' })
  @Answers(EVALUATION_SAVED)
  saveEvaluation(@Param('id') id: string, @Body() body: EvaluationDto, @CurrentActor() actor: Actor) {
    return this.workflow.saveEvaluation(id, body as Evaluation, actor);
  }

  @Get('evaluation')
  @AllowRoles(...ANY_ROLE)
  @Answers(EVALUATION_DOCUMENT)
  evaluation(@Param('id') id: string) {
    return this.file.evaluation(id);
  }

  @Post('raad-information')
  @AllowRoles(...WRITERS, 'council-clerk', 'college-secretary')
  @ApiOperation({ summary: 'Record that the raad was informed about a step (§2.4): a raadsinformatiebrief or a commissie treatment; a plan may ask for it before the step, or instead of a decision' })
  @Creates(RAAD_INFORMATION_SAVED)
  recordRaadInformation(@Param('id') id: string, @Body() body: RaadInformationDto, @CurrentActor() actor: Actor) {
    return this.workflow.recordRaadInformation(id, body, actor);
  }

  @Get('raad-information')
  @AllowRoles(...ANY_ROLE)
  @Answers(listOf(RAAD_INFORMATION))
  raadInformation(@Param('id') id: string) {
    return this.file.raadInformation(id);
  }

  @Put('challenge-assessment')
  @AllowRoles(...DECISION_RECORDERS)
  @ApiOperation({ summary: 'Record the decision of the competent body on a challenge under the right to challenge (uitdaagrecht), judged on the criteria; deciding on the challenge needs it, and one not honoured ends it. After its term it is marked late.' })
  @ApiResponse({ status: 403, description: 'wrong-role-for-body: the college’s by a college-secretary, the raad’s by a council-clerk' })
  @ApiResponse({ status: 409, description: 'not-a-challenge, initiative-not-submitted, project-ended' })
  @ApiResponse({ status: 422, description: 'assessment-in-future, assessment-before-submission' })
  @Answers(CHALLENGE_ASSESSMENT_SAVED)
  saveChallengeAssessment(@Param('id') id: string, @Body() body: ChallengeAssessmentDto, @CurrentActor() actor: Actor) {
    // The body's decision, recorded by its office (issue 18).
    return this.workflow.saveChallengeAssessment(id, body as ChallengeAssessment, asRecorderOf(body.body, actor));
  }

  @Post('challenge-assessment/notice')
  @HttpCode(200)
  @AllowRoles(...WRITERS, ...DECISION_RECORDERS)
  @ApiOperation({ summary: 'Record the day the assessment with its reasons went to the challenger (Awb art. 3:41, 3:46); a challenge not honoured is stopped only after it (challenger-not-informed)' })
  @ApiResponse({ status: 409, description: 'challenge-assessment-missing' })
  @ApiResponse({ status: 422, description: 'notice-in-future, notice-before-assessment' })
  @Answers(CHALLENGE_ASSESSMENT)
  recordChallengerInformed(@Param('id') id: string, @Body() body: ChallengerNoticeDto, @CurrentActor() actor: Actor) {
    return this.workflow.recordChallengerInformed(id, body.sentOn, actor);
  }

  @Put('challenge-agreement')
  @AllowRoles(...WRITERS)
  @ApiOperation({ summary: 'Record the agreement that takes up a challenge the competent body honoured (uitdaagrecht): what the challengers take over, its reference and term; DECISION_TAKEN, the step into execution, needs it, and a milestone a month before its end asks for the evaluation' })
  @ApiResponse({ status: 409, description: 'not-a-challenge, challenge-not-honoured' })
  @ApiResponse({ status: 422, description: 'agreement-in-future, agreement-before-assessment, agreement-term-invalid' })
  @Answers(CHALLENGE_AGREEMENT_SAVED)
  saveChallengeAgreement(@Param('id') id: string, @Body() body: ChallengeAgreementDto, @CurrentActor() actor: Actor) {
    return this.workflow.saveChallengeAgreement(id, body, actor);
  }

  @Get('challenge-agreement')
  @AllowRoles(...ANY_ROLE)
  @Answers(CHALLENGE_AGREEMENT_DOCUMENT)
  challengeAgreement(@Param('id') id: string) {
    return this.file.challengeAgreement(id);
  }

  @Get('challenge-assessment')
  @AllowRoles(...ANY_ROLE)
  @Answers(CHALLENGE_ASSESSMENT_DOCUMENT)
  challengeAssessment(@Param('id') id: string) {
    return this.file.challengeAssessment(id);
  }

  @Put('initiator')
  @AllowRoles(...WRITERS)
  @ApiOperation({ summary: 'Record who brought an initiative: its initiator, applicant or challengers, with an e-mail address. Personal data: kept apart from the trail (which holds its salted digest) and erased after RETENTION_INITIATOR_DAYS' })
  @ApiResponse({ status: 409, description: 'not-an-initiative, project-ended' })
  @Answers(INITIATOR)
  recordInitiator(@Param('id') id: string, @Body() body: InitiatorDto, @CurrentActor() actor: Actor) {
    return this.workflow.recordInitiator(id, body, actor);
  }

  @Get('initiator')
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'Who brought the initiative, as last recorded; `erased` once its retention period passed and it was erased' })
  @Answers(INITIATOR_RECORD)
  initiator(@Param('id') id: string) {
    return this.file.initiator(id);
  }

  @Put('applicant-account')
  @AllowRoles(...WRITERS)
  @ApiOperation({ summary: 'Record the applicant’s account of participation with an application for an omgevingsvergunning (Omgevingsregeling art. 7.4); where the raad made participation mandatory for the activity, FORMALLY_SUBMITTED needs it' })
  @ApiResponse({ status: 409, description: 'not-an-initiative, project-ended' })
  @Answers(APPLICANT_ACCOUNT_SAVED)
  saveApplicantAccount(@Param('id') id: string, @Body() body: ApplicantAccountDto, @CurrentActor() actor: Actor) {
    return this.workflow.saveApplicantAccount(id, body as ApplicantParticipationAccount, actor);
  }

  @Get('applicant-account')
  @AllowRoles(...ANY_ROLE)
  @Answers(APPLICANT_ACCOUNT_DOCUMENT)
  applicantAccount(@Param('id') id: string) {
    return this.file.applicantAccount(id);
  }

  @Put('plan')
  @AllowRoles(...WRITERS)
  @ApiOperation({ summary: 'Save a new version of the plan of approach (§2.3, §2.4, §1.4); answers the missing parts and the level warnings' })
  @ApiResponse({ status: 422, description: 'inspraak-form-not-allowed, unknown-stakeholder, change-reason-required' })
  @Answers(PLAN_SAVED)
  savePlan(@Param('id') id: string, @Body() { changeReason, ...plan }: PlanDto, @CurrentActor() actor: Actor) {
    return this.workflow.savePlan(id, plan as Plan, changeReason, actor);
  }

  @Get('plan')
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'The plan as it stands, its missing parts, level warnings and the adopted version' })
  @Answers(PLAN_DOCUMENT)
  plan(@Param('id') id: string) {
    return this.file.plan(id);
  }

  @Get('plan/versions')
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'Every version of the plan, newest first; the adopted one has adoptedAt' })
  @Answers(PLAN_VERSIONS)
  planVersions(@Param('id') id: string) {
    return this.file.versions(id, 'plan');
  }

  @Post('stakeholders')
  @AllowRoles(...WRITERS)
  @ApiOperation({ summary: 'Add a stakeholder group (§1.5)' })
  @Creates(STAKEHOLDER)
  addStakeholder(@Param('id') id: string, @Body() body: StakeholderDto, @CurrentActor() actor: Actor) {
    return this.workflow.addStakeholder(id, body, actor);
  }

  @Get('stakeholders')
  @AllowRoles(...ANY_ROLE)
  @Answers(listOf(STAKEHOLDER))
  stakeholders(@Param('id') id: string) {
    return this.file.stakeholderList(id);
  }

  @Post('inspection')
  @AllowRoles(...WRITERS)
  @ApiOperation({ summary: 'Lay the draft decision open for inspection (afdeling 3.4 Awb); answers the end of the six-week term, extended past weekends and holidays' })
  @ApiResponse({ status: 409, description: 'inspection-not-applicable, inspection-outside-preparation, inspection-exists' })
  @Creates(INSPECTION)
  openInspection(@Param('id') id: string, @Body() body: InspectionDto, @CurrentActor() actor: Actor) {
    return this.workflow.openInspection(id, body, actor);
  }

  @Post('inspection/withdrawal')
  @HttpCode(200)
  @AllowRoles(...WRITERS)
  @ApiOperation({ summary: 'Withdraw the terinzagelegging of this cycle because its kennisgeving was faulty, with the reason; it stays in the file and the trail, marked, and the draft is laid open anew with POST inspection, to which its zienswijzen move' })
  @ApiResponse({ status: 409, description: 'no-inspection, inspection-outside-preparation' })
  @Answers(WITHDRAWN_INSPECTION)
  withdrawInspection(@Param('id') id: string, @Body() body: InspectionWithdrawalDto, @CurrentActor() actor: Actor) {
    return this.workflow.withdrawInspection(id, body.reason, actor);
  }

  @Get('inspection')
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'The inspection of the current cycle, with its reactions, and the terinzageleggingen of the cycle withdrawn before it (`withdrawn`)' })
  @Answers(INSPECTION_WITH_REACTIONS)
  inspection(@Param('id') id: string) {
    return this.file.inspection(id);
  }

  @Post('inspection/reactions')
  @AllowRoles(...WRITERS)
  @ApiOperation({ summary: 'Register a reaction (zienswijze); one received after the term is marked late' })
  @Creates(REACTION)
  recordReaction(@Param('id') id: string, @Body() body: ReactionDto, @CurrentActor() actor: Actor) {
    return this.workflow.recordReaction(id, body, actor);
  }

  @Post('inspection/reactions/:reactionId/answer')
  @HttpCode(204)
  @AllowRoles(...WRITERS)
  @ApiOperation({ summary: 'Record the answer to a reaction' })
  @ApiNoContentResponse({ description: 'The answer is recorded; nothing to return' })
  answerReaction(@Param('id') id: string, @Param('reactionId', new ParseUUIDPipe()) reactionId: string, @Body() body: AnswerDto, @CurrentActor() actor: Actor) {
    return this.workflow.answerReaction(id, reactionId, body, actor);
  }
}
