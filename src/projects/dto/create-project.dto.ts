import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, Validate, type ValidationArguments, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { ProjectSettingsDto } from './project-settings.dto';
import { DECISION_KINDS, type DecisionKind, GATED_EVENTS, GOVERNING_BODIES, INITIATIVE_KINDS, ORIGINS, type InitiativeKind, POLITICAL_SENSITIVITIES, type GatedEventType, type GoverningBody, type Origin, type PoliticalSensitivity } from '../../../machines/participation-project';

@ValidatorConstraint({ name: 'gateBodies' })
class GateBodiesConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'object' && value !== null && Object.entries(value).every(([gate, body]) => (GATED_EVENTS as readonly string[]).includes(gate) && (GOVERNING_BODIES as readonly unknown[]).includes(body));
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} maps gated events (${GATED_EVENTS.join(', ')}) to college or raad`;
  }
}

export class CreateProjectDto extends ProjectSettingsDto {
  @ApiProperty({ example: 'Herinrichting Dorpsplein Elst', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ enum: ORIGINS, description: 'municipality: starts in quickScan; initiative (of residents or a developer): starts in intake until formally submitted' })
  @IsIn(ORIGINS)
  origin!: Origin;

  @ApiProperty({ enum: POLITICAL_SENSITIVITIES, description: 'low: gates need the college; high: gates need the raad' })
  @IsIn(POLITICAL_SENSITIVITIES)
  politicalSensitivity!: PoliticalSensitivity;

  @ApiPropertyOptional({ description: 'Per-gate override of the body whose green light is required', example: { ADOPT_PLAN: 'raad' } })
  @IsOptional()
  @IsObject()
  @Validate(GateBodiesConstraint)
  gateBodies?: Partial<Record<GatedEventType, GoverningBody>>;

  @ApiPropertyOptional({ enum: INITIATIVE_KINDS, default: 'initiative', description: 'initiative only: residents’ own initiative, or a challenge under the right to challenge (uitdaagrecht, Gemeentewet art. 150)' })
  @IsOptional()
  @IsIn(INITIATIVE_KINDS)
  initiativeKind?: InitiativeKind;

  @ApiPropertyOptional({ maxLength: 100, example: 'bouwactiviteit-omgevingsplan', description: 'initiative only: the activity an omgevingsvergunning is applied for; where the raad made participation mandatory for it (MANDATORY_PARTICIPATION_ACTIVITIES) the applicant’s account is needed before submission' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  permitActivity?: string;

  @ApiPropertyOptional({ enum: DECISION_KINDS, default: 'other', description: 'What the project prepares: the raad alone adopts an omgevingsplan (Omgevingswet art. 2.4), a verordening (Gemeentewet art. 147) and the begroting (Gemeentewet art. 189), whatever the sensitivity; an omgevingsplan is prepared under afdeling 3.4 Awb (Omgevingswet art. 16.30)' })
  @IsOptional()
  @IsIn(DECISION_KINDS)
  decisionKind?: DecisionKind;

  @ApiPropertyOptional({ maxLength: 64, example: 'overbetuwe-2018', description: 'The guide the project runs under (GET /api/guides): its latest version, pinned for the life of the project; default overbetuwe-2018' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  guide?: string;
}
