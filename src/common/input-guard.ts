import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Deeper than any document of this API: a body nested further is refused before anything walks it recursively. */
const MAX_DEPTH = 32;
/** NUL (PostgreSQL cannot store it in text) and lone UTF-16 surrogates (no valid Unicode: drivers and mailers choke on them). */
const UNSTORABLE = /[\u0000]|\p{Cs}/u;

type Problem = { code: string; message: string };

/**
 * Input that no field of any route can hold is refused with 400 before routing reaches a
 * handler: JSON nested absurdly deep, and text with a NUL byte or broken Unicode, in the
 * body, the query or a path parameter. Validation then judges each field as usual.
 */
export function registerInputGuard(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('preValidation', async (request, reply) => {
    const problem = inspect(request.params) ?? inspect(request.query) ?? inspect(request.body);
    if (problem) await reply.code(400).send({ statusCode: 400, ...problem });
  });
}

/** Walks a parsed value without recursion (so depth itself cannot overflow the stack). */
export function inspect(value: unknown): Problem | undefined {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (UNSTORABLE.test(current)) return { code: 'invalid-characters', message: 'The request holds a NUL character or broken Unicode, which no field can store.' };
    } else if (current !== null && typeof current === 'object') {
      if (depth >= MAX_DEPTH) return { code: 'too-deeply-nested', message: `The request is nested more than ${MAX_DEPTH} levels deep; no document of this service is.` };
      for (const [key, child] of Object.entries(current)) {
        if (UNSTORABLE.test(key)) return { code: 'invalid-characters', message: 'The request holds a NUL character or broken Unicode, which no field can store.' };
        stack.push({ value: child, depth: depth + 1 });
      }
    }
  }
  return undefined;
}
