export { compileScreening, type CompiledScreening, type ScreeningEvent } from './compile.js';
export { runRules } from './run.js';
export { factName } from './facts.js';
