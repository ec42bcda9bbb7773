import { Controller, Get, Header } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles } from '../auth/auth.decorators';
import { OPERATOR } from '../auth/roles';
import { Metrics } from './metrics.service';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @AllowRoles(OPERATOR)
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: "The process's metrics in the Prometheus text format (the platform's operator; or METRICS_PORT, a port of its own)" })
  @ApiOkResponse({ description: 'The Prometheus text exposition format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } })
  scrape() {
    return this.metrics.text();
  }
}
