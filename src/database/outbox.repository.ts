import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SqlRepository } from './sql-repository';

/** Work for Redis, written in the transaction that causes it and relayed after commit. */
@Injectable()
export class OutboxRepository extends SqlRepository {
  async add(manager: EntityManager, topic: string, payload: unknown, at: string): Promise<void> {
    await this.run(manager, 'INSERT INTO outbox (topic, payload, created_at) VALUES (?, ?, ?)', [topic, JSON.stringify(payload), at]);
  }
}
