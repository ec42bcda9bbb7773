import { Body, Controller, Get, Param, Post } from '@nestjs/common';
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
  @ApiOperation({ summary: "The project's communications with participants, newest first" })
  @Answers(listOf(COMMUNICATION))
  list(@Param('id') id: string) {
    return this.communications.list(id);
  }
}
