import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { REMINDER_QUEUE } from './reminder-queue';

/** Whether Redis answers within a second; the service keeps working either way. */
@Injectable()
export class RedisHealth {
  constructor(@InjectQueue(REMINDER_QUEUE) private readonly queue: Queue) {}

  async check(): Promise<{ status: 'up' } | { status: 'down'; error: string }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no answer within 1 s')), 1000)));
    try {
      await Promise.race([this.queue.count(), timeout]);
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', error: (error as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }
}
