import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { dataSourceOptions, migrated } from './data-source-options';
import { DecisionRepository } from './decision.repository';
import { FileRepository } from './file.repository';
import { OutboxRepository } from './outbox.repository';
import { PersonalDataRepository } from './personal-data.repository';
import { ProjectRepository } from './project.repository';
import { ReminderRepository } from './reminder.repository';
import { StateStayRepository } from './state-stay.repository';
import { TrailRepository } from './trail.repository';
import { DatabaseHealth } from './database-health';
import { AuditRootRepository } from './audit-root.repository';
import { InsightRepository } from './insight.repository';
import { GuideRepository } from './guide.repository';
import { TenantRepository } from './tenant.repository';
import { TransactionRunner } from './transaction-runner';
import { ReadTogether } from './read-session';

/** One small repository per aggregate of the write path. */
const REPOSITORIES = [AuditRootRepository, InsightRepository, ProjectRepository, DecisionRepository, TrailRepository, FileRepository, ReminderRepository, OutboxRepository, StateStayRepository, PersonalDataRepository, GuideRepository, TenantRepository];

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [ConfigModule],
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.database),
      dataSourceFactory: async (options) => migrated(new DataSource(options!)),
    }),
  ],
  providers: [TransactionRunner, DatabaseHealth, ...REPOSITORIES, { provide: APP_INTERCEPTOR, useClass: ReadTogether }],
  exports: [TransactionRunner, DatabaseHealth, ...REPOSITORIES],
})
export class DatabaseModule {}
