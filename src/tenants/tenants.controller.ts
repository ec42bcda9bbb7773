import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles } from '../auth/auth.decorators';
import { OPERATOR } from '../auth/roles';
import { Answers, Creates, listOf, TENANT } from '../common/response-schemas';
import { CreateTenantDto, UpdateTenantDto } from './dto/tenant.dto';
import { TenantsService } from './tenants.service';

/** The municipalities of the installation, for the platform's operator only (issue 21). */
@ApiTags('tenants')
@ApiBearerAuth()
@Controller('tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Get()
  @AllowRoles(OPERATOR)
  @ApiOperation({ summary: 'Every municipality of this installation, with its settings (no secrets)' })
  @Answers(listOf(TENANT))
  list() {
    return this.tenants.list();
  }

  @Post()
  @AllowRoles(OPERATOR)
  @ApiOperation({ summary: 'Add a municipality: its own signing key is made, the shipped guides are published in it' })
  @ApiResponse({ status: 409, description: 'tenant-exists' })
  @ApiResponse({ status: 422, description: 'guide-not-found, webhook-secret-required' })
  @Creates(TENANT, 'The municipality added')
  create(@Body() body: CreateTenantDto) {
    return this.tenants.create(body);
  }

  @Get(':tenantId')
  @AllowRoles(OPERATOR)
  @ApiOperation({ summary: 'One municipality' })
  @Answers(TENANT)
  get(@Param('tenantId') id: string) {
    return this.tenants.get(id);
  }

  @Patch(':tenantId')
  @AllowRoles(OPERATOR)
  @ApiOperation({ summary: "Change a municipality's settings (not its id); the default one is the environment's" })
  @ApiResponse({ status: 409, description: 'tenant-from-environment' })
  @ApiResponse({ status: 422, description: 'guide-not-found, webhook-secret-required' })
  @Answers(TENANT)
  update(@Param('tenantId') id: string, @Body() body: UpdateTenantDto) {
    return this.tenants.update(id, body);
  }
}
