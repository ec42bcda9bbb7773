import { Body, Controller, Get, Headers, Param, Put, Query, Res } from '@nestjs/common';
import { Tenancy } from '../tenancy/tenancy.service';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import { ANY_ROLE, type Actor, WRITERS } from '../auth/roles';
import { Answers, AnswersOrPdf, DOCUMENT_SAVED, NOTA, PARTICIPATION_ACCOUNT } from '../common/response-schemas';
import { nl } from '../web/i18n/nl';
import { accountDocument, notaDocument } from '../web/reports';
import { pdfAttachment, REPORT_FILE_NAMES } from './report-pdf';
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

  constructor(
    private readonly accountability: AccountabilityService,
    private readonly tenancy: Tenancy,
  ) {}

  private get municipality(): string {
    return this.tenancy.current().name;
  }

  @Get('participation-account')
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'The participation account (participatieparagraaf) for the decision, generated from the file and the trail: advice and route, levels as planned and changed, stakeholders, contacts per phase, the inspection, green lights, silence reminders, evaluation and the closing text. With `Accept: application/pdf` the same as a tagged PDF in Dutch, for a raad’s document system or the Woo publication' })
  @AnswersOrPdf(PARTICIPATION_ACCOUNT, 'The account, as JSON or as a PDF')
  async account(@Param('id') id: string, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const account = await this.accountability.account(id);
    return wantsPdf(accept) ? pdfAttachment(reply, accountDocument(account, nl), this.municipality, REPORT_FILE_NAMES.account(account.project.title)) : account;
  }

  @Put('participation-account/closing-text')
  @AllowRoles(...WRITERS)
  @ApiOperation({ summary: 'The process manager’s own closing text of the participation account; every version is kept' })
  @Answers(DOCUMENT_SAVED)
  closingText(@Param('id') id: string, @Body() body: ClosingTextDto, @CurrentActor() actor: Actor) {
    return this.accountability.saveClosingText(id, body.text, actor);
  }

  @Get('nota-van-beantwoording')
  @AllowRoles(...ANY_ROLE)
  @ApiQuery({ name: 'versie', required: false, enum: ['openbaar', 'intern'] })
  @ApiOperation({ summary: 'The nota van beantwoording: every zienswijze numbered, its summary and answer, whether it changed the draft, and the decision that dealt with it. The public version withholds private senders’ names (sender null, AVG).' })
  @AnswersOrPdf(NOTA, 'The nota, as JSON or, with `Accept: application/pdf`, as a PDF')
  async nota(@Param('id') id: string, @Query() query: NotaQuery, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const internal = query.versie === 'intern';
    const nota = await this.accountability.nota(id, internal ? 'internal' : 'public');
    return wantsPdf(accept) ? pdfAttachment(reply, notaDocument(nota, nl), this.municipality, REPORT_FILE_NAMES.nota(nota.project.title, internal)) : nota;
  }

}

/** The client asks for the PDF before JSON (a document system, the Woo publication). */
function wantsPdf(accept: string | undefined): boolean {
  const types = (accept ?? '').split(',').map((part) => part.split(';')[0].trim().toLowerCase());
  const pdf = types.indexOf('application/pdf');
  const json = types.indexOf('application/json');
  return pdf !== -1 && (json === -1 || pdf < json);
}
