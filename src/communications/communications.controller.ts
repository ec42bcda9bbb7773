import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { linkNext, PageQuery } from '../common/page.query';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import { ANY_ROLE, CONTACT_KEEPERS, type Actor } from '../auth/roles';
import { CommunicationsService } from './communications.service';
import { RecordCommunicationDto } from './dto/record-communication.dto';
import { Answers, COMMUNICATION, Creates, listOf } from '../common/response-schemas';

@ApiTags('communications')
@ApiBearerAuth()
@Controller('projects/:id/communications')
export class CommunicationsController {
  constructor(private readonly communications: CommunicationsService) {}

  @Post()
  @AllowRoles(...CONTACT_KEEPERS)
  @ApiOperation({ summary: 'Record a contact with participants; it ends the silence and moves the reminder deadline' })
  @ApiResponse({ status: 422, description: 'communication-in-future' })
  @Creates(COMMUNICATION, 'The recorded communication')
  record(@Param('id') id: string, @Body() body: RecordCommunicationDto, @CurrentActor() actor: Actor) {
    return this.communications.record(id, body, actor);
  }

  @Get()
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: "The project's communications with participants, newest first; 50 a page unless `limit` says otherwise (at most 500), the next page in the Link header (rel=\"next\")" })
  @ApiResponse({ status: 400, description: 'invalid-request: limit outside 1–500, or a cursor this list did not give' })
  @Answers(listOf(COMMUNICATION))
  async list(@Param('id') id: string, @Query() page: PageQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const { items, next } = await this.communications.page(id, {}, page.limit, { after: page.cursor });
    linkNext(reply, `/api/projects/${id}/communications`, page, items.length, next);
    return items;
  }
}
