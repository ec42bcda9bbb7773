import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import { ANY_ROLE, type Actor } from '../auth/roles';
import { Answers, DOCUMENT_SAVED, NOTA, PARTICIPATION_ACCOUNT } from '../common/response-schemas';
import { AccountabilityService } from './accountability.service';

class ClosingTextDto {
  @ApiProperty({ description: 'The process manager’s own closing words: what was done with the results', maxLength: 20000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  text!: string;
}

class NotaQuery {
  @ApiPropertyOptional({ enum: ['openbaar', 'intern'], default: 'openbaar' })
  @IsOptional()
  @IsIn(['openbaar', 'intern'])
  versie?: 'openbaar' | 'intern';
}

@ApiTags('accountability')
@ApiBearerAuth()
@Controller('projects/:id')
export class AccountabilityController {
  constructor(private readonly accountability: AccountabilityService) {}

  @Get('participation-account')
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'The participation account (participatieparagraaf) for the decision, generated from the file and the trail: advice and route, levels as planned and changed, stakeholders, contacts per phase, the inspection, green lights, silence reminders, evaluation and the closing text' })
  @Answers(PARTICIPATION_ACCOUNT)
  account(@Param('id') id: string) {
    return this.accountability.account(id);
  }

  @Put('participation-account/closing-text')
  @AllowRoles('process-manager', 'admin')
  @ApiOperation({ summary: 'The process manager’s own closing text of the participation account; every version is kept' })
  @Answers(DOCUMENT_SAVED)
  closingText(@Param('id') id: string, @Body() body: ClosingTextDto, @CurrentActor() actor: Actor) {
    return this.accountability.saveClosingText(id, body.text, actor);
  }

  @Get('nota-van-beantwoording')
  @AllowRoles(...ANY_ROLE)
  @ApiQuery({ name: 'versie', required: false, enum: ['openbaar', 'intern'] })
  @ApiOperation({ summary: 'The nota van beantwoording: every zienswijze numbered, its summary and answer, whether it changed the draft, and the decision that dealt with it. The public version withholds private senders’ names (sender null, AVG).' })
  @Answers(NOTA)
  nota(@Param('id') id: string, @Query() query: NotaQuery) {
    return this.accountability.nota(id, query.versie === 'intern' ? 'internal' : 'public');
  }
}
