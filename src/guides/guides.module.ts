import { Global, Module } from '@nestjs/common';
import { GuidesController } from './guides.controller';
import { GuideMigrationsService } from './guide-migrations.service';
import { GuidesService } from './guides.service';
import { WorkflowModule } from '../workflow/workflow.module';

/** The guides as versioned data (issue 20): every capability that starts or judges a project asks it. */
@Global()
@Module({ imports: [WorkflowModule], controllers: [GuidesController], providers: [GuidesService, GuideMigrationsService], exports: [GuidesService, GuideMigrationsService] })
export class GuidesModule {}
