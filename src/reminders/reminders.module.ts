import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { ProjectsModule } from '../projects/projects.module';
import { RemindersController } from './reminders.controller';
import { WorkflowModule } from '../workflow/workflow.module';
import { ReminderDelivery } from './reminder-delivery.service';
import { REMINDER_QUEUE, redisConnection } from './reminder-queue';
import { RedisHealth } from './redis-health';
import { ReminderScheduler } from './reminder-scheduler.service';
import { ReminderProcessor } from './reminder.processor';

/** Deadlines on BullMQ. Workers run here unless WORKERS=off (then `npm run worker` runs them). */
@Module({})
export class RemindersModule {
  // global: health reads RedisHealth without importing the queue machinery
  static forRoot(config: AppConfig, options: { api: boolean; workers: boolean }): DynamicModule {
    return {
      module: RemindersModule,
      global: true,
      imports: [
        BullModule.forRoot({ connection: redisConnection(config), prefix: config.reminders.queuePrefix }),
        BullModule.registerQueue({ name: REMINDER_QUEUE }),
        WorkflowModule,
        ...(options.api ? [ProjectsModule] : []),
      ],
      controllers: options.api ? [RemindersController] : [],
      providers: [RedisHealth, ReminderScheduler, ...(options.workers ? [ReminderDelivery, ReminderProcessor] : [])],
      exports: [RedisHealth],
    };
  }
}
