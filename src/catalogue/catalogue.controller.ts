import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ADVICE_WEIGHT_NAMES,
  CATEGORY_NAMES,
  GOAL_NAMES,
  GREEN_LIGHTS,
  INFLUENCE_ASPECT_NAMES,
  INSPRAAK_FORM_CATALOGUE,
  LEVEL_CATALOGUE,
  PHASE_NAMES,
  QUICK_SCAN_ITEM_NAMES,
  RED_LIGHTS,
  SCAN_ROLE_NAMES,
  SCORE_NAMES,
  STAKEHOLDER_DOMAINS,
  STAKEHOLDER_KINDS,
} from '../../machines/participation-project';
import { AllowRoles } from '../auth/auth.decorators';
import { ANY_ROLE } from '../auth/roles';
import { Answers, CATALOGUE } from '../common/response-schemas';

const list = <K extends string, V>(record: Record<K, V>) => Object.entries(record).map(([key, value]) => ({ key, ...(value as object) }));

/** The guide's vocabulary, in Dutch and English, for forms and for reading the API. */
@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('catalogue')
export class CatalogueController {
  @Get('levels')
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'The seven interaction levels (with derived style, category, IAP2 and Arnstein lookups) and the quick-scan items, criteria, goals, advice weights and inspraak forms' })
  @Answers(CATALOGUE)
  levels() {
    return {
      levels: LEVEL_CATALOGUE.map((level) => ({ ...level, categoryName: CATEGORY_NAMES[level.category] })),
      phases: list(PHASE_NAMES),
      quickScan: { scores: list(SCORE_NAMES), items: list(QUICK_SCAN_ITEM_NAMES), influenceAspects: list(INFLUENCE_ASPECT_NAMES), participantRoles: list(SCAN_ROLE_NAMES) },
      greenLights: list(GREEN_LIGHTS),
      redLights: list(RED_LIGHTS),
      goals: list(GOAL_NAMES),
      adviceWeights: list(ADVICE_WEIGHT_NAMES),
      inspraakForms: INSPRAAK_FORM_CATALOGUE,
      stakeholders: { domains: STAKEHOLDER_DOMAINS, kinds: STAKEHOLDER_KINDS },
    };
  }
}
