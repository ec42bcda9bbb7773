import type { GuideStep } from './guide.types';

/** Every step of a guide, depth first, with its dotted path in the machine (`policyCycle.preparation.advice`). */
export function* stepsOf(steps: readonly GuideStep[], prefix = ''): Generator<{ step: GuideStep; path: string }> {
  for (const step of steps) {
    const path = `${prefix}${step.id}`;
    yield { step, path };
    yield* stepsOf(step.steps ?? [], `${path}.`);
  }
}
