import { Module } from '@nestjs/common';
import { ProjectFileModule } from '../project-file/project-file.module';
import { ProjectsModule } from '../projects/projects.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { WooController } from './woo.controller';
import { WooHarvestController } from './woo-harvest.controller';
import { WooService } from './woo.service';

/** Active publication under the Wet open overheid: marking decisions and documents, the DiWoo export, and the harvest path of the Woo-index. */
@Module({
  imports: [ProjectsModule, ProjectFileModule, WorkflowModule],
  controllers: [WooController, WooHarvestController],
  providers: [WooService],
  exports: [WooService],
})
export class WooModule {}
