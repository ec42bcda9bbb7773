import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StateStay } from '../../machines/insight/state-stays';
import { SqlRepository } from './sql-repository';

/** The stays in each state, written by the step that ends one (insight's read model of the trail). */
@Injectable()
export class StateStayRepository extends SqlRepository {
  /** When the project entered the state it is in: the end of its last stay, else its creation. */
  async enteredAt(manager: EntityManager, projectId: string, createdAt: string): Promise<string> {
    const [last] = await this.run<{ leftAt: string }>(manager, 'SELECT left_at AS "leftAt" FROM state_stays WHERE tenant_id = @tenant AND project_id = ? ORDER BY seq DESC LIMIT 1', [projectId]);
    return last?.leftAt ?? createdAt;
  }

  async insert(manager: EntityManager, s: StateStay): Promise<void> {
    await this.run(
      manager,
      'INSERT INTO state_stays (tenant_id, project_id, seq, state, event, entered_at, left_at, days, left_year, green_light_body, wait_days, levels) VALUES (@tenant, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [s.projectId, s.seq, s.state, s.event, s.enteredAt, s.leftAt, s.days, s.leftYear, s.greenLightBody, s.waitDays, s.levels],
    );
  }
}
