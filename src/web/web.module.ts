import { WooModule } from '../woo/woo.module';
import { ArchiveModule } from '../archive/archive.module';
import { Module } from '@nestjs/common';
import { AccountabilityModule } from '../accountability/accountability.module';
import { InsightModule } from '../insight/insight.module';
import { AuditModule } from '../audit/audit.module';
import { CommunicationsModule } from '../communications/communications.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { ProjectFileModule } from '../project-file/project-file.module';
import { ProjectsModule } from '../projects/projects.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { ProjectPagesController } from './project-pages.controller';
import { PublicPagesController } from './public-pages.controller';
import { WebController } from './web.controller';
import { GuidePagesController } from './guide-pages.controller';
import { OidcSignIn } from './oidc-sign-in';
import { WebPages } from './web-pages';
import { WebSession } from './web-session';

/** The web interface for civil servants, at / (the API stays under /api). */
@Module({
  imports: [AccountabilityModule, WooModule, ArchiveModule, InsightModule, ProjectsModule, DecisionsModule, CommunicationsModule, AuditModule, WorkflowModule, ProjectFileModule],
  controllers: [WebController, ProjectPagesController, PublicPagesController, GuidePagesController],
  providers: [WebSession, WebPages, OidcSignIn],
})
export class WebModule {}
