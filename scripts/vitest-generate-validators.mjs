// Vitest globalSetup: tests run from the sources, so the schema validators (generated, not
// committed) are written from the schemas before any test imports them.
import { writeValidators } from './generate-validators.mjs';

export default function setup() {
  writeValidators();
}
