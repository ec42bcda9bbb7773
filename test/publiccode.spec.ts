import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { PACKAGE_VERSION } from '../src/common/version';

const ROOT = join(__dirname, '..');

/** Issue 23: publiccode.yml as the Standard for Public Code describes it, checked against its published schema. */
describe('publiccode.yml', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/publiccode/publiccode.json'), 'utf8'));
  const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(schema);
  const code = parse(readFileSync(join(ROOT, 'publiccode.yml'), 'utf8'));

  it('is valid against the schema, and says what the repository says', () => {
    expect(validate(code) ? [] : validate.errors).toEqual([]);
    expect([code.softwareVersion, code.legal.license]).toEqual([PACKAGE_VERSION, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).license]);
    expect(Object.keys(code.description)).toEqual(['nl', 'en']);
    expect(code.localisation.availableLanguages).toEqual(['nl', 'en']);
  });

  it('is refused by the schema when it lacks what the standard requires', () => {
    for (const key of ['url', 'legal', 'maintenance', 'softwareType']) {
      const { [key]: _left, ...without } = code;
      expect(validate(without)).toBe(false);
    }
    expect(validate({ ...code, developmentStatus: 'almost-done' })).toBe(false);
  });
});
