import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AccountabilityModule } from './accountability/accountability.module';
import { WooModule } from './woo/woo.module';
import { ArchiveModule } from './archive/archive.module';
import { RetentionModule } from './retention/retention.module';
import { InsightModule } from './insight/insight.module';
import { AuthModule } from './auth/auth.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { loggingModule } from './logging/logging';
import { DatabaseModule } from './database/database.module';
import { TenancyModule } from './tenancy/tenancy.module';
import { MetricsModule } from './metrics/metrics.module';
import { TenantsModule } from './tenants/tenants.module';
import { DecisionsModule } from './decisions/decisions.module';
import { HealthModule } from './health/health.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { GuidesModule } from './guides/guides.module';
import { MilestonesModule } from './milestones/milestones.module';
import { QueueBoardModule } from './queue-board/queue-board.module';
import { ProjectsModule } from './projects/projects.module';
import { ProjectFileModule } from './project-file/project-file.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { WebModule } from './web/web.module';
import { RemindersModule } from './reminders/reminders.module';
import { CommunicationsModule } from './communications/communications.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        loggingModule(config),
        DatabaseModule,
        TenancyModule,
        MetricsModule,
        AuthModule,
        RemindersModule.forRoot(config, { api: true, workers: config.reminders.workers }),
        ProjectsModule,
        DecisionsModule,
        CommunicationsModule,
        MilestonesModule,
        ProjectFileModule,
        CatalogueModule,
        AuditModule,
        AccountabilityModule,
        WooModule,
        ArchiveModule,
        RetentionModule,
        InsightModule,
        LifecycleModule,
        GuidesModule,
        TenantsModule,
        HealthModule,
        QueueBoardModule,
        WebModule,
      ],
    };
  }

  /** `npm run retention`: the projects and the workflow, without HTTP or queues. */
  static retention(config: AppConfig): DynamicModule {
    return { module: AppModule, imports: [ConfigModule.forRoot(config), DatabaseModule, TenancyModule, MetricsModule, RetentionModule] };
  }

  /** `npm run tenant`: the operator's first set-up, without HTTP or queues (issue 21). */
  static tenants(config: AppConfig): DynamicModule {
    return { module: AppModule, imports: [ConfigModule.forRoot(config), DatabaseModule, TenancyModule, MetricsModule, TenantsModule] };
  }

  /** `npm run worker`: the queue workers (and the outbox relay and reconciler) without HTTP. */
  static worker(config: AppConfig): DynamicModule {
    // The guides too: a reminder's escalation follows the project's guide (issue 20).
    return { module: AppModule, imports: [ConfigModule.forRoot(config), loggingModule(config), DatabaseModule, TenancyModule, MetricsModule, GuidesModule, RemindersModule.forRoot(config, { api: false, workers: true })] };
  }
}
