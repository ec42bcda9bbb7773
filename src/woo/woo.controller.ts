import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import { ANY_ROLE, PUBLISHERS, type Actor } from '../auth/roles';
import { Answers, AnswersXml, Creates, listOf, WOO_ITEM } from '../common/response-schemas';
import { PublishWooDto, WithdrawWooDto } from './woo.dto';
import { WooService } from './woo.service';

@ApiTags('woo')
@ApiBearerAuth()
@Controller('projects/:id/woo-publications')
export class WooController {
  constructor(private readonly woo: WooService) {}

  @Post()
  @AllowRoles(...PUBLISHERS)
  @ApiOperation({ summary: 'Mark a decision (with its document) or a document for active publication under a Woo information category (Woo art. 3.3)' })
  @ApiResponse({ status: 409, description: 'already-published: the decision is already marked' })
  @ApiResponse({ status: 422, description: 'document-incomplete, decision-document-missing, document-date-in-future' })
  @Creates(WOO_ITEM)
  publish(@Param('id') id: string, @Body() body: PublishWooDto, @CurrentActor() actor: Actor) {
    return this.woo.publish(id, body, actor);
  }

  @Get()
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'Every item marked for publication, oldest first; withdrawn ones with their reason' })
  @Answers(listOf(WOO_ITEM))
  list(@Param('id') id: string) {
    return this.woo.list(id);
  }

  @Get('diwoo.xml')
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'The published items as a sitemap with DiWoo metadata (XSD 0.9.8), for the municipality’s publication platform; the Woo-index harvests the whole municipality from /robots.txt; needs MUNICIPALITY_CODE' })
  @ApiResponse({ status: 409, description: 'municipality-code-missing' })
  @AnswersXml('A sitemap (urlset) with a diwoo:Document per published item')
  async diwoo(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    // The type is set once the export is made: a refusal is answered as JSON, like every other.
    const xml = await this.woo.diwoo(id);
    reply.type('application/xml; charset=utf-8');
    return xml;
  }

  @Post(':itemId/withdrawal')
  @AllowRoles(...PUBLISHERS)
  @ApiOperation({ summary: 'Take an item out of the publication; it stays in the file with the reason' })
  @ApiResponse({ status: 409, description: 'already-withdrawn' })
  @Answers(WOO_ITEM, 'The withdrawn item', 201)
  withdraw(@Param('id') id: string, @Param('itemId', new ParseUUIDPipe()) itemId: string, @Body() body: WithdrawWooDto, @CurrentActor() actor: Actor) {
    return this.woo.withdraw(id, itemId, body.reason, actor);
  }
}
