import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { describeMachine } from '../../machines/participation-project';
import { AllowRoles } from '../auth/auth.decorators';
import { ANY_ROLE } from '../auth/roles';
import { Answers, MACHINE } from '../common/response-schemas';

@ApiTags('machine')
@ApiBearerAuth()
@Controller('machine')
export class LifecycleController {
  private readonly description = describeMachine();

  @Get()
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: "The lifecycle machine's states, transitions and events, for diagrams and clients" })
  @Answers(MACHINE)
  get() {
    return this.description;
  }
}
